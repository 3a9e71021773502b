// The catalog's side of reviews: the product a buyer reviews, and the rating aggregates the reviews
// module sets inside its own transactions (products.rating_avg/rating_count, offers' seller rating).
import type { Ctx } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import type { CatalogCore } from './catalog.core.ts';
import * as repo from './catalog.ratings.repository.ts';

export interface ReviewableProduct {
  id: string;
  slug: string;
  name: string;
  sellerId: string;
}

export interface RatingsUpdate {
  productId: string;
  product: { average: number; count: number };
  /** The seller rating of the product's offers by one seller. */
  seller?: { sellerId: string; average: number; count: number };
}

export class RatingService {
  constructor(private readonly core: CatalogCore) {}

  /** An ACTIVE product of the request's store, by id or slug; undefined for anything else. */
  async reviewable(ctx: Ctx, ref: string): Promise<ReviewableProduct | undefined> {
    const row = await repo.findReviewableProduct(
      ctx.db,
      ctx.storeId,
      isUuid(ref) ? { id: ref } : { slug: ref },
    );
    return row && { id: row.id, slug: row.slug, name: row.name, sellerId: row.seller_id };
  }

  /** The store's first ACTIVE products (the demo reviews are about them). */
  async first(ctx: Ctx, limit: number): Promise<ReviewableProduct[]> {
    const rows = await repo.firstReviewableProducts(ctx.db, ctx.storeId, limit);
    return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, sellerId: row.seller_id }));
  }

  /** Id, slug and name of the store's products among `ids`. */
  names(ctx: Ctx, ids: string[]): Promise<Array<{ id: string; slug: string; name: string }>> {
    return repo.productNames(ctx.db, ctx.storeId, [...new Set(ids)].filter(isUuid));
  }

  /**
   * Sets a product's rating and its seller's offers' rating, in the caller's transaction (`ctx.db`).
   * The store's cached reads are forgotten now and again by `committed` after the commit, so no
   * read that ran in between keeps the old numbers.
   */
  async set(ctx: Ctx, update: RatingsUpdate): Promise<void> {
    // offers before the product, the order in which stock changes lock them too
    if (update.seller) {
      const { sellerId, ...rating } = update.seller;
      await repo.setSellerOffersRating(ctx.db, ctx.storeId, update.productId, sellerId, rating);
    }
    await repo.setProductRating(
      ctx.db,
      ctx.storeId,
      update.productId,
      update.product.average,
      update.product.count,
    );
    this.core.cache.bump(ctx.storeId);
  }

  /** After the transaction that set ratings committed: the store's cached reads are forgotten. */
  committed(storeId: string): void {
    this.core.cache.bump(storeId);
  }
}
