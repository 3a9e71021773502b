import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CronExpressionParser } from 'cron-parser';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { transaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { enqueue, type JobInput, type JobsTable, q } from './queue.ts';

/** Dead-lettered jobs by queue (for the `jobs_dead` gauge: a dead job needs a person). */
export async function deadJobCounts(db: Db): Promise<{ queue: string; count: number }[]> {
  const rows = await q(db)
    .selectFrom('jobs')
    .select((eb) => ['queue', eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'dead')
    .groupBy('queue')
    .execute();
  return rows.map((r) => ({ queue: r.queue, count: Number(r.count) }));
}

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

interface Registered {
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
const CRON_OPTIONS = { tz: 'UTC' };

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

  /** Records the event and fans it out to one job per subscriber, all in `db`'s transaction. */
  async publish(db: Db, event: DomainEvent): Promise<string> {
    const id = newId();
    await q(db)
      .insertInto('outbox_events')
      .values({
        id,
        name: event.name,
        store_id: event.storeId ?? null,
        payload: JSON.stringify(event.payload),
      } as never)
      .execute();
    for (const subscriber of this.subscribers.get(event.name) ?? []) {
      await this.enqueue(db, {
        queue: subscriber,
        storeId: event.storeId ?? null,
        payload: { ...event.payload, event: event.name, eventId: id },
        dedupeKey: id,
      });
    }
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

export interface WorkerOptions {
  db: Db;
  jobs: Jobs;
  log: Logger;
  metrics?: Metrics;
  pollMs?: number;
  concurrency?: number;
  id?: string;
}

/** Claims due jobs with FOR UPDATE SKIP LOCKED, runs them, retries with backoff, dead-letters. */
export class Worker {
  readonly id: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        await this.tickSchedules();
        worked = await this.runOnce();
      } catch (error) {
        this.options.log.error({ err: error }, 'worker tick failed');
      }
      if (worked === 0 && this.running) {
        const ac = new AbortController();
        this.wake = () => ac.abort();
        await sleep(this.options.pollMs ?? 1000, undefined, { signal: ac.signal }).catch(() => {});
        this.wake = null;
      }
    }
  }

  /** Claims and runs one batch; returns how many jobs ran. Tests drive the worker with this. */
  async runOnce(): Promise<number> {
    await this.reapExpiredLeases();
    const claimed = await this.claim(this.options.concurrency ?? 4);
    await Promise.all(claimed.map((job) => this.execute(job)));
    return claimed.length;
  }

  /** Runs batches until no job is due (jobs scheduled for later are left). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private async claim(limit: number): Promise<JobsTable[]> {
    const queues = this.options.jobs.queueNames();
    if (queues.length === 0) return [];
    const { rows } = await sql<JobsTable>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${this.id},
        locked_until = now() + interval '5 minutes'
      WHERE id IN (
        SELECT id FROM jobs
        WHERE status = 'pending' AND run_at <= now() AND queue = ANY(${queues})
        ORDER BY run_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING *`.execute(this.options.db);
    return rows;
  }

  private async execute(job: JobsTable): Promise<void> {
    const registered = this.options.jobs.registered(job.queue);
    if (!registered) return;
    const log = this.options.log.child({ jobId: job.id, queue: job.queue, attempt: job.attempts });
    try {
      await registered.handler({
        id: job.id,
        queue: job.queue,
        payload: job.payload,
        storeId: job.store_id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        db: this.options.db,
        log,
      });
      await q(this.options.db)
        .updateTable('jobs')
        .set({ status: 'succeeded', finished_at: sql`now()`, locked_by: null, locked_until: null } as never)
        .where('id', '=', job.id)
        .where('locked_by', '=', this.id)
        .execute();
      this.options.metrics?.jobsProcessed.inc({ queue: job.queue, outcome: 'succeeded' });
    } catch (error) {
      await this.fail(job, registered.options, error, log);
    }
  }

  private async fail(job: JobsTable, options: Required<QueueOptions>, error: unknown, log: Logger) {
    const message = error instanceof Error ? error.message : String(error);
    const dead = job.attempts >= job.max_attempts;
    const delay = Math.min(options.backoffMs * 2 ** (job.attempts - 1), options.maxBackoffMs);
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    await q(this.options.db)
      .updateTable('jobs')
      .set({
        status: dead ? 'dead' : 'pending',
        last_error: message.slice(0, 2000),
        run_at: sql`now() + make_interval(secs => ${jittered / 1000})`,
        locked_by: null,
        locked_until: null,
        finished_at: dead ? sql`now()` : null,
      } as never)
      .where('id', '=', job.id)
      .where('locked_by', '=', this.id)
      .execute();
    this.options.metrics?.jobsProcessed.inc({ queue: job.queue, outcome: dead ? 'dead' : 'retried' });
    log[dead ? 'error' : 'warn']({ err: error }, dead ? 'job dead-lettered' : 'job failed; will retry');
  }

  /** A worker that died mid-job leaves it running; once its lease ends the job is claimable again. */
  private async reapExpiredLeases(): Promise<void> {
    await sql`
      UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'pending' END,
        locked_by = NULL, locked_until = NULL, last_error = coalesce(last_error, 'lease expired')
      WHERE status = 'running' AND locked_until < now()`.execute(this.options.db);
  }

  /**
   * Enqueues the runs of schedules that are due. Whoever advances a schedule's next_run_at enqueues
   * that run, so each run happens once however many workers tick. Tests drive schedules with this.
   */
  async tickSchedules(): Promise<void> {
    for (const s of this.options.jobs.scheduleList()) {
      await transaction(this.options.db, async (trx) => {
        const next = CronExpressionParser.parse(s.cron, CRON_OPTIONS).next().toDate();
        await q(trx)
          .insertInto('job_schedules')
          .values({ name: s.name, cron: s.cron, queue: s.queue, next_run_at: next })
          .onConflict((oc) => oc.column('name').doUpdateSet({ cron: s.cron, queue: s.queue }))
          .execute();
        const due = await q(trx)
          .updateTable('job_schedules')
          .set({ next_run_at: next, last_run_at: sql`now()` } as never)
          .where('name', '=', s.name)
          .where('next_run_at', '<=', sql<Date>`now()`)
          .returning('next_run_at')
          .executeTakeFirst();
        if (due)
          await this.options.jobs.enqueue(trx, {
            queue: s.queue,
            payload: { schedule: s.name },
            dedupeKey: `${s.name}@${next.toISOString()}`,
          });
      });
    }
  }
}
