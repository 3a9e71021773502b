// Reading products: the public product page, the managed view, the storefront list with its sort
// plans, cursors and filters, suggestions, and the admin product list.
import { z } from 'zod';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, readDb } from '../../platform/http/context.ts';
import type { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { CategoryService } from './catalog.categories.ts';
import type { CatalogCore } from './catalog.core.ts';
import { badField, CategoryNotFound, ProductNotFound } from './catalog.errors.ts';
import { money, presentHit, presentProduct } from './catalog.presenters.ts';
import type { FilterRow } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { sellerRewardLimit } from './catalog.rewards.ts';
import type {
  AdminProductListQueryT,
  FacetsViewT,
  ProductListQueryT,
  ProductViewT,
  Sort,
} from './catalog.schemas.ts';
import type { FilterSelection } from './catalog.search.ts';

const ListCursor = z.object({
  s: z.enum(['relevance', 'price_asc', 'price_desc', 'rating', 'newest']),
  k: z.union([z.string().max(64), z.number()]),
  id: z.uuid(),
  /** The first page fell back to typo matching; later pages must too. */
  f: z.literal(1).optional(),
});

/** Each sort's key must look like what that sort issues, so no cursor reaches SQL as a bad cast. */
const CURSOR_KEY: Record<Sort, (k: string | number) => boolean> = {
  newest: (k) =>
    typeof k === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(k),
  price_asc: (k) => Number.isSafeInteger(k) && (k as number) >= 0,
  price_desc: (k) => Number.isSafeInteger(k) && (k as number) >= 0,
  rating: (k) => typeof k === 'string' && /^\d\.\d{2}$/.test(k),
  relevance: (k) => typeof k === 'number' && Number.isFinite(k),
};

export class BrowseService {
  constructor(
    private readonly core: CatalogCore,
    private readonly categories: CategoryService,
  ) {}

  async getPublicProduct(ctx: Ctx, ref: string): Promise<ProductViewT> {
    // A miss throws inside the load, so it is not kept: made-up slugs cannot fill the cache.
    return this.core.cached(ctx, `product:${ref}`, async () => {
      const where = isUuid(ref) ? { id: ref } : { slug: ref };
      const db = readDb(ctx);
      const row = await repo.findProductDetail(db, ctx.storeId, where, true);
      if (!row) throw new ProductNotFound();
      return presentProduct(row, await sellerRewardLimit(db, ctx.storeId));
    });
  }

  /** Any status, for whoever may manage the product. */
  async getManagedProduct(ctx: Ctx, id: string): Promise<ProductViewT> {
    await this.core.manageable(ctx, id);
    return this.core.view(ctx, id);
  }

  /** First pages (the ones everybody asks for) come from the read cache; later pages never do. */
  async list(ctx: Ctx, query: ProductListQueryT) {
    if (query.cursor) return this.search(ctx, query);
    return this.core.cached(ctx, `list:${listCacheKey(query)}`, () => this.search(ctx, query));
  }

  private async search(ctx: Ctx, query: ProductListQueryT) {
    const sort: Sort = query.sort ?? (query.q ? 'relevance' : 'newest');
    const after = decodeCursor(query.cursor, ListCursor);
    if (after && (after.s !== sort || !CURSOR_KEY[sort](after.k))) throw badCursor();
    const scope = await this.categoryScope(ctx, query.category);
    const wantFacets = query.facets === 'true' || (query.facets === undefined && !query.cursor);
    const result = await this.core.deps.search.search(readDb(ctx), {
      storeId: ctx.storeId,
      text: query.q,
      categoryIds: scope.categoryIds,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      brands: asList(query.brand),
      sellerId: query.seller,
      minRating: query.minRating,
      inStockOnly: query.inStock === 'true',
      filters: parseFilters(query, scope.defs),
      sort,
      limit: query.limit,
      after: after ? { k: after.k, id: after.id } : undefined,
      facetsFor: wantFacets ? scope.defs : undefined,
      fuzzy: after && query.q ? after.f === 1 : undefined,
    });
    const last = result.hits.at(-1);
    return {
      items: result.hits.map(presentHit),
      nextCursor:
        result.hasMore && last
          ? encodeCursor({ s: sort, k: last.key, id: last.id, ...(result.fuzzy ? { f: 1 } : {}) })
          : null,
      ...(result.facets ? { facets: result.facets satisfies FacetsViewT } : {}),
    };
  }

  /** `?category=`: the active categories under it and the filters its page offers. */
  private async categoryScope(ctx: Ctx, slug: string | undefined) {
    if (!slug) return { categoryIds: undefined, defs: [] as FilterRow[] };
    const index = await this.categories.index(ctx);
    const category = index.bySlug.get(slug);
    if (!category?.is_active) throw new CategoryNotFound();
    return {
      categoryIds: index.all.filter((c) => c.is_active && c.path.includes(category.id)).map((c) => c.id),
      defs: index.filters.filter((f) => category.path.includes(f.category_id)),
    };
  }

  /** Suggestions are asked for on every keystroke, by many people typing the same prefixes: cached. */
  async suggest(ctx: Ctx, q: string, limit: number) {
    const prefix = q.trim().toLowerCase();
    return this.core.cached(ctx, `suggest:${limit}:${prefix}`, async () => {
      const [items, index] = await Promise.all([
        this.core.deps.search.suggest(readDb(ctx), ctx.storeId, q, limit),
        this.categories.index(ctx),
      ]);
      const categories = index.all
        .filter((c) => c.is_active && c.name.toLowerCase().startsWith(prefix))
        .slice(0, 5)
        .map((c) => ({ id: c.id, slug: c.slug, name: c.name }));
      return { items, categories };
    });
  }

  /** Admin listing, newest first; sellers see what they created. */
  async adminList(ctx: Ctx, query: AdminProductListQueryT) {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const after = decodeCursor(query.cursor, z.object({ id: z.uuid() }));
    const createdBy = hasRole(actor, 'ADMIN') ? query.createdBy : actor.userId;
    const rows = await repo.listProductsForAdmin(ctx.db, {
      storeId: ctx.storeId,
      limit: query.limit,
      status: query.status,
      createdBy,
      q: query.q,
      after: after?.id,
    });
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        status: p.status,
        brand: p.brand,
        createdBy: p.created_by,
        price: money(p.best_price_amount, p.currency),
        inStock: p.in_stock,
        createdAt: p.created_at.toISOString(),
        updatedAt: p.updated_at.toISOString(),
      })),
      nextCursor: rows.length > query.limit ? encodeCursor({ id: items.at(-1)!.id }) : null,
    };
  }
}

function badCursor(): BadRequest {
  return badField('/cursor', 'The cursor is not one this server issued for this sort.', 'query');
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
  return [...new Set(parts.map((v) => v.trim()).filter(Boolean))].slice(0, 50);
}

/**
 * The same key for every spelling of the same first page: parsed fields only (the schema refuses
 * unknown keys), lists as sorted sets, defaults filled in.
 */
function listCacheKey(query: ProductListQueryT): string {
  const fields: Record<string, unknown> = {
    ...query,
    sort: query.sort ?? (query.q ? 'relevance' : 'newest'),
    facets: query.facets ?? 'true',
  };
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]): [string, unknown] =>
      name === 'brand' || name.startsWith('f.')
        ? [name, asList(value as string | string[]).sort()]
        : [name, value],
    )
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(parts);
}

const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/** `f.<key>` query parameters against the filters the category page offers. */
export function parseFilters(query: Record<string, unknown>, defs: FilterRow[]): FilterSelection[] {
  const selections: FilterSelection[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (!name.startsWith('f.')) continue;
    const pointer = `/${name}`;
    const def = defs.find((d) => d.key === name.slice(2));
    if (!def) throw badField(pointer, 'No such filter on this category.', 'query');
    selections.push(parseFilter(def, asList(raw as string | string[]), pointer));
  }
  return selections;
}

function parseFilter(def: FilterRow, values: string[], pointer: string): FilterSelection {
  if (def.kind === 'ENUM') {
    if (values.length === 0) throw badField(pointer, 'Give at least one value.', 'query');
    return { def, values };
  }
  if (def.kind === 'RANGE') {
    const bounds = values.length === 1 ? values[0]!.split('..') : [];
    const [lo = '', hi = ''] = bounds;
    if (bounds.length !== 2 || (lo && !NUMBER.test(lo)) || (hi && !NUMBER.test(hi)) || (!lo && !hi)) {
      throw badField(pointer, 'Use min..max (either side may be left out).', 'query');
    }
    return { def, min: lo ? Number(lo) : undefined, max: hi ? Number(hi) : undefined };
  }
  if (values.length !== 1 || !['true', 'false'].includes(values[0]!)) {
    throw badField(pointer, 'Use true or false.', 'query');
  }
  return { def, flag: values[0] === 'true' };
}
