// A generated store's catalog, written in one transaction (the store builder, issue 13): the
// category tree and products through catalog's door, then their opening stock through
// inventory's, so every product can be bought the moment the store opens. Regenerating a DRAFT
// store replaces what the previous generation wrote (rows marked `generated`, decision 017).
import {
  type CatalogDraftProduct,
  type CatalogService,
  type CatalogTreeNode,
  clearGeneratedCatalog,
  insertGeneratedCatalog,
} from '../modules/catalog/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import { type GeneratedStore, storeCurrency } from '../modules/tenancy/index.ts';
import type { Db } from '../platform/db/database.ts';
import { pgErrorCode, transaction } from '../platform/db/transaction.ts';
import { systemCtx } from '../platform/http/context.ts';
import { Conflict } from '../platform/http/errors.ts';
import type { Logger } from '../platform/observability/logger.ts';

/** Units of opening stock each generated offer gets: enough for a first draft to sell. */
export const GENERATED_OPENING_QUANTITY = 100;

export interface StoreGenerationDeps {
  inventory: InventoryService;
  /** When given, its read cache forgets the store once the catalog is written. */
  catalog?: CatalogService;
  log: Logger;
}

export interface GeneratedCatalogTarget {
  storeId: string;
  /** Who sells the offers: the business owner's account (or the store's id for its own offers). */
  sellerId: string;
  doc: GeneratedStore;
  /** Replace what earlier generations wrote into the store (default true). */
  replace?: boolean;
  openingQuantity?: number;
}

export interface GeneratedCatalogReport {
  categories: number;
  products: number;
  offers: number;
  /** Products and categories of an earlier generation that were replaced. */
  replaced: { products: number; categories: number };
}

/** The catalog refused a row (a slug or SKU the store's own rows already use): nothing is written. */
export class GeneratedCatalogConflict extends Conflict {
  constructor(detail: string) {
    super(detail, 'generated-catalog-conflict');
  }
}

/** A placeholder picture's URL, drawn by the server (`/placeholders/{name}.svg`, src/web/placeholder.ts). */
function placeholderUrl(name: string): string {
  return `/placeholders/${name.slice(0, 80).replace(/-+$/, '')}.svg`;
}

function treeOf(nodes: GeneratedStore['categories']): CatalogTreeNode[] {
  return nodes.map((node) => ({
    name: node.name,
    slug: node.slug,
    imageUrl: placeholderUrl(`category-${node.slug}`),
    children: treeOf(node.children),
  }));
}

function productsOf(doc: GeneratedStore): CatalogDraftProduct[] {
  return doc.products.map((p) => ({
    name: p.name,
    slug: p.slug,
    description: p.description,
    categorySlug: p.categorySlug,
    brand: p.brand,
    specs: p.specs,
    variants: p.variants,
    imageUrl: placeholderUrl(p.image),
  }));
}

/**
 * Writes `doc`'s catalog into the store inside `trx` (joined when it is a transaction, its own
 * otherwise): all or nothing. The document must be in the store's currency.
 */
export async function writeGeneratedCatalog(
  trx: Db,
  deps: StoreGenerationDeps,
  target: GeneratedCatalogTarget,
): Promise<GeneratedCatalogReport> {
  const { storeId, sellerId, doc } = target;
  const report = await transaction(trx, async (db) => {
    const ctx = systemCtx(db, storeId, deps.log, { reason: 'store generation' });
    const currency = await storeCurrency(db, storeId);
    if (doc.currency !== currency)
      throw new GeneratedCatalogConflict(
        `The generated prices are in ${doc.currency}; the store sells in ${currency}.`,
      );
    const replaced =
      target.replace === false ? { products: 0, categories: 0 } : await clearGeneratedCatalog(ctx);
    const written = await insertGeneratedCatalog(ctx, {
      sellerId,
      openingQuantity: target.openingQuantity ?? GENERATED_OPENING_QUANTITY,
      categories: treeOf(doc.categories),
      products: productsOf(doc),
    }).catch((error: unknown) => {
      // 23xxx: an integrity rule (a slug or SKU the store's own rows use, a check) refused a row.
      if (!pgErrorCode(error)?.startsWith('23')) throw error;
      const constraint = (error as { constraint?: string }).constraint ?? 'an integrity rule';
      throw new GeneratedCatalogConflict(`The catalog refused a generated row (${constraint}).`);
    });
    const offers = await deps.inventory.receiveOpening(ctx, written.openingStock);
    return { categories: written.categories, products: written.products, offers, replaced };
  });
  deps.catalog?.cache.bump(storeId);
  return report;
}

/** Removes what generations wrote into the store, in `trx` (a DRAFT store starting over). */
export function clearGeneratedStoreCatalog(trx: Db, deps: StoreGenerationDeps, storeId: string) {
  return clearGeneratedCatalog(systemCtx(trx, storeId, deps.log, { reason: 'store generation' })).finally(
    () => deps.catalog?.cache.bump(storeId),
  );
}
