import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { Role } from '../../platform/http/context.ts';

export interface UsersTable {
  id: string;
  store_id: string;
  email: string;
  password_hash: string | null;
  name: string;
  phone: string | null;
  roles: Generated<Role[]>;
  status: Generated<'ACTIVE' | 'DEACTIVATED'>;
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

interface IdentityTables {
  users: UsersTable;
  user_tokens: UserTokensTable;
}

const t = (db: Db) => tables<IdentityTables>(db);

export const USER_COLUMNS = [
  'id',
  'store_id',
  'email',
  'name',
  'phone',
  'roles',
  'status',
  'email_verified_at',
  'last_login_at',
  'created_at',
] as const;

export type UserRow = Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>;

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<UserRow> {
  return t(db).insertInto('users').values(row).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export function findUserById(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findUserByEmail(db: Db, storeId: string, email: string) {
  return t(db)
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('store_id', '=', storeId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function touchLogin(db: Db, storeId: string, id: string) {
  await t(db)
    .updateTable('users')
    .set({ last_login_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function setRoles(db: Db, storeId: string, id: string, roles: Role[]) {
  return t(db)
    .updateTable('users')
    .set({ roles, updated_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

export interface UserListFilter {
  storeId: string;
  limit: number;
  after?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'ACTIVE' | 'DEACTIVATED' | undefined;
}

/** Newest first, keyset on the time-ordered id; `limit + 1` rows so the caller knows if more exist. */
export function listUsers(db: Db, f: UserListFilter) {
  let query = t(db)
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('store_id', '=', f.storeId)
    .where('deleted_at', 'is', null);
  if (f.after) query = query.where('id', '<', f.after);
  if (f.role) query = query.where(sql<boolean>`roles @> ARRAY[${f.role}]::text[]`);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('email', 'ilike', like), eb('name', 'ilike', like), eb('phone', 'like', like)]),
    );
  }
  return query
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function insertToken(db: Db, row: Insertable<UserTokensTable>) {
  await t(db).insertInto('user_tokens').values(row).execute();
}

/** Locks the token row so concurrent uses of one refresh token are decided one at a time. */
export function findTokenForUpdate(db: Db, hash: string, type: TokenType) {
  return t(db)
    .selectFrom('user_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('type', '=', type)
    .forUpdate()
    .executeTakeFirst();
}

export async function markTokenUsed(db: Db, id: string) {
  await t(db)
    .updateTable('user_tokens')
    .set({ used_at: sql`now()`, last_used_at: sql`now()` } as never)
    .where('id', '=', id)
    .execute();
}

export async function revokeFamily(db: Db, familyId: string) {
  await t(db)
    .updateTable('user_tokens')
    .set({ revoked_at: sql`now()` } as never)
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A session is live while its family has an unspent, unrevoked, unexpired refresh token. */
export async function isSessionLive(db: Db, familyId: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('user_tokens')
    .select('id')
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
