/**
 * The PostgreSQL implementation of the `ProductSearch` port (`catalog.search.ts`): a weighted
 * tsvector with GIN for full text, prefix queries for as-you-type, pg_trgm word similarity on the
 * name for typos, ts_headline for snippets; facet counts in `catalog.facets.repository.ts`. A text
 * search ranks at most `rankCandidates` of its matches (the first the index yields), so a word
 * most products contain costs what a rare one does; smaller match sets are ranked whole.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import {
  countedFacets,
  FACET_EXACT_LIMIT,
  FALSE_WORDS,
  fieldExpr,
  rolledUpFacets,
  rollupAnswers,
  TRUE_WORDS,
} from './catalog.facets.repository.ts';
import type { Sort } from './catalog.schemas.ts';
import {
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
  /** The same order over a merged page's rows (`h`, with the sort column as `sort_value`). */
  merged: RawBuilder<unknown>;
  column: RawBuilder<unknown>;
  after: (k: string | number, id: string) => RawBuilder<unknown>;
}

const SORT_PLANS: Record<Exclude<Sort, 'relevance'>, SortPlan> = {
  newest: {
    column: sql`p.published_at`,
    merged: sql`h.sort_value DESC, h.id DESC`,
    key: sql`p.published_at::text`,
    order: sql`p.published_at DESC, p.id DESC`,
    after: (k, id) => sql`(p.published_at, p.id) < (${k}::timestamptz, ${id}::uuid)`,
  },
  price_asc: {
    column: sql`p.best_price_amount`,
    merged: sql`h.sort_value, h.id`,
    key: sql`p.best_price_amount`,
    order: sql`p.best_price_amount, p.id`,
    after: (k, id) => sql`(p.best_price_amount, p.id) > (${k}::bigint, ${id}::uuid)`,
  },
  price_desc: {
    column: sql`p.best_price_amount`,
    merged: sql`h.sort_value DESC, h.id DESC`,
    key: sql`p.best_price_amount`,
    order: sql`p.best_price_amount DESC, p.id DESC`,
    after: (k, id) => sql`(p.best_price_amount, p.id) < (${k}::bigint, ${id}::uuid)`,
  },
  rating: {
    column: sql`p.rating_avg`,
    merged: sql`h.sort_value DESC, h.id DESC`,
    key: sql`p.rating_avg::text`,
    order: sql`p.rating_avg DESC, p.id DESC`,
    after: (k, id) => sql`(p.rating_avg, p.id) < (${k}::numeric, ${id}::uuid)`,
  },
};

/** What ranking and the page need of a candidate (the wide columns stay behind). */
const CANDIDATE_COLUMNS = sql`p.id, p.slug, p.name, p.brand, p.best_price_amount, p.best_compare_at_amount,
  p.currency, p.rating_avg, p.rating_count, p.in_stock, p.thumbnail_url, p.search_vector`;

const HIT_COLUMNS = sql`p.id, p.slug, p.name, p.brand, p.best_price_amount AS price_amount,
  p.best_compare_at_amount AS compare_at_amount, p.currency, p.rating_avg, p.rating_count, p.in_stock,
  p.thumbnail_url`;

/** Categories past this many are read with one scan rather than merged (the subtree is large). */
const MERGE_CATEGORIES = 64;

/**
 * A page in a sort order. A category with subcategories reads each category's keyset range from
 * its per-category index (`limit + 1` entries each) and merges them, instead of sorting every
 * product of the subtree; anything else is one ordered scan.
 */
function sortedPage(q: ProductQuery, match: TextMatch | null, where: RawBuilder<unknown>) {
  const plan = SORT_PLANS[q.sort === 'relevance' ? 'newest' : q.sort];
  const after = q.after ? sql`AND ${plan.after(q.after.k, q.after.id)}` : sql``;
  const ids = q.categoryIds ?? [];
  if (match === null && ids.length > 1 && ids.length <= MERGE_CATEGORIES) {
    const each = sql.join(
      [...conditions({ ...q, categoryIds: undefined }, match), sql`p.category_id = c.id`],
      sql` AND `,
    );
    return sql`
      SELECT h.* FROM unnest(${ids}::uuid[]) AS c(id)
      CROSS JOIN LATERAL (
        SELECT ${HIT_COLUMNS}, ${plan.key} AS key, ${plan.column} AS sort_value
        FROM products p
        WHERE ${each} ${after}
        ORDER BY ${plan.order}
        LIMIT ${q.limit + 1}
      ) h
      ORDER BY ${plan.merged}
      LIMIT ${q.limit + 1}`;
  }
  return sql`
    SELECT ${HIT_COLUMNS}, ${plan.key} AS key
    FROM products p
    WHERE ${where} ${after}
    ORDER BY ${plan.order}
    LIMIT ${q.limit + 1}`;
}

async function searchPage(
  db: Db,
  q: ProductQuery,
  match: TextMatch | null,
  limits: SearchLimits,
): Promise<ProductHit[]> {
  const where = sql.join(conditions(q, match), sql` AND `);
  const text = match !== null && match.words !== '';
  const tsq = sql`to_tsquery('english', ${match?.tsquery ?? ''})`;
  let page: RawBuilder<unknown>;
  if (q.sort === 'relevance' && text) {
    const after = q.after ? sql`WHERE (s.key, s.id) < (${q.after.k}::real, ${q.after.id}::uuid)` : sql``;
    // Rank the first candidates the index yields, not every match.
    page = sql`
      SELECT * FROM (
        SELECT ${HIT_COLUMNS},
          (${match!.fuzzy ? sql`word_similarity(${match!.words}, lower(p.name))` : sql`ts_rank(p.search_vector, ${tsq})`})::real AS key
        FROM (SELECT ${CANDIDATE_COLUMNS} FROM products p WHERE ${where} LIMIT ${limits.rankCandidates}) p
      ) s
      ${after}
      ORDER BY s.key DESC, s.id DESC
      LIMIT ${q.limit + 1}`;
  } else {
    page = sortedPage(q, match, where);
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

async function withTypoThreshold<T>(db: Db, text: boolean, work: (db: Db) => Promise<T>): Promise<T> {
  if (!text) return work(db);
  // `<%` reads its threshold from a setting; SET LOCAL keeps it to this transaction.
  return transaction(db, async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${TYPO_THRESHOLD}, true)`.execute(trx);
    return work(trx);
  });
}

export interface SearchLimits {
  /** Facet counts are exact up to this many matches, approximate above. */
  facetExactLimit: number;
  /** A text search ranks at most this many of its matches (CATALOG_SEARCH_CANDIDATES). */
  rankCandidates: number;
}

/** Ranked candidates of a text search by default: enough for 50 pages of 20. */
export const RANK_CANDIDATES = 1_000;

async function facetsOf(db: Db, q: ProductQuery, match: TextMatch | null, limits: SearchLimits) {
  if (!q.facetsFor) return undefined;
  if (rollupAnswers(q)) return rolledUpFacets(db, q.storeId, q.categoryIds, q.facetsFor);
  const where = sql.join(conditions(q, match), sql` AND `);
  // text and seller conditions read columns the facet index does not hold
  const indexed = match === null && !q.sellerId;
  return countedFacets(db, where, q.facetsFor, limits.facetExactLimit, indexed);
}

async function run(db: Db, q: ProductQuery, fuzzy: boolean, limits: SearchLimits): Promise<SearchResult> {
  const match = textMatch(q.text, fuzzy);
  return withTypoThreshold(db, fuzzy, async (trx) => {
    const rows = await searchPage(trx, q, match, limits);
    const facets = await facetsOf(trx, q, match, limits);
    return {
      hits: rows.slice(0, q.limit),
      hasMore: rows.length > q.limit,
      fuzzy,
      ...(facets ? { facets } : {}),
    };
  });
}

export function createPostgresSearch(options: Partial<SearchLimits> = {}): ProductSearch {
  const limits: SearchLimits = {
    facetExactLimit: options.facetExactLimit ?? FACET_EXACT_LIMIT,
    rankCandidates: options.rankCandidates ?? RANK_CANDIDATES,
  };
  return {
    async search(db, q) {
      if (q.fuzzy !== undefined || q.text === undefined) return run(db, q, q.fuzzy ?? false, limits);
      const exact = await run(db, q, false, limits);
      if (exact.hits.length > 0 || q.after || !worthTypoSearch(queryWords(q.text))) return exact;
      return run(db, q, true, limits);
    },
    suggest: (db, storeId, text, limit) => suggest(db, storeId, text, limit, limits),
  };
}

export const postgresSearch: ProductSearch = createPostgresSearch();

async function suggest(db: Db, storeId: string, text: string, limit: number, limits: SearchLimits) {
  const words = queryWords(text);
  if (words.length === 0) return [];
  const joined = words.join(' ');
  const tsq = sql`to_tsquery('english', ${tsQueryText(words, 'A')})`;
  // the same words in the names alone (products_name_words_idx): search_vector's A weight is the name
  const inNames = sql`to_tsvector('english', p.name) @@ to_tsquery('english', ${tsQueryText(words)})`;
  const suggestFrom = async (trx: Db, fuzzy: boolean) => {
    const { rows } = await sql<Suggestion>`
      SELECT p.id, p.slug, p.name, ts_headline('english', p.name, ${tsq}, ${HEADLINE_NAME}) AS highlight
      FROM (
        SELECT p.id, p.slug, p.name, p.search_vector, p.rating_count FROM products p
        WHERE p.listable AND p.store_id = ${storeId}
          AND ${fuzzy ? sql`${joined} <% lower(p.name)` : inNames}
        LIMIT ${limits.rankCandidates}
      ) p
      ORDER BY ${fuzzy ? sql`word_similarity(${joined}, lower(p.name))` : sql`ts_rank(p.search_vector, ${tsq})`} DESC,
               p.rating_count DESC, p.id
      LIMIT ${limit}
    `.execute(trx);
    return rows.map((r) => ({ ...r, highlight: markHighlight(r.highlight) }));
  };
  const exact = await suggestFrom(db, false);
  if (exact.length > 0 || !worthTypoSearch(words)) return exact;
  return withTypoThreshold(db, true, (trx) => suggestFrom(trx, true));
}
