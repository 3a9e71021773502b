// The catalog's service: one object whose parts cover categories, product writes, offers,
// browse and the ratings reviews set, so routes, the CSV import and other modules reach all of the catalog through it.
import type { Ctx } from '../../platform/http/context.ts';
import { BrowseService } from './catalog.browse.ts';
import type { ReadCache } from './catalog.cache.ts';
import { CategoryService } from './catalog.categories.ts';
import { CatalogCore, type CatalogDeps } from './catalog.core.ts';
import { ImageService } from './catalog.images.ts';
import { OfferService } from './catalog.offers.ts';
import { ProductService } from './catalog.products.ts';
import { RatingService } from './catalog.ratings.ts';

export type { CatalogDeps, StockPort } from './catalog.core.ts';
export { getOffers, type OfferSnapshot } from './catalog.offers.ts';
export { presentProduct } from './catalog.presenters.ts';
export { sellerIdOf, slugify } from './catalog.rules.ts';

export class CatalogService {
  readonly categories: CategoryService;
  readonly products: ProductService;
  readonly offers: OfferService;
  readonly browse: BrowseService;
  readonly images: ImageService;
  readonly ratings: RatingService;
  private readonly core: CatalogCore;

  /** The parts share what the service is built with, and its read cache, through `core`. */
  constructor(deps: CatalogDeps) {
    this.core = new CatalogCore(deps);
    this.categories = new CategoryService(this.core);
    this.products = new ProductService(this.core, this.categories);
    this.offers = new OfferService(this.core);
    this.browse = new BrowseService(this.core, this.categories);
    this.images = new ImageService(this.core);
    this.ratings = new RatingService(this.core);
  }

  /** The public reads cached in this process; every catalog write forgets the store's entries. */
  get cache(): ReadCache {
    return this.core.cache;
  }

  /** The currency every price in the store is in. */
  currency(ctx: Ctx): Promise<string> {
    return this.core.currency(ctx);
  }
}
