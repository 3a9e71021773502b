// SQL of the rollup writes (decision 025): each adds its sums with INSERT … ON CONFLICT DO UPDATE,
// one statement per table (the monthly rollups of decision 040 in the same statement as their
// daily ones); the processed-event and counted-order keys make a replay add nothing.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { monthEnd, monthStart } from './analytics.days.ts';
import { type Dimension, type ItemSums, type StoreSums, type Sums, splitKey } from './analytics.sums.ts';

type ItemTable = { table: RawBuilder<unknown>; monthly: RawBuilder<unknown>; key: RawBuilder<unknown> };
const ITEM_TABLES: Record<Dimension, ItemTable> = {
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

/** The first day of the month of a `date` expression. */
const monthOf = (day: RawBuilder<unknown>) => sql`date_trunc('month', ${day}::timestamp)::date`;

/** Rows per statement: bounded statements however large a recount is. */
const BATCH = 1_000;

/**
 * Serialises the rollup writers of one store (the worker's increments and a recount) until the
 * transaction ends, so a recount never misses nor doubles an order counted beside it.
 */
export async function lockStore(db: Db, storeId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('analytics'), hashtext(${storeId}))`.execute(db);
}

/** Records that an event was added; false when it had been already. */
export async function markProcessed(db: Db, storeId: string, eventId: string): Promise<boolean> {
  const { rows } = await sql`
    INSERT INTO analytics_processed_events (store_id, event_id) VALUES (${storeId}, ${eventId})
    ON CONFLICT DO NOTHING RETURNING event_id`.execute(db);
  return rows.length === 1;
}

/** Marks orders counted on their days; returns the ids that were not counted before. */
export async function countOrders(
  db: Db,
  storeId: string,
  orders: Array<{ orderId: string; day: string }>,
): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < orders.length; i += BATCH) {
    const values = orders
      .slice(i, i + BATCH)
      .map((o) => sql`(${storeId}::uuid, ${o.orderId}::uuid, ${o.day}::date)`);
    const { rows } = await sql<{ order_id: string }>`
      INSERT INTO analytics_counted_orders (store_id, order_id, day) VALUES ${sql.join(values)}
      ON CONFLICT DO NOTHING RETURNING order_id`.execute(db);
    for (const r of rows) fresh.add(r.order_id);
  }
  return fresh;
}

/**
 * Adds every sum to its row (made if missing), the monthly rollups' too unless `months` is false (a
 * recount sums its months from the days afterwards: recountMonths).
 */
export async function addSums(db: Db, storeId: string, sums: Sums, months = true): Promise<void> {
  await addStoreSums(db, storeId, sums);
  for (const dimension of ['product', 'category', 'seller'] as const)
    await inBatches([...sums.items[dimension]], async (batch) => {
      await itemInsert(ITEM_TABLES[dimension], storeId, batch, months).execute(db);
    });
  await inBatches([...sums.payment], async (batch) => {
    const values = batch.map(([k, s]) => {
      const [day, provider] = splitKey(k);
      return sql`(${storeId}::uuid, ${day}::date, ${provider}, ${s.orders}::int, ${s.revenue}::bigint)`;
    });
    await sql`
      INSERT INTO analytics_daily_payment AS t (store_id, day, provider, orders, revenue) VALUES ${sql.join(values)}
      ON CONFLICT (store_id, day, provider) DO UPDATE SET orders = t.orders + excluded.orders,
        revenue = t.revenue + excluded.revenue`.execute(db);
  });
}

/**
 * Adds a batch of `${day}|${id}` sums to a daily item rollup and, in the same statement, their
 * sums per month to its monthly rollup (grouped first: a statement updates a row once).
 */
function itemInsert(
  { table, monthly, key }: ItemTable,
  storeId: string,
  batch: Array<[string, ItemSums]>,
  months: boolean,
) {
  const values = batch.map(([k, s]) => {
    const [day, id] = splitKey(k);
    return sql`(${storeId}::uuid, ${day}::date, ${id}::uuid, ${s.orders}::int, ${s.units}::int, ${s.revenue}::bigint)`;
  });
  const adds = sql`orders = t.orders + excluded.orders, units = t.units + excluded.units,
    revenue = t.revenue + excluded.revenue`;
  const m = sql`, m AS (
      INSERT INTO ${monthly} AS t (store_id, month, ${key}, orders, units, revenue)
      SELECT store_id, ${monthOf(sql`day`)}, id, sum(orders), sum(units), sum(revenue) FROM v GROUP BY 1, 2, 3
      ON CONFLICT (store_id, month, ${key}) DO UPDATE SET ${adds}
    )`;
  return sql`
    WITH v (store_id, day, id, orders, units, revenue) AS (VALUES ${sql.join(values)})${months ? m : sql``}
    INSERT INTO ${table} AS t (store_id, day, ${key}, orders, units, revenue)
      SELECT store_id, day, id, orders, units, revenue FROM v
    ON CONFLICT (store_id, day, ${key}) DO UPDATE SET ${adds}`;
}

function storeInsert(storeId: string, batch: Array<[string, StoreSums]>) {
  const values = batch.map(
    ([day, s]) =>
      sql`(${storeId}::uuid, ${day}::date, ${s.orders}::int, ${s.revenue}::bigint, ${s.refunds}::bigint, ${s.units}::int)`,
  );
  return sql`
    INSERT INTO analytics_daily_store AS t (store_id, day, orders, revenue, refunds, units) VALUES ${sql.join(values)}
    ON CONFLICT (store_id, day) DO UPDATE SET orders = t.orders + excluded.orders,
      revenue = t.revenue + excluded.revenue, refunds = t.refunds + excluded.refunds, units = t.units + excluded.units`;
}

function hourInsert(storeId: string, batch: Array<[string, ItemSums]>) {
  const values = batch.map(([k, s]) => {
    const [day, hour] = splitKey(k);
    return sql`(${storeId}::uuid, ${day}::date, ${Number(hour)}::smallint, ${s.orders}::int, ${s.revenue}::bigint, ${s.units}::int)`;
  });
  return sql`
    INSERT INTO analytics_hourly_store AS t (store_id, day, hour, orders, revenue, units) VALUES ${sql.join(values)}
    ON CONFLICT (store_id, day, hour) DO UPDATE SET orders = t.orders + excluded.orders,
      revenue = t.revenue + excluded.revenue, units = t.units + excluded.units`;
}

/** The store's days and hours: one statement when both fit in a batch (a sale's usual case). */
async function addStoreSums(db: Db, storeId: string, sums: Sums): Promise<void> {
  const days = [...sums.store];
  const hours = [...sums.hours];
  if (days.length > 0 && hours.length > 0 && days.length <= BATCH && hours.length <= BATCH) {
    await sql`WITH h AS (${hourInsert(storeId, hours)}) ${storeInsert(storeId, days)}`.execute(db);
    return;
  }
  await inBatches(days, (batch) =>
    storeInsert(storeId, batch)
      .execute(db)
      .then(() => undefined),
  );
  await inBatches(hours, (batch) =>
    hourInsert(storeId, batch)
      .execute(db)
      .then(() => undefined),
  );
}

/**
 * Empties the sales sums of [from, to] before a recount: the store and payment rows go, the
 * product, category and seller rows keep their views and cart adds with their sales set to zero.
 */
export async function clearSales(db: Db, storeId: string, from: string, to: string): Promise<void> {
  await sql`DELETE FROM analytics_daily_store WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`DELETE FROM analytics_daily_payment WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`DELETE FROM analytics_hourly_store WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`DELETE FROM analytics_counted_orders WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  for (const { table } of Object.values(ITEM_TABLES))
    await sql`UPDATE ${table} SET orders = 0, units = 0, revenue = 0
              WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}`.execute(db);
}

/**
 * Recounts the monthly rollups of the months `from` to `to` fall in from the daily rows, once a
 * recount has rewritten the days: each of those months is replaced by the sum of its days.
 */
export async function recountMonths(db: Db, storeId: string, from: string, to: string): Promise<void> {
  const first = monthStart(from);
  const last = monthEnd(to);
  for (const { table, monthly, key } of Object.values(ITEM_TABLES)) {
    await sql`DELETE FROM ${monthly} WHERE store_id = ${storeId} AND month BETWEEN ${first} AND ${last}`.execute(
      db,
    );
    await sql`
      INSERT INTO ${monthly} (store_id, month, ${key}, orders, units, revenue)
      SELECT store_id, ${monthOf(sql`day`)}, ${key}, sum(orders), sum(units), sum(revenue) FROM ${table}
      WHERE store_id = ${storeId} AND day BETWEEN ${first} AND ${last}
      GROUP BY 1, 2, 3 HAVING sum(orders) > 0`.execute(db);
  }
}

/**
 * Fresh statistics and visibility map for the rollups after a bulk recount (the demo history), so
 * the first reports get index-only plans without waiting for autovacuum.
 */
export async function analyzeRollups(db: Db): Promise<void> {
  await sql`VACUUM (ANALYZE) analytics_daily_store, analytics_hourly_store, analytics_daily_payment,
    analytics_daily_product, analytics_daily_category, analytics_daily_seller, analytics_monthly_product,
    analytics_monthly_category, analytics_monthly_seller, analytics_counted_orders`.execute(db);
}

/** The instants the store's days `from` and `to` (included) start and end at. */
export async function dayBounds(
  db: Db,
  range: { from: string; to: string; timeZone: string },
): Promise<{ start: Date; end: Date }> {
  const { rows } = await sql<{ start: Date; end: Date }>`
    SELECT (${range.from}::date::timestamp AT TIME ZONE ${range.timeZone}) AS start,
           ((${range.to}::date + 1)::timestamp AT TIME ZONE ${range.timeZone}) AS "end"`.execute(db);
  return { start: new Date(rows[0]!.start), end: new Date(rows[0]!.end) };
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}
