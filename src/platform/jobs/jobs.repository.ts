import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tables } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface JobsTable {
  id: string;
  store_id: string | null;
  queue: string;
  payload: unknown;
  status: 'pending' | 'running' | 'succeeded' | 'dead';
  attempts: number;
  max_attempts: number;
  run_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface OutboxEventsTable {
  id: string;
  store_id: string | null;
  name: string;
  payload: unknown;
  created_at: Date;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  queue: string;
  next_run_at: Date;
  last_run_at: Date | null;
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
    } as never)
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
