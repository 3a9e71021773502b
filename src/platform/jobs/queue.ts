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
