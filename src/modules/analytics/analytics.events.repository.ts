// SQL of the storefront events: one batch is one transaction of a multi-row INSERT of the raw
// events and one upsert per rollup adding their counts (decision 025).
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';

export type EventKind = 'view' | 'search' | 'cart_add' | 'checkout_started' | 'checkout_completed';

export interface EventRow {
  id: string;
  storeId: string;
  kind: EventKind;
  productId: string | null;
  categoryId: string | null;
  sellerId: string | null;
  query: string | null;
  results: number | null;
  occurredAt: Date;
  day: string;
}

const FUNNEL_COLUMN: Record<EventKind, string> = {
  view: 'views',
  search: 'searches',
  cart_add: 'cart_adds',
  checkout_started: 'checkouts_started',
  checkout_completed: 'checkouts_completed',
};

const ITEM_TABLES = [
  { table: 'analytics_daily_product', key: 'product_id', of: (e: EventRow) => e.productId },
  { table: 'analytics_daily_category', key: 'category_id', of: (e: EventRow) => e.categoryId },
  { table: 'analytics_daily_seller', key: 'seller_id', of: (e: EventRow) => e.sellerId },
] as const;

type Counts = Map<string, Record<string, number>>;

function bump(map: Counts, key: string, column: string, by = 1) {
  const row = map.get(key) ?? {};
  row[column] = (row[column] ?? 0) + by;
  map.set(key, row);
}

/** Writes a batch of events and adds them to the rollups, all or nothing. */
export async function writeEvents(db: Db, events: EventRow[]): Promise<void> {
  if (events.length === 0) return;
  await transaction(db, async (trx) => {
    const values = events.map(
      (e) =>
        sql`(${e.id}::uuid, ${e.storeId}::uuid, ${e.kind}, ${e.productId}::uuid, ${e.categoryId}::uuid,
             ${e.sellerId}::uuid, ${e.query}, ${e.results}::int, ${e.occurredAt}::timestamptz, ${e.day}::date)`,
    );
    await sql`INSERT INTO analytics_events
      (id, store_id, kind, product_id, category_id, seller_id, query, results, occurred_at, day)
      VALUES ${sql.join(values)} ON CONFLICT DO NOTHING`.execute(trx);
    await addEventCounts(trx, events);
  });
}

async function addEventCounts(db: Db, events: EventRow[]): Promise<void> {
  const funnel: Counts = new Map();
  const items = ITEM_TABLES.map(() => new Map() as Counts);
  const searches: Counts = new Map();
  for (const e of events) {
    const day = `${e.storeId}|${e.day}`;
    bump(funnel, day, FUNNEL_COLUMN[e.kind]);
    if (e.kind === 'search') {
      if (e.results === 0) bump(funnel, day, 'zero_result_searches');
      bump(searches, `${day}|${e.query}`, 'searches');
      bump(searches, `${day}|${e.query}`, 'zero_results', e.results === 0 ? 1 : 0);
    }
    if (e.kind !== 'view' && e.kind !== 'cart_add') continue;
    const column = e.kind === 'view' ? 'views' : 'cart_adds';
    ITEM_TABLES.forEach((t, i) => {
      const id = t.of(e);
      if (id) bump(items[i]!, `${day}|${id}`, column);
    });
  }
  await upsert(
    db,
    sql.raw('analytics_daily_funnel'),
    [],
    funnel,
    Object.values(FUNNEL_COLUMN).concat('zero_result_searches'),
  );
  for (const [i, t] of ITEM_TABLES.entries())
    await upsert(db, sql.raw(t.table), [t.key], items[i]!, ['views', 'cart_adds']);
  await upsert(db, sql.raw('analytics_daily_search'), ['query'], searches, ['searches', 'zero_results']);
}

/** Adds `counts` (keyed `store|day|…keys`) to `table`, one statement. */
async function upsert(db: Db, table: RawBuilder<unknown>, keys: string[], counts: Counts, columns: string[]) {
  if (counts.size === 0) return;
  const values = [...counts].map(([key, row]) => {
    const [storeId, day, ...parts] = key.split('|');
    // the last key (a search query) may hold bars of its own
    const rest =
      keys.length === 0 ? [] : [...parts.slice(0, keys.length - 1), parts.slice(keys.length - 1).join('|')];
    const cells = [
      sql`${storeId}::uuid`,
      sql`${day}::date`,
      ...rest.map((v, i) => (keys[i] === 'query' ? sql`${v}` : sql`${v}::uuid`)),
      ...columns.map((c) => sql`${row[c] ?? 0}::int`),
    ];
    return sql`(${sql.join(cells)})`;
  });
  const names = sql.raw(['store_id', 'day', ...keys, ...columns].join(', '));
  const conflict = sql.raw(['store_id', 'day', ...keys].join(', '));
  const adds = sql.raw(columns.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  await sql`INSERT INTO ${table} AS t (${names}) VALUES ${sql.join(values)}
            ON CONFLICT (${conflict}) DO UPDATE SET ${adds}`.execute(db);
}
