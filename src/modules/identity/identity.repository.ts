import { type Generated, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { Role } from '../../platform/http/context.ts';

// --- tables -------------------------------------------------------------------------------------

export interface UsersTable {
  id: string;
  store_id: string;
  email: string;
  password_hash: string | null;
  name: string;
  phone: string | null;
  roles: Generated<Role[]>;
  status: Generated<'ACTIVE' | 'DEACTIVATED'>;
  group_id: string | null;
  deactivated_reason: string | null;
  email_verified_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export type TokenType = 'REFRESH' | 'RESET_PASSWORD' | 'EMAIL_VERIFICATION';

export interface UserTokensTable {
  id: string;
  store_id: string;
  user_id: string;
  type: TokenType;
  token_hash: string;
  family_id: string | null;
  user_agent: string | null;
  ip: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Generated<Date>;
}

export type RevokeReason =
  | 'LOGOUT'
  | 'LOGOUT_ALL'
  | 'REVOKED'
  | 'REUSE_DETECTED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'DEACTIVATED';

export interface UserSessionsTable {
  id: string;
  store_id: string;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: RevokeReason | null;
}

export interface UserGroupsTable {
  id: string;
  store_id: string;
  name: string;
  seller_discount_bps: number;
  admin_discount_bps: number;
  seller_reward_bps: number;
  admin_reward_bps: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CustomerProfilesTable {
  user_id: string;
  store_id: string;
  loyalty_points: Generated<number>;
  preferred_currency: string | null;
  date_of_birth: string | null;
  updated_at: Generated<Date>;
}

export type SellerStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface SellerProfilesTable {
  user_id: string;
  store_id: string;
  business_name: string;
  business_type: string | null;
  tax_id: string | null;
  business_address: unknown;
  commission_rate_bps: Generated<number>;
  status: SellerStatus;
  rejection_reason: string | null;
  documents: unknown;
  bank_details_encrypted: string | null;
  applied_at: Generated<Date>;
  decided_at: Date | null;
  decided_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AdminProfilesTable {
  user_id: string;
  store_id: string;
  permissions: string[];
  department: string | null;
  updated_at: Generated<Date>;
}

export interface UserAddressesTable {
  id: string;
  store_id: string;
  user_id: string;
  label: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type AttemptAction = 'login' | 'change-password' | 'register' | 'password-reset' | 'verify-email';

export interface AuthAttemptsTable {
  store_id: string;
  action: AttemptAction;
  subject: string;
  count: number;
  window_started_at: Date;
  locked_until: Date | null;
  updated_at: Date;
}

interface IdentityTables {
  users: UsersTable;
  user_tokens: UserTokensTable;
  user_sessions: UserSessionsTable;
  user_groups: UserGroupsTable;
  customer_profiles: CustomerProfilesTable;
  seller_profiles: SellerProfilesTable;
  admin_profiles: AdminProfilesTable;
  user_addresses: UserAddressesTable;
  auth_attempts: AuthAttemptsTable;
}

const t = (db: Db) => tables<IdentityTables>(db);
const now = () => sql<Date>`now()`;

// --- users --------------------------------------------------------------------------------------

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
  if (f.after) query = query.where('id', '<', f.after);
  if (f.role) query = query.where(sql<boolean>`roles @> ARRAY[${f.role}]::text[]`);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.groupId) query = query.where('group_id', '=', f.groupId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(searchText, 'ilike', like);
  }
  return query
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

// --- sessions and tokens ------------------------------------------------------------------------

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
  let query = t(db)
    .selectFrom('user_sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_used_at', 'expires_at'])
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now());
  if (after) query = query.where('id', '<', after);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
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

// --- abuse counters -----------------------------------------------------------------------------

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

// --- addresses ----------------------------------------------------------------------------------

export type AddressRow = Selectable<UserAddressesTable>;

function userAddresses(db: Db, storeId: string, userId: string) {
  return t(db).selectFrom('user_addresses').where('store_id', '=', storeId).where('user_id', '=', userId);
}

/** seed 000 access pattern "a user's addresses" (PK userid, SK begins_with ADDRESS#). */
export function listAddresses(db: Db, storeId: string, userId: string, limit: number, after?: string) {
  let query = userAddresses(db, storeId, userId).selectAll();
  if (after) query = query.where('id', '>', after);
  return query
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export function findAddress(db: Db, storeId: string, userId: string, id: string) {
  return userAddresses(db, storeId, userId).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function addressFacts(db: Db, storeId: string, userId: string) {
  const row = await userAddresses(db, storeId, userId)
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.countAll<number>().filterWhere('is_default_shipping', '=', true).as('shipping'),
      eb.fn.countAll<number>().filterWhere('is_default_billing', '=', true).as('billing'),
    ])
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.count),
    hasShipping: Number(row.shipping) > 0,
    hasBilling: Number(row.billing) > 0,
  };
}

export async function clearDefault(db: Db, storeId: string, userId: string, kind: 'shipping' | 'billing') {
  const column = kind === 'shipping' ? 'is_default_shipping' : 'is_default_billing';
  await t(db)
    .updateTable('user_addresses')
    .set({ [column]: false })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where(column, '=', true)
    .execute();
}

export function insertAddress(db: Db, row: Insertable<UserAddressesTable>) {
  return t(db).insertInto('user_addresses').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateAddress(
  db: Db,
  storeId: string,
  userId: string,
  id: string,
  changes: Updateable<UserAddressesTable>,
) {
  return t(db)
    .updateTable('user_addresses')
    .set({ ...changes, updated_at: now() })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAddress(db: Db, storeId: string, userId: string, id: string) {
  const result = await t(db)
    .deleteFrom('user_addresses')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// --- profiles -----------------------------------------------------------------------------------

export type CustomerProfileRow = Selectable<CustomerProfilesTable>;
export type SellerProfileRow = Selectable<SellerProfilesTable>;
export type AdminProfileRow = Selectable<AdminProfilesTable>;

export function findCustomerProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('customer_profiles')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function upsertCustomerProfile(
  db: Db,
  storeId: string,
  userId: string,
  changes: { preferred_currency?: string | null; date_of_birth?: string | null },
) {
  return t(db)
    .insertInto('customer_profiles')
    .values({ user_id: userId, store_id: storeId, ...changes })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ ...changes, updated_at: now() })
        .where('customer_profiles.store_id', '=', storeId),
    )
    .returningAll()
    .executeTakeFirst();
}

export function findSellerProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('seller_profiles')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function insertSellerProfile(db: Db, row: Insertable<SellerProfilesTable>) {
  return t(db).insertInto('seller_profiles').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateSellerProfile(
  db: Db,
  storeId: string,
  userId: string,
  changes: Updateable<SellerProfilesTable>,
  onlyFrom?: SellerStatus[],
) {
  let query = t(db)
    .updateTable('seller_profiles')
    .set({ ...changes, updated_at: now() })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId);
  if (onlyFrom) query = query.where('status', 'in', onlyFrom);
  return query.returningAll().executeTakeFirst();
}

/** The review queue: by status, in user-id order (keyset). */
export function listSellerProfiles(
  db: Db,
  storeId: string,
  f: { status?: SellerStatus | undefined; limit: number; after?: string | undefined },
) {
  let query = t(db).selectFrom('seller_profiles').selectAll().where('store_id', '=', storeId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.after) query = query.where('user_id', '>', f.after);
  return query
    .orderBy('user_id')
    .limit(f.limit + 1)
    .execute();
}

export function findAdminProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('admin_profiles')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function upsertAdminProfile(
  db: Db,
  storeId: string,
  userId: string,
  changes: { permissions?: string[]; department?: string | null },
) {
  return t(db)
    .insertInto('admin_profiles')
    .values({ user_id: userId, store_id: storeId, permissions: [], ...changes })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ ...changes, updated_at: now() })
        .where('admin_profiles.store_id', '=', storeId),
    )
    .returningAll()
    .executeTakeFirst();
}

// --- user groups --------------------------------------------------------------------------------

export type UserGroupRow = Selectable<UserGroupsTable>;

export function listGroups(db: Db, storeId: string, limit: number, after?: string) {
  let query = t(db).selectFrom('user_groups').selectAll().where('store_id', '=', storeId);
  if (after) query = query.where('id', '>', after);
  return query
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export function findGroup(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('user_groups')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertGroup(db: Db, row: Insertable<UserGroupsTable>) {
  return t(db).insertInto('user_groups').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateGroup(db: Db, storeId: string, id: string, changes: Updateable<UserGroupsTable>) {
  return t(db)
    .updateTable('user_groups')
    .set({ ...changes, updated_at: now() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Members fall back to no group (ON DELETE SET NULL). */
export async function deleteGroup(db: Db, storeId: string, id: string) {
  const result = await t(db)
    .deleteFrom('user_groups')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A user's group in one indexed join (users by primary key, then the group by primary key). */
export function findUserGroup(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('users as u')
    .innerJoin('user_groups as g', 'g.id', 'u.group_id')
    .selectAll('g')
    .where('u.id', '=', userId)
    .where('u.store_id', '=', storeId)
    .where('g.store_id', '=', storeId)
    .executeTakeFirst();
}
