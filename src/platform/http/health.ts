import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';

export interface Readiness {
  isReady(): boolean;
  reason(): string;
}

/** /healthz: the process lives. /readyz: the database answers and start-up work is done. /metrics. */
export function registerHealthRoutes(app: FastifyInstance, db: Db, readiness: Readiness, metrics: Metrics) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (!readiness.isReady()) return reply.code(503).send({ status: 'starting', detail: readiness.reason() });
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', detail: 'database does not answer' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
