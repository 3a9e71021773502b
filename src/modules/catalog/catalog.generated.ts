/**
 * A generated catalog written whole (the store builder, decision 017): a category tree and ACTIVE
 * products with their variants, specifications, one picture and one offer per variant by one
 * seller, in set-based statements inside the caller's transaction. Rows are marked `generated`, so
 * `clearGeneratedCatalog` can replace them later and leave what the owner made by hand.
 */
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { storeCurrency } from '../tenancy/index.ts';
import {
  type ClearedCatalog,
  clearGenerated,
  type GeneratedCategoryRow,
  insertGeneratedCategories,
} from './catalog.generated.repository.ts';
import { deriveOptions } from './catalog.options.ts';
import { insertBatch, type SeedBatch } from './catalog.seed.repository.ts';

export interface CatalogTreeNode {
  name: string;
  slug: string;
  imageUrl?: string | undefined;
  children: CatalogTreeNode[];
}

export interface CatalogDraftProduct {
  name: string;
  slug: string;
  description: string;
  categorySlug: string;
  brand?: string | undefined;
  specs: Array<{ name: string; value: string }>;
  /** Prices in minor units of the store's currency. */
  variants: Array<{ sku: string; options: Array<{ name: string; value: string }>; price: number }>;
  imageUrl: string;
}

export interface GeneratedCatalogInput {
  /** Who sells every offer (and is the products' creator). */
  sellerId: string;
  /** Units each offer starts with; inventory receives them as opening stock. */
  openingQuantity: number;
  categories: CatalogTreeNode[];
  products: CatalogDraftProduct[];
}

export interface WrittenCatalog {
  categories: number;
  products: number;
  /** The offers and their opening quantities, as inventory's `receiveOpening` takes them. */
  openingStock: Array<{ offerId: string; productId: string; sellerId: string; quantity: number }>;
}

/** The tree as rows, parents before children, with each one's path from the root. */
function categoryRows(nodes: CatalogTreeNode[]): {
  rows: GeneratedCategoryRow[];
  bySlug: Map<string, string[]>;
} {
  const rows: GeneratedCategoryRow[] = [];
  const bySlug = new Map<string, string[]>();
  const walk = (list: CatalogTreeNode[], parent: string[]) => {
    list.forEach((node, sortOrder) => {
      const id = newId();
      const path = [...parent, id];
      rows.push({
        id,
        parentId: parent.at(-1) ?? null,
        path,
        slug: node.slug,
        name: node.name,
        description: null,
        imageUrl: node.imageUrl ?? null,
        sortOrder,
      });
      bySlug.set(node.slug, path);
      walk(node.children, path);
    });
  };
  walk(nodes, []);
  return { rows, bySlug };
}

/** Specifications keep the first value of a name: a product has one value per specification. */
function uniqueSpecs(specs: CatalogDraftProduct['specs']) {
  const seen = new Map<string, string>();
  for (const s of specs) if (!seen.has(s.name)) seen.set(s.name, s.value);
  return [...seen.entries()];
}

interface Shelf {
  storeId: string;
  currency: string;
  sellerId: string;
  quantity: number;
  publishedAt: Date;
}

function addProduct(batch: SeedBatch, shelf: Shelf, product: CatalogDraftProduct, path: string[]) {
  const productId = newId();
  const combos = product.variants.map((v) => Object.fromEntries(v.options.map((o) => [o.name, o.value])));
  let best: { id: string; price: number } | null = null;
  product.variants.forEach((variant, position) => {
    const variantId = newId();
    const offerId = newId();
    batch.variants.push({
      id: variantId,
      store_id: shelf.storeId,
      product_id: productId,
      sku: variant.sku,
      barcode: null,
      options: combos[position],
      position,
      weight_grams: null,
    });
    batch.offers.push({
      id: offerId,
      store_id: shelf.storeId,
      product_id: productId,
      variant_id: variantId,
      seller_id: shelf.sellerId,
      seller_product_name: null,
      price_amount: variant.price,
      compare_at_amount: null,
      currency: shelf.currency,
      reward_percent_bp: null,
      is_available: true,
      available_quantity: shelf.quantity,
      rating_avg: 0,
      rating_count: 0,
    });
    if (!best || variant.price < best.price) best = { id: offerId, price: variant.price };
  });
  const specs = uniqueSpecs(product.specs);
  specs.forEach(([name, value], position) => {
    batch.specs.push({ product_id: productId, name, store_id: shelf.storeId, value, position });
  });
  batch.images.push({
    id: newId(),
    store_id: shelf.storeId,
    product_id: productId,
    url: product.imageUrl,
    alt_text: product.name,
    position: 1,
    is_primary: true,
  });
  batch.products.push(productRow(shelf, product, { productId, path, specs, best: best!, options: combos }));
}

function productRow(
  shelf: Shelf,
  product: CatalogDraftProduct,
  made: {
    productId: string;
    path: string[];
    specs: [string, string][];
    best: { id: string; price: number };
    options: Record<string, string>[];
  },
) {
  return {
    id: made.productId,
    store_id: shelf.storeId,
    created_by: shelf.sellerId,
    category_id: made.path.at(-1) ?? null,
    category_path: made.path,
    name: product.name,
    slug: product.slug,
    description: product.description,
    short_description: null,
    brand: product.brand ?? null,
    product_type: null,
    attributes: {},
    specs: Object.fromEntries(made.specs),
    tags: [],
    options: deriveOptions(made.options),
    seo_title: product.name,
    seo_description: product.description.slice(0, 1000),
    status: 'ACTIVE',
    published_at: shelf.publishedAt,
    weight_grams: null,
    thumbnail_url: product.imageUrl,
    reward_percent_bp: 0,
    rating_avg: 0,
    rating_count: 0,
    currency: shelf.currency,
    best_price_amount: made.best.price,
    best_compare_at_amount: null,
    best_offer_id: made.best.id,
    in_stock: shelf.quantity > 0,
    seller_ids: [shelf.sellerId],
    generated: true,
    created_at: shelf.publishedAt,
  };
}

/**
 * Writes a generated catalog into `ctx.storeId` in `ctx.db`'s transaction (its own when it is
 * none): all of it or, when any row is refused (a slug or SKU the store already uses), nothing.
 * Offers are in the store's currency. The caller receives `openingStock` into inventory.
 */
export async function insertGeneratedCatalog(
  ctx: Ctx,
  input: GeneratedCatalogInput,
): Promise<WrittenCatalog> {
  return transaction(ctx.db, async (trx) => {
    const { rows, bySlug } = categoryRows(input.categories);
    const shelf: Shelf = {
      storeId: ctx.storeId,
      currency: await storeCurrency(trx, ctx.storeId),
      sellerId: input.sellerId,
      quantity: input.openingQuantity,
      publishedAt: new Date(),
    };
    const batch: SeedBatch = { products: [], variants: [], offers: [], images: [], specs: [] };
    for (const product of input.products)
      addProduct(batch, shelf, product, bySlug.get(product.categorySlug) ?? []);
    await insertGeneratedCategories(trx, ctx.storeId, rows);
    await insertBatch(trx, batch);
    return {
      categories: rows.length,
      products: batch.products.length,
      openingStock: batch.offers.map((o) => ({
        offerId: o.id as string,
        productId: o.product_id as string,
        sellerId: shelf.sellerId,
        quantity: shelf.quantity,
      })),
    };
  });
}

/** Removes what earlier generations wrote into `ctx.storeId` (see `clearGenerated`). */
export function clearGeneratedCatalog(ctx: Ctx): Promise<ClearedCatalog> {
  return transaction(ctx.db, (trx) => clearGenerated(trx, ctx.storeId));
}
