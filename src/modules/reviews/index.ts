// Reviews owns what buyers say of products: reviews with product, delivery and seller ratings,
// their moderation and the store's review settings, helpful votes, reports, sellers' replies, and
// the aggregates (product average, count and histogram; seller and delivery ratings) it keeps exact.
import path from 'node:path';
import { systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { seedDemoReviews } from './reviews.demo.ts';
import type { ReviewPorts } from './reviews.ports.ts';
import { reviewsRoutes } from './reviews.routes.ts';
import { ReviewsService } from './reviews.service.ts';

export { ReviewEvents } from './reviews.events.ts';
export type { ReceivedItem, ReviewedProduct, ReviewPorts } from './reviews.ports.ts';
export { type BulkReview, insertReviews } from './reviews.repository.ts';
export { ReviewsService } from './reviews.service.ts';

export interface ReviewsModule extends BazaarModule {
  service: ReviewsService;
}

export interface ReviewsOptions {
  ports: ReviewPorts;
  defaultStoreId: () => string;
  /** How long a cached first page of a product's reviews is fresh (0: no cache). */
  cacheTtlMs?: number;
}

export function createReviewsModule(platform: Platform, options: ReviewsOptions): ReviewsModule {
  const service = new ReviewsService(options.ports, options.cacheTtlMs ?? 5_000, platform.jobs);
  return {
    name: 'reviews',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    routes: reviewsRoutes(service),
    async seed(seed) {
      if (!seed.demo) return;
      const ctx = systemCtx(platform.database.db, options.defaultStoreId(), platform.log, { reason: 'seed' });
      await seedDemoReviews(ctx, service);
    },
  };
}
