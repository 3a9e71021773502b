import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inOrder } from '../../platform/db/keyset.ts';
import { now, identityDb as t, type UserGroupsTable } from './identity.tables.ts';

const GROUP_COLUMNS = [
  'id',
  'store_id',
  'name',
  'seller_discount_bps',
  'admin_discount_bps',
  'seller_reward_bps',
  'admin_reward_bps',
  'created_at',
  'updated_at',
] as const;

export type UserGroupRow = Pick<Selectable<UserGroupsTable>, (typeof GROUP_COLUMNS)[number]>;

export function listGroups(db: Db, storeId: string, limit: number, after?: string) {
  const query = t(db).selectFrom('user_groups').select(GROUP_COLUMNS).where('store_id', '=', storeId);
  return inOrder(query, { after, limit }).execute();
}

export function findGroup(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('user_groups')
    .select(GROUP_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertGroup(db: Db, row: Insertable<UserGroupsTable>) {
  return t(db).insertInto('user_groups').values(row).returning(GROUP_COLUMNS).executeTakeFirstOrThrow();
}

export function updateGroup(db: Db, storeId: string, id: string, changes: Updateable<UserGroupsTable>) {
  return t(db)
    .updateTable('user_groups')
    .set({ ...changes, updated_at: now() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(GROUP_COLUMNS)
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
    .select(GROUP_COLUMNS.map((c) => `g.${c}` as const))
    .where('u.id', '=', userId)
    .where('u.store_id', '=', storeId)
    .where('g.store_id', '=', storeId)
    .executeTakeFirst();
}
