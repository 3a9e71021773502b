import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';
import type { Role } from '../../platform/http/context.ts';
import { now, identityDb as t, type UsersTable } from './identity.tables.ts';

export const USER_COLUMNS = [
  'id',
  'store_id',
  'email',
  'name',
  'phone',
  'roles',
  'status',
  'group_id',
  'email_verified_at',
  'last_login_at',
  'created_at',
] as const;

export type UserRow = Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>;

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<UserRow> {
  return t(db).insertInto('users').values(row).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

function liveUsers(db: Db, storeId: string) {
  return t(db).selectFrom('users').where('store_id', '=', storeId).where('deleted_at', 'is', null);
}

export function findUserById(db: Db, storeId: string, id: string) {
  return liveUsers(db, storeId).select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The user row locked for a change decided on its current values (roles, status). */
export function findUserForUpdate(db: Db, storeId: string, id: string) {
  return liveUsers(db, storeId).select(USER_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** seed 000 GSI1 (email lookup): served by users_store_email_idx on (store_id, lower(email)). */
export function findUserByEmail(db: Db, storeId: string, email: string) {
  return liveUsers(db, storeId)
    .select([...USER_COLUMNS, 'password_hash'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** seed 001 key (phone lookup): served by users_store_phone_idx. Phones are not unique: newest wins. */
export function findUserByPhone(db: Db, storeId: string, phone: string) {
  return liveUsers(db, storeId)
    .select(USER_COLUMNS)
    .where('phone', '=', phone)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findPasswordHash(db: Db, storeId: string, id: string) {
  return liveUsers(db, storeId).select('password_hash').where('id', '=', id).executeTakeFirst();
}

/**
 * Serializes changes to one user's dependent rows (default addresses, profiles). NO KEY UPDATE
 * does not block the foreign-key checks of inserts that reference the user.
 */
export async function lockUser(db: Db, storeId: string, id: string): Promise<boolean> {
  const row = await liveUsers(db, storeId)
    .select('id')
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateUser(
  db: Db,
  storeId: string,
  id: string,
  changes: Updateable<UsersTable>,
): Promise<UserRow | undefined> {
  return t(db)
    .updateTable('users')
    .set({ ...changes, updated_at: now() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

export async function touchLogin(db: Db, storeId: string, id: string) {
  await t(db)
    .updateTable('users')
    .set({ last_login_at: now() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export function setRoles(db: Db, storeId: string, id: string, roles: Role[]) {
  return updateUser(db, storeId, id, { roles });
}

/**
 * The authentication query, one primary-key join per request: the user must be active and the
 * session of the token neither revoked nor expired. Returns the whole user row, so that calls
 * about the caller (GET /me) need no second query, and the admin permissions (a third primary-key
 * lookup, of admin_profiles).
 */
export function findActor(db: Db, storeId: string, userId: string, sessionId: string) {
  return t(db)
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('admin_profiles as ap', (join) =>
      join.onRef('ap.user_id', '=', 'u.id').on('ap.store_id', '=', storeId),
    )
    .select(USER_COLUMNS.map((c) => `u.${c}` as const))
    .select('ap.permissions')
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now())
    .where('u.id', '=', userId)
    .where('u.store_id', '=', storeId)
    .where('u.status', '=', 'ACTIVE')
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface UserListFilter {
  storeId: string;
  limit: number;
  after?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'ACTIVE' | 'DEACTIVATED' | undefined;
  groupId?: string | undefined;
}

/** The text `?q=` searches; the same expression is indexed by users_search_trgm_idx. */
const searchText = sql<string>`(email || ' ' || name || ' ' || coalesce(phone, ''))`;

/** Newest first, keyset on the time-ordered id; `limit + 1` rows so the caller knows if more exist. */
export function listUsers(db: Db, f: UserListFilter) {
  let query = liveUsers(db, f.storeId).select(USER_COLUMNS);
  if (f.role) query = query.where(sql<boolean>`roles @> ARRAY[${f.role}]::text[]`);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.groupId) query = query.where('group_id', '=', f.groupId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(searchText, 'ilike', like);
  }
  return newestFirst(query, f).execute();
}
