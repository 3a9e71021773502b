import { type Insertable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';
import {
  now,
  type RevokeReason,
  type TokenType,
  identityDb as t,
  type UserSessionsTable,
  type UserTokensTable,
} from './identity.tables.ts';

export async function insertSession(db: Db, row: Insertable<UserSessionsTable>) {
  await t(db).insertInto('user_sessions').values(row).execute();
}

export async function touchSession(db: Db, id: string, expiresAt: Date) {
  await t(db)
    .updateTable('user_sessions')
    .set({ last_used_at: now(), expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: Db, id: string, reason: RevokeReason) {
  await t(db)
    .updateTable('user_sessions')
    .set({ revoked_at: now(), revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes one of the user's sessions; false if it is not theirs or not live. */
export async function revokeUserSession(
  db: Db,
  storeId: string,
  userId: string,
  id: string,
  reason: RevokeReason,
): Promise<boolean> {
  const result = await t(db)
    .updateTable('user_sessions')
    .set({ revoked_at: now(), revoke_reason: reason })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeAllSessions(
  db: Db,
  storeId: string,
  userId: string,
  reason: RevokeReason,
  exceptId?: string,
): Promise<number> {
  let query = t(db)
    .updateTable('user_sessions')
    .set({ revoked_at: now(), revoke_reason: reason })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listActiveSessions(db: Db, storeId: string, userId: string, limit: number, after?: string) {
  const query = t(db)
    .selectFrom('user_sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_used_at', 'expires_at'])
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now());
  return newestFirst(query, { after, limit }).execute();
}

export async function insertToken(db: Db, row: Insertable<UserTokensTable>) {
  await t(db).insertInto('user_tokens').values(row).execute();
}

/** Locks a refresh token and its session, so concurrent uses of one token are decided one at a time. */
export function findRefreshTokenForUpdate(db: Db, hash: string) {
  return t(db)
    .selectFrom('user_tokens as tk')
    .innerJoin('user_sessions as s', 's.id', 'tk.family_id')
    .select([
      'tk.id',
      'tk.store_id',
      'tk.user_id',
      'tk.family_id',
      'tk.expires_at',
      'tk.used_at',
      's.revoked_at as session_revoked_at',
      's.created_at as session_started_at',
      's.bound_store_id',
    ])
    .where('tk.token_hash', '=', hash)
    .where('tk.type', '=', 'REFRESH')
    .forUpdate()
    .executeTakeFirst();
}

export async function markTokenUsed(db: Db, id: string) {
  await t(db)
    .updateTable('user_tokens')
    .set({ used_at: now(), last_used_at: now() })
    .where('id', '=', id)
    .execute();
}

/** Spends a single-use token (reset, verification) if it is live; one statement, so it races safely. */
export function consumeToken(db: Db, storeId: string, hash: string, type: TokenType) {
  return t(db)
    .updateTable('user_tokens')
    .set({ used_at: now(), last_used_at: now() })
    .where('token_hash', '=', hash)
    .where('type', '=', type)
    .where('store_id', '=', storeId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now())
    .returning(['id', 'user_id'])
    .executeTakeFirst();
}

/** Makes a spent single-use token usable again (the work it was spent for did not happen). */
export async function restoreToken(db: Db, id: string) {
  await t(db)
    .updateTable('user_tokens')
    .set({ used_at: null, last_used_at: null })
    .where('id', '=', id)
    .execute();
}

/** Withdraws a user's unspent tokens of a type (a new reset mail replaces the previous one). */
export async function revokeUnspentTokens(db: Db, storeId: string, userId: string, type: TokenType) {
  await t(db)
    .updateTable('user_tokens')
    .set({ revoked_at: now() })
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .where('store_id', '=', storeId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Deletes up to `batch` expired tokens, then expired sessions no token refers to, then stale
 * attempt counters. A session expires no earlier than its last token, so a session is only
 * deleted once its tokens have gone. Returns how many rows went.
 */
export async function purgeExpired(db: Db, batch: number): Promise<number> {
  const tokens = await sql`
    DELETE FROM user_tokens WHERE id IN (
      SELECT id FROM user_tokens WHERE expires_at < now() LIMIT ${batch})`.execute(db);
  const sessions = await sql`
    DELETE FROM user_sessions s WHERE s.id IN (
      SELECT id FROM user_sessions WHERE expires_at < now() LIMIT ${batch})
    AND NOT EXISTS (SELECT 1 FROM user_tokens tk WHERE tk.family_id = s.id)`.execute(db);
  const attempts = await sql`
    DELETE FROM auth_attempts WHERE (store_id, action, subject) IN (
      SELECT store_id, action, subject FROM auth_attempts
      WHERE updated_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())
      LIMIT ${batch})`.execute(db);
  return [tokens, sessions, attempts].reduce((n, r) => n + Number(r.numAffectedRows ?? 0n), 0);
}
