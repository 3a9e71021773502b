// The job registry of the process: queues and their handlers, event subscriptions, schedules, and
// `enqueue`/`publish` in the caller's transaction. The worker that runs jobs is in worker.ts; the
// SQL of both in jobs.repository.ts.
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import { enqueue, insertEventWithJobs, type JobInput } from './jobs.repository.ts';

export { deadJobCounts } from './jobs.repository.ts';

export interface JobRun<P = unknown> {
  id: string;
  queue: string;
  payload: P;
  storeId: string | null;
  /** 1 on the first try. `${id}:${attempt}` identifies one delivery attempt. */
  attempt: number;
  /** The attempt after which a failure dead-letters the job (`attempt === maxAttempts`: the last one). */
  maxAttempts: number;
  db: Db;
  log: Logger;
}

export type JobHandler<P = unknown> = (job: JobRun<P>) => Promise<void>;

export interface QueueOptions {
  /** First retry delay; doubles each attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts of a job of this queue unless its enqueue says otherwise (then it is dead). */
  maxAttempts?: number;
}

export interface Registered {
  handler: JobHandler;
  options: Required<QueueOptions>;
}

export interface DomainEvent {
  name: string;
  storeId?: string | null;
  payload: Record<string, unknown>;
}

const DEFAULTS: Required<QueueOptions> = { backoffMs: 1000, maxBackoffMs: 3_600_000, maxAttempts: 5 };

/** Schedules read in UTC, so processes in different time zones agree on the next run. */
export const CRON_OPTIONS = { tz: 'UTC' };

/**
 * Queues, event subscriptions and schedules of the whole process. Modules register handlers at
 * assembly time; `enqueue` and `publish` write in the caller's transaction.
 */
export class Jobs {
  private readonly queues = new Map<string, Registered>();
  private readonly subscribers = new Map<string, string[]>();
  private readonly schedules: { name: string; cron: string; queue: string }[] = [];

  handle<P>(queue: string, handler: JobHandler<P>, options: QueueOptions = {}): void {
    if (this.queues.has(queue)) throw new Error(`Queue ${queue} has a handler already`);
    this.queues.set(queue, { handler: handler as JobHandler, options: { ...DEFAULTS, ...options } });
  }

  /** `subscriber` names the queue the event lands in, e.g. `notifications.order-placed`. */
  subscribe<P extends Record<string, unknown>>(
    event: string,
    subscriber: string,
    handler: JobHandler<P & { event: string; eventId: string }>,
    options?: QueueOptions,
  ): void {
    this.handle(subscriber, handler as JobHandler, options);
    this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), subscriber]);
  }

  schedule(name: string, cron: string, queue: string): void {
    CronExpressionParser.parse(cron, CRON_OPTIONS); // fail at assembly on a bad expression
    this.schedules.push({ name, cron, queue });
  }

  enqueue(db: Db, job: JobInput): Promise<string | null> {
    return enqueue(db, { maxAttempts: this.queues.get(job.queue)?.options.maxAttempts, ...job });
  }

  /** Records the event and fans it out to one job per subscriber, all in `db`'s transaction (one statement). */
  async publish(db: Db, event: DomainEvent): Promise<string> {
    const id = newId();
    const storeId = event.storeId ?? null;
    const jobs = (this.subscribers.get(event.name) ?? []).map((queue) => ({
      queue,
      payload: { ...event.payload, event: event.name, eventId: id },
      maxAttempts: this.queues.get(queue)?.options.maxAttempts ?? DEFAULTS.maxAttempts,
      dedupeKey: id,
    }));
    await insertEventWithJobs(db, { id, name: event.name, storeId, payload: event.payload }, jobs);
    return id;
  }

  registered(queue: string): Registered | undefined {
    return this.queues.get(queue);
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  scheduleList() {
    return this.schedules;
  }
}
