import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CronExpressionParser } from 'cron-parser';
import { coalescing } from '../db/coalesce.ts';
import { runParts } from '../db/ctes.ts';
import type { Db } from '../db/database.ts';
import { CHANNELS, type Notifications } from '../db/notifications.ts';
import { transaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { type JobSpan, startJobSpan, type TracedJob, type Tracing } from '../observability/tracing.ts';
import type { JobRow } from './jobs.repository.ts';
import * as repo from './jobs.repository.ts';
import { type BatchQueues, CRON_OPTIONS, type Jobs, type Pump, type QueueOptions } from './jobs.ts';

export interface WorkerOptions {
  db: Db;
  jobs: Jobs;
  log: Logger;
  metrics?: Metrics;
  /** Wakes the worker when jobs are added (and after a lost connection); without it, it polls. */
  notifications?: Notifications;
  /** The longest an idle worker sleeps before it looks again, notified or not. */
  pollMs?: number;
  concurrency?: number;
  id?: string;
  /** A span per job run (or batch), continuing the trace that added the job (decision 039). */
  tracing?: Tracing | null;
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, runs them, retries with backoff, dead-letters.
 *
 * Idle, it writes nothing: it reads when the next job, lease end or schedule is due and sleeps
 * until then (at most `pollMs`), or until a NOTIFY says jobs were added. Only work that is due
 * is claimed (a job whose lease ran out among it) or advanced, each by a conditional UPDATE.
 */
export class Worker {
  readonly id: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Bumped by every notification, so one that lands during a pass is not slept through. */
  private nudges = 0;
  /**
   * Claims due jobs of a group of queues up to its limit, or a pump's due items. The lanes' claims
   * made in the same turn (every lane starts its first round at once) are one statement.
   */
  private readonly claimOne: (claim: Claim) => Promise<unknown[]>;

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
    this.claimOne = coalescing((claims: readonly Claim[]) => this.claimAll(claims));
  }

  /**
   * The claims of a turn in one statement: every job group's in one part (their picks never take a
   * job twice), each pump's in a part of its own. Each row goes to one claim only, even when two
   * claims of the same work meet in one turn (a `drain()` beside the running loop): a pump claimed
   * twice is claimed once, and each job goes to the first claim of its queue with room for it.
   */
  private async claimAll(claims: readonly Claim[]): Promise<unknown[][]> {
    const groups = claims.flatMap((c) => ('queues' in c ? [c] : []));
    const pumps = [...new Set(claims.flatMap((c) => ('pump' in c ? [c.pump] : [])))];
    const parts = pumps.map((pump, i) => pump.claim(`p${i}_`));
    if (groups.length > 0) parts.push(repo.jobClaimPart('j_', this.id, groups));
    const rows = await runParts(this.options.db, parts);
    const jobs = shareOut((groups.length > 0 ? rows.at(-1)! : []) as JobRow[], groups);
    const given = new Set<Pump>();
    return claims.map((c) => {
      if ('queues' in c) return jobs.get(c)!;
      if (given.has(c.pump)) return [];
      given.add(c.pump);
      return rows[pumps.indexOf(c.pump)]!;
    });
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
    const { notifications } = this.options;
    const nudge = () => {
      this.nudges++;
      this.wake?.();
    };
    const unlisten = notifications?.on(CHANNELS.jobs, nudge);
    const unresume = notifications?.onListening(nudge);
    try {
      while (this.running) {
        const seen = this.nudges;
        let waitMs = this.options.pollMs ?? 15_000;
        try {
          waitMs = await this.pass(waitMs);
        } catch (error) {
          this.options.log.error({ err: error }, 'worker tick failed');
        }
        if (this.running && this.nudges === seen && waitMs > 0) await this.sleep(waitMs);
      }
    } finally {
      unlisten?.();
      unresume?.();
    }
  }

  private async sleep(ms: number): Promise<void> {
    const ac = new AbortController();
    this.wake = () => ac.abort();
    await sleep(ms, undefined, { signal: ac.signal }).catch(() => {});
    this.wake = null;
  }

  /**
   * Does whatever is due (schedules, expired leases, jobs until none is left); returns how long to
   * sleep before looking again: until the next thing is due, at most `pollMs`.
   */
  private async pass(pollMs: number): Promise<number> {
    const { db, jobs } = this.options;
    const queues = jobs.allQueueNames();
    const schedules = jobs.scheduleList().map((s) => s.name);
    const [due, pumped] = await Promise.all([
      repo.dueIn(db, queues, schedules),
      Promise.all(jobs.pumpList().map((p) => p.dueIn(db))),
    ]);
    const pump = pumped.reduce<number | null>(
      (a, b) => (b === null ? a : a === null ? b : Math.min(a, b)),
      null,
    );
    const now = (ms: number | null) => ms !== null && ms <= 0;
    if (now(due.schedule)) await this.tickSchedules();
    if (now(due.job) || now(due.lease) || now(due.schedule) || now(pump)) {
      await this.runLanes(Number.POSITIVE_INFINITY, () => this.running);
      return 0; // look again at once: the work done may have left more for later
    }
    const next = [due.job, due.lease, due.schedule, pump].filter((ms): ms is number => ms !== null);
    return Math.max(1, Math.min(pollMs, ...next.map(Math.ceil)));
  }

  /** Claims and runs one batch; returns how many jobs ran. Tests drive the worker with this. */
  async runOnce(): Promise<number> {
    return this.claimAndRun();
  }

  /**
   * The kinds of work, each a lane: single jobs, the batched queue groups (claimed together), each
   * pump. A lane's step does one round and says whether it may have left more behind.
   */
  private lanes(): Array<() => Promise<Round>> {
    const { db, jobs, log } = this.options;
    return [
      async () => roundOf(await this.runSingles(), this.singlesAtOnce()),
      () => this.runBatches(),
      ...jobs.pumpList().map((pump) => async () => {
        try {
          const claimed = await this.claimOne({ pump });
          if (claimed.length > 0) await pump.run(db, log.child({ pump: pump.name }), claimed);
          return roundOf(claimed.length, pump.batchSize?.());
        } catch (error) {
          log.error({ err: error, pump: pump.name }, 'pump failed');
          return roundOf(0, undefined);
        }
      }),
    ];
  }

  /** One round: a batch of each lane at once. */
  private async claimAndRun(): Promise<number> {
    const rounds = await Promise.all(this.lanes().map((step) => step()));
    return rounds.reduce((a, b) => a + b.count, 0);
  }

  /**
   * Every lane runs round after round until one leaves nothing behind (a batch came back short of
   * its size: nothing more was due when it claimed), or `maxRounds`, each at its own pace: messages
   * are sent while the next events are rendered, and neither waits for the other. Work due since is
   * found by the next look.
   */
  private async runLanes(maxRounds: number, keepGoing: () => boolean = () => true): Promise<number> {
    const counts = await Promise.all(
      this.lanes().map(async (step) => {
        let total = 0;
        for (let round = 0; round < maxRounds && keepGoing(); round++) {
          const { count, more } = await step();
          total += count;
          if (!more) break;
        }
        return total;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  private singlesAtOnce(): number {
    return this.options.concurrency ?? 4;
  }

  private async runSingles(): Promise<number> {
    const claimed = await this.claim(this.singlesAtOnce());
    const outcomes = await Promise.all(claimed.map((job) => this.execute(job)));
    await this.succeeded(claimed.filter((_, i) => outcomes[i]));
    return claimed.length;
  }

  /**
   * A crash before this runs the jobs again after their lease: jobs are idempotent. One statement
   * for all of them.
   */
  private async succeeded(jobs: JobRow[]): Promise<void> {
    if (jobs.length === 0) return;
    await repo.markSucceeded(
      this.options.db,
      jobs.map((job) => job.id),
      this.id,
    );
    for (const job of jobs)
      this.options.metrics?.jobsProcessed.inc({ queue: job.queue, outcome: 'succeeded' });
  }

  /**
   * Claims the due jobs of every batched group (each up to its `batchSize`; one statement), hands
   * each group's to its handler, all at once, and marks those that succeeded in one statement. More
   * may be due when any group came back full.
   */
  private async runBatches(): Promise<Round> {
    const groups = this.options.jobs.batchList();
    const byGroup = await Promise.all(
      groups.map((g) => this.claimOne({ queues: g.queues, limit: g.options.batchSize }) as Promise<JobRow[]>),
    );
    const claimed = byGroup.flat();
    if (claimed.length === 0) return { count: 0, more: false };
    const done = await Promise.all(groups.map((g, i) => this.runBatch(g, byGroup[i]!)));
    await this.succeeded(done.flat());
    return {
      count: claimed.length,
      more: groups.some((g, i) => byGroup[i]!.length >= g.options.batchSize),
    };
  }

  /**
   * Hands a group's claimed jobs to its handler at once; those it names failed are retried or
   * dead-lettered one by one. Answers the rest, which succeeded.
   */
  private async runBatch(group: BatchQueues, claimed: JobRow[]): Promise<JobRow[]> {
    const { db, log } = this.options;
    if (claimed.length === 0) return [];
    const runs = claimed.map((job) => ({
      id: job.id,
      queue: job.queue,
      payload: job.payload,
      storeId: job.store_id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      db,
      log: log.child({ jobId: job.id, queue: job.queue, attempt: job.attempts }),
    }));
    let failed: Map<string, unknown>;
    const span = this.startSpan(claimed);
    try {
      failed = await (span
        ? this.options.tracing!.with(span.context, () => group.handler(runs))
        : group.handler(runs));
    } catch (error) {
      failed = new Map(claimed.map((job) => [job.id, error]));
    }
    span?.end(failed.size === 0 ? 'succeeded' : 'failed', failed.values().next().value);
    for (const job of claimed.filter((j) => failed.has(j.id)))
      await this.fail(job, group.options, failed.get(job.id), log.child({ jobId: job.id, queue: job.queue }));
    return claimed.filter((job) => !failed.has(job.id));
  }

  /**
   * Runs batches until no job is due (jobs scheduled for later are left): each lane on its own,
   * then rounds until one finds nothing, since a lane's work may have made another's due.
   */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runLanes(maxRounds);
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private async claim(limit: number): Promise<JobRow[]> {
    const queues = this.options.jobs.queueNames();
    if (queues.length === 0) return [];
    return this.claimOne({ queues, limit }) as Promise<JobRow[]>;
  }

  /** Runs a job; true when it succeeded (the caller marks it), false when it failed (marked here). */
  private async execute(job: JobRow): Promise<boolean> {
    const registered = this.options.jobs.registered(job.queue);
    if (!registered) return false;
    const log = this.options.log.child({ jobId: job.id, queue: job.queue, attempt: job.attempts });
    const run = {
      id: job.id,
      queue: job.queue,
      payload: job.payload,
      storeId: job.store_id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      db: this.options.db,
      log,
    };
    const span = this.startSpan([job]);
    try {
      await (span
        ? this.options.tracing!.with(span.context, () => registered.handler(run))
        : registered.handler(run));
      span?.end('succeeded');
      return true;
    } catch (error) {
      span?.end(job.attempts >= job.max_attempts ? 'dead' : 'retried', error);
      await this.fail(job, registered.options, error, log);
      return false;
    }
  }

  /** The span of a job run or of a batch, when tracing is on. */
  private startSpan(jobs: JobRow[]): JobSpan | null {
    if (!this.options.tracing) return null;
    const traced: TracedJob[] = jobs.map((job) => ({
      id: job.id,
      queue: job.queue,
      attempt: job.attempts,
      storeId: job.store_id,
      traceParent: job.trace_parent ?? null,
    }));
    return startJobSpan(this.options.tracing, traced);
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
   * Enqueues the runs of schedules that are due. Schedules are read, not rewritten: a new or
   * changed one is recorded, and a due one is advanced by a conditional UPDATE whose winner
   * enqueues that run, so each run happens once however many workers tick. Tests drive schedules
   * with this.
   */
  async tickSchedules(): Promise<void> {
    const { db, jobs } = this.options;
    const list = jobs.scheduleList();
    if (list.length === 0) return;
    const stored = new Map(
      (
        await repo.readSchedules(
          db,
          list.map((s) => s.name),
        )
      ).map((r) => [r.name, r]),
    );
    for (const s of list) {
      const row = stored.get(s.name);
      if (!row || row.cron !== s.cron || row.queue !== s.queue) {
        await repo.registerSchedule(db, s, nextRun(s.cron));
        continue;
      }
      if (!row.due) continue;
      await transaction(db, async (trx) => {
        const next = nextRun(s.cron);
        if (await repo.advanceSchedule(trx, s.name, next))
          await jobs.enqueue(trx, {
            queue: s.queue,
            payload: { schedule: s.name },
            dedupeKey: `${s.name}@${next.toISOString()}`,
          });
      });
    }
  }
}

/** Queues whose due jobs are claimed together, up to `limit`; or a pump's due items. */
type Claim = ClaimOfJobs | { pump: Pump };
type ClaimOfJobs = { queues: string[]; limit: number };

/** What a lane's round did: how many it handled, and whether more may be due right away. */
interface Round {
  count: number;
  more: boolean;
}

/** Each claimed job to the first group of its queue with room left (else the first of its queue). */
function shareOut(jobs: JobRow[], groups: ClaimOfJobs[]): Map<ClaimOfJobs, JobRow[]> {
  const shares = new Map<ClaimOfJobs, JobRow[]>(groups.map((g) => [g, []]));
  for (const job of jobs) {
    const mine = groups.filter((g) => g.queues.includes(job.queue));
    const group = mine.find((g) => shares.get(g)!.length < g.limit) ?? mine[0];
    if (group) shares.get(group)!.push(job);
  }
  return shares;
}

/** A round of `count` out of a batch of at most `size` (none: a lane that found nothing is done). */
function roundOf(count: number, size: number | undefined): Round {
  return { count, more: count > 0 && (size === undefined || count >= size) };
}

function nextRun(cron: string): Date {
  return CronExpressionParser.parse(cron, CRON_OPTIONS).next().toDate();
}
