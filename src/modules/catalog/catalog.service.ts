import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import type { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { catalogCache } from './catalog.cache.ts';
import {
  badField,
  CategoryNotFound,
  DuplicateOptions,
  FilterKeyTaken,
  FilterNotFound,
  LastVariant,
  NotYours,
  OfferExists,
  OfferNotFound,
  ProductNotFound,
  ProductShared,
  SkuTaken,
  SlugTaken,
  VariantNotFound,
} from './catalog.errors.ts';
import { CatalogEvents } from './catalog.events.ts';
import type {
  CategoryRow,
  FilterRow,
  ProductDetailRow,
  ProductHead,
  ProductStatus,
} from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import {
  assertProductReward,
  effectiveRewardBp,
  offerRewardWrite,
  sellerRewardLimit,
} from './catalog.rewards.ts';
import type {
  CategoryNodeT,
  CreateCategoryInput,
  CreateFilterInput,
  CreateOfferInput,
  CreateProductInput,
  FacetsViewT,
  MoneyInput,
  ProductListItemT,
  ProductListQueryT,
  ProductViewT,
  Sort,
  UpdateCategoryInput,
  UpdateOfferInput,
  UpdateProductInput,
  UpdateVariantInput,
  VariantInputT,
} from './catalog.schemas.ts';
import {
  type FilterSelection,
  markHighlight,
  type ProductHit,
  type ProductSearch,
} from './catalog.search.ts';
import { assertTransition } from './catalog.status.ts';

/**
 * Where stock lives. The inventory module implements it; `receive` runs in the caller's
 * transaction and ends by calling `setOfferAvailability`.
 */
export interface StockPort {
  receive(db: Db, ctx: Ctx, input: { offerId: string; quantity: number; reason: string }): Promise<void>;
}

export interface CatalogDeps {
  jobs: Jobs;
  search: ProductSearch;
  /** The currency every price in a store is in. */
  storeCurrency(db: Db, storeId: string): Promise<string>;
  stock?: StockPort | undefined;
}

const MAX_CATEGORY_DEPTH = 32;
/** Product slugs that would collide with fixed paths under /products/. */
const RESERVED_PRODUCT_SLUGS = new Set(['suggest']);

/** URL-safe slug from free text; accents are folded, anything else becomes a dash. */
export function slugify(text: string, max = 120): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = base.slice(0, max).replace(/-+$/g, '');
  return cut || 'item';
}

/** The first free `base`, `base-2`, `base-3`… among the slugs already taken. */
function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function money(amount: number | null, currency: string | null) {
  return amount === null || currency === null ? null : { amount, currency: currency.trim() };
}

/** The offers' seller: a seller acts for themself, an administrator for the store itself. */
export function sellerIdOf(ctx: Ctx, actor: Actor): string {
  return hasRole(actor, 'ADMIN') ? ctx.storeId : actor.userId;
}

function mapUniqueViolation(error: unknown): unknown {
  if (isUniqueViolation(error, 'variants_store_sku_idx')) return new SkuTaken();
  if (isUniqueViolation(error, 'variants_product_options_idx')) return new DuplicateOptions();
  if (isUniqueViolation(error, 'offers_variant_seller_idx')) return new OfferExists();
  return error;
}

/** The product page; offers show the reward rate an order would book (see catalog.rewards.ts). */
export function presentProduct(p: ProductDetailRow, sellerLimitBp: number): ProductViewT {
  const offersByVariant = new Map<string, ProductViewT['variants'][number]['offers']>();
  for (const o of p.offers) {
    const list = offersByVariant.get(o.variant_id) ?? [];
    list.push({
      id: o.id,
      sellerId: o.seller_id,
      sellerProductName: o.seller_product_name,
      price: { amount: Number(o.price_amount), currency: o.currency },
      compareAtPrice:
        o.compare_at_amount === null ? null : { amount: Number(o.compare_at_amount), currency: o.currency },
      available: o.is_available && o.available_quantity > 0,
      availableQuantity: o.available_quantity,
      rewardPercentBp: effectiveRewardBp(
        {
          storeId: p.store_id,
          offerSellerId: o.seller_id,
          offerBp: o.reward_percent_bp,
          offerByStaff: o.reward_set_by_staff,
          productOwner: p.created_by,
          productBp: p.reward_percent_bp,
          productByStaff: p.reward_set_by_staff,
        },
        sellerLimitBp,
      ),
      rating: Number(o.rating_avg),
      ratingCount: o.rating_count,
      best: o.id === p.best_offer_id,
    });
    offersByVariant.set(o.variant_id, list);
  }
  const crumbs = p.breadcrumbs ?? [];
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    shortDescription: p.short_description,
    brand: p.brand,
    productType: p.product_type,
    status: p.status,
    publishedAt: p.published_at?.toISOString() ?? null,
    category: crumbs.at(-1) ?? null,
    breadcrumbs: crumbs,
    tags: p.tags,
    attributes: p.attributes,
    specs: p.specs,
    images: p.images.map((i) => ({
      id: i.id,
      url: i.url,
      altText: i.alt_text,
      position: i.position,
      primary: i.is_primary,
    })),
    thumbnail: p.thumbnail_url,
    price: money(p.best_price_amount === null ? null : Number(p.best_price_amount), p.currency),
    compareAtPrice: money(
      p.best_compare_at_amount === null ? null : Number(p.best_compare_at_amount),
      p.currency,
    ),
    bestOfferId: p.best_offer_id,
    inStock: p.in_stock,
    rating: Number(p.rating_avg),
    ratingCount: p.rating_count,
    rewardPercentBp: p.reward_percent_bp,
    isDigital: p.is_digital,
    requiresShipping: p.requires_shipping,
    weightGrams: p.weight_grams,
    dimensions: p.dimensions,
    seoTitle: p.seo_title,
    seoDescription: p.seo_description,
    createdBy: p.created_by,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      options: v.options,
      position: v.position,
      weightGrams: v.weight_grams,
      offers: offersByVariant.get(v.id) ?? [],
    })),
  };
}

function presentHit(h: ProductHit): ProductListItemT {
  const currency = h.currency.trim();
  return {
    id: h.id,
    slug: h.slug,
    name: h.name,
    brand: h.brand,
    price: { amount: Number(h.price_amount), currency },
    compareAtPrice: h.compare_at_amount === null ? null : { amount: Number(h.compare_at_amount), currency },
    rating: Number(h.rating_avg),
    ratingCount: h.rating_count,
    inStock: h.in_stock,
    thumbnail: h.thumbnail_url,
    ...(h.highlight_name !== undefined
      ? {
          highlight: {
            name: markHighlight(h.highlight_name),
            description: markHighlight(h.highlight_description ?? ''),
          },
        }
      : {}),
  };
}

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
function parseFilters(query: Record<string, unknown>, defs: FilterRow[]): FilterSelection[] {
  const selections: FilterSelection[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (!name.startsWith('f.')) continue;
    const pointer = `/${name}`;
    const def = defs.find((d) => d.key === name.slice(2));
    if (!def) throw badField(pointer, 'No such filter on this category.', 'query');
    const values = asList(raw as string | string[]);
    if (def.kind === 'ENUM') {
      if (values.length === 0) throw badField(pointer, 'Give at least one value.', 'query');
      selections.push({ def, values });
    } else if (def.kind === 'RANGE') {
      const bounds = values.length === 1 ? values[0]!.split('..') : [];
      const [lo = '', hi = ''] = bounds;
      if (bounds.length !== 2 || (lo && !NUMBER.test(lo)) || (hi && !NUMBER.test(hi)) || (!lo && !hi)) {
        throw badField(pointer, 'Use min..max (either side may be left out).', 'query');
      }
      selections.push({ def, min: lo ? Number(lo) : undefined, max: hi ? Number(hi) : undefined });
    } else {
      if (values.length !== 1 || !['true', 'false'].includes(values[0]!)) {
        throw badField(pointer, 'Use true or false.', 'query');
      }
      selections.push({ def, flag: values[0] === 'true' });
    }
  }
  return selections;
}

export class CatalogService {
  /** Each store's currency, by store id (bounded: one entry per store this process serves). */
  private readonly currencyCache = new LRUCache<string, string>({ max: 10_000 });

  constructor(private readonly deps: CatalogDeps) {}

  // ------------------------------------------------------------ categories

  async categoryTree(ctx: Ctx): Promise<{ items: CategoryNodeT[] }> {
    const rows = await repo.listCategories(ctx.db, ctx.storeId);
    const nodes = new Map<string, CategoryNodeT>();
    for (const c of rows) {
      if (!c.is_active) continue;
      nodes.set(c.id, {
        id: c.id,
        slug: c.slug,
        name: c.name,
        description: c.description,
        imageUrl: c.image_url,
        sortOrder: c.sort_order,
        children: [],
      });
    }
    const roots: CategoryNodeT[] = [];
    for (const c of rows) {
      const node = nodes.get(c.id);
      if (!node) continue;
      if (c.parent_id === null) roots.push(node);
      else nodes.get(c.parent_id)?.children.push(node); // under an inactive parent: hidden with it
    }
    return { items: roots };
  }

  /** Every category and filter of the store, for resolving `?category=` without a query. */
  private categoryIndex(ctx: Ctx) {
    return catalogCache.get(ctx.storeId, 'categories', async () => {
      const [all, filters] = await Promise.all([
        repo.listCategories(ctx.db, ctx.storeId),
        repo.listAllFilters(ctx.db, ctx.storeId),
      ]);
      return { all, bySlug: new Map(all.map((c) => [c.slug, c])), filters };
    });
  }

  async category(ctx: Ctx, slug: string) {
    const c = await repo.findCategoryDetail(ctx.db, ctx.storeId, slug);
    if (!c?.is_active) throw new CategoryNotFound();
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      imageUrl: c.image_url,
      sortOrder: c.sort_order,
      isActive: c.is_active,
      parentId: c.parent_id,
      breadcrumbs: c.breadcrumbs,
      children: c.children,
      filters: c.filters.map(presentFilter),
    };
  }

  async adminCategories(ctx: Ctx) {
    requireRole(ctx, 'ADMIN');
    const rows = await repo.listCategories(ctx.db, ctx.storeId);
    return { items: rows.map(presentAdminCategory) };
  }

  async createCategory(ctx: Ctx, input: CreateCategoryInput) {
    requireRole(ctx, 'ADMIN');
    return this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        await repo.lockCategoryTree(trx, ctx.storeId);
        const parent = input.parentId ? await repo.findCategory(trx, ctx.storeId, input.parentId) : null;
        if (input.parentId && !parent) throw badField('/parentId', 'No such category.');
        if (parent && parent.path.length >= MAX_CATEGORY_DEPTH) {
          throw badField('/parentId', `Categories nest at most ${MAX_CATEGORY_DEPTH} deep.`);
        }
        const slug = await this.categorySlug(trx, ctx.storeId, input.slug, input.name);
        const id = newId();
        const row = await repo.insertCategory(trx, {
          id,
          store_id: ctx.storeId,
          parent_id: parent?.id ?? null,
          path: [...(parent?.path ?? []), id],
          slug,
          name: input.name,
          description: input.description ?? null,
          image_url: input.imageUrl ?? null,
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
        });
        return presentAdminCategory(row);
      }),
    );
  }

  async updateCategory(ctx: Ctx, id: string, input: UpdateCategoryInput) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id)) throw new CategoryNotFound();
    return this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        await repo.lockCategoryTree(trx, ctx.storeId);
        const current = await repo.findCategory(trx, ctx.storeId, id);
        if (!current) throw new CategoryNotFound();
        if (input.parentId !== undefined && input.parentId !== current.parent_id) {
          await this.moveCategory(trx, ctx.storeId, current, input.parentId);
        }
        if (input.slug !== undefined && input.slug !== current.slug) {
          const taken = await repo.findCategoryBySlug(trx, ctx.storeId, input.slug);
          if (taken) throw new SlugTaken(input.slug);
        }
        const row = await repo.updateCategory(trx, ctx.storeId, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.slug !== undefined ? { slug: input.slug } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.imageUrl !== undefined ? { image_url: input.imageUrl } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
        });
        return presentAdminCategory(row);
      }),
    );
  }

  /** Moves a subtree under a new parent (null: to the root); refuses cycles and over-deep trees. */
  private async moveCategory(trx: Db, storeId: string, cat: CategoryRow, parentId: string | null) {
    const parent = parentId ? await repo.findCategory(trx, storeId, parentId) : null;
    if (parentId && !parent) throw badField('/parentId', 'No such category.');
    if (parent?.path.includes(cat.id)) {
      throw badField('/parentId', 'A category cannot move under itself or one of its descendants.');
    }
    const height = await repo.subtreeDepth(trx, storeId, cat.id, cat.path.length);
    if ((parent?.path.length ?? 0) + height > MAX_CATEGORY_DEPTH) {
      throw badField('/parentId', `Categories nest at most ${MAX_CATEGORY_DEPTH} deep.`);
    }
    await repo.moveSubtree(trx, storeId, cat.id, cat.path.length, parent?.path ?? []);
    await repo.updateCategory(trx, storeId, cat.id, { parent_id: parent?.id ?? null });
  }

  async reorderCategories(ctx: Ctx, input: { parentId: string | null; orderedIds: string[] }) {
    requireRole(ctx, 'ADMIN');
    await this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        await repo.lockCategoryTree(trx, ctx.storeId);
        const siblings = (await repo.listCategories(trx, ctx.storeId)).filter(
          (c) => c.parent_id === input.parentId,
        );
        const given = new Set(input.orderedIds);
        if (
          given.size !== input.orderedIds.length ||
          given.size !== siblings.length ||
          siblings.some((c) => !given.has(c.id))
        ) {
          throw badField('/orderedIds', 'List every child of the parent exactly once.');
        }
        await repo.setSortOrders(trx, ctx.storeId, input.orderedIds);
      }),
    );
    return this.adminCategories(ctx);
  }

  private async productSlug(db: Db, storeId: string, wanted: string | undefined, name: string) {
    if (wanted) {
      if (RESERVED_PRODUCT_SLUGS.has(wanted) || (await repo.findProductBySlug(db, storeId, wanted))) {
        throw new SlugTaken(wanted);
      }
      return wanted;
    }
    const base = slugify(name, 190);
    const taken = await repo.findSlugs(db, 'products', storeId, base);
    for (const reserved of RESERVED_PRODUCT_SLUGS) taken.add(reserved);
    return freeSlug(base, taken);
  }

  private async categorySlug(db: Db, storeId: string, wanted: string | undefined, name: string) {
    if (wanted) {
      if (await repo.findCategoryBySlug(db, storeId, wanted)) throw new SlugTaken(wanted);
      return wanted;
    }
    const base = slugify(name, 110);
    return freeSlug(base, await repo.findSlugs(db, 'categories', storeId, base));
  }

  async createFilter(ctx: Ctx, categoryId: string, input: CreateFilterInput) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(categoryId) || !(await repo.findCategory(ctx.db, ctx.storeId, categoryId))) {
      throw new CategoryNotFound();
    }
    try {
      const row = await repo.insertFilter(ctx.db, {
        id: newId(),
        store_id: ctx.storeId,
        category_id: categoryId,
        key: input.key,
        label: input.label,
        kind: input.kind,
        source: input.source,
        source_key: input.sourceKey,
        position: input.position ?? 0,
      });
      catalogCache.bump(ctx.storeId);
      return presentFilter(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new FilterKeyTaken(input.key);
      throw error;
    }
  }

  async deleteFilter(ctx: Ctx, id: string) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id) || !(await repo.deleteFilter(ctx.db, ctx.storeId, id))) throw new FilterNotFound();
    catalogCache.bump(ctx.storeId);
  }

  // ------------------------------------------------------------ reading products

  async getPublicProduct(ctx: Ctx, ref: string): Promise<ProductViewT> {
    // A miss throws inside the load, so it is not kept: made-up slugs cannot fill the cache.
    return catalogCache.get(ctx.storeId, `product:${ref}`, async () => {
      const where = isUuid(ref) ? { id: ref } : { slug: ref };
      const row = await repo.findProductDetail(ctx.db, ctx.storeId, where, true);
      if (!row) throw new ProductNotFound();
      return presentProduct(row, await sellerRewardLimit(ctx.db, ctx.storeId));
    });
  }

  /** Any status, for whoever may manage the product. */
  async getManagedProduct(ctx: Ctx, id: string): Promise<ProductViewT> {
    await this.manageable(ctx, ctx.db, id);
    return this.view(ctx.db, ctx.storeId, id);
  }

  private async view(db: Db, storeId: string, id: string): Promise<ProductViewT> {
    const row = await repo.findProductDetail(db, storeId, { id }, false);
    if (!row) throw new ProductNotFound();
    return presentProduct(row, await sellerRewardLimit(db, storeId));
  }

  /** First pages (the ones everybody asks for) come from the read cache; later pages never do. */
  async listProducts(ctx: Ctx, query: ProductListQueryT) {
    if (query.cursor) return this.list(ctx, query);
    return catalogCache.get(ctx.storeId, `list:${listCacheKey(query)}`, () => this.list(ctx, query));
  }

  private async list(ctx: Ctx, query: ProductListQueryT) {
    const sort: Sort = query.sort ?? (query.q ? 'relevance' : 'newest');
    const after = decodeCursor(query.cursor, ListCursor);
    if (after && (after.s !== sort || !CURSOR_KEY[sort](after.k))) throw badCursor();
    let categoryIds: string[] | undefined;
    let defs: FilterRow[] = [];
    if (query.category) {
      const index = await this.categoryIndex(ctx);
      const category = index.bySlug.get(query.category);
      if (!category?.is_active) throw new CategoryNotFound();
      categoryIds = index.all.filter((c) => c.is_active && c.path.includes(category.id)).map((c) => c.id);
      defs = index.filters.filter((f) => category.path.includes(f.category_id));
    }
    const filters = parseFilters(query, defs);
    const wantFacets = query.facets === 'true' || (query.facets === undefined && !query.cursor);
    const result = await this.deps.search.search(ctx.db, {
      storeId: ctx.storeId,
      text: query.q,
      categoryIds,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      brands: asList(query.brand),
      sellerId: query.seller,
      minRating: query.minRating,
      inStockOnly: query.inStock === 'true',
      filters,
      sort,
      limit: query.limit,
      after: after ? { k: after.k, id: after.id } : undefined,
      facetsFor: wantFacets ? defs : undefined,
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

  /** Suggestions are asked for on every keystroke, by many people typing the same prefixes: cached. */
  async suggest(ctx: Ctx, q: string, limit: number) {
    const prefix = q.trim().toLowerCase();
    return catalogCache.get(ctx.storeId, `suggest:${limit}:${prefix}`, async () => {
      const [items, index] = await Promise.all([
        this.deps.search.suggest(ctx.db, ctx.storeId, q, limit),
        this.categoryIndex(ctx),
      ]);
      const categories = index.all
        .filter((c) => c.is_active && c.name.toLowerCase().startsWith(prefix))
        .slice(0, 5)
        .map((c) => ({ id: c.id, slug: c.slug, name: c.name }));
      return { items, categories };
    });
  }

  async adminListProducts(
    ctx: Ctx,
    query: {
      limit: number;
      cursor?: string | undefined;
      status?: ProductStatus | undefined;
      createdBy?: string | undefined;
    },
  ) {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const after = decodeCursor(query.cursor, z.object({ id: z.uuid() }));
    const createdBy = hasRole(actor, 'ADMIN') ? query.createdBy : actor.userId;
    const rows = await repo.listProductsForAdmin(ctx.db, {
      storeId: ctx.storeId,
      limit: query.limit,
      status: query.status,
      createdBy,
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
        price: money(p.best_price_amount === null ? null : Number(p.best_price_amount), p.currency),
        inStock: p.in_stock,
        createdAt: p.created_at.toISOString(),
        updatedAt: p.updated_at.toISOString(),
      })),
      nextCursor: rows.length > query.limit ? encodeCursor({ id: items.at(-1)!.id }) : null,
    };
  }

  // ------------------------------------------------------------ writing products

  async createProduct(ctx: Ctx, input: CreateProductInput): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    assertProductReward(actor, input.rewardPercentBp, 0);
    const currency = await this.currency(ctx.db, ctx.storeId);
    for (const [i, v] of input.variants.entries()) checkVariantMoney(v, currency, `/variants/${i}`);
    assertDistinctVariants(input.variants);
    // An auto-made slug may race another create of the same name: try the next free one.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.insertProduct(ctx, actor, input, currency);
      } catch (error) {
        if (!input.slug && attempt < 3 && isUniqueViolation(error, 'products_store_slug_idx')) continue;
        if (isUniqueViolation(error, 'products_store_slug_idx')) throw new SlugTaken(input.slug ?? '');
        throw mapUniqueViolation(error);
      }
    }
  }

  private async insertProduct(ctx: Ctx, actor: Actor, input: CreateProductInput, currency: string) {
    const sellerId = sellerIdOf(ctx, actor);
    return this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        const tctx = { ...ctx, db: trx };
        const category = await this.categoryFromSlug(trx, ctx.storeId, input.categorySlug);
        const skus = await Promise.all(
          input.variants.map((v) => repo.findVariantBySku(trx, ctx.storeId, v.sku)),
        );
        const clash = skus.find(Boolean);
        if (clash) throw new SkuTaken(clash.sku);
        const slug = await this.productSlug(trx, ctx.storeId, input.slug, input.name);
        const status = input.status ?? 'ACTIVE';
        const productId = newId();
        await repo.insertProduct(trx, {
          id: productId,
          store_id: ctx.storeId,
          created_by: sellerId,
          category_id: category?.id ?? null,
          category_path: category?.path ?? [],
          name: input.name,
          slug,
          description: input.description ?? '',
          short_description: input.shortDescription ?? null,
          brand: input.brand ?? null,
          product_type: input.productType ?? null,
          attributes: (input.attributes ?? {}) as never,
          tags: input.tags ?? [],
          seo_title: input.seoTitle ?? null,
          seo_description: input.seoDescription ?? null,
          status,
          published_at: status === 'ACTIVE' ? new Date() : null,
          is_digital: input.isDigital ?? false,
          requires_shipping: input.requiresShipping ?? !(input.isDigital ?? false),
          weight_grams: input.weightGrams ?? null,
          dimensions: input.dimensions ?? null,
          thumbnail_url: null,
          reward_percent_bp: input.rewardPercentBp ?? 0,
          reward_set_by_staff: hasRole(actor, 'ADMIN'),
          currency,
          best_price_amount: null,
          best_compare_at_amount: null,
          best_offer_id: null,
          deleted_at: null,
        });
        const variants = input.variants.map((v, i) => ({
          id: newId(),
          offerId: newId(),
          input: v,
          position: i,
        }));
        await repo.insertVariants(
          trx,
          variants.map((v) => ({
            id: v.id,
            store_id: ctx.storeId,
            product_id: productId,
            sku: v.input.sku,
            barcode: v.input.barcode ?? null,
            options: v.input.options ?? {},
            position: v.position,
            weight_grams: v.input.weightGrams ?? null,
            deleted_at: null,
          })),
        );
        await repo.insertOffers(
          trx,
          variants.map((v) => ({
            id: v.offerId,
            store_id: ctx.storeId,
            product_id: productId,
            variant_id: v.id,
            seller_id: sellerId,
            seller_product_name: null,
            price_amount: v.input.price.amount,
            compare_at_amount: v.input.compareAtPrice?.amount ?? null,
            currency,
            reward_percent_bp: null,
            deleted_at: null,
          })),
        );
        if (input.images) await repo.replaceImages(trx, ctx.storeId, productId, withPrimary(input.images));
        if (input.specs) await repo.replaceSpecs(trx, ctx.storeId, productId, input.specs);
        for (const v of variants) await this.receiveStock(trx, tctx, v.offerId, v.input.stock);
        await repo.refreshProductSummary(trx, ctx.storeId, productId);
        await this.deps.jobs.publish(trx, {
          name: CatalogEvents.productCreated,
          storeId: ctx.storeId,
          payload: { productId, createdBy: sellerId },
        });
        return this.view(trx, ctx.storeId, productId);
      }),
    );
  }

  /**
   * Initial stock for a new offer. With an inventory module wired in, it books the stock (and calls
   * setOfferAvailability itself); until then the sellable quantity is set on the offer directly.
   */
  private async receiveStock(trx: Db, ctx: Ctx, offerId: string, quantity: number | undefined) {
    if (!quantity) return;
    if (this.deps.stock)
      await this.deps.stock.receive(trx, ctx, { offerId, quantity, reason: 'initial stock' });
    else await repo.setAvailableQuantity(trx, ctx.storeId, offerId, quantity);
  }

  async updateProduct(ctx: Ctx, id: string, input: UpdateProductInput): Promise<ProductViewT> {
    try {
      return await this.write(ctx.storeId, () =>
        transaction(ctx.db, async (trx) => {
          const product = await this.editable(ctx, trx, id);
          const actor = requireRole(ctx, 'ADMIN', 'SELLER');
          assertProductReward(actor, input.rewardPercentBp, product.reward_percent_bp);
          const patch: Parameters<typeof repo.updateProduct>[3] = {};
          if (input.status !== undefined && input.status !== product.status) {
            assertTransition(product.status, input.status);
            patch.status = input.status;
            if (input.status === 'ACTIVE' && !product.published_at) patch.published_at = new Date();
          }
          if (input.categorySlug !== undefined) {
            const category = await this.categoryFromSlug(trx, ctx.storeId, input.categorySlug ?? undefined);
            patch.category_id = category?.id ?? null;
            patch.category_path = category?.path ?? [];
          }
          if (input.slug !== undefined) {
            const other = await repo.findProductBySlug(trx, ctx.storeId, input.slug);
            if ((other && other.id !== id) || RESERVED_PRODUCT_SLUGS.has(input.slug)) {
              throw new SlugTaken(input.slug);
            }
            patch.slug = input.slug;
          }
          assign(patch, {
            name: input.name,
            description: input.description,
            short_description: input.shortDescription,
            brand: input.brand,
            product_type: input.productType,
            attributes: input.attributes as never,
            tags: input.tags,
            seo_title: input.seoTitle,
            seo_description: input.seoDescription,
            is_digital: input.isDigital,
            requires_shipping: input.requiresShipping,
            weight_grams: input.weightGrams,
            dimensions: input.dimensions,
            reward_percent_bp: input.rewardPercentBp,
          });
          if (input.rewardPercentBp !== undefined && hasRole(actor, 'ADMIN'))
            patch.reward_set_by_staff = true;
          await repo.updateProduct(trx, ctx.storeId, id, patch);
          if (input.images) await repo.replaceImages(trx, ctx.storeId, id, withPrimary(input.images));
          if (input.specs) await repo.replaceSpecs(trx, ctx.storeId, id, input.specs);
          await this.deps.jobs.publish(trx, {
            name: CatalogEvents.productUpdated,
            storeId: ctx.storeId,
            payload: { productId: id, fields: Object.keys(input) },
          });
          return this.view(trx, ctx.storeId, id);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'products_store_slug_idx')) throw new SlugTaken(input.slug ?? '');
      throw error;
    }
  }

  async deleteProduct(ctx: Ctx, id: string): Promise<void> {
    await this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        await this.editable(ctx, trx, id);
        await repo.softDeleteProduct(trx, ctx.storeId, id);
        await this.deps.jobs.publish(trx, {
          name: CatalogEvents.productDeleted,
          storeId: ctx.storeId,
          payload: { productId: id },
        });
      }),
    );
  }

  // ------------------------------------------------------------ variants

  async addVariant(ctx: Ctx, productId: string, input: VariantInputT): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.currency(ctx.db, ctx.storeId);
    checkVariantMoney(input, currency, '');
    try {
      return await this.write(ctx.storeId, () =>
        transaction(ctx.db, async (trx) => {
          await this.manageable(ctx, trx, productId, true);
          const clash = await repo.findVariantBySku(trx, ctx.storeId, input.sku);
          if (clash) throw new SkuTaken(input.sku);
          const variantId = newId();
          const offerId = newId();
          await repo.insertVariants(trx, [
            {
              id: variantId,
              store_id: ctx.storeId,
              product_id: productId,
              sku: input.sku,
              barcode: input.barcode ?? null,
              options: input.options ?? {},
              position: await repo.nextVariantPosition(trx, productId),
              weight_grams: input.weightGrams ?? null,
              deleted_at: null,
            },
          ]);
          await repo.insertOffers(trx, [
            {
              id: offerId,
              store_id: ctx.storeId,
              product_id: productId,
              variant_id: variantId,
              seller_id: sellerIdOf(ctx, actor),
              seller_product_name: null,
              price_amount: input.price.amount,
              compare_at_amount: input.compareAtPrice?.amount ?? null,
              currency,
              reward_percent_bp: null,
              deleted_at: null,
            },
          ]);
          await this.receiveStock(trx, { ...ctx, db: trx }, offerId, input.stock);
          await repo.refreshProductSummary(trx, ctx.storeId, productId);
          await this.productChanged(trx, ctx.storeId, productId, ['variants']);
          return this.view(trx, ctx.storeId, productId);
        }),
      );
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  async updateVariant(ctx: Ctx, id: string, input: UpdateVariantInput): Promise<ProductViewT> {
    try {
      return await this.write(ctx.storeId, () =>
        transaction(ctx.db, async (trx) => {
          const variant = await this.manageableVariant(ctx, trx, id);
          if (input.sku !== undefined && input.sku !== variant.sku) {
            const clash = await repo.findVariantBySku(trx, ctx.storeId, input.sku);
            if (clash) throw new SkuTaken(input.sku);
          }
          const patch: Parameters<typeof repo.updateVariant>[3] = {};
          assign(patch, {
            sku: input.sku,
            options: input.options,
            barcode: input.barcode,
            position: input.position,
            weight_grams: input.weightGrams,
          });
          await repo.updateVariant(trx, ctx.storeId, id, patch);
          await this.productChanged(trx, ctx.storeId, variant.product_id, ['variants']);
          return this.view(trx, ctx.storeId, variant.product_id);
        }),
      );
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  async deleteVariant(ctx: Ctx, id: string): Promise<ProductViewT> {
    return this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        const variant = await this.manageableVariant(ctx, trx, id);
        if ((await repo.countVariants(trx, ctx.storeId, variant.product_id)) <= 1) throw new LastVariant();
        await repo.softDeleteVariant(trx, ctx.storeId, id);
        await repo.refreshProductSummary(trx, ctx.storeId, variant.product_id);
        await this.productChanged(trx, ctx.storeId, variant.product_id, ['variants']);
        return this.view(trx, ctx.storeId, variant.product_id);
      }),
    );
  }

  private async manageableVariant(ctx: Ctx, trx: Db, id: string) {
    requireRole(ctx, 'ADMIN', 'SELLER');
    const variant = isUuid(id) ? await repo.findVariant(trx, ctx.storeId, id) : undefined;
    if (!variant) throw new VariantNotFound();
    await this.editable(ctx, trx, variant.product_id);
    return variant;
  }

  // ------------------------------------------------------------ offers

  /**
   * A seller (or the store) offers an existing variant. Any seller may offer a variant of an ACTIVE
   * product (that is what makes a marketplace); a product that is not public only takes offers from
   * whoever manages it.
   */
  async createOffer(ctx: Ctx, variantId: string, input: CreateOfferInput): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.currency(ctx.db, ctx.storeId);
    checkOfferMoney(input.price, input.compareAtPrice, currency);
    const sellerId = sellerIdOf(ctx, actor);
    try {
      return await this.write(ctx.storeId, () =>
        transaction(ctx.db, async (trx) => {
          const variant = isUuid(variantId) ? await repo.findVariant(trx, ctx.storeId, variantId) : undefined;
          if (!variant) throw new VariantNotFound();
          const product = await repo.lockProduct(trx, ctx.storeId, variant.product_id);
          if (!product) throw new VariantNotFound();
          const manages = hasRole(actor, 'ADMIN') || product.created_by === actor.userId;
          if (!manages && product.status !== 'ACTIVE') throw new VariantNotFound();
          if (await repo.findOfferBySeller(trx, variant.id, sellerId)) throw new OfferExists();
          const reward = await offerRewardWrite(trx, ctx.storeId, actor, input.rewardPercentBp);
          const offerId = newId();
          await repo.insertOffers(trx, [
            {
              id: offerId,
              store_id: ctx.storeId,
              product_id: variant.product_id,
              variant_id: variant.id,
              seller_id: sellerId,
              seller_product_name: input.sellerProductName ?? null,
              price_amount: input.price.amount,
              compare_at_amount: input.compareAtPrice?.amount ?? null,
              currency,
              reward_percent_bp: null,
              ...reward,
              is_available: input.available ?? true,
              deleted_at: null,
            },
          ]);
          await this.receiveStock(trx, { ...ctx, db: trx }, offerId, input.stock);
          await repo.refreshProductSummary(trx, ctx.storeId, variant.product_id);
          await this.offerChanged(trx, ctx.storeId, offerId, variant.product_id);
          return this.view(trx, ctx.storeId, variant.product_id);
        }),
      );
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  async updateOffer(ctx: Ctx, id: string, input: UpdateOfferInput): Promise<ProductViewT> {
    const currency = await this.currency(ctx.db, ctx.storeId);
    if (input.price) checkOfferMoney(input.price, input.compareAtPrice ?? undefined, currency);
    else if (input.compareAtPrice) checkOfferMoney(undefined, input.compareAtPrice, currency);
    return this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        const offer = await this.manageableOffer(ctx, trx, id);
        const actor = requireRole(ctx, 'ADMIN', 'SELLER');
        const patch: Parameters<typeof repo.updateOffer>[3] = {
          ...(await offerRewardWrite(trx, ctx.storeId, actor, input.rewardPercentBp)),
        };
        assign(patch, {
          price_amount: input.price?.amount,
          compare_at_amount: input.compareAtPrice === null ? null : input.compareAtPrice?.amount,
          seller_product_name: input.sellerProductName,
          is_available: input.available,
        });
        await repo.updateOffer(trx, ctx.storeId, id, patch);
        await repo.refreshProductSummary(trx, ctx.storeId, offer.product_id);
        await this.offerChanged(trx, ctx.storeId, id, offer.product_id);
        return this.view(trx, ctx.storeId, offer.product_id);
      }),
    );
  }

  async deleteOffer(ctx: Ctx, id: string): Promise<void> {
    await this.write(ctx.storeId, () =>
      transaction(ctx.db, async (trx) => {
        const offer = await this.manageableOffer(ctx, trx, id);
        await repo.softDeleteOffer(trx, ctx.storeId, id);
        await repo.refreshProductSummary(trx, ctx.storeId, offer.product_id);
        await this.offerChanged(trx, ctx.storeId, id, offer.product_id);
      }),
    );
  }

  /** Sellers manage their own offers, administrators every offer of the store. */
  private async manageableOffer(ctx: Ctx, trx: Db, id: string) {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const offer = isUuid(id) ? await repo.findOffer(trx, ctx.storeId, id) : undefined;
    if (!offer) throw new OfferNotFound();
    const product = await repo.lockProduct(trx, ctx.storeId, offer.product_id);
    if (!product) throw new OfferNotFound();
    if (hasRole(actor, 'ADMIN') || offer.seller_id === actor.userId) return offer;
    if (product.status === 'ACTIVE') throw new NotYours('offer');
    throw new OfferNotFound();
  }

  // ------------------------------------------------------------ helpers

  /** Runs a write; whatever happens, the store's cached reads are forgotten afterwards. */
  private async write<T>(storeId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      catalogCache.bump(storeId);
    }
  }

  /**
   * The product if the actor may manage it: administrators every product of the store, sellers the
   * ones they created. Someone else's public product is 403; anything they could not see is 404.
   */
  private async manageable(ctx: Ctx, db: Db, id: string, lock = false): Promise<ProductHead> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    if (!isUuid(id)) throw new ProductNotFound();
    const product = lock
      ? await repo.lockProduct(db, ctx.storeId, id)
      : await repo.findProduct(db, ctx.storeId, id);
    if (!product) throw new ProductNotFound();
    if (hasRole(actor, 'ADMIN') || product.created_by === actor.userId) return product as ProductHead;
    if (product.status === 'ACTIVE') throw new NotYours('product');
    throw new ProductNotFound();
  }

  /**
   * The product, locked, if the actor may change the product itself (content, variants, status,
   * deletion): administrators always; its creator only while no one else offers on it, since a
   * shared product's name and options are what other sellers' listings show.
   */
  private async editable(ctx: Ctx, trx: Db, id: string): Promise<ProductHead> {
    const product = await this.manageable(ctx, trx, id, true);
    if (
      !hasRole(ctx.actor, 'ADMIN') &&
      (await repo.othersOfferOn(trx, ctx.storeId, id, product.created_by))
    ) {
      throw new ProductShared();
    }
    return product;
  }

  private async categoryFromSlug(db: Db, storeId: string, slug: string | undefined) {
    if (slug === undefined) return null;
    const category = await repo.findCategoryBySlug(db, storeId, slug);
    if (!category) throw badField('/categorySlug', 'No such category.');
    return category;
  }

  private async productChanged(trx: Db, storeId: string, productId: string, fields: string[]) {
    await repo.updateProduct(trx, storeId, productId, {});
    await this.deps.jobs.publish(trx, {
      name: CatalogEvents.productUpdated,
      storeId,
      payload: { productId, fields },
    });
  }

  private async offerChanged(trx: Db, storeId: string, offerId: string, productId: string) {
    await this.deps.jobs.publish(trx, {
      name: CatalogEvents.offerUpdated,
      storeId,
      payload: { offerId, productId },
    });
  }

  async currency(db: Db, storeId: string): Promise<string> {
    const hit = this.currencyCache.get(storeId);
    if (hit) return hit;
    const currency = await this.deps.storeCurrency(db, storeId);
    this.currencyCache.set(storeId, currency);
    return currency;
  }
}

function presentFilter(f: FilterRow) {
  return {
    id: f.id,
    categoryId: f.category_id,
    key: f.key,
    label: f.label,
    kind: f.kind,
    source: f.source,
    sourceKey: f.source_key,
    position: f.position,
  };
}

function presentAdminCategory(c: CategoryRow) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    imageUrl: c.image_url,
    sortOrder: c.sort_order,
    isActive: c.is_active,
    parentId: c.parent_id,
    depth: c.path.length,
  };
}

function checkVariantMoney(v: VariantInputT, currency: string, at: string) {
  if (v.price.currency !== currency) {
    throw badField(`${at}/price/currency`, `Prices in this store are in ${currency}.`);
  }
  if (v.compareAtPrice && v.compareAtPrice.currency !== currency) {
    throw badField(`${at}/compareAtPrice/currency`, `Prices in this store are in ${currency}.`);
  }
}

function checkOfferMoney(price: MoneyInput | undefined, compareAt: MoneyInput | undefined, currency: string) {
  if (price && price.currency !== currency)
    throw badField('/price/currency', `Prices in this store are in ${currency}.`);
  if (compareAt && compareAt.currency !== currency) {
    throw badField('/compareAtPrice/currency', `Prices in this store are in ${currency}.`);
  }
}

/** Two variants of one request with the same SKU or the same options conflict like stored ones. */
function assertDistinctVariants(variants: VariantInputT[]) {
  const skus = new Set<string>();
  const options = new Set<string>();
  for (const v of variants) {
    if (skus.has(v.sku)) throw new SkuTaken(v.sku);
    skus.add(v.sku);
    const key = JSON.stringify(Object.entries(v.options ?? {}).sort(([a], [b]) => a.localeCompare(b)));
    if (options.has(key)) throw new DuplicateOptions();
    options.add(key);
  }
}

function withPrimary(
  images: Array<{ url: string; altText?: string | undefined; primary?: boolean | undefined }>,
) {
  const flagged = images.findIndex((i) => i.primary);
  const primary = flagged === -1 ? 0 : flagged;
  return images.map((img, i) => ({
    id: newId(),
    url: img.url,
    altText: img.altText ?? null,
    primary: i === primary,
  }));
}

/** Copies the defined entries (null included: it clears the column) into a patch. */
function assign<T extends object>(patch: T, values: Record<string, unknown>) {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
}

// ------------------------------------------------------------ for other modules

export interface OfferSnapshot {
  offerId: string;
  productId: string;
  variantId: string;
  sellerId: string;
  productName: string;
  sku: string;
  options: Record<string, string>;
  price: { amount: number; currency: string };
  compareAtPrice: { amount: number; currency: string } | null;
  imageUrl: string | null;
  /** Can be sold at all (product ACTIVE and not deleted, offer live and available); quantity aside. */
  purchasable: boolean;
  availableQuantity: number;
  weightGrams: number | null;
  requiresShipping: boolean;
  categoryId: string | null;
  rewardPercentBp: number;
}

/** Snapshots of the store's offers for the cart and checkout; unknown ids are left out. */
export async function getOffers(
  ctx: Pick<Ctx, 'db' | 'storeId'>,
  offerIds: string[],
): Promise<OfferSnapshot[]> {
  const ids = [...new Set(offerIds)].filter(isUuid);
  const rows = await repo.offerSnapshots(ctx.db, ctx.storeId, ids);
  const sellerLimitBp = rows.some((r) => r.seller_id !== ctx.storeId)
    ? await sellerRewardLimit(ctx.db, ctx.storeId)
    : 0;
  return rows.map((r) => ({
    offerId: r.offer_id,
    productId: r.product_id,
    variantId: r.variant_id,
    sellerId: r.seller_id,
    productName: r.seller_product_name ?? r.product_name,
    sku: r.sku,
    options: r.options,
    price: { amount: Number(r.price_amount), currency: r.currency.trim() },
    compareAtPrice:
      r.compare_at_amount === null
        ? null
        : { amount: Number(r.compare_at_amount), currency: r.currency.trim() },
    imageUrl: r.image_url,
    purchasable: r.purchasable,
    availableQuantity: r.available_quantity,
    weightGrams: r.weight_grams,
    requiresShipping: r.requires_shipping,
    categoryId: r.category_id,
    rewardPercentBp: effectiveRewardBp(
      {
        storeId: ctx.storeId,
        offerSellerId: r.seller_id,
        offerBp: r.offer_reward_bp,
        offerByStaff: r.offer_reward_by_staff,
        productOwner: r.product_owner,
        productBp: r.product_reward_bp,
        productByStaff: r.product_reward_by_staff,
      },
      sellerLimitBp,
    ),
  }));
}

/**
 * The inventory module's one write into the catalog: an offer's sellable quantity, called inside
 * its own transaction whenever availability changes. Keeps the product's in-stock flag and best
 * offer current. Throws OfferNotFound for an offer that is not in the store.
 */
export async function setOfferAvailability(
  db: Db,
  storeId: string,
  offerId: string,
  availableQuantity: number,
) {
  if (!Number.isInteger(availableQuantity) || availableQuantity < 0) {
    throw new RangeError('availableQuantity must be a whole number ≥ 0');
  }
  const productId = isUuid(offerId)
    ? await repo.setAvailableQuantity(db, storeId, offerId, availableQuantity)
    : undefined;
  if (!productId) throw new OfferNotFound();
  await repo.refreshProductSummary(db, storeId, productId);
  catalogCache.bump(storeId);
}

/** For the reviews module: a product's rating aggregate (average 0–5, count). */
export async function setProductRating(
  db: Db,
  storeId: string,
  productId: string,
  average: number,
  count: number,
) {
  await repo.setProductRating(db, storeId, productId, average, count);
  catalogCache.bump(storeId);
}

/** For the reviews module: a seller offer's rating aggregate. */
export async function setOfferRating(
  db: Db,
  storeId: string,
  offerId: string,
  average: number,
  count: number,
) {
  await repo.setOfferRating(db, storeId, offerId, average, count);
  catalogCache.bump(storeId);
}
