import { type Insertable, sql, type Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import { RETURN_TRANSITIONS, type ReturnStatus } from './fulfillment.status.ts';
import type {
  FulfillmentTables,
  ReturnItemRow,
  ReturnItemsTable,
  ReturnRow,
  ReturnsTable,
} from './fulfillment.tables.ts';

const t = (db: Db) => tables<FulfillmentTables>(db);

const RETURN_COLUMNS = [
  'id',
  'store_id',
  'order_id',
  'user_id',
  'status',
  'reason',
  'reason_code',
  'decision_note',
  'currency',
  'refund_amount',
  'decided_by',
  'decided_at',
  'received_at',
  'refunded_at',
  'created_at',
  'updated_at',
] as const;
const ITEM_COLUMNS = ['return_id', 'store_id', 'order_item_id', 'offer_id', 'quantity', 'condition'] as const;

export async function insertReturn(
  db: Db,
  row: Insertable<ReturnsTable>,
  items: ReturnItemRow[],
): Promise<ReturnRow> {
  const inserted = await t(db)
    .insertInto('returns')
    .values(row)
    .returning(RETURN_COLUMNS)
    .executeTakeFirstOrThrow();
  await t(db).insertInto('return_items').values(items).execute();
  return inserted;
}

export async function findReturn(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<ReturnRow | undefined> {
  let q = t(db)
    .selectFrom('returns')
    .select(RETURN_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateReturn(
  db: Db,
  storeId: string,
  id: string,
  changes: Updateable<ReturnsTable>,
): Promise<ReturnRow> {
  return t(db)
    .updateTable('returns')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(RETURN_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** How each item of a return came back (SELLABLE or DAMAGED). */
export async function setConditions(
  db: Db,
  storeId: string,
  returnId: string,
  conditions: Pick<ReturnItemsTable, 'order_item_id' | 'condition'>[],
): Promise<void> {
  for (const c of conditions) {
    await t(db)
      .updateTable('return_items')
      .set({ condition: c.condition })
      .where('store_id', '=', storeId)
      .where('return_id', '=', returnId)
      .where('order_item_id', '=', c.order_item_id)
      .execute();
  }
}

export async function itemsOfReturns(db: Db, storeId: string, returnIds: string[]): Promise<ReturnItemRow[]> {
  if (returnIds.length === 0) return [];
  return t(db)
    .selectFrom('return_items')
    .select(ITEM_COLUMNS)
    .where('store_id', '=', storeId)
    .where('return_id', 'in', returnIds)
    .orderBy('return_id')
    .orderBy('order_item_id')
    .execute();
}

/** The items of an order's returns in these statuses, with their return's status (one query). */
export async function returnedItemsOfOrder(
  db: Db,
  storeId: string,
  orderId: string,
  statuses: readonly ReturnStatus[],
): Promise<(ReturnItemRow & { status: ReturnStatus })[]> {
  return t(db)
    .selectFrom('return_items as i')
    .innerJoin('returns as r', 'r.id', 'i.return_id')
    .select([
      'i.return_id',
      'i.store_id',
      'i.order_item_id',
      'i.offer_id',
      'i.quantity',
      'i.condition',
      'r.status',
    ])
    .where('r.store_id', '=', storeId)
    .where('r.order_id', '=', orderId)
    .where('r.status', 'in', statuses)
    .execute();
}

export type ReturnFilter = {
  userId?: string | undefined;
  status?: ReturnStatus | undefined;
  orderId?: string | undefined;
};

/** A buyer's returns, or the store's by status or order, newest first (indexes in the migration). */
export async function listReturns(
  db: Db,
  storeId: string,
  filter: ReturnFilter,
  page: KeysetPage,
): Promise<ReturnRow[]> {
  let q = t(db).selectFrom('returns').select(RETURN_COLUMNS).where('store_id', '=', storeId);
  if (filter.userId) q = q.where('user_id', '=', filter.userId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.orderId) q = q.where('order_id', '=', filter.orderId);
  return newestFirst(q, page).execute();
}

/** Whether any return of the store gives this reason code. */
export async function returnWithReason(db: Db, storeId: string, code: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('returns')
    .select('id')
    .where('store_id', '=', storeId)
    .where('reason_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Which of `orders` (of any stores) have a return still open, one that can still move (the orders
 * archive keeps those hot). Read across stores, on `returns_order_idx`.
 */
export async function ordersWithOpenReturns(
  db: Db,
  orders: { id: string; storeId: string }[],
): Promise<string[]> {
  if (orders.length === 0) return [];
  const open = (Object.keys(RETURN_TRANSITIONS) as ReturnStatus[]).filter(
    (s) => RETURN_TRANSITIONS[s].length > 0,
  );
  const { rows } = await sql<{ order_id: string }>`
    SELECT DISTINCT order_id FROM returns
    WHERE store_id = ANY(${[...new Set(orders.map((o) => o.storeId))]}::uuid[])
      AND order_id = ANY(${orders.map((o) => o.id)}::uuid[])
      AND status = ANY(${open}::text[])`.execute(db);
  return rows.map((r) => r.order_id);
}
