// Buyers as sets, for work over many customers at once (a campaign's segment and what it earned):
// predicates on a user id the caller composes into its own set-based SQL, and the orders a
// campaign is credited with. Served by orders_user_idx (store, user, id), its archive twin and
// orders_coupon_idx.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { CAPTURED_STATES } from './orders.sales.repository.ts';

export interface BuyerRules {
  /** Paid for an item of one of these categories since then. */
  boughtIn?: { categoryIds: string[]; since: Date } | undefined;
  /** Paid more than this in all (minor units of the store's currency). */
  spentOver?: number | undefined;
  /** Placed no order since then. */
  noOrderSince?: Date | undefined;
}

const captured = sql`o.payment_status IN (${sql.join(CAPTURED_STATES.map((s) => sql.lit(s)))})`;

/**
 * A buyer's whole history: the hot tables and the archive of old final orders (decision 037), each
 * read on its own (store, user) index, so an archived order still counts toward what a buyer spent
 * and when they last ordered.
 */
const HISTORY = [
  { orders: sql.table('orders'), items: sql.table('order_items') },
  { orders: sql.table('orders_archive'), items: sql.table('order_items_archive') },
];

/** One predicate per rule on the user id `userId` (e.g. `sql.ref('b.user_id')`), to be ANDed. */
export function buyerConditions(
  storeId: string,
  userId: RawBuilder<unknown>,
  rules: BuyerRules,
): RawBuilder<boolean>[] {
  const found: RawBuilder<boolean>[] = [];
  const each = (part: (t: (typeof HISTORY)[number]) => RawBuilder<unknown>, join: string) =>
    sql<boolean>`(${sql.join(HISTORY.map(part), sql.raw(join))})`;
  const { boughtIn, spentOver, noOrderSince } = rules;
  if (boughtIn)
    found.push(
      each(
        (t) => sql`EXISTS (
          SELECT 1 FROM ${t.orders} o JOIN ${t.items} i ON i.order_id = o.id
          WHERE o.store_id = ${storeId} AND o.user_id = ${userId} AND ${captured}
            AND o.placed_at >= ${boughtIn.since}
            AND i.category_id = ANY (${boughtIn.categoryIds}::uuid[]))`,
        ' OR ',
      ),
    );
  if (spentOver !== undefined)
    found.push(
      sql<boolean>`${each(
        (t) => sql`(SELECT coalesce(sum(o.total_amount), 0) FROM ${t.orders} o
        WHERE o.store_id = ${storeId} AND o.user_id = ${userId} AND ${captured})`,
        ' + ',
      )} > ${spentOver}`,
    );
  if (noOrderSince)
    found.push(
      each(
        (t) => sql`NOT EXISTS (SELECT 1 FROM ${t.orders} o
          WHERE o.store_id = ${storeId} AND o.user_id = ${userId} AND o.placed_at >= ${noOrderSince})`,
        ' AND ',
      ),
    );
  return found;
}

export interface Attribution {
  /** Orders placed with this coupon since `since`. */
  couponCode: string | null;
  /** Who clicked when (`user_id`, `clicked_at`): their orders within `windowDays` after count. */
  clicks: RawBuilder<{ user_id: string; clicked_at: Date }> | null;
  windowDays: number;
  since: Date;
}

export interface AttributedSales {
  orders: number;
  revenue: number;
  byCoupon: number;
  byClick: number;
}

/** Paid orders credited to a campaign by coupon or by a click before them; an order counts once. */
export async function attributedSales(db: Db, storeId: string, a: Attribution): Promise<AttributedSales> {
  const parts: RawBuilder<unknown>[] = [];
  if (a.couponCode)
    parts.push(sql`
      SELECT o.id, o.total_amount, true AS by_coupon, false AS by_click FROM orders o
      WHERE o.store_id = ${storeId} AND o.coupon_code = ${a.couponCode} AND o.placed_at >= ${a.since} AND ${captured}`);
  if (a.clicks)
    parts.push(sql`
      SELECT o.id, o.total_amount, false AS by_coupon, true AS by_click
      FROM (${a.clicks}) c JOIN orders o ON o.store_id = ${storeId} AND o.user_id = c.user_id
      WHERE o.placed_at >= c.clicked_at AND o.placed_at < c.clicked_at + make_interval(days => ${a.windowDays})
        AND ${captured}`);
  if (parts.length === 0) return { orders: 0, revenue: 0, byCoupon: 0, byClick: 0 };
  const { rows } = await sql<AttributedSales>`
    WITH hits AS (${sql.join(parts, sql` UNION ALL `)}),
    orders_hit AS (
      SELECT id, max(total_amount) AS total, bool_or(by_coupon) AS by_coupon, bool_or(by_click) AS by_click
      FROM hits GROUP BY id
    )
    SELECT count(*)::int AS orders, coalesce(sum(total), 0)::float8 AS revenue,
      count(*) FILTER (WHERE by_coupon)::int AS "byCoupon", count(*) FILTER (WHERE by_click)::int AS "byClick"
    FROM orders_hit`.execute(db);
  return rows[0] ?? { orders: 0, revenue: 0, byCoupon: 0, byClick: 0 };
}
