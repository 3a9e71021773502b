// SQL of the rollup writes (decision 025): each adds its sums with INSERT … ON CONFLICT DO UPDATE,
// a sale's or a refund's every table in one statement (the monthly rollups of decision 040 beside
// their daily ones); the processed-event and counted-order keys make a replay add nothing.
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
  await sql`SELECT ${storeLock(storeId)}`.execute(db);
}

const storeLock = (storeId: string) =>
  sql`pg_advisory_xact_lock(hashtext('analytics'), hashtext(${storeId}))`;

/** A captured order an event of a batch announces, as it counts: on its day and hour. */
export interface SaleFacts {
  eventId: string;
  orderId: string;
  day: string;
  hour: number;
  provider: string;
  total: number;
  lines: Array<{ key: Record<Dimension, string>; quantity: number; revenue: number }>;
}

/** A refund an event of a batch announces, on its day. */
export interface RefundFacts {
  eventId: string;
  day: string;
  amount: number;
}

/**
 * Adds a batch of events in one statement (atomic without a transaction around it): the store's
 * rollup lock first (`lockStore`; every write below reads its row), then the events recorded as
 * processed, the orders their new events announce recorded as counted, and the sums of what was
 * recorded now, not before, added to every table (the item rollups' months too). Answers the events
 * and orders recorded now. An event seen before adds nothing; an order announced again by another
 * event is not counted again.
 */
export async function addEvents(
  db: Db,
  storeId: string,
  batch: { eventIds: string[]; sales: SaleFacts[]; refunds: RefundFacts[] },
): Promise<{ events: Set<string>; orders: Set<string> }> {
  const { eventIds, sales, refunds } = batch;
  const lines = sales.flatMap((s) => s.lines.map((l) => ({ ...l, orderId: s.orderId, day: s.day })));
  const units = (s: SaleFacts) => s.lines.reduce((n, l) => n + l.quantity, 0);
  const { rows } = await sql<{ kind: 'e' | 'o'; id: string }>`
    WITH l AS (SELECT ${storeLock(storeId)}),
    p AS (
      INSERT INTO analytics_processed_events (store_id, event_id)
      SELECT ${storeId}::uuid, e FROM l, unnest(${eventIds}::uuid[]) AS e
      ON CONFLICT DO NOTHING RETURNING event_id),
    so AS (
      SELECT * FROM unnest(${sales.map((x) => x.eventId)}::uuid[], ${sales.map((x) => x.orderId)}::uuid[],
        ${sales.map((x) => x.day)}::date[], ${sales.map((x) => x.hour)}::smallint[],
        ${sales.map((x) => x.provider)}::text[], ${sales.map((x) => x.total)}::bigint[],
        ${sales.map(units)}::int[]) AS v(event_id, order_id, day, hour, provider, total, units)),
    c AS (
      INSERT INTO analytics_counted_orders (store_id, order_id, day)
      SELECT DISTINCT ${storeId}::uuid, so.order_id, so.day FROM so JOIN p USING (event_id)
      ON CONFLICT DO NOTHING RETURNING order_id),
    fo AS (SELECT DISTINCT ON (order_id) so.* FROM so JOIN c USING (order_id)),
    fl AS (
      SELECT v.* FROM unnest(${lines.map((x) => x.orderId)}::uuid[], ${lines.map((x) => x.day)}::date[],
        ${lines.map((x) => x.key.product)}::uuid[], ${lines.map((x) => x.key.category)}::uuid[],
        ${lines.map((x) => x.key.seller)}::uuid[], ${lines.map((x) => x.quantity)}::int[],
        ${lines.map((x) => x.revenue)}::bigint[])
        AS v(order_id, day, product_id, category_id, seller_id, quantity, revenue)
      JOIN c USING (order_id)),
    fr AS (
      SELECT r.day, r.amount FROM unnest(${refunds.map((x) => x.eventId)}::uuid[],
        ${refunds.map((x) => x.day)}::date[], ${refunds.map((x) => x.amount)}::bigint[]) AS r(event_id, day, amount)
      JOIN p USING (event_id)),
    sd AS (
      SELECT day, count(*) AS orders, sum(total) AS revenue, sum(units) AS units, 0::bigint AS refunds
      FROM fo GROUP BY day
      UNION ALL SELECT day, 0, 0, 0, sum(amount) FROM fr GROUP BY day),
    s AS (${storeUpsert(sql`SELECT ${storeId}::uuid, day, sum(orders), sum(revenue), sum(refunds), sum(units) FROM sd GROUP BY day`)}),
    h AS (${hourUpsert(sql`SELECT ${storeId}::uuid, day, hour, count(*), sum(total), sum(units) FROM fo GROUP BY day, hour`)}),
    pay AS (${paymentUpsert(sql`SELECT ${storeId}::uuid, day, provider, count(*), sum(total) FROM fo GROUP BY day, provider`)}),
    ${sql.join(
      DIMENSIONS.flatMap((d) =>
        itemCtes(
          d,
          sql`SELECT ${storeId}::uuid, day, ${sql.raw(`${d}_id`)}, count(DISTINCT order_id), sum(quantity), sum(revenue)
            FROM fl GROUP BY day, ${sql.raw(`${d}_id`)}`,
          true,
        ),
      ),
    )}
    SELECT 'e' AS kind, event_id AS id FROM p UNION ALL SELECT 'o', order_id FROM c`.execute(db);
  const fresh = { events: new Set<string>(), orders: new Set<string>() };
  for (const r of rows) (r.kind === 'e' ? fresh.events : fresh.orders).add(r.id);
  return fresh;
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
 * recount sums its months from the days afterwards: recountMonths). Sums that fit a batch per table
 * (a sale's, a refund's) are written by one statement, every table's upsert a CTE of it; larger ones
 * (a recount's) a batch at a time.
 */
export async function addSums(db: Db, storeId: string, sums: Sums, months = true): Promise<void> {
  const tables = [sums.store, sums.hours, sums.payment, ...DIMENSIONS.map((d) => sums.items[d])];
  if (tables.every((t) => t.size <= BATCH)) {
    const ctes = [
      ...(sums.store.size > 0 ? [sql`s AS (${storeInsert(storeId, [...sums.store])})`] : []),
      ...(sums.hours.size > 0 ? [sql`h AS (${hourInsert(storeId, [...sums.hours])})`] : []),
      ...(sums.payment.size > 0 ? [sql`pay AS (${paymentInsert(storeId, [...sums.payment])})`] : []),
      ...DIMENSIONS.flatMap((d) =>
        sums.items[d].size > 0 ? itemValueCtes(d, storeId, [...sums.items[d]], months) : [],
      ),
    ];
    if (ctes.length > 0) await sql`WITH ${sql.join(ctes)} SELECT 1`.execute(db);
    return;
  }
  await inBatches([...sums.store], (batch) => run(db, storeInsert(storeId, batch)));
  await inBatches([...sums.hours], (batch) => run(db, hourInsert(storeId, batch)));
  for (const dimension of DIMENSIONS)
    await inBatches([...sums.items[dimension]], (batch) =>
      run(db, sql`WITH ${sql.join(itemValueCtes(dimension, storeId, batch, months))} SELECT 1`),
    );
  await inBatches([...sums.payment], (batch) => run(db, paymentInsert(storeId, batch)));
}

const DIMENSIONS = ['product', 'category', 'seller'] as const;

async function run(db: Db, statement: RawBuilder<unknown>): Promise<void> {
  await statement.execute(db);
}

function paymentInsert(storeId: string, batch: Array<[string, { orders: number; revenue: number }]>) {
  const values = batch.map(([k, s]) => {
    const [day, provider] = splitKey(k);
    return sql`(${storeId}::uuid, ${day}::date, ${provider}, ${s.orders}::int, ${s.revenue}::bigint)`;
  });
  return paymentUpsert(sql`VALUES ${sql.join(values)}`);
}

/** Adds `source`'s rows (store, day, provider, orders, revenue) to the payment rollup. */
function paymentUpsert(source: RawBuilder<unknown>) {
  return sql`
    INSERT INTO analytics_daily_payment AS t (store_id, day, provider, orders, revenue) ${source}
    ON CONFLICT (store_id, day, provider) DO UPDATE SET orders = t.orders + excluded.orders,
      revenue = t.revenue + excluded.revenue`;
}

/**
 * A batch of `${day}|${id}` sums of a dimension as CTEs (named after it, so several dimensions
 * share a statement): see `itemCtes`.
 */
function itemValueCtes(
  dimension: Dimension,
  storeId: string,
  batch: Array<[string, ItemSums]>,
  months: boolean,
) {
  const values = batch.map(([k, s]) => {
    const [day, id] = splitKey(k);
    return sql`(${storeId}::uuid, ${day}::date, ${id}::uuid, ${s.orders}::int, ${s.units}::int, ${s.revenue}::bigint)`;
  });
  return itemCtes(dimension, sql`VALUES ${sql.join(values)}`, months);
}

/**
 * The sums of a dimension, `source`'s rows (store, day, id, orders, units, revenue; one per day
 * and id), as CTEs named after it: the rows, their sums per month upserted into the monthly rollup
 * (grouped first: a statement updates a row once) and the days into the daily one.
 */
function itemCtes(dimension: Dimension, source: RawBuilder<unknown>, months: boolean) {
  const { table, monthly, key } = ITEM_TABLES[dimension];
  const v = sql.raw(`v_${dimension}`);
  const adds = sql`orders = t.orders + excluded.orders, units = t.units + excluded.units,
    revenue = t.revenue + excluded.revenue`;
  const ctes = [sql`${v} (store_id, day, id, orders, units, revenue) AS (${source})`];
  if (months)
    ctes.push(sql`${sql.raw(`m_${dimension}`)} AS (
      INSERT INTO ${monthly} AS t (store_id, month, ${key}, orders, units, revenue)
      SELECT store_id, ${monthOf(sql`day`)}, id, sum(orders), sum(units), sum(revenue) FROM ${v} GROUP BY 1, 2, 3
      ON CONFLICT (store_id, month, ${key}) DO UPDATE SET ${adds})`);
  ctes.push(sql`${sql.raw(`d_${dimension}`)} AS (
    INSERT INTO ${table} AS t (store_id, day, ${key}, orders, units, revenue)
      SELECT store_id, day, id, orders, units, revenue FROM ${v}
    ON CONFLICT (store_id, day, ${key}) DO UPDATE SET ${adds})`);
  return ctes;
}

function storeInsert(storeId: string, batch: Array<[string, StoreSums]>) {
  const values = batch.map(
    ([day, s]) =>
      sql`(${storeId}::uuid, ${day}::date, ${s.orders}::int, ${s.revenue}::bigint, ${s.refunds}::bigint, ${s.units}::int)`,
  );
  return storeUpsert(sql`VALUES ${sql.join(values)}`);
}

/** Adds `source`'s rows (store, day, orders, revenue, refunds, units) to the store's days. */
function storeUpsert(source: RawBuilder<unknown>) {
  return sql`
    INSERT INTO analytics_daily_store AS t (store_id, day, orders, revenue, refunds, units) ${source}
    ON CONFLICT (store_id, day) DO UPDATE SET orders = t.orders + excluded.orders,
      revenue = t.revenue + excluded.revenue, refunds = t.refunds + excluded.refunds, units = t.units + excluded.units`;
}

function hourInsert(storeId: string, batch: Array<[string, ItemSums]>) {
  const values = batch.map(([k, s]) => {
    const [day, hour] = splitKey(k);
    return sql`(${storeId}::uuid, ${day}::date, ${Number(hour)}::smallint, ${s.orders}::int, ${s.revenue}::bigint, ${s.units}::int)`;
  });
  return hourUpsert(sql`VALUES ${sql.join(values)}`);
}

/** Adds `source`'s rows (store, day, hour, orders, revenue, units) to the store's hours. */
function hourUpsert(source: RawBuilder<unknown>) {
  return sql`
    INSERT INTO analytics_hourly_store AS t (store_id, day, hour, orders, revenue, units) ${source}
    ON CONFLICT (store_id, day, hour) DO UPDATE SET orders = t.orders + excluded.orders,
      revenue = t.revenue + excluded.revenue, units = t.units + excluded.units`;
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
