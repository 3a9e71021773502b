// Reviews wired to the catalog (products and their ratings), orders (delivered items), identity
// (sellers, names) and promotions (points for a verified review).
import type { CatalogModule } from '../modules/catalog/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';
import { deliveredItemOf } from '../modules/orders/index.ts';
import type { PromotionsModule } from '../modules/promotions/index.ts';
import { createReviewsModule } from '../modules/reviews/index.ts';
import type { TenancyModule } from '../modules/tenancy/index.ts';
import type { Platform } from '../platform/module.ts';

/** Reviews, with its ports into the catalog, orders, identity and promotions. */
export function reviewsModule(
  platform: Platform,
  m: {
    tenancy: TenancyModule;
    catalog: CatalogModule;
    identity: IdentityModule;
    promotions: PromotionsModule;
  },
) {
  const { tenancy, catalog, identity, promotions } = m;
  return createReviewsModule(platform, {
    defaultStoreId: () => tenancy.defaultStore().id,
    cacheTtlMs: platform.config.CATALOG_CACHE_TTL_MS,
    ports: {
      product: (ctx, ref) => catalog.service.ratings.reviewable(ctx, ref),
      firstProducts: (ctx, limit) => catalog.service.ratings.first(ctx, limit),
      productNames: (ctx, ids) => catalog.service.ratings.names(ctx, ids),
      receivedItem: (ctx, userId, productId) => deliveredItemOf(ctx.db, ctx.storeId, userId, productId),
      isSeller: (ctx, userId) => identity.service.holdsRole(ctx, userId, 'SELLER'),
      callerName: async (ctx) => (await identity.service.me(ctx)).name,
      setRatings: (ctx, update) => catalog.service.ratings.set(ctx, update),
      ratingsCommitted: (storeId) => catalog.service.ratings.committed(storeId),
      earnPoints: (ctx, input) => promotions.service.earnForReview(ctx, input),
      takeBackPoints: (ctx, input) => promotions.service.takeBackForReview(ctx, input),
    },
  });
}
