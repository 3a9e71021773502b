import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { pruneDeliveredEvents, pruneSucceededJobs } from './jobs.repository.ts';
import type { Jobs } from './jobs.ts';

/**
 * Tables that grow with use are pruned by scheduled jobs, each by the module that owns the table
 * (the queues below); the retention of each is configurable (docs/operations.md).
 */
export const RETENTION_QUEUES = {
  platform: 'platform.prune-jobs',
  payments: 'payments.prune-events',
  cart: 'cart.prune-guest-carts',
} as const;

/** Daily, at a quiet hour (UTC); each prune deletes in batches until nothing is left. */
export const RETENTION_CRON = '23 3 * * *';
export const PRUNE_BATCH = 5000;

/** Repeats a batched delete until a batch removes nothing; returns how many rows went. */
export async function pruneInBatches(prune: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await prune(PRUNE_BATCH);
    total += removed;
    if (removed < PRUNE_BATCH) return total;
  }
}

/** The platform's own tables: succeeded jobs and delivered outbox events. */
export function registerQueueRetention(
  jobs: Jobs,
  config: Pick<Config, 'RETENTION_JOBS_DAYS' | 'RETENTION_OUTBOX_DAYS'>,
): void {
  jobs.handle(RETENTION_QUEUES.platform, async (job) => {
    const removed = await pruneQueueTables(job.db, config);
    job.log.info(removed, 'old jobs and outbox events pruned');
  });
  jobs.schedule(RETENTION_QUEUES.platform, RETENTION_CRON, RETENTION_QUEUES.platform);
}

export async function pruneQueueTables(
  db: Db,
  config: Pick<Config, 'RETENTION_JOBS_DAYS' | 'RETENTION_OUTBOX_DAYS'>,
) {
  return {
    jobs: await pruneInBatches((batch) => pruneSucceededJobs(db, config.RETENTION_JOBS_DAYS, batch)),
    events: await pruneInBatches((batch) => pruneDeliveredEvents(db, config.RETENTION_OUTBOX_DAYS, batch)),
  };
}
