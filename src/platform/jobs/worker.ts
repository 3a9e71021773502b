import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '../db/database.ts';
import { transaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { JobRow } from './jobs.repository.ts';
import * as repo from './jobs.repository.ts';
import { CRON_OPTIONS, type Jobs, type QueueOptions } from './jobs.ts';

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
    await repo.reapExpiredLeases(this.options.db);
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

  private async claim(limit: number): Promise<JobRow[]> {
    const queues = this.options.jobs.queueNames();
    if (queues.length === 0) return [];
    return repo.claimJobs(this.options.db, this.id, queues, limit);
  }

  private async execute(job: JobRow): Promise<void> {
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
      await repo.markSucceeded(this.options.db, job.id, this.id);
      this.options.metrics?.jobsProcessed.inc({ queue: job.queue, outcome: 'succeeded' });
    } catch (error) {
      await this.fail(job, registered.options, error, log);
    }
  }

  private async fail(job: JobRow, options: Required<QueueOptions>, error: unknown, log: Logger) {
    const message = error instanceof Error ? error.message : String(error);
    const dead = job.attempts >= job.max_attempts;
    const delay = Math.min(options.backoffMs * 2 ** (job.attempts - 1), options.maxBackoffMs);
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    await repo.markFailed(this.options.db, job.id, this.id, {
      dead,
      error: message,
      retrySeconds: jittered / 1000,
    });
    this.options.metrics?.jobsProcessed.inc({ queue: job.queue, outcome: dead ? 'dead' : 'retried' });
    log[dead ? 'error' : 'warn']({ err: error }, dead ? 'job dead-lettered' : 'job failed; will retry');
  }

  /**
   * Enqueues the runs of schedules that are due. Whoever advances a schedule's next_run_at enqueues
   * that run, so each run happens once however many workers tick. Tests drive schedules with this.
   */
  async tickSchedules(): Promise<void> {
    for (const s of this.options.jobs.scheduleList()) {
      await transaction(this.options.db, async (trx) => {
        const next = CronExpressionParser.parse(s.cron, CRON_OPTIONS).next().toDate();
        if (await repo.advanceSchedule(trx, s, next))
          await this.options.jobs.enqueue(trx, {
            queue: s.queue,
            payload: { schedule: s.name },
            dedupeKey: `${s.name}@${next.toISOString()}`,
          });
      });
    }
  }
}
