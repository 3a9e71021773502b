// The SQL of the job queue: jobs, outbox events and schedules (platform migrations 001, 002, 009).
import { type ColumnType, type RawBuilder, sql } from 'kysely';
import type { StatementPart } from '../db/ctes.ts';
import type { Db } from '../db/database.ts';
import { tables } from '../db/database.ts';
import { newId } from '../ids.ts';

/** A timestamp the database may set with `now()` (or an expression on it). */
type Timestamp = ColumnType<Date, Date | RawBuilder<Date>, Date | RawBuilder<Date>>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | RawBuilder<Date> | null,
  Date | RawBuilder<Date> | null
>;
/** jsonb: written as JSON text. */
type Json = ColumnType<unknown, string, string>;

export interface JobsTable {
  id: string;
  store_id: string | null;
  queue: string;
  payload: Json;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  run_at: Timestamp;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: NullableTimestamp;
  /** The W3C traceparent of the span that added the job, when tracing is on (decision 039). */
  trace_parent: ColumnType<string | null, string | null | undefined, string | null>;
}

export type JobStatus = 'pending' | 'running' | 'succeeded' | 'dead';

/** A job as the worker claims it. */
export interface JobRow {
  id: string;
  store_id: string | null;
  queue: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  trace_parent: string | null;
}

export interface OutboxEventsTable {
  id: string;
  store_id: string | null;
  name: string;
  payload: Json;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  queue: string;
  next_run_at: Timestamp;
  last_run_at: NullableTimestamp;
}

export interface QueueTables {
  jobs: JobsTable;
  outbox_events: OutboxEventsTable;
  job_schedules: JobSchedulesTable;
}

export const q = (db: Db) => tables<QueueTables>(db);

export interface JobInput {
  queue: string;
  payload?: unknown;
  storeId?: string | null;
  runAt?: Date;
  /** Defaults to the queue's `maxAttempts` (5 unless the queue says otherwise). */
  maxAttempts?: number | undefined;
  /** With a key, a second job of the same queue and key is not added. */
  dedupeKey?: string;
  /** The traceparent of the span adding it (tracing on); the column is left out without one. */
  traceParent?: string | null;
}

/** Adds a job in the caller's transaction (pass `trx`): it runs only if that transaction commits. */
export async function enqueue(db: Db, job: JobInput): Promise<string | null> {
  const id = newId();
  const row = await q(db)
    .insertInto('jobs')
    .values({
      id,
      queue: job.queue,
      payload: JSON.stringify(job.payload ?? {}),
      store_id: job.storeId ?? null,
      run_at: job.runAt ?? sql<Date>`now()`,
      max_attempts: job.maxAttempts ?? 5,
      dedupe_key: job.dedupeKey ?? null,
      ...(job.traceParent ? { trace_parent: job.traceParent } : {}),
    })
    .onConflict((oc) => oc.columns(['queue', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Deletes up to `batch` jobs that succeeded more than `days` ago; dead jobs stay for inspection. */
export async function pruneSucceededJobs(db: Db, days: number, batch: number): Promise<number> {
  const result = await sql`
    DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs WHERE status = 'succeeded' AND finished_at < now() - make_interval(days => ${days})
      LIMIT ${batch})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Deletes up to `batch` outbox events older than `days` whose subscriber jobs have all run (a
 * subscriber job carries the event id as its dedupe key).
 */
export async function pruneDeliveredEvents(db: Db, days: number, batch: number): Promise<number> {
  const result = await sql`
    DELETE FROM outbox_events e WHERE e.id IN (
      SELECT o.id FROM outbox_events o
      WHERE o.created_at < now() - make_interval(days => ${days})
        AND NOT EXISTS (SELECT 1 FROM jobs j
                        WHERE j.dedupe_key = o.id::text AND j.status IN ('pending', 'running'))
      LIMIT ${batch})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Records a domain event in the outbox (in the caller's transaction). */
export async function insertOutboxEvent(
  db: Db,
  event: { id: string; name: string; storeId: string | null; payload: Record<string, unknown> },
): Promise<void> {
  await q(db)
    .insertInto('outbox_events')
    .values({
      id: event.id,
      name: event.name,
      store_id: event.storeId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}

/**
 * Records a domain event and adds one job per subscriber queue (dedupe key: the event id), in one
 * statement in the caller's transaction: a busy producer pays one round trip per event.
 */
export async function insertEventWithJobs(
  db: Db,
  event: { id: string; name: string; storeId: string | null; payload: Record<string, unknown> },
  subscribers: { queue: string; maxAttempts: number }[],
  jobPayload: Record<string, unknown>,
  traceParent: string | null = null,
): Promise<void> {
  if (subscribers.length === 0) return insertOutboxEvent(db, event);
  const [outbox, jobs] = eventWithJobsCtes(event, subscribers, jobPayload, traceParent);
  await sql`WITH event AS ${outbox}, added AS ${jobs} SELECT 1`.execute(db);
}

/**
 * `insertEventWithJobs` as common table expressions of the caller's own statement: the outbox row,
 * then (with subscribers) their jobs. Each is parenthesised, to stand after `name AS`. The jobs'
 * statement trigger sends the workers' NOTIFY as for any insert into `jobs`.
 */
export function eventWithJobsCtes(
  event: { id: string; name: string; storeId: string | null; payload: Record<string, unknown> },
  subscribers: { queue: string; maxAttempts: number }[],
  jobPayload: Record<string, unknown>,
  traceParent: string | null = null,
): RawBuilder<unknown>[] {
  const outbox = sql`(
    INSERT INTO outbox_events (id, name, store_id, payload)
    VALUES (${event.id}, ${event.name}, ${event.storeId}::uuid, ${JSON.stringify(event.payload)}::jsonb))`;
  if (subscribers.length === 0) return [outbox];
  // the trace column only when there is a trace to carry: untraced, the statement is as it was
  const traced = traceParent ? sql`, trace_parent` : sql``;
  const trace = traceParent ? sql`, ${traceParent}::text` : sql``;
  const fanOut = sql`(
    INSERT INTO jobs (id, queue, payload, store_id, max_attempts, dedupe_key${traced})
    SELECT id, queue, ${JSON.stringify(jobPayload)}::jsonb, ${event.storeId}::uuid, max_attempts, ${event.id}${trace}
    FROM unnest(
      ${subscribers.map(() => newId())}::uuid[],
      ${subscribers.map((s) => s.queue)}::text[],
      ${subscribers.map((s) => s.maxAttempts)}::int[]
    ) AS s(id, queue, max_attempts)
    ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING)`;
  return [outbox, fanOut];
}

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

/**
 * The claim of up to `limit` due jobs of each group's `queues` for `workerId`, with a five-minute
 * lease, as a part of the worker's claim statement (`runParts`): each group's pick a CTE of its own
 * (FOR UPDATE SKIP LOCKED), one update of them all. A job is due when it is pending and its time
 * has come, or when the worker running it let its lease run out (it died): such a job is claimed
 * first, and dead-lettered instead when that was its last attempt. Its rows are `JobRow`s.
 */
export function jobClaimPart(
  prefix: string,
  workerId: string,
  groups: Array<{ queues: string[]; limit: number }>,
): StatementPart {
  const name = (what: string) => sql.ref(`${prefix}${what}`);
  const picks = groups.flatMap((g, i) => [
    sql`${name(`lapsed${i}`)} AS (
      SELECT id FROM jobs
      WHERE status = 'running' AND locked_until < now() AND attempts < max_attempts AND queue = ANY(${g.queues})
      ORDER BY locked_until
      LIMIT ${g.limit}
      FOR UPDATE SKIP LOCKED)`,
    sql`${name(`due${i}`)} AS (
      SELECT id FROM jobs
      WHERE status = 'pending' AND run_at <= now() AND queue = ANY(${g.queues})
      ORDER BY run_at
      LIMIT greatest(0, ${g.limit} - (SELECT count(*) FROM ${name(`lapsed${i}`)}))
      FOR UPDATE SKIP LOCKED)`,
  ]);
  const picked = sql.join(
    groups.flatMap((_, i) => [
      sql`SELECT id FROM ${name(`lapsed${i}`)}`,
      sql`SELECT id FROM ${name(`due${i}`)}`,
    ]),
    sql` UNION ALL `,
  );
  const dead = sql`${name('dead')} AS (
    UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL, finished_at = now(),
      last_error = coalesce(last_error, 'lease expired')
    WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts
      AND queue = ANY(${groups.flatMap((g) => g.queues)}))`;
  const claimed = sql`${name('claimed')} AS (
    UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + interval '5 minutes',
      last_error = CASE WHEN status = 'running' THEN coalesce(last_error, 'lease expired') ELSE last_error END
    WHERE id IN (${picked})
    RETURNING id, store_id, queue, payload, attempts, max_attempts, trace_parent)`;
  return {
    ctes: [...picks, dead, claimed],
    rows: sql`(SELECT jsonb_agg(to_jsonb(c)) FROM ${name('claimed')} c)`,
  };
}

/** Marks jobs this worker holds as succeeded (a batch in one statement). */
export async function markSucceeded(db: Db, ids: string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await q(db)
    .updateTable('jobs')
    .set({ status: 'succeeded', finished_at: sql<Date>`now()`, locked_by: null, locked_until: null })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Puts a failed job back for a retry in `retrySeconds`, or dead-letters it. */
export async function markFailed(
  db: Db,
  id: string,
  workerId: string,
  failure: { dead: boolean; error: string; retrySeconds: number },
): Promise<void> {
  await q(db)
    .updateTable('jobs')
    .set({
      status: failure.dead ? 'dead' : 'pending',
      last_error: failure.error.slice(0, 2000),
      run_at: sql<Date>`now() + make_interval(secs => ${failure.retrySeconds})`,
      locked_by: null,
      locked_until: null,
      finished_at: failure.dead ? sql<Date>`now()` : null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** A schedule as stored: `due` when its next run is now or past (by the database's clock). */
export interface ScheduleRow {
  name: string;
  cron: string;
  queue: string;
  due: boolean;
}

/** The stored schedules named `names`: one read, whatever their number. */
export async function readSchedules(db: Db, names: string[]): Promise<ScheduleRow[]> {
  const { rows } = await sql<ScheduleRow>`
    SELECT name, cron, queue, next_run_at <= now() AS due
    FROM job_schedules WHERE name = ANY(${names})`.execute(db);
  return rows;
}

/** Records a new schedule, or one whose cron or queue changed (its next run moves to `next`). */
export async function registerSchedule(
  db: Db,
  s: { name: string; cron: string; queue: string },
  next: Date,
): Promise<void> {
  await sql`
    INSERT INTO job_schedules (name, cron, queue, next_run_at) VALUES (${s.name}, ${s.cron}, ${s.queue}, ${next})
    ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, queue = excluded.queue, next_run_at = excluded.next_run_at
    WHERE job_schedules.cron <> excluded.cron OR job_schedules.queue <> excluded.queue`.execute(db);
}

/**
 * Moves a due schedule's next run to `next`; true when this call moved it (and so owns that run).
 * The condition on the due time makes concurrent callers agree: one moves it, the others find it
 * no longer due.
 */
export async function advanceSchedule(db: Db, name: string, next: Date): Promise<boolean> {
  const due = await q(db)
    .updateTable('job_schedules')
    .set({ next_run_at: next, last_run_at: sql<Date>`now()` })
    .where('name', '=', name)
    .where('next_run_at', '<=', sql<Date>`now()`)
    .returning('next_run_at')
    .executeTakeFirst();
  return due !== undefined;
}

/** Milliseconds from now (the database's clock) until each kind of work is due; null: none. */
export interface DueIn {
  /** The first pending job of `queues`. */
  job: number | null;
  /** The first lease of a running job of `queues` to run out (the job is claimable again then). */
  lease: number | null;
  /** The first run of the schedules named. */
  schedule: number | null;
}

/** When the worker next has something to do, read in one statement that writes nothing. */
export async function dueIn(db: Db, queues: string[], schedules: string[]): Promise<DueIn> {
  const { rows } = await sql<DueIn>`
    SELECT
      (SELECT extract(epoch FROM min(run_at) - now())::float8 * 1000 FROM jobs
        WHERE status = 'pending' AND queue = ANY(${queues})) AS job,
      (SELECT extract(epoch FROM min(locked_until) - now())::float8 * 1000 FROM jobs
        WHERE status = 'running' AND queue = ANY(${queues})) AS lease,
      (SELECT extract(epoch FROM min(next_run_at) - now())::float8 * 1000 FROM job_schedules
        WHERE name = ANY(${schedules})) AS schedule`.execute(db);
  return rows[0]!;
}
