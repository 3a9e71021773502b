/**
 * The search port: everything the catalog asks of a search engine (filtered, sorted, paginated
 * product lists with facets, and as-you-type suggestions) behind one narrow interface. The
 * PostgreSQL implementation is `catalog.search.repository.ts`; another engine would implement
 * `ProductSearch` and be fed from the catalog's outbox events.
 */
import type { Db } from '../../platform/db/database.ts';
import type { FilterRow } from './catalog.repository.ts';
import type { FacetsViewT, Sort, SuggestionT } from './catalog.schemas.ts';

export interface FilterSelection {
  def: FilterRow;
  values?: string[];
  min?: number | undefined;
  max?: number | undefined;
  flag?: boolean;
}

export interface ProductQuery {
  storeId: string;
  text?: string | undefined;
  categoryIds?: string[] | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  brands?: string[] | undefined;
  sellerId?: string | undefined;
  minRating?: number | undefined;
  inStockOnly?: boolean | undefined;
  filters: FilterSelection[];
  sort: Exclude<Sort, 'relevance'> | 'relevance';
  limit: number;
  after?: { k: string | number; id: string } | undefined;
  /** When set, facet counts over the whole filtered set, for these filter definitions. */
  facetsFor?: FilterRow[] | undefined;
  /**
   * Typo mode: match names by trigram word similarity instead of full text. A first page runs it
   * by itself when the exact search finds nothing; later pages carry the answer in their cursor.
   */
  fuzzy?: boolean | undefined;
}

export interface SearchResult {
  hits: ProductHit[];
  hasMore: boolean;
  /** The hits came from typo mode (see ProductQuery.fuzzy). */
  fuzzy: boolean;
  facets?: Facets;
}

export interface ProductHit {
  id: string;
  slug: string;
  name: string;
  brand: string | null;
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  rating_avg: string;
  rating_count: number;
  in_stock: boolean;
  thumbnail_url: string | null;
  /** The value of the sort key, for the next cursor. */
  key: string | number;
  highlight_name?: string;
  highlight_description?: string;
}

/** Facet counts, in the shape the product list shows them. */
export type Facets = FacetsViewT;

/** One as-you-type suggestion, as `/products/suggest` shows it. */
export type Suggestion = SuggestionT;

export interface ProductSearch {
  search(db: Db, query: ProductQuery): Promise<SearchResult>;
  suggest(db: Db, storeId: string, text: string, limit: number): Promise<Suggestion[]>;
}

/** An engine marks the matched words of a highlight between these two characters. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Escapes text for HTML and turns the engine's marks into <mark> tags. */
export function markHighlight(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}
