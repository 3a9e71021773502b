// SQL of the orders archive (decision 037): final orders past ORDERS_ARCHIVE_AFTER_DAYS moved out of
// the hot tables in bounded batches, and the reads that see hot and archived rows as one (each a
// single statement over `UNION ALL` of both tables, so a row moving meanwhile is seen exactly once;
// PostgreSQL pushes the conditions, order and limit into each branch and merges their indexes).
import { type Generated, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import {
  HISTORY_COLUMNS,
  ITEM_COLUMNS,
  type ItemRow,
  ORDER_COLUMNS,
  type OrderItemsTable,
  type OrderRow,
  type OrderStatusHistoryTable,
  type OrdersTable,
  type OrderTables,
} from './orders.repository.ts';
import type { OrderStatus } from './orders.status.ts';

type Archived<T> = T & { archived_at: Generated<Date> };

interface ArchiveTables extends OrderTables {
  orders_archive: Archived<OrdersTable>;
  order_items_archive: Archived<OrderItemsTable>;
  order_status_history_archive: Archived<OrderStatusHistoryTable>;
}

/** An order as read from either table: `archived_at` is when it moved, null while it is hot. */
export type AnyOrderRow = OrderRow & { archived_at: Date | null };

/** Order states that may be archived: none of them moves on unless money or goods come back. */
export const ARCHIVABLE_STATUSES: OrderStatus[] = ['DELIVERED', 'RETURNED', 'CANCELLED', 'REFUNDED'];
/** Payment states with nothing left to collect, authorise or capture. */
export const SETTLED_PAYMENT_STATES = ['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED', 'FAILED'];

/** Every column of each hot table, as the move copies them (a test holds them to the schema). */
export const MOVED_COLUMNS = {
  orders: [...ORDER_COLUMNS, 'created_at', 'updated_at', 'buyer_email_key', 'buyer_phone_key', 'placed_ip'],
  order_items: [...ITEM_COLUMNS],
  order_status_history: [...HISTORY_COLUMNS, 'store_id'],
} as const;

const t = (db: Db) => tables<ArchiveTables>(db);

/** Hot and archived orders as one derived table `o` (filter, order and limit it outside). */
export function hotAndArchivedOrders(db: Db) {
  return t(db)
    .selectFrom('orders')
    .select([...ORDER_COLUMNS, sql<Date | null>`NULL::timestamptz`.as('archived_at')])
    .unionAll(
      t(db)
        .selectFrom('orders_archive')
        .select([...ORDER_COLUMNS, sql<Date | null>`archived_at`.as('archived_at')]),
    )
    .as('o');
}

/** Hot and archived order items as one derived table `i`. */
export function hotAndArchivedItems(db: Db) {
  return t(db)
    .selectFrom('order_items')
    .select(ITEM_COLUMNS)
    .unionAll(t(db).selectFrom('order_items_archive').select(ITEM_COLUMNS))
    .as('i');
}

function anyHistory(db: Db) {
  return t(db)
    .selectFrom('order_status_history')
    .select([...HISTORY_COLUMNS, 'store_id'])
    .unionAll(
      t(db)
        .selectFrom('order_status_history_archive')
        .select([...HISTORY_COLUMNS, 'store_id']),
    )
    .as('h');
}

export function findAnyOrder(db: Db, storeId: string, id: string): Promise<AnyOrderRow | undefined> {
  return t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findAnyOrders(db: Db, storeId: string, ids: string[]): Promise<AnyOrderRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', 'in', ids)
    .execute();
}

/**
 * Orders of `ids`, hot or archived, each with its items (in id order), in one statement: every
 * order row joined to its items, an order without any joined to none.
 */
export async function findAnyOrdersWithItems(
  db: Db,
  storeId: string,
  ids: string[],
): Promise<Array<{ order: AnyOrderRow; items: ItemRow[] }>> {
  if (ids.length === 0) return [];
  const rows = await t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .leftJoin(hotAndArchivedItems(db), (join) =>
      join.onRef('i.order_id', '=', 'o.id').on('i.store_id', '=', storeId).on('i.order_id', 'in', ids),
    )
    .selectAll('o')
    .select(ITEM_COLUMNS.map((c) => sql.ref(`i.${c}`).as(`item_${c}`)))
    .where('o.store_id', '=', storeId)
    .where('o.id', 'in', ids)
    .orderBy('o.id')
    .orderBy('i.id')
    .execute();
  const found = new Map<string, { order: AnyOrderRow; items: ItemRow[] }>();
  for (const row of rows as Array<Record<string, unknown>>) {
    const order = Object.fromEntries(
      Object.entries(row).filter(([k]) => !k.startsWith('item_')),
    ) as AnyOrderRow;
    const entry = found.get(order.id) ?? { order, items: [] };
    found.set(order.id, entry);
    if (row.item_id !== null)
      entry.items.push(Object.fromEntries(ITEM_COLUMNS.map((c) => [c, row[`item_${c}`]])) as ItemRow);
  }
  return [...found.values()];
}

export function findAnyOrderByNumber(
  db: Db,
  storeId: string,
  number: string,
): Promise<AnyOrderRow | undefined> {
  return t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .selectAll()
    .where('store_id', '=', storeId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Whether the order is in the archive (a change of it is refused). */
export async function isArchived(db: Db, storeId: string, id: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('orders_archive')
    .select('id')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export function anyItemsOf(db: Db, storeId: string, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom(hotAndArchivedItems(db))
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
}

export function anyHistoryOf(db: Db, storeId: string, orderId: string) {
  return t(db)
    .selectFrom(anyHistory(db))
    .select(HISTORY_COLUMNS)
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}

/** Newest first by the time-ordered id across hot and archived orders (each branch on its index). */
export function listAnyOrders(
  db: Db,
  f: KeysetPage & { storeId: string; userId?: string | undefined; status?: OrderStatus | undefined },
): Promise<AnyOrderRow[]> {
  let q = t(db).selectFrom(hotAndArchivedOrders(db)).selectAll().where('store_id', '=', f.storeId);
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.status) q = q.where('status', '=', f.status);
  return newestFirst(q, f).execute();
}

/** A seller's order items, hot and archived, newest first. */
export function anySellerItems(db: Db, storeId: string, sellerId: string, page: KeysetPage) {
  const q = t(db)
    .selectFrom(hotAndArchivedItems(db))
    .selectAll()
    .where('store_id', '=', storeId)
    .where('seller_id', '=', sellerId);
  return newestFirst(q, page).execute();
}

/** Orders placed in [from, to), hot and archived, counted and summed per status and currency. */
export function summarizeAnyOrders(db: Db, storeId: string, from: Date, to: Date) {
  return t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .select([
      'status',
      'currency',
      sql<number>`count(*)::int`.as('count'),
      sql<string>`sum(total_amount)::text`.as('total'),
    ])
    .where('store_id', '=', storeId)
    .where('placed_at', '>=', from)
    .where('placed_at', '<', to)
    .groupBy(['status', 'currency'])
    .execute();
}

export interface ArchiveCandidate {
  id: string;
  store_id: string;
  updated_at: Date;
}

/**
 * Up to `limit` final, settled orders of every store last changed before `before`, oldest change
 * first after the `after` key, locked; rows another transaction holds are skipped, so two runs at
 * once take different orders.
 */
export async function pickArchivable(
  db: Db,
  before: Date,
  limit: number,
  after?: { updatedAt: Date; id: string },
): Promise<ArchiveCandidate[]> {
  const past = after ? sql`AND (updated_at, id) > (${after.updatedAt}, ${after.id})` : sql``;
  const { rows } = await sql<ArchiveCandidate>`
    SELECT id, store_id, updated_at FROM orders
    WHERE status IN (${sql.join(ARCHIVABLE_STATUSES)}) AND updated_at < ${before}
      AND payment_status IN (${sql.join(SETTLED_PAYMENT_STATES)}) ${past}
    ORDER BY updated_at, id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.execute(db);
  return rows;
}

/**
 * Moves the orders (locked by the caller's transaction) with their history and items into the
 * archive: one `DELETE … RETURNING` into the archive table per table, children first.
 */
export async function moveToArchive(db: Db, orderIds: string[], at: Date): Promise<number> {
  if (orderIds.length === 0) return 0;
  const ids = sql`${orderIds}::uuid[]`;
  await moveRows(
    db,
    'order_status_history',
    MOVED_COLUMNS.order_status_history,
    sql`order_id = ANY(${ids})`,
    at,
  );
  await moveRows(db, 'order_items', MOVED_COLUMNS.order_items, sql`order_id = ANY(${ids})`, at);
  return moveRows(db, 'orders', MOVED_COLUMNS.orders, sql`id = ANY(${ids})`, at);
}

async function moveRows(
  db: Db,
  table: keyof typeof MOVED_COLUMNS,
  columns: readonly string[],
  where: ReturnType<typeof sql>,
  at: Date,
): Promise<number> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const result = await sql`
    WITH moved AS (DELETE FROM ${sql.table(table)} WHERE ${where} RETURNING ${cols})
    INSERT INTO ${sql.table(`${table}_archive`)} (${cols}, archived_at)
    SELECT ${cols}, ${at}::timestamptz FROM moved`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
