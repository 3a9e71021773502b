import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type AttemptAction, identityDb as t } from './identity.tables.ts';

export interface Backoff {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this no longer count. */
  forgetSeconds: number;
}

/**
 * Reserves one attempt before the secret is checked: counts it as a failure at once and, from
 * `freeFailures` on, sets the doubling lock it would earn. One conditional UPDATE under the row
 * lock, so of a burst of concurrent attempts only those the policy allows get a reservation;
 * a success clears the row. Returns the lock end instead when the subject is locked already.
 */
export async function reserveAttempt(
  db: Db,
  storeId: string,
  action: AttemptAction,
  subject: string,
  b: Backoff,
): Promise<{ reserved: true } | { reserved: false; lockedUntil: Date }> {
  await sql`
    INSERT INTO auth_attempts (store_id, action, subject, count, window_started_at, updated_at)
    VALUES (${storeId}, ${action}, ${subject}, 0, now(), now())
    ON CONFLICT (store_id, action, subject) DO NOTHING`.execute(db);
  const fresh = sql<number>`CASE WHEN updated_at < now() - make_interval(secs => ${b.forgetSeconds})
                                 THEN 1 ELSE count + 1 END`;
  const { rows } = await sql<{ count: number }>`
    UPDATE auth_attempts SET
      count = ${fresh},
      locked_until = CASE WHEN ${fresh} >= ${b.freeFailures}
        THEN now() + make_interval(secs => least(${b.maxSeconds}::float8,
               ${b.baseSeconds}::float8 * power(2, ${fresh} - ${b.freeFailures})))
        ELSE NULL END,
      updated_at = now()
    WHERE store_id = ${storeId} AND action = ${action} AND subject = ${subject}
      AND (locked_until IS NULL OR locked_until <= now())
    RETURNING count`.execute(db);
  if (rows.length > 0) return { reserved: true };
  const lock = await t(db)
    .selectFrom('auth_attempts')
    .select('locked_until')
    .where('store_id', '=', storeId)
    .where('action', '=', action)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return { reserved: false, lockedUntil: lock?.locked_until ?? new Date() };
}

export async function clearAttempts(db: Db, storeId: string, action: AttemptAction, subject: string) {
  await t(db)
    .deleteFrom('auth_attempts')
    .where('store_id', '=', storeId)
    .where('action', '=', action)
    .where('subject', '=', subject)
    .execute();
}

/** Counts one request in a fixed window; returns the count and when the window ends. */
export async function hitWindow(
  db: Db,
  storeId: string,
  action: AttemptAction,
  subject: string,
  windowSeconds: number,
) {
  const { rows } = await sql<{ count: number; window_ends_at: Date }>`
    INSERT INTO auth_attempts AS a (store_id, action, subject, count, window_started_at, updated_at)
    VALUES (${storeId}, ${action}, ${subject}, 1, now(), now())
    ON CONFLICT (store_id, action, subject) DO UPDATE SET
      count = CASE WHEN a.window_started_at <= now() - make_interval(secs => ${windowSeconds}) THEN 1
                   ELSE a.count + 1 END,
      window_started_at = CASE WHEN a.window_started_at <= now() - make_interval(secs => ${windowSeconds})
                               THEN now() ELSE a.window_started_at END,
      updated_at = now()
    RETURNING count, window_started_at + make_interval(secs => ${windowSeconds}) AS window_ends_at`.execute(
    db,
  );
  return rows[0]!;
}
