// The job registry of the process: queues and their handlers, event subscriptions, schedules, and
// `enqueue`/`publish` in the caller's transaction. The worker that runs jobs is in worker.ts; the
// SQL of both in jobs.repository.ts.
import { CronExpressionParser } from 'cron-parser';
import type { RawBuilder } from 'kysely';
import type { StatementPart, WithCtes } from '../db/ctes.ts';
import type { Db } from '../db/database.ts';
import { afterCommit } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import { SpanKind, type Tracing } from '../observability/tracing.ts';
import { enqueue, eventWithJobsCtes, insertEventWithJobs, type JobInput } from './jobs.repository.ts';

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

/**
 * A handler of many jobs at once (a claimed batch): it answers which jobs failed, each with its
 * error; every other job of the batch succeeded. Throwing fails the whole batch.
 */
export type BatchHandler<P = unknown> = (jobs: JobRun<P>[]) => Promise<Map<string, unknown>>;

/** A batch's jobs per store, in their order (a job of no store is left out). */
export function jobsByStore<J extends { storeId: string | null }>(jobs: J[]): Map<string, J[]> {
  const byStore = new Map<string, J[]>();
  for (const job of jobs)
    if (job.storeId) byStore.set(job.storeId, [...(byStore.get(job.storeId) ?? []), job]);
  return byStore;
}

export interface BatchQueues {
  queues: string[];
  handler: BatchHandler;
  options: Required<QueueOptions> & { batchSize: number };
}

/**
 * Work a module keeps in its own table rather than as jobs (e.g. the notifications delivery queue),
 * run by the same worker: `dueIn` says when some is due (read-only, for an idle worker's sleep),
 * `claim` takes what is due as a part of the worker's claim statement (so a turn's claims, jobs
 * and pumps, are one statement), and `run` handles what it took and answers how many it handled.
 */
export interface Pump {
  name: string;
  dueIn(db: Db): Promise<number | null>;
  /** A round's claim, at most `batchSize` items, its CTEs named from `prefix`. */
  claim(prefix: string): StatementPart;
  /** Handles the rows the claim took (as its jsonb gave them). */
  run(db: Db, log: Logger, claimed: unknown[]): Promise<number>;
  /** The most a claim takes at once: one that took fewer found nothing more due. */
  batchSize?(): number;
  /** Items that failed for good (they count in the `jobs_dead` gauge under the pump's name). */
  dead?(db: Db): Promise<number>;
}

export interface DomainEvent {
  name: string;
  storeId?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Adds the events of a `publishWith` to a statement as common table expressions: call it on the
 * query builder before the statement's own `with`s and its insert or update.
 */
export type WithEvents = WithCtes;

const DEFAULTS: Required<QueueOptions> = { backoffMs: 1000, maxBackoffMs: 3_600_000, maxAttempts: 5 };

/** Schedules read in UTC, so processes in different time zones agree on the next run. */
export const CRON_OPTIONS = { tz: 'UTC' };

/**
 * Queues, event subscriptions and schedules of the whole process. Modules register handlers at
 * assembly time; `enqueue` and `publish` write in the caller's transaction.
 */
/** What a producer span says of the event it publishes. */
function producerAttributes(event: DomainEvent) {
  return {
    'messaging.system': 'bazaar.jobs',
    'messaging.operation.type': 'send',
    'messaging.destination.name': event.name,
  };
}

export class Jobs {
  private readonly queues = new Map<string, Registered>();
  private readonly subscribers = new Map<string, string[]>();
  private readonly schedules: { name: string; cron: string; queue: string }[] = [];
  private readonly batches: BatchQueues[] = [];
  private readonly pumps: Pump[] = [];
  private readonly observers: Array<(event: DomainEvent) => void> = [];

  /** With tracing, each job added carries the trace of the request or job that added it. */
  constructor(private readonly tracing: Tracing | null = null) {}

  handle<P>(queue: string, handler: JobHandler<P>, options: QueueOptions = {}): void {
    if (this.queues.has(queue)) throw new Error(`Queue ${queue} has a handler already`);
    this.queues.set(queue, { handler: handler as JobHandler, options: { ...DEFAULTS, ...options } });
  }

  /**
   * Subscribes one batch handler to many events (each lands in the queue `subscriberOf(event)`):
   * the worker claims up to `batchSize` of their jobs at once and hands them over together.
   */
  subscribeBatch<P extends Record<string, unknown>>(
    events: string[],
    subscriberOf: (event: string) => string,
    handler: BatchHandler<P & { event: string; eventId: string }>,
    options: QueueOptions & { batchSize: number },
  ): void {
    const queues = events.map(subscriberOf);
    for (const queue of queues)
      if (this.queues.has(queue) || this.batched(queue))
        throw new Error(`Queue ${queue} has a handler already`);
    this.batches.push({ queues, handler: handler as BatchHandler, options: { ...DEFAULTS, ...options } });
    events.forEach((event, i) => {
      this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), queues[i]!]);
    });
  }

  /** Adds work the worker runs beside the jobs (see `Pump`). */
  pump(pump: Pump): void {
    this.pumps.push(pump);
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
    const maxAttempts = (this.queues.get(job.queue) ?? this.batched(job.queue))?.options.maxAttempts;
    return enqueue(db, { maxAttempts, ...job, traceParent: this.tracing?.traceParent() ?? null });
  }

  /**
   * Calls `observer` with every event published, once its transaction commits (never for one that
   * rolled back): in-process followers of committed facts, such as the business counters.
   */
  observe(observer: (event: DomainEvent) => void): void {
    this.observers.push(observer);
  }

  /**
   * Records the event and fans it out to one job per subscriber, all in `db`'s transaction (one
   * statement). Traced, it is a producer span its subscribers' jobs continue.
   */
  publish(db: Db, event: DomainEvent): Promise<string> {
    if (!this.tracing) return this.write(db, event, null);
    const tracing = this.tracing;
    return tracing.inSpan(`publish ${event.name}`, SpanKind.PRODUCER, producerAttributes(event), () =>
      this.write(db, event, tracing.traceParent()),
    );
  }

  private async write(db: Db, event: DomainEvent, traceParent: string | null): Promise<string> {
    const { row, subscribers, jobPayload } = this.prepare(event);
    await insertEventWithJobs(db, row, subscribers, jobPayload, traceParent);
    this.observed(db, [event]);
    return row.id;
  }

  /**
   * `publish` folded into a write of the caller's: `write` runs its one statement with the events'
   * rows and jobs added by `withEvents` (common table expressions: the same rows as `publish`, the
   * same NOTIFY to the workers). The observers are told once the transaction commits, as for
   * `publish`, and only if `write` succeeded. Traced, the jobs continue the current trace.
   */
  async publishWith<T>(
    db: Db,
    events: DomainEvent[],
    write: (withEvents: WithEvents) => Promise<T>,
  ): Promise<T> {
    const traceParent = this.tracing?.traceParent() ?? null;
    const ctes = events.flatMap((event) => {
      const { row, subscribers, jobPayload } = this.prepare(event);
      return eventWithJobsCtes(row, subscribers, jobPayload, traceParent);
    });
    const withEvents: WithEvents = (qc) => {
      let out = qc;
      ctes.forEach((cte, i) => {
        out = out.with(
          `outbox_${i}`,
          () => cte as RawBuilder<Record<string, unknown>>,
        ) as unknown as typeof qc;
      });
      return out;
    };
    const result = await write(withEvents);
    this.observed(db, events);
    return result;
  }

  /** The event's outbox row, its subscriber queues and the payload their jobs carry. */
  private prepare(event: DomainEvent) {
    const id = newId();
    const subscribers = (this.subscribers.get(event.name) ?? []).map((queue) => ({
      queue,
      maxAttempts:
        (this.queues.get(queue) ?? this.batched(queue))?.options.maxAttempts ?? DEFAULTS.maxAttempts,
    }));
    const row = { id, name: event.name, storeId: event.storeId ?? null, payload: event.payload };
    return { row, subscribers, jobPayload: { ...event.payload, event: event.name, eventId: id } };
  }

  /** Tells the observers of the events once `db`'s transaction commits. */
  private observed(db: Db, events: DomainEvent[]): void {
    if (this.observers.length === 0 || events.length === 0) return;
    afterCommit(db, () => {
      for (const event of events) for (const observer of this.observers) observer(event);
    });
  }

  registered(queue: string): Registered | undefined {
    return this.queues.get(queue);
  }

  /** The queues of single-job handlers (the worker claims these a few at a time). */
  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  /** Every queue with a handler, batched or not (what the worker looks at to know work is due). */
  allQueueNames(): string[] {
    return [...this.queues.keys(), ...this.batches.flatMap((b) => b.queues)];
  }

  batchList(): readonly BatchQueues[] {
    return this.batches;
  }

  pumpList(): readonly Pump[] {
    return this.pumps;
  }

  private batched(queue: string): BatchQueues | undefined {
    return this.batches.find((b) => b.queues.includes(queue));
  }

  scheduleList() {
    return this.schedules;
  }
}
