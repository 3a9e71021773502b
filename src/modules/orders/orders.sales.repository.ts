// SQL of the sales facts analytics counts: orders whose payment was captured (a refunded payment
// was captured first), with their lines. Read by id (as each capture is counted) or by the time
// they were placed (a recount).
import { sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { hotAndArchivedItems, hotAndArchivedOrders } from './orders.archive.repository.ts';
import type { OrderTables } from './orders.repository.ts';

/** Payment states of an order whose money was taken at some point. */
export const CAPTURED_STATES = ['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;

export interface SaleLine {
  productId: string;
  categoryId: string | null;
  sellerId: string;
  quantity: number;
  /** The line's merchandise after its share of discounts, in minor units. */
  revenue: number;
}

export interface Sale {
  orderId: string;
  placedAt: Date;
  total: number;
  currency: string;
  provider: string;
  lines: SaleLine[];
}

const t = (db: Db) => tables<OrderTables>(db);

/** Captured orders of the store, hot or archived: those of `ids`, or those placed in [from, to). */
export async function capturedSales(
  db: Db,
  storeId: string,
  which: { ids: string[] } | { from: Date; to: Date },
): Promise<Sale[]> {
  if ('ids' in which && which.ids.length === 0) return [];
  if ('ids' in which && which.ids.length <= BY_ID_AT_ONCE) return salesOfIds(db, storeId, which.ids);
  let query = t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .select(['id', 'placed_at', 'total_amount', 'currency', 'payment_provider'])
    .where('store_id', '=', storeId)
    .where('payment_status', 'in', CAPTURED_STATES);
  query =
    'ids' in which
      ? query.where('id', 'in', which.ids)
      : query.where('placed_at', '>=', which.from).where('placed_at', '<', which.to);
  const orders = await query.orderBy('placed_at').execute();
  if (orders.length === 0) return [];
  const items = [];
  // bounded statements however many orders a range holds
  for (let i = 0; i < orders.length; i += 5_000) {
    const ids = orders.slice(i, i + 5_000).map((o) => o.id);
    items.push(
      ...(await t(db)
        .selectFrom(hotAndArchivedItems(db))
        .select([
          'order_id',
          'product_id',
          'category_id',
          'seller_id',
          'quantity',
          'subtotal_amount',
          'discount_amount',
        ])
        .where('store_id', '=', storeId)
        .where('order_id', 'in', ids)
        .execute()),
    );
  }
  const lines = new Map<string, SaleLine[]>();
  for (const i of items) lines.set(i.order_id, [...(lines.get(i.order_id) ?? []), saleLine(i)]);
  return orders.map((o) => ({ ...saleOf(o), lines: lines.get(o.id) ?? [] }));
}

/** Orders read by id with their lines in one statement, up to this many at once. */
const BY_ID_AT_ONCE = 1_000;

/** `capturedSales` of a few ids (a capture being counted): orders and their lines joined. */
async function salesOfIds(db: Db, storeId: string, ids: string[]): Promise<Sale[]> {
  const rows = await t(db)
    .selectFrom(hotAndArchivedOrders(db))
    .leftJoin(hotAndArchivedItems(db), (join) =>
      join.onRef('i.order_id', '=', 'o.id').on('i.store_id', '=', storeId),
    )
    .select(['o.id', 'o.placed_at', 'o.total_amount', 'o.currency', 'o.payment_provider'])
    .select(['i.product_id', 'i.category_id', 'i.seller_id', 'i.quantity', 'i.subtotal_amount'])
    .select('i.discount_amount')
    .where('o.store_id', '=', storeId)
    .where('o.payment_status', 'in', CAPTURED_STATES)
    .where('o.id', 'in', ids)
    .orderBy('o.placed_at')
    .orderBy('o.id')
    .execute();
  const sales = new Map<string, Sale>();
  for (const r of rows) {
    const sale = sales.get(r.id) ?? { ...saleOf(r), lines: [] };
    sales.set(r.id, sale);
    if (r.product_id !== null) sale.lines.push(saleLine({ ...r, product_id: r.product_id }));
  }
  return [...sales.values()];
}

function saleOf(o: {
  id: string;
  placed_at: Date;
  total_amount: number | string;
  currency: string;
  payment_provider: string;
}): Omit<Sale, 'lines'> {
  return {
    orderId: o.id,
    placedAt: o.placed_at,
    total: Number(o.total_amount),
    currency: o.currency.trim(),
    provider: o.payment_provider,
  };
}

function saleLine(i: {
  product_id: string;
  category_id: string | null;
  seller_id: string | null;
  quantity: number | null;
  subtotal_amount: number | string | null;
  discount_amount: number | string | null;
}): SaleLine {
  return {
    productId: i.product_id,
    categoryId: i.category_id,
    sellerId: i.seller_id!,
    quantity: i.quantity!,
    revenue: Number(i.subtotal_amount) - Number(i.discount_amount),
  };
}

/**
 * Units of `offerIds` on orders placed on the days `from` to `to` (YYYY-MM-DD, `to` excluded) of
 * `timeZone` and not cancelled, per offer and day: the demand the stock forecast learns from
 * (decision 028).
 */
export async function unitsSoldByDay(
  db: Db,
  storeId: string,
  range: { offerIds: string[]; from: string; to: string; timeZone: string },
): Promise<Array<{ offerId: string; day: string; units: number }>> {
  if (range.offerIds.length === 0) return [];
  const { rows } = await sql<{ offer_id: string; day: string; units: string }>`
    SELECT i.offer_id, to_char((i.created_at AT TIME ZONE ${range.timeZone})::date, 'YYYY-MM-DD') AS day,
           sum(i.quantity)::text AS units
    FROM order_items i JOIN orders o ON o.id = i.order_id
    WHERE i.store_id = ${storeId} AND i.offer_id = ANY(${range.offerIds}::uuid[])
      AND i.created_at >= (${range.from}::date::timestamp AT TIME ZONE ${range.timeZone})
      AND i.created_at < (${range.to}::date::timestamp AT TIME ZONE ${range.timeZone})
      AND o.store_id = ${storeId} AND o.status <> 'CANCELLED'
    GROUP BY 1, 2`.execute(db);
  return rows.map((r) => ({ offerId: r.offer_id, day: r.day, units: Number(r.units) }));
}
