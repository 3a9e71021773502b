// SQL of the dashboards: every report reads the rollups by (store_id, day) range, the leading
// columns of each rollup's primary key; the rankings read whole months from the monthly rollups
// by (store_id, month) and only the other days from the daily ones (docs/data-model.md has the plans).
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { splitByMonth } from './analytics.days.ts';
import type { Dimension } from './analytics.sums.ts';

const RANKED: Record<
  Dimension,
  { table: RawBuilder<unknown>; monthly: RawBuilder<unknown>; key: RawBuilder<unknown> }
> = {
  product: {
    table: sql.raw('analytics_daily_product'),
    monthly: sql.raw('analytics_monthly_product'),
    key: sql.raw('product_id'),
  },
  category: {
    table: sql.raw('analytics_daily_category'),
    monthly: sql.raw('analytics_monthly_category'),
    key: sql.raw('category_id'),
  },
  seller: {
    table: sql.raw('analytics_daily_seller'),
    monthly: sql.raw('analytics_monthly_seller'),
    key: sql.raw('seller_id'),
  },
};

const n = (v: string | number) => Number(v);

export async function salesDays(db: Db, storeId: string, from: string, to: string) {
  const { rows } = await sql<{ day: string; orders: number; revenue: string | number }>`
    SELECT day::text AS day, orders, revenue FROM analytics_daily_store
    WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to} ORDER BY day`.execute(db);
  return rows.map((r) => ({ day: r.day, orders: n(r.orders), revenue: n(r.revenue) }));
}

/** Sales per hour of the store's days `days` (a day and the one it is compared with). */
export async function salesHours(db: Db, storeId: string, days: string[]) {
  const { rows } = await sql<{
    day: string;
    hour: number;
    orders: number;
    revenue: string | number;
    units: number;
  }>`
    SELECT day::text AS day, hour, orders, revenue, units FROM analytics_hourly_store
    WHERE store_id = ${storeId} AND day = ANY (${days}::date[])`.execute(db);
  return rows.map((r) => ({
    day: r.day,
    hour: n(r.hour),
    orders: n(r.orders),
    revenue: n(r.revenue),
    units: n(r.units),
  }));
}

/** The best `limit` of a dimension by revenue over the range (ties by orders, then id). */
export async function ranked(
  db: Db,
  storeId: string,
  dimension: Dimension,
  range: { from: string; to: string; limit: number },
) {
  const { table, monthly, key } = RANKED[dimension];
  const { months, days } = splitByMonth(range);
  const parts = days.map(
    (d) => sql`SELECT ${key} AS k, orders, units, revenue FROM ${table}
               WHERE store_id = ${storeId} AND day BETWEEN ${d.from} AND ${d.to}`,
  );
  if (months)
    parts.push(sql`SELECT ${key} AS k, orders, units, revenue FROM ${monthly}
                   WHERE store_id = ${storeId} AND month BETWEEN ${months.from} AND ${months.to}`);
  const { rows } = await sql<{ id: string; orders: string; units: string; revenue: string }>`
    SELECT k::text AS id, sum(orders) AS orders, sum(units) AS units, sum(revenue) AS revenue
    FROM (${sql.join(parts, sql` UNION ALL `)}) r
    GROUP BY k
    HAVING sum(orders) > 0
    ORDER BY sum(revenue) DESC, sum(orders) DESC, k
    LIMIT ${range.limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, orders: n(r.orders), units: n(r.units), revenue: n(r.revenue) }));
}

export async function paymentMix(db: Db, storeId: string, from: string, to: string) {
  const { rows } = await sql<{ provider: string; orders: string; revenue: string }>`
    SELECT provider, sum(orders) AS orders, sum(revenue) AS revenue FROM analytics_daily_payment
    WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}
    GROUP BY provider ORDER BY sum(revenue) DESC, provider`.execute(db);
  return rows.map((r) => ({ provider: r.provider, orders: n(r.orders), revenue: n(r.revenue) }));
}

export async function funnel(db: Db, storeId: string, from: string, to: string) {
  const { rows } = await sql<Record<string, string | null>>`
    SELECT sum(views) AS views, sum(searches) AS searches, sum(zero_result_searches) AS zero_result_searches,
           sum(cart_adds) AS cart_adds, sum(checkouts_started) AS checkouts_started,
           sum(checkouts_completed) AS checkouts_completed
    FROM analytics_daily_funnel WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(db);
  const r = rows[0] ?? {};
  const v = (k: string) => Number(r[k] ?? 0);
  return {
    views: v('views'),
    searches: v('searches'),
    zeroResultSearches: v('zero_result_searches'),
    cartAdds: v('cart_adds'),
    checkoutsStarted: v('checkouts_started'),
    checkoutsCompleted: v('checkouts_completed'),
  };
}

/** The most searched terms of the range; with `zeroOnly`, those whose searches found nothing. */
export async function searchTerms(
  db: Db,
  storeId: string,
  range: { from: string; to: string; limit: number; zeroOnly: boolean },
) {
  const { rows } = await sql<{ query: string; searches: string; zero_results: string }>`
    SELECT query, sum(searches) AS searches, sum(zero_results) AS zero_results FROM analytics_daily_search
    WHERE store_id = ${storeId} AND day BETWEEN ${range.from} AND ${range.to}
    GROUP BY query
    HAVING ${range.zeroOnly ? sql`sum(zero_results) > 0` : sql`true`}
    ORDER BY ${range.zeroOnly ? sql`sum(zero_results)` : sql`sum(searches)`} DESC, query
    LIMIT ${range.limit}`.execute(db);
  return rows.map((r) => ({ query: r.query, searches: n(r.searches), zeroResults: n(r.zero_results) }));
}
