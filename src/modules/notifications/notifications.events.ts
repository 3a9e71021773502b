import { coalescing } from '../../platform/db/coalesce.ts';
import { type Ctx, systemCtx } from '../../platform/http/context.ts';
import { type BatchHandler, type JobRun, jobsByStore } from '../../platform/jobs/jobs.ts';
import type { Recipient } from './notifications.channels.ts';
import type { Dispatcher, EventIntents } from './notifications.dispatch.ts';
import type { NotificationSources, OrderFacts } from './notifications.ports.ts';
import type { Recipe } from './notifications.recipes.ts';

/** The queue an event's subscription lands in: `notifications.<event>`. */
export const subscriberOf = (event: string) => `notifications.${event}`;
const eventOf = (queue: string) => queue.slice('notifications.'.length);

/** Events claimed at once by one worker. */
export const EVENT_BATCH = 200;

type EventJob = JobRun<Record<string, unknown> & { event: string; eventId: string }>;

/**
 * Sources for one store's share of a batch: the orders and accounts its recipes ask for one by
 * one are read together (one query for all the batch's orders, one for its accounts), and the
 * store's staff once.
 */
function batchedSources(base: NotificationSources, ctx: Ctx): NotificationSources {
  const order = coalescing<string, OrderFacts | null>(async (ids) => {
    const found = await base.orders(ctx, [...ids]);
    return ids.map((id) => found.get(id) ?? null);
  });
  const user = coalescing<string, Recipient | null>(async (ids) => {
    const found = await base.users(ctx, [...ids]);
    return ids.map((id) => found.get(id) ?? null);
  });
  let staff: Promise<Recipient[]> | null = null;
  return {
    ...base,
    order: (_ctx, id) => order(id),
    user: (_ctx, id) => user(id),
    staff: () => {
      staff ??= base.staff(ctx);
      return staff;
    },
  };
}

/**
 * The worker's batch of notification events (up to EVENT_BATCH, claimed together): per store, every
 * event's recipe runs at once over batched sources, then the messages of all of them are rendered
 * and written in one transaction. If that write fails, each event is written on its own, so one bad
 * event fails alone (and is retried) while the rest go on.
 */
export function eventBatchHandler(deps: {
  dispatcher: Dispatcher;
  sources: () => NotificationSources;
  recipes: Record<string, Recipe>;
}): BatchHandler<EventJob['payload']> {
  return async (jobs) => {
    const failed = new Map<string, unknown>();
    for (const [storeId, group] of jobsByStore(jobs)) {
      const first = group[0]!;
      const ctx = systemCtx(first.db, storeId, first.log, { reason: 'notifications.events' });
      const sources = batchedSources(deps.sources(), ctx);
      const store = await deps.dispatcher.store(ctx.db, storeId);
      const events = await Promise.all(
        group.map(async (job): Promise<(EventIntents & { job: EventJob }) | null> => {
          const recipe = deps.recipes[eventOf(job.queue)];
          if (!recipe) return null;
          try {
            const intents = await recipe({ ctx, payload: job.payload, store, sources });
            return { job, eventId: job.payload.eventId, intents };
          } catch (error) {
            failed.set(job.id, error);
            return null;
          }
        }),
      );
      const ready = events.filter((e) => e !== null);
      // No transaction: the messages are written by one insert per 1,000, each skipping a message
      // written before (once per event, recipient and channel), so a write cut short and retried,
      // here per event or by the job's next attempt, adds only what is missing.
      try {
        await deps.dispatcher.dispatchMany(ctx, ready);
      } catch {
        for (const event of ready)
          await deps.dispatcher
            .dispatchMany(ctx, [event])
            .catch((error: unknown) => failed.set(event.job.id, error));
      }
    }
    return failed;
  };
}
