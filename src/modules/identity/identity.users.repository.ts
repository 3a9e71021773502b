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
  'phone_verified_at',
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

/** The names of the store's live users among `ids` (reports show them beside ids). */
export function namesOf(db: Db, storeId: string, ids: string[]) {
  return liveUsers(db, storeId).select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The user row locked for a change decided on its current values (roles, status). */
export function findUsersByIds(db: Db, storeId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as UserRow[]);
  return liveUsers(db, storeId).select(USER_COLUMNS).where('id', 'in', ids).execute();
}

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

/** Who a token says is calling: the user, its store and the session the token was issued for. */
export interface ActorKey {
  storeId: string;
  userId: string;
  sessionId: string;
}

export type ActorRow = UserRow & { permissions: string[] | null };

/**
 * The authentication query, for every request signing in at about the same time: a primary-key
 * join per key, where the user must be active and the session of the token neither revoked nor
 * expired. Returns, per key in order, the whole user row (so calls about the caller, GET /me, need
 * no second query) and its admin permissions, or undefined.
 */
export async function findActors(db: Db, keys: readonly ActorKey[]): Promise<Array<ActorRow | undefined>> {
  const { rows } = await sql<ActorRow & { session_id: string }>`
    SELECT k.session_id, ${sql.join(USER_COLUMNS.map((c) => sql.ref(`u.${c}`)))}, ap.permissions
    FROM unnest(${keys.map((k) => k.sessionId)}::uuid[], ${keys.map((k) => k.userId)}::uuid[],
      ${keys.map((k) => k.storeId)}::uuid[]) AS k (session_id, user_id, store_id)
    JOIN user_sessions s ON s.id = k.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
    JOIN users u ON u.id = s.user_id AND u.id = k.user_id AND u.store_id = k.store_id
      AND u.status = 'ACTIVE' AND u.deleted_at IS NULL
    LEFT JOIN admin_profiles ap ON ap.user_id = u.id AND ap.store_id = k.store_id
  `.execute(db);
  const bySession = new Map(rows.map(({ session_id, ...row }) => [session_id, row]));
  return keys.map((k) => {
    const row = bySession.get(k.sessionId);
    return row && row.id === k.userId && row.store_id === k.storeId ? row : undefined;
  });
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

/** Active staff of the store holding an admin permission (SUPER_ADMINs hold every one), oldest first. */
export async function staffHolding(db: Db, storeId: string, permission: string, limit: number) {
  const { rows } = await sql<{ id: string; name: string; email: string | null; phone: string | null }>`
    SELECT u.id, u.name, u.email, u.phone
    FROM users u
    LEFT JOIN admin_profiles ap ON ap.store_id = u.store_id AND ap.user_id = u.id
    WHERE u.store_id = ${storeId} AND u.deleted_at IS NULL AND u.status = 'ACTIVE'
      AND (u.roles @> ARRAY['SUPER_ADMIN']::text[]
        OR (u.roles @> ARRAY['ADMIN']::text[] AND ${permission} = ANY (ap.permissions)))
    ORDER BY u.id
    LIMIT ${limit}
  `.execute(db);
  return rows;
}
