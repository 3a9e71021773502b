import type { Selectable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

export interface PushSubscriptionsTable {
  id: string;
  store_id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: Date;
}

const t = (db: Db) => tables<{ push_subscriptions: PushSubscriptionsTable }>(db);

const COLUMNS = [
  'id',
  'store_id',
  'user_id',
  'endpoint',
  'p256dh',
  'auth',
  'user_agent',
  'created_at',
] as const;
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

/** Saves a device's subscription for the user; the same endpoint saved again (new keys, or another user signed in on the device) replaces it. */
export function upsertSubscription(db: Db, row: Omit<PushSubscriptionRow, 'created_at'>) {
  return t(db)
    .insertInto('push_subscriptions')
    .values({ ...row, created_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['store_id', 'endpoint']).doUpdateSet({
        user_id: row.user_id,
        p256dh: row.p256dh,
        auth: row.auth,
        user_agent: row.user_agent,
      }),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Removes one of the user's subscriptions by its endpoint; false when the user has none there. */
export async function deleteSubscription(db: Db, storeId: string, userId: string, endpoint: string) {
  const result = await t(db)
    .deleteFrom('push_subscriptions')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function subscriptionsOf(db: Db, storeId: string, userId: string): Promise<PushSubscriptionRow[]> {
  return t(db)
    .selectFrom('push_subscriptions')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .orderBy('id')
    .limit(20)
    .execute();
}

export async function hasDevice(db: Db, storeId: string, userId: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('push_subscriptions')
    .select('id')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `userIds` have a subscribed device in the store, in one read. */
export async function usersWithDevice(db: Db, storeId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await t(db)
    .selectFrom('push_subscriptions')
    .select('user_id')
    .distinct()
    .where('store_id', '=', storeId)
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** The push service said the subscription is gone (404/410). */
export async function forgetSubscription(db: Db, storeId: string, id: string): Promise<void> {
  await t(db).deleteFrom('push_subscriptions').where('store_id', '=', storeId).where('id', '=', id).execute();
}
