// The queues the events analytics adds to its rollups land in (one job per event and subscriber:
// the outbox's fan-out, decision 002), and the worker's handler of a claimed batch of them.
import type { Ctx } from '../../platform/http/context.ts';
import { type BatchHandler, type JobRun, jobsByStore } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import type { RollupEvent, Rollups } from './analytics.rollups.ts';

export const AnalyticsQueues = {
  /** `payments.payment.captured`: the order counts. */
  captured: 'analytics.order-captured',
  /** `payments.refund.succeeded`: the refund counts. */
  refunded: 'analytics.refund-succeeded',
} as const;

/** Events claimed at once by one worker: a store's share of them is added in one transaction. */
export const ROLLUP_BATCH = 200;

/** What the two events carry that the rollups read. */
export type RollupPayload = { orderId?: string; amount?: number; succeededAt?: string };

type RollupJob = JobRun<RollupPayload & { event: string; eventId: string }>;

/**
 * The worker's batch of captures and refunds: per store, every event of the batch is added at once
 * (`Rollups.add`: one transaction). When a store's share fails, its jobs fail together and are
 * retried; the keys make the retry add only what was not added.
 */
export function rollupBatchHandler(
  rollups: Rollups,
  ctxOf: (storeId: string, log: Logger) => Ctx,
): BatchHandler<RollupJob['payload']> {
  return async (jobs) => {
    const failed = new Map<string, unknown>();
    for (const [storeId, group] of jobsByStore(jobs)) {
      try {
        await rollups.add(ctxOf(storeId, group[0]!.log), group.map(eventOf));
      } catch (error) {
        for (const job of group) failed.set(job.id, error);
      }
    }
    return failed;
  };
}

function eventOf(job: RollupJob): RollupEvent {
  const { eventId, orderId, amount, succeededAt } = job.payload;
  if (job.queue === AnalyticsQueues.captured) return { eventId, orderId: orderId! };
  return { eventId, refund: { amount: amount!, at: new Date(succeededAt!) } };
}
