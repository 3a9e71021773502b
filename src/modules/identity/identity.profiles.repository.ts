import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inOrder } from '../../platform/db/keyset.ts';
import type { SellerStatus } from './identity.schemas.ts';
import {
  type AdminProfilesTable,
  type CustomerProfilesTable,
  now,
  type SellerProfilesTable,
  identityDb as t,
} from './identity.tables.ts';

const CUSTOMER_COLUMNS = [
  'user_id',
  'store_id',
  'loyalty_points',
  'preferred_currency',
  'date_of_birth',
  'updated_at',
] as const;
const SELLER_COLUMNS = [
  'user_id',
  'store_id',
  'business_name',
  'business_type',
  'tax_id',
  'business_address',
  'commission_rate_bps',
  'status',
  'rejection_reason',
  'documents',
  'bank_details_encrypted',
  'applied_at',
  'decided_at',
  'decided_by',
  'created_at',
  'updated_at',
] as const;
const ADMIN_COLUMNS = ['user_id', 'store_id', 'permissions', 'department', 'updated_at'] as const;

export type CustomerProfileRow = Pick<Selectable<CustomerProfilesTable>, (typeof CUSTOMER_COLUMNS)[number]>;
export type SellerProfileRow = Pick<Selectable<SellerProfilesTable>, (typeof SELLER_COLUMNS)[number]>;
export type AdminProfileRow = Pick<Selectable<AdminProfilesTable>, (typeof ADMIN_COLUMNS)[number]>;

export function findCustomerProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('customer_profiles')
    .select(CUSTOMER_COLUMNS)
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
    .returning(CUSTOMER_COLUMNS)
    .executeTakeFirst();
}

export function findSellerProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('seller_profiles')
    .select(SELLER_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function insertSellerProfile(db: Db, row: Insertable<SellerProfilesTable>) {
  return t(db).insertInto('seller_profiles').values(row).returning(SELLER_COLUMNS).executeTakeFirstOrThrow();
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
  return query.returning(SELLER_COLUMNS).executeTakeFirst();
}

/** The review queue: by status, in user-id order (keyset). */
export function listSellerProfiles(
  db: Db,
  storeId: string,
  f: { status?: SellerStatus | undefined; limit: number; after?: string | undefined },
) {
  let query = t(db).selectFrom('seller_profiles').select(SELLER_COLUMNS).where('store_id', '=', storeId);
  if (f.status) query = query.where('status', '=', f.status);
  return inOrder(query, { after: f.after, limit: f.limit }, 'user_id').execute();
}

export function findAdminProfile(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('admin_profiles')
    .select(ADMIN_COLUMNS)
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
    .returning(ADMIN_COLUMNS)
    .executeTakeFirst();
}
