// Read replicas wired into a server (decision 038): the database's replica options, their metrics
// and log lines, and read-your-writes (who wrote lately, the hooks that route each request's reads).

import type { Config } from './config.ts';
import { assertReadReplicas, readUrls } from './config-database.ts';
import type { Database, DatabaseOptions } from './db/database.ts';
import type { Invalidations } from './db/invalidations.ts';
import type { ZodApp } from './http/app.ts';
import { RecentWriters, readRouting } from './http/read-routing.ts';
import type { Platform } from './module.ts';
import type { Logger } from './observability/logger.ts';
import type { Metrics } from './observability/metrics.ts';

/** The replicas of DATABASE_READ_URL for `createDatabase`, checked first; none without it. */
export function replicaOptions(config: Config, log: Logger, metrics: Metrics): Partial<DatabaseOptions> {
  assertReadReplicas(config);
  const urls = readUrls(config);
  if (urls.length === 0) return {};
  return {
    readUrls: urls,
    readMaxLagMs: config.DATABASE_READ_MAX_LAG_MS,
    onRead: (pool) => metrics.dbReads.inc({ pool }),
    onReplicaChange: (r) =>
      r.serving
        ? log.info({ replica: r.name, lagMs: r.lagMs }, 'read replica serving')
        : log.warn(
            { replica: r.name, reason: r.reason },
            'read replica not serving; reads go to the primary',
          ),
  };
}

/**
 * With replicas: their gauges, and who wrote lately. Call it right after making the invalidations,
 * so it hears listening start before any message.
 */
export function readPathOf(
  config: Config,
  parts: { database: Database; invalidations: Invalidations; metrics: Metrics },
): Pick<Platform, 'recentWriters'> {
  const { replicas } = parts.database;
  if (!replicas) return {};
  parts.metrics.watchReplicas(() => replicas.statuses());
  return { recentWriters: new RecentWriters(config.DATABASE_READ_STICKY_MS, parts.invalidations) };
}

/** Routes each API request's reads (after store resolution and authentication); nothing without replicas. */
export function registerReadPath(api: ZodApp, platform: Platform): void {
  if (!platform.recentWriters) return;
  readRouting(api, {
    windowMs: platform.config.DATABASE_READ_STICKY_MS,
    writers: platform.recentWriters,
    forStoreReads: platform.database.forStoreReads,
  });
}
