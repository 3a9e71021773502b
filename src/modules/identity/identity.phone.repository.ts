import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { identityDb as t } from './identity.tables.ts';
import { USER_COLUMNS, type UserRow } from './identity.users.repository.ts';

export interface CodeTiming {
  ttlSeconds: number;
  cooldownSeconds: number;
}

/**
 * Stores a fresh code for the phone, replacing the previous one (its guesses start again), unless
 * the previous one was sent less than `cooldownSeconds` ago: then nothing changes and the answer
 * is when a new one may be sent.
 */
export async function replaceCode(
  db: Db,
  storeId: string,
  phone: string,
  codeHash: string,
  timing: CodeTiming,
): Promise<{ stored: true } | { stored: false; resendAt: Date }> {
  const { rows } = await sql<{ phone: string }>`
    INSERT INTO phone_codes AS c (store_id, phone, code_hash, attempts, sent_at, expires_at)
    VALUES (${storeId}, ${phone}, ${codeHash}, 0, now(), now() + make_interval(secs => ${timing.ttlSeconds}))
    ON CONFLICT (store_id, phone) DO UPDATE SET
      code_hash = excluded.code_hash, attempts = 0, sent_at = now(), expires_at = excluded.expires_at,
      used_at = NULL
    WHERE c.sent_at <= now() - make_interval(secs => ${timing.cooldownSeconds})
    RETURNING c.phone`.execute(db);
  if (rows.length > 0) return { stored: true };
  const row = await t(db)
    .selectFrom('phone_codes')
    .select(sql<Date>`sent_at + make_interval(secs => ${timing.cooldownSeconds})`.as('resend_at'))
    .where('store_id', '=', storeId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return { stored: false, resendAt: row?.resend_at ?? new Date() };
}

/**
 * Spends one guess on the phone's live code before it is compared: one conditional UPDATE under
 * the row lock, so of any number of concurrent guesses only `maxGuesses` in all get the hash.
 * `locked`: the code is live but its guesses are spent; `none`: no live code.
 */
export async function reserveGuess(
  db: Db,
  storeId: string,
  phone: string,
  maxGuesses: number,
): Promise<{ codeHash: string } | 'locked' | 'none'> {
  const { rows } = await sql<{ code_hash: string }>`
    UPDATE phone_codes SET attempts = attempts + 1
    WHERE store_id = ${storeId} AND phone = ${phone} AND used_at IS NULL AND expires_at > now()
      AND attempts < ${maxGuesses}
    RETURNING code_hash`.execute(db);
  if (rows[0]) return { codeHash: rows[0].code_hash };
  const live = await t(db)
    .selectFrom('phone_codes')
    .select('attempts')
    .where('store_id', '=', storeId)
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return live ? 'locked' : 'none';
}

/** Marks the code used, once: false when another request spent it first. */
export async function spendCode(db: Db, storeId: string, phone: string, codeHash: string): Promise<boolean> {
  const result = await t(db)
    .updateTable('phone_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('phone', '=', phone)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The live account whose phone was confirmed by a code (at most one per store). */
export function findUserByVerifiedPhone(
  db: Db,
  storeId: string,
  phone: string,
): Promise<UserRow | undefined> {
  return t(db)
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('store_id', '=', storeId)
    .where('phone', '=', phone)
    .where('phone_verified_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Removes codes that expired a day ago (the hourly purge). */
export async function purgeExpiredCodes(db: Db): Promise<number> {
  const result = await t(db)
    .deleteFrom('phone_codes')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
