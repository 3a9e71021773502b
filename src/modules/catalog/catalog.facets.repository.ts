/**
 * Facet counts for the PostgreSQL search (decision 035). A category page (or the whole store's)
 * without other filters reads the rollups of `product_facet_counts`, which a trigger keeps current
 * with every product change: its cost does not grow with the catalog. Any other list counts its
 * matches by GROUPING SETS, over at most the first `exactLimit` + 1 of them; with more matches the
 * facets say `approximate: true` and `total` is a lower bound.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FilterRow } from './catalog.repository.ts';
import type { Facets, ProductQuery } from './catalog.search.ts';

/** Price facet bucket lower bounds in minor units; the same as SQL's catalog_price_bucket (009). */
export const PRICE_BUCKETS = [
  0, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000,
];

/** Facet counts are exact up to this many matches (CATALOG_FACET_EXACT_LIMIT). */
export const FACET_EXACT_LIMIT = 10_000;

export const TRUE_WORDS = ['true', 'yes', '1'];
export const FALSE_WORDS = ['false', 'no', '0'];

export function fieldExpr(def: FilterRow): RawBuilder<string> {
  return def.source === 'SPEC'
    ? sql<string>`(p.specs ->> ${def.source_key})`
    : sql<string>`(p.attributes ->> ${def.source_key})`;
}

/** The query is a category page (or the store's) as it is: nothing the rollups do not know narrows it. */
export function rollupAnswers(q: ProductQuery): boolean {
  return (
    q.text === undefined &&
    q.minPrice === undefined &&
    q.maxPrice === undefined &&
    !q.brands?.length &&
    !q.sellerId &&
    q.minRating === undefined &&
    !q.inStockOnly &&
    q.filters.length === 0
  );
}

type FacetRow = Record<string, string | number | null>;
type FacetCount = { value: string; count: number };
type FilterFacet = Facets['filters'][number];

interface RollupRow {
  facet: string;
  key: string;
  value: string;
  n: number;
  n_stock: number;
}

/** Sums the rollups of the store's given categories (all of them when none are given). */
export async function rolledUpFacets(
  db: Db,
  storeId: string,
  categoryIds: string[] | undefined,
  defs: FilterRow[],
): Promise<Facets> {
  const specKeys = defs.filter((d) => d.source === 'SPEC').map((d) => d.source_key);
  const attributeKeys = defs.filter((d) => d.source === 'ATTRIBUTE').map((d) => d.source_key);
  const { rows } = await sql<RollupRow>`
    SELECT c.facet, c.key, c.value, sum(c.count)::int AS n, sum(c.in_stock)::int AS n_stock
    FROM product_facet_counts c
    WHERE c.store_id = ${storeId}
      ${categoryIds ? sql`AND c.category_id = ANY (${categoryIds}::uuid[])` : sql``}
      AND (c.facet IN ('total', 'brand', 'price')
           OR (c.facet = 'spec' AND c.key = ANY (${specKeys}::text[]))
           OR (c.facet = 'attribute' AND c.key = ANY (${attributeKeys}::text[])))
    GROUP BY c.facet, c.key, c.value
    HAVING sum(c.count) > 0
  `.execute(db);
  const facets: Facets = { total: 0, inStock: 0, brands: [], price: [], filters: [] };
  for (const r of rows) {
    if (r.facet === 'total') {
      facets.total = r.n;
      facets.inStock = r.n_stock;
    } else if (r.facet === 'brand') facets.brands.push({ value: r.value, count: r.n });
    else if (r.facet === 'price') facets.price.push(priceBucket(Number(r.value), r.n));
  }
  facets.brands = facets.brands.sort(byCount).slice(0, 50);
  facets.price.sort((a, b) => a.min - b.min);
  facets.filters = defs.map((def) => rolledUpFilter(def, rows));
  return { ...facets, approximate: false, totalIsLowerBound: false };
}

const NUMBER = /^\s*-?[0-9]{1,15}(\.[0-9]{1,6})?\s*$/;

/** One filter's facet from the rollup rows of its specification or attribute. */
function rolledUpFilter(def: FilterRow, rows: RollupRow[]): FilterFacet {
  const facet: FilterFacet = {
    key: def.key,
    label: def.label,
    kind: def.kind,
    values: [],
    min: null,
    max: null,
  };
  const source = def.source === 'SPEC' ? 'spec' : 'attribute';
  const mine = rows.filter((r) => r.facet === source && r.key === def.source_key);
  if (def.kind === 'RANGE') {
    const numbers = mine.filter((r) => NUMBER.test(r.value)).map((r) => Number(r.value.trim()));
    facet.min = numbers.length ? Math.min(...numbers) : null;
    facet.max = numbers.length ? Math.max(...numbers) : null;
    return facet;
  }
  const counts = new Map<string, number>();
  for (const r of mine) {
    const value = def.kind === 'ENUM' ? r.value : booleanWord(r.value);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + r.n);
  }
  facet.values = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(byCount)
    .slice(0, 50);
  return facet;
}

function booleanWord(value: string): string | null {
  const v = value.toLowerCase();
  return TRUE_WORDS.includes(v) ? 'true' : FALSE_WORDS.includes(v) ? 'false' : null;
}

function priceBucket(bucket: number, count: number) {
  return { min: PRICE_BUCKETS[bucket - 1] ?? 0, max: PRICE_BUCKETS[bucket] ?? null, count };
}

/**
 * Facet counts over the filtered set (the cursor aside) in one pass: at most the first
 * `exactLimit` + 1 matching rows are grouped by GROUPING SETS, one set per facet, with the totals
 * and range bounds in the empty set. Counts are conjunctive: each is what the list would hold with
 * that value added to the filters. More matches than `exactLimit`: the counts are over the rows
 * read, `approximate` and `totalIsLowerBound` are true.
 *
 * `indexed`: every condition of `where` is on a column of `products_category_facets_idx` (no text,
 * no seller), so the matches are read from that index alone (migration 010), then from the few
 * products too large for it.
 */
export async function countedFacets(
  db: Db,
  where: RawBuilder<unknown>,
  defs: FilterRow[],
  exactLimit: number,
  indexed = false,
): Promise<Facets> {
  const { columns, sets, outputs } = facetGrouping(defs);
  const matches = (also?: RawBuilder<unknown>) =>
    sql`SELECT ${sql.join(columns)} FROM products p WHERE ${where} ${also ? sql`AND ${also}` : sql``}`;
  const fits = sql`catalog_facets_fit(p.specs, p.attributes)`;
  const source = indexed ? sql`(${matches(fits)}) UNION ALL (${matches(sql`NOT ${fits}`)})` : matches();
  const { rows } = await sql<FacetRow>`
    SELECT ${sql.join(outputs)}
    FROM (${source} LIMIT ${exactLimit + 1}) m
    GROUP BY GROUPING SETS (${sql.join(sets)})
  `.execute(db);
  const facets = readFacets(rows, defs);
  const over = facets.total > exactLimit;
  return { ...facets, approximate: over, totalIsLowerBound: over };
}

interface FacetGrouping {
  /** What each matching row contributes (`m.*`). */
  columns: RawBuilder<unknown>[];
  sets: RawBuilder<unknown>[];
  outputs: RawBuilder<unknown>[];
}

/** The empty set (totals, range bounds), brands, price buckets, then one set per ENUM or BOOLEAN filter. */
function facetGrouping(defs: FilterRow[]): FacetGrouping {
  const grouping: FacetGrouping = {
    columns: [sql`p.brand`, sql`catalog_price_bucket(p.best_price_amount) AS bucket`, sql`p.in_stock`],
    sets: [sql`()`, sql`(m.brand)`, sql`(m.bucket)`],
    outputs: [
      sql`GROUPING(m.brand) AS g_brand`,
      sql`GROUPING(m.bucket) AS g_bucket`,
      sql`m.brand`,
      sql`m.bucket`,
      sql`count(*)::int AS n`,
      sql`(count(*) FILTER (WHERE m.in_stock))::int AS n_stock`,
    ],
  };
  for (const [i, def] of defs.entries()) addFilterGrouping(grouping, def, i);
  return grouping;
}

/** A RANGE filter reports its bounds in the empty set; ENUM and BOOLEAN ones get a set of their own. */
function addFilterGrouping({ columns, sets, outputs }: FacetGrouping, def: FilterRow, i: number) {
  const expr = fieldExpr(def);
  const col = sql.ref(`f${i}`);
  const mcol = sql.ref(`m.f${i}`);
  if (def.kind === 'RANGE') {
    columns.push(sql`catalog_number(${expr}) AS ${col}`);
    outputs.push(
      sql`min(${mcol})::float8 AS ${sql.ref(`min${i}`)}`,
      sql`max(${mcol})::float8 AS ${sql.ref(`max${i}`)}`,
    );
    return;
  }
  columns.push(
    def.kind === 'ENUM'
      ? sql`${expr} AS ${col}`
      : sql`CASE WHEN lower(${expr}) = ANY (${TRUE_WORDS}::text[]) THEN 'true'
                 WHEN lower(${expr}) = ANY (${FALSE_WORDS}::text[]) THEN 'false' END AS ${col}`,
  );
  sets.push(sql`(${mcol})`);
  outputs.push(sql`GROUPING(${mcol}) AS ${sql.ref(`g${i}`)}`, sql`${mcol}`);
}

/** Sorts the grouped rows into their facets: by count, at most 50 values each; price by bucket. */
function readFacets(rows: FacetRow[], defs: FilterRow[]): Facets {
  const facets: Facets = { total: 0, inStock: 0, brands: [], price: [], filters: [] };
  const perFilter: FilterFacet[] = defs.map((def) => ({
    key: def.key,
    label: def.label,
    kind: def.kind,
    values: [],
    min: null,
    max: null,
  }));
  for (const r of rows) {
    const n = Number(r.n);
    if (r.g_brand === 0) {
      if (r.brand !== null) facets.brands.push({ value: String(r.brand), count: n });
    } else if (r.g_bucket === 0) {
      if (r.bucket !== null) facets.price.push(priceBucket(Number(r.bucket), n));
    } else if (!readFilterValue(r, n, defs, perFilter)) {
      facets.total = n;
      facets.inStock = Number(r.n_stock);
      readRangeBounds(r, defs, perFilter);
    }
  }
  facets.brands = facets.brands.sort(byCount).slice(0, 50);
  for (const f of perFilter) f.values = f.values.sort(byCount).slice(0, 50);
  facets.price.sort((a, b) => a.min - b.min);
  facets.filters = perFilter;
  return facets;
}

/** A row of one filter's grouping set: its value's count. False for the empty set's row. */
function readFilterValue(r: FacetRow, n: number, defs: FilterRow[], perFilter: FilterFacet[]): boolean {
  const i = defs.findIndex((d, k) => d.kind !== 'RANGE' && r[`g${k}`] === 0);
  if (i < 0) return false;
  const value = r[`f${i}`];
  if (value !== null && value !== undefined) perFilter[i]!.values.push({ value: String(value), count: n });
  return true;
}

function readRangeBounds(r: FacetRow, defs: FilterRow[], perFilter: FilterFacet[]) {
  defs.forEach((d, k) => {
    if (d.kind !== 'RANGE') return;
    const lo = r[`min${k}`];
    const hi = r[`max${k}`];
    perFilter[k]!.min = lo === null || lo === undefined ? null : Number(lo);
    perFilter[k]!.max = hi === null || hi === undefined ? null : Number(hi);
  });
}

function byCount(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
