// Catalog owns what a store sells: the category tree, products with their variants, images and
// specifications, the sellers' offers of each variant, category filters, browse with facets, full-text
// search, CSV import/export and the demo catalog. Stock itself belongs to inventory (see StockPort).

/** The in-process read cache (per-store generations, short TTL), for other modules' hot public reads. */
export { ReadCache } from './catalog.cache.ts';
export type { ImportReport } from './catalog.csv.schemas.ts';
export { OfferNotFound, ProductNotFound } from './catalog.errors.ts';
export { CatalogEvents } from './catalog.events.ts';
export type { ClearedCatalog } from './catalog.generated.repository.ts';
export {
  type CatalogDraftProduct,
  type CatalogTreeNode,
  clearGeneratedCatalog,
  type GeneratedCatalogInput,
  insertGeneratedCatalog,
  type WrittenCatalog,
} from './catalog.generated.ts';
/** Products a store has: what a plan's product limit counts (tenancy's downgrade check). */
export { anyPricedOffers, availabilityCte } from './catalog.offers.repository.ts';
export { countProducts } from './catalog.products.repository.ts';
export type { RatingsUpdate, ReviewableProduct } from './catalog.ratings.ts';
export type { OfferSnapshot, StockPort } from './catalog.service.ts';
export { CatalogService, getOffers } from './catalog.service.ts';
export { PRODUCT_TRANSITIONS } from './catalog.status.ts';

import path from 'node:path';
import type { Readable } from 'node:stream';
import { type Ctx, systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform, SeedOptions } from '../../platform/module.ts';
import type { IdentityService } from '../identity/index.ts';
import type { MediaService } from '../media/index.ts';
import { storeCurrency } from '../tenancy/index.ts';
import { CatalogCsv, operatorContext } from './catalog.csv.ts';
import { seedDemoCatalog } from './catalog.demo.ts';
import { imageRoutes } from './catalog.images.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createPostgresSearch } from './catalog.search.repository.ts';
import { CatalogService, type StockPort } from './catalog.service.ts';

export interface CatalogModule extends BazaarModule {
  service: CatalogService;
  csv: CatalogCsv;
  /** Imports a Shopify product CSV into a store as its administrator (the CLI's `import products`). */
  importFile(
    storeId: string,
    body: string | Readable,
    onProgress?: (done: number, total: number) => void,
  ): ReturnType<CatalogCsv['importCsv']>;
}

export interface CatalogOptions {
  identity: IdentityService;
  defaultStoreId: () => string;
  /** The inventory module's stock booking; without it initial stock is set on the offer directly. */
  stock?: StockPort;
  /** Where uploaded product images are stored (the media module). */
  media?: MediaService;
  /** The plan's product limit (tenancy): refuses a product past it with 402. */
  productLimit?: (ctx: Ctx, current: number) => Promise<void>;
}

export function createCatalogModule(platform: Platform, options: CatalogOptions): CatalogModule {
  const { database, jobs, log, config } = platform;
  const service = new CatalogService({
    jobs,
    search: createPostgresSearch({
      facetExactLimit: config.CATALOG_FACET_EXACT_LIMIT,
      rankCandidates: config.CATALOG_SEARCH_CANDIDATES,
    }),
    stock: options.stock,
    media: options.media,
    storeCurrency,
    cacheTtlMs: config.CATALOG_CACHE_TTL_MS,
    invalidations: platform.invalidations,
    productLimit: options.productLimit,
  });
  const csv = new CatalogCsv(service, { jobs, stock: options.stock });
  const operator = (storeId: string) =>
    operatorContext(systemCtx(database.db, storeId, log, { reason: 'cli' }));
  return {
    name: 'catalog',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    csv,
    async routes(app) {
      await catalogRoutes(service, csv, {
        maxBytes: config.CSV_IMPORT_MAX_BYTES,
        maxRows: config.CSV_IMPORT_MAX_ROWS,
        searchPerMinute: config.RATE_LIMIT_CATALOG_PER_MINUTE,
      })(app);
      await imageRoutes(service, { maxImageBytes: config.MEDIA_MAX_BYTES })(app);
    },
    importFile: (storeId, body, onProgress) =>
      csv.importCsv(operator(storeId), body, onProgress ? { onProgress } : {}),
    async seed(seed: SeedOptions) {
      if (!seed.demo) return;
      const accounts = await seedDemoCatalog(
        systemCtx(database.db, options.defaultStoreId(), log, { reason: 'seed' }),
        { identity: options.identity, service },
        { products: seed.products ?? 1000, progress: seed.progress ?? false },
      );
      if (accounts.length === 0) return;
      if (seed.onDemoAccounts) seed.onDemoAccounts(accounts);
      else log.info({ accounts: accounts.length }, 'demo accounts created; their passwords were not shown');
    },
  };
}
