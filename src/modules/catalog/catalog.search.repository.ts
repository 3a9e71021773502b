/**
 * The PostgreSQL implementation of the `ProductSearch` port (`catalog.search.ts`): a weighted
 * tsvector with GIN for full text, prefix queries for as-you-type, pg_trgm word similarity on the
 * name for typos, ts_headline for snippets, and facet counts by GROUPING SETS.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import type { FilterRow } from './catalog.repository.ts';
import type { Sort } from './catalog.schemas.ts';
import {
  type Facets,
  type FilterSelection,
  MARK_END,
  MARK_START,
  markHighlight,
  type ProductHit,
  type ProductQuery,
  type ProductSearch,
  type SearchResult,
  type Suggestion,
} from './catalog.search.ts';

/** Price facet bucket lower bounds in minor units (500, 1,000, 2,500 … 1,00,000 in major units). */
export const PRICE_BUCKETS = [
  0, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000,
];

/** Below this word similarity a name is not a typo of the query (iphnoe ~ iPhone scores 0.43). */
const TYPO_THRESHOLD = '0.4';
const HEADLINE_NAME = `HighlightAll=true, StartSel="${MARK_START}", StopSel="${MARK_END}"`;
/** Snippets come from the start of a description: ts_headline's work grows with its input. */
const HEADLINE_INPUT_CHARS = 5_000;
const HEADLINE_TEXT = `MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=" … ", StartSel="${MARK_START}", StopSel="${MARK_END}"`;

export function queryWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 10);
}

/** Trigram similarity says nothing useful about fewer than four letters. */
function worthTypoSearch(words: string[]): boolean {
  return words.join('').length >= 4;
}

/** `trail & runn:*`: every word must match, the last one as a prefix (the user may still be typing). */
function tsQueryText(words: string[], weight = ''): string {
  return words
    .map((w, i) => (i === words.length - 1 ? `${w}:*${weight}` : weight ? `${w}:${weight}` : w))
    .join(' & ');
}

function fieldExpr(def: FilterRow): RawBuilder<string> {
  return def.source === 'SPEC'
    ? sql<string>`(p.specs ->> ${def.source_key})`
    : sql<string>`(p.attributes ->> ${def.source_key})`;
}

const TRUE_WORDS = ['true', 'yes', '1'];
const FALSE_WORDS = ['false', 'no', '0'];

function filterCondition(f: FilterSelection): RawBuilder<unknown> {
  const expr = fieldExpr(f.def);
  switch (f.def.kind) {
    case 'ENUM':
      return sql`${expr} = ANY (${f.values ?? []}::text[])`;
    case 'RANGE': {
      const parts = [sql`catalog_number(${expr}) IS NOT NULL`];
      if (f.min !== undefined) parts.push(sql`catalog_number(${expr}) >= ${f.min}`);
      if (f.max !== undefined) parts.push(sql`catalog_number(${expr}) <= ${f.max}`);
      return sql.join(parts, sql` AND `);
    }
    case 'BOOLEAN':
      return sql`lower(${expr}) = ANY (${f.flag ? TRUE_WORDS : FALSE_WORDS}::text[])`;
  }
}

interface TextMatch {
  tsquery: string;
  words: string;
  fuzzy: boolean;
}

function textMatch(text: string | undefined, fuzzy: boolean): TextMatch | null {
  if (text === undefined) return null;
  const words = queryWords(text);
  return { tsquery: words.length ? tsQueryText(words) : '', words: words.join(' '), fuzzy };
}

function conditions(q: ProductQuery, match: TextMatch | null): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`p.listable`, sql`p.store_id = ${q.storeId}`];
  if (q.categoryIds) {
    // A single id as plain equality, so the per-category index also yields the sort order.
    c.push(
      q.categoryIds.length === 1
        ? sql`p.category_id = ${q.categoryIds[0]}`
        : sql`p.category_id = ANY (${q.categoryIds}::uuid[])`,
    );
  }
  if (q.minPrice !== undefined) c.push(sql`p.best_price_amount >= ${q.minPrice}`);
  if (q.maxPrice !== undefined) c.push(sql`p.best_price_amount <= ${q.maxPrice}`);
  if (q.brands?.length) c.push(sql`p.brand = ANY (${q.brands}::text[])`);
  if (q.sellerId) c.push(sql`p.seller_ids @> ARRAY[${q.sellerId}::uuid]`);
  if (q.minRating !== undefined) c.push(sql`p.rating_avg >= ${q.minRating}`);
  if (q.inStockOnly) c.push(sql`p.in_stock`);
  if (match) {
    if (match.words === '') c.push(sql`false`);
    else if (match.fuzzy) c.push(sql`${match.words} <% lower(p.name)`);
    else c.push(sql`p.search_vector @@ to_tsquery('english', ${match.tsquery})`);
  }
  for (const f of q.filters) c.push(filterCondition(f));
  return c;
}

interface SortPlan {
  key: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  after: (k: string | number, id: string) => RawBuilder<unknown>;
}

const SORT_PLANS: Record<Exclude<Sort, 'relevance'>, SortPlan> = {
  newest: {
    key: sql`p.published_at::text`,
    order: sql`p.published_at DESC, p.id DESC`,
    after: (k, id) => sql`(p.published_at, p.id) < (${k}::timestamptz, ${id}::uuid)`,
  },
  price_asc: {
    key: sql`p.best_price_amount`,
    order: sql`p.best_price_amount, p.id`,
    after: (k, id) => sql`(p.best_price_amount, p.id) > (${k}::bigint, ${id}::uuid)`,
  },
  price_desc: {
    key: sql`p.best_price_amount`,
    order: sql`p.best_price_amount DESC, p.id DESC`,
    after: (k, id) => sql`(p.best_price_amount, p.id) < (${k}::bigint, ${id}::uuid)`,
  },
  rating: {
    key: sql`p.rating_avg::text`,
    order: sql`p.rating_avg DESC, p.id DESC`,
    after: (k, id) => sql`(p.rating_avg, p.id) < (${k}::numeric, ${id}::uuid)`,
  },
};

const HIT_COLUMNS = sql`p.id, p.slug, p.name, p.brand, p.best_price_amount AS price_amount,
  p.best_compare_at_amount AS compare_at_amount, p.currency, p.rating_avg, p.rating_count, p.in_stock,
  p.thumbnail_url`;

async function searchPage(db: Db, q: ProductQuery, match: TextMatch | null): Promise<ProductHit[]> {
  const where = sql.join(conditions(q, match), sql` AND `);
  const text = match !== null && match.words !== '';
  const tsq = sql`to_tsquery('english', ${match?.tsquery ?? ''})`;
  let page: RawBuilder<unknown>;
  if (q.sort === 'relevance' && text) {
    const after = q.after ? sql`WHERE (s.key, s.id) < (${q.after.k}::real, ${q.after.id}::uuid)` : sql``;
    page = sql`
      SELECT * FROM (
        SELECT ${HIT_COLUMNS},
          (${match!.fuzzy ? sql`word_similarity(${match!.words}, lower(p.name))` : sql`ts_rank(p.search_vector, ${tsq})`})::real AS key
        FROM products p WHERE ${where}
      ) s
      ${after}
      ORDER BY s.key DESC, s.id DESC
      LIMIT ${q.limit + 1}`;
  } else {
    const plan = SORT_PLANS[q.sort === 'relevance' ? 'newest' : q.sort];
    const after = q.after ? sql`AND ${plan.after(q.after.k, q.after.id)}` : sql``;
    page = sql`
      SELECT ${HIT_COLUMNS}, ${plan.key} AS key
      FROM products p
      WHERE ${where} ${after}
      ORDER BY ${plan.order}
      LIMIT ${q.limit + 1}`;
  }
  if (!text) return (await sql<ProductHit>`${page}`.execute(db)).rows;
  // Snippets only for the page's rows, after the limit.
  const { rows } = await sql<ProductHit>`
    SELECT h.*,
      ts_headline('english', h.name, ${tsq}, ${HEADLINE_NAME}) AS highlight_name,
      ts_headline('english',
        regexp_replace(
          (SELECT left(d.description, ${HEADLINE_INPUT_CHARS}) FROM products d WHERE d.id = h.id),
          '<[^>]*>', ' ', 'g'),
        ${tsq}, ${HEADLINE_TEXT}) AS highlight_description
    FROM (${page}) h
  `.execute(db);
  return rows;
}

type FacetRow = Record<string, string | number | null>;
type FacetCount = { value: string; count: number };
type FilterFacet = Facets['filters'][number];

/**
 * Facet counts over the whole filtered set (the cursor aside) in one pass: the matching rows are
 * grouped by GROUPING SETS, one set per facet, with the totals and range bounds in the empty set.
 * Counts are conjunctive: each is what the list would hold with that value added to the filters.
 */
async function facetCounts(
  db: Db,
  q: ProductQuery,
  match: TextMatch | null,
  defs: FilterRow[],
): Promise<Facets> {
  const where = sql.join(conditions(q, match), sql` AND `);
  const { columns, sets, outputs } = facetGrouping(defs);
  const { rows } = await sql<FacetRow>`
    SELECT ${sql.join(outputs)}
    FROM (SELECT ${sql.join(columns)} FROM products p WHERE ${where}) m
    GROUP BY GROUPING SETS (${sql.join(sets)})
  `.execute(db);
  return readFacets(rows, defs);
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
    columns: [
      sql`p.brand`,
      sql`width_bucket(p.best_price_amount, ${PRICE_BUCKETS}::bigint[]) AS bucket`,
      sql`p.in_stock`,
    ],
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
      const bucket = Number(r.bucket);
      facets.price.push({
        min: PRICE_BUCKETS[bucket - 1] ?? 0,
        max: PRICE_BUCKETS[bucket] ?? null,
        count: n,
      });
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

async function withTypoThreshold<T>(db: Db, text: boolean, work: (db: Db) => Promise<T>): Promise<T> {
  if (!text) return work(db);
  // `<%` reads its threshold from a setting; SET LOCAL keeps it to this transaction.
  return transaction(db, async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${TYPO_THRESHOLD}, true)`.execute(trx);
    return work(trx);
  });
}

async function run(db: Db, q: ProductQuery, fuzzy: boolean): Promise<SearchResult> {
  const match = textMatch(q.text, fuzzy);
  return withTypoThreshold(db, fuzzy, async (trx) => {
    const rows = await searchPage(trx, q, match);
    const facets = q.facetsFor ? await facetCounts(trx, q, match, q.facetsFor) : undefined;
    return {
      hits: rows.slice(0, q.limit),
      hasMore: rows.length > q.limit,
      fuzzy,
      ...(facets ? { facets } : {}),
    };
  });
}

export const postgresSearch: ProductSearch = {
  async search(db, q) {
    if (q.fuzzy !== undefined || q.text === undefined) return run(db, q, q.fuzzy ?? false);
    const exact = await run(db, q, false);
    if (exact.hits.length > 0 || q.after || !worthTypoSearch(queryWords(q.text))) return exact;
    return run(db, q, true);
  },

  async suggest(db, storeId, text, limit) {
    const words = queryWords(text);
    if (words.length === 0) return [];
    const joined = words.join(' ');
    const tsq = sql`to_tsquery('english', ${tsQueryText(words, 'A')})`;
    const suggest = async (trx: Db, fuzzy: boolean) => {
      const { rows } = await sql<Suggestion>`
        SELECT p.id, p.slug, p.name, ts_headline('english', p.name, ${tsq}, ${HEADLINE_NAME}) AS highlight
        FROM products p
        WHERE p.listable AND p.store_id = ${storeId}
          AND ${fuzzy ? sql`${joined} <% lower(p.name)` : sql`p.search_vector @@ ${tsq}`}
        ORDER BY ${fuzzy ? sql`word_similarity(${joined}, lower(p.name))` : sql`ts_rank(p.search_vector, ${tsq})`} DESC,
                 p.rating_count DESC, p.id
        LIMIT ${limit}
      `.execute(trx);
      return rows.map((r) => ({ ...r, highlight: markHighlight(r.highlight) }));
    };
    const exact = await suggest(db, false);
    if (exact.length > 0 || !worthTypoSearch(words)) return exact;
    return withTypoThreshold(db, true, (trx) => suggest(trx, true));
  },
};
