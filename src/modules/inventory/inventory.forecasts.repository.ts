// SQL of the stock forecasts (decision 028): the stocked offers a page at a time, the day's rows
// written in one statement per page, and the reads of the reorder list and of one offer.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** An offer's stock as the forecast needs it: summed over its warehouses. */
export interface StockedOffer {
  offerId: string;
  productId: string;
  sellerId: string;
  available: number;
  /** The longest lead time set on its stock rows; null when none is set. */
  leadTimeDays: number | null;
}

export interface ForecastRow {
  offer_id: string;
  product_id: string;
  seller_id: string;
  computed_on: string;
  method: string;
  reason: string | null;
  history_days: number;
  zero_share: number;
  available: number;
  lead_time_days: number;
  review_days: number;
  daily_demand: number | null;
  demand_7: number | null;
  demand_14: number | null;
  demand_30: number | null;
  demand_30_low: number | null;
  demand_30_high: number | null;
  sigma: number | null;
  days_of_cover: number | null;
  safety_stock: number | null;
  reorder_point: number | null;
  reorder_qty: number | null;
  error: number | null;
  confidence: string | null;
  slack_days: number | null;
  computed_at: Date;
}

export type ForecastInsert = Omit<ForecastRow, 'slack_days' | 'computed_at'>;

/** Stores with stock rows (the daily job's list; read by the tables' owner). */
export async function stockedStores(db: Db): Promise<string[]> {
  const { rows } = await sql<{ store_id: string }>`SELECT DISTINCT store_id FROM inventory_items`.execute(db);
  return rows.map((r) => r.store_id);
}

/** The next `limit` stocked offers after `after` (offer id order). */
export async function stockedOffers(
  db: Db,
  storeId: string,
  page: { after: string | null; limit: number; offerIds?: string[] },
): Promise<StockedOffer[]> {
  const { rows } = await sql<{
    offer_id: string;
    product_id: string;
    seller_id: string;
    available: string;
    lead_time_days: number | null;
  }>`
    SELECT offer_id, (array_agg(product_id))[1] AS product_id, (array_agg(seller_id))[1] AS seller_id,
           sum(available)::text AS available, max(lead_time_days) AS lead_time_days
    FROM inventory_items
    WHERE store_id = ${storeId}
      AND offer_id > ${page.after ?? '00000000-0000-0000-0000-000000000000'}::uuid
      ${page.offerIds ? sql`AND offer_id = ANY(${page.offerIds}::uuid[])` : sql``}
    GROUP BY offer_id ORDER BY offer_id LIMIT ${page.limit}`.execute(db);
  return rows.map((r) => ({
    offerId: r.offer_id,
    productId: r.product_id,
    sellerId: r.seller_id,
    available: Number(r.available),
    leadTimeDays: r.lead_time_days,
  }));
}

const COLUMNS = [
  'offer_id',
  'product_id',
  'seller_id',
  'computed_on',
  'method',
  'reason',
  'history_days',
  'zero_share',
  'available',
  'lead_time_days',
  'review_days',
  'daily_demand',
  'demand_7',
  'demand_14',
  'demand_30',
  'demand_30_low',
  'demand_30_high',
  'sigma',
  'days_of_cover',
  'safety_stock',
  'reorder_point',
  'reorder_qty',
  'error',
  'confidence',
] as const satisfies ReadonlyArray<keyof ForecastInsert>;

/** Writes a page of the day's forecasts; a row already there for the day and offer is replaced. */
export async function upsertForecasts(db: Db, storeId: string, rows: ForecastInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => sql`(${storeId}::uuid, ${sql.join(COLUMNS.map((c) => sql`${r[c]}`))})`);
  const names = sql.raw(COLUMNS.join(', '));
  const updates = sql.raw(
    [...COLUMNS.filter((c) => c !== 'offer_id' && c !== 'computed_on'), 'computed_at']
      .map((c) => (c === 'computed_at' ? 'computed_at = now()' : `${c} = excluded.${c}`))
      .join(', '),
  );
  await sql`
    INSERT INTO stock_forecasts (store_id, ${names}) VALUES ${sql.join(values)}
    ON CONFLICT (store_id, computed_on, offer_id) DO UPDATE SET ${updates}`.execute(db);
}

/** Drops the store's forecasts computed before `before`. */
export async function deleteBefore(db: Db, storeId: string, before: string): Promise<number> {
  const result =
    await sql`DELETE FROM stock_forecasts WHERE store_id = ${storeId} AND computed_on < ${before}::date`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}

/** The day of the store's latest forecasts, or null. */
export async function latestDay(db: Db, storeId: string): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`
    SELECT to_char(max(computed_on), 'YYYY-MM-DD') AS day FROM stock_forecasts WHERE store_id = ${storeId}`.execute(
    db,
  );
  return rows[0]?.day ?? null;
}

const SELECT = sql.raw(
  `${COLUMNS.filter((c) => c !== 'computed_on').join(', ')}, to_char(computed_on, 'YYYY-MM-DD') AS computed_on, slack_days, computed_at`,
);

/** The day's offers to reorder (slack below zero), most urgent first, after a keyset position. */
export async function reorderPage(
  db: Db,
  storeId: string,
  page: { day: string; sellerId?: string; after: { slack: string; offerId: string } | null; limit: number },
): Promise<ForecastRow[]> {
  const { rows } = await sql<ForecastRow>`
    SELECT ${SELECT} FROM stock_forecasts
    WHERE store_id = ${storeId} AND computed_on = ${page.day}::date AND slack_days < 0
      ${page.sellerId ? sql`AND seller_id = ${page.sellerId}` : sql``}
      ${page.after ? sql`AND (slack_days, offer_id) > (${page.after.slack}::numeric, ${page.after.offerId}::uuid)` : sql``}
    ORDER BY slack_days, offer_id LIMIT ${page.limit}`.execute(db);
  return rows.map(numeric);
}

/** The latest forecast of each of `offerIds`. */
export async function latestOf(db: Db, storeId: string, offerIds: string[]): Promise<ForecastRow[]> {
  if (offerIds.length === 0) return [];
  const { rows } = await sql<ForecastRow>`
    SELECT DISTINCT ON (offer_id) ${SELECT} FROM stock_forecasts
    WHERE store_id = ${storeId} AND offer_id = ANY(${offerIds}::uuid[])
    ORDER BY offer_id, computed_on DESC`.execute(db);
  return rows.map(numeric);
}

/** Columns that are not numbers (numeric and bigint ones arrive as text). */
const NOT_NUMERIC = new Set([
  'offer_id',
  'product_id',
  'seller_id',
  'computed_on',
  'method',
  'reason',
  'confidence',
]);

function numeric(row: ForecastRow): ForecastRow {
  const out: Record<string, unknown> = { ...row };
  for (const [c, value] of Object.entries(row))
    if (!NOT_NUMERIC.has(c) && typeof value === 'string') out[c] = Number(value);
  return out as unknown as ForecastRow;
}
