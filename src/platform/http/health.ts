import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { type Config, type Mode, modeOf } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { problem } from './errors.ts';

export interface Readiness {
  isReady(): boolean;
  reason(): string;
}

type MetricsConfig = Pick<Config, 'NODE_ENV' | 'METRICS_PORT' | 'METRICS_TOKEN'>;

/**
 * How the public port serves /metrics: not at all when it has a listener of its own (METRICS_PORT)
 * or in production without a token, behind the Bearer token when METRICS_TOKEN is set, else openly.
 */
export function publicMetrics(config: MetricsConfig): 'open' | 'token' | 'none' {
  if (config.METRICS_PORT !== undefined) return 'none';
  if (config.METRICS_TOKEN) return 'token';
  return modeOf(config) === 'production' ? 'none' : 'open';
}

/** Constant-time comparison of an Authorization header with `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

/** /healthz: the process lives (and its mode). /readyz: the database answers and start-up work is done. /metrics. */
export function registerHealthRoutes(
  app: FastifyInstance,
  db: Db,
  readiness: Readiness,
  metrics: Metrics,
  config: MetricsConfig,
) {
  const mode: Mode = modeOf(config);
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', mode }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (!readiness.isReady()) return reply.code(503).send({ status: 'starting', detail: readiness.reason() });
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', detail: 'database does not answer' });
    }
  });
  const exposure = publicMetrics(config);
  if (exposure === 'none') return;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (exposure === 'token' && !bearerMatches(req.headers.authorization, config.METRICS_TOKEN!)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .type('application/problem+json')
        .send(problem(401, 'unauthorized', 'Unauthorized', 'The metrics token is missing or wrong.'));
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export interface MetricsListener {
  /** `http://host:port` it listens on. */
  url: string;
  close(): Promise<void>;
}

/** /metrics on a listener of its own (METRICS_PORT), e.g. on 127.0.0.1 for a local scraper. */
export async function listenMetrics(
  metrics: Metrics,
  options: { host: string; port: number; token?: string | undefined },
): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
      return;
    }
    if (options.token && !bearerMatches(req.headers.authorization, options.token)) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('Unauthorized\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
