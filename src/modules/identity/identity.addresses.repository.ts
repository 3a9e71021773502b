import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inOrder } from '../../platform/db/keyset.ts';
import { now, identityDb as t, type UserAddressesTable } from './identity.tables.ts';

const ADDRESS_COLUMNS = [
  'id',
  'store_id',
  'user_id',
  'label',
  'name',
  'line1',
  'line2',
  'city',
  'state',
  'postal_code',
  'country',
  'phone',
  'is_default_shipping',
  'is_default_billing',
  'created_at',
  'updated_at',
] as const;

export type AddressRow = Pick<Selectable<UserAddressesTable>, (typeof ADDRESS_COLUMNS)[number]>;

function userAddresses(db: Db, storeId: string, userId: string) {
  return t(db).selectFrom('user_addresses').where('store_id', '=', storeId).where('user_id', '=', userId);
}

/** seed 000 access pattern "a user's addresses" (PK userid, SK begins_with ADDRESS#). */
export function listAddresses(db: Db, storeId: string, userId: string, limit: number, after?: string) {
  return inOrder(userAddresses(db, storeId, userId).select(ADDRESS_COLUMNS), { after, limit }).execute();
}

export function findAddress(db: Db, storeId: string, userId: string, id: string) {
  return userAddresses(db, storeId, userId).select(ADDRESS_COLUMNS).where('id', '=', id).executeTakeFirst();
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
  return t(db).insertInto('user_addresses').values(row).returning(ADDRESS_COLUMNS).executeTakeFirstOrThrow();
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
    .returning(ADDRESS_COLUMNS)
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
