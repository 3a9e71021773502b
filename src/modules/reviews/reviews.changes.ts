// What follows a review's change, in its transaction: the aggregates move by the difference
// between what the review counted before and after (decision 021), the catalog's ratings are set
// from them, and reward points are granted or taken back.
import type { Ctx } from '../../platform/http/context.ts';
import type { ReviewPorts } from './reviews.ports.ts';
import { average } from './reviews.presenters.ts';
import type { ReviewRow } from './reviews.repository.ts';
import * as repo from './reviews.repository.ts';
import type { ReviewSettings } from './reviews.schemas.ts';
import type { Contribution } from './reviews.stats.repository.ts';
import * as stats from './reviews.stats.repository.ts';

const NOTHING: Contribution = {
  count: 0,
  sum: 0,
  stars: [0, 0, 0, 0, 0],
  sellerRatingCount: 0,
  sellerRatingSum: 0,
  deliveryRatingCount: 0,
  deliveryRatingSum: 0,
};

/** What a review adds to the aggregates: all of it while PUBLISHED, nothing otherwise. */
export function contributionOf(r: ReviewRow | null): Contribution {
  if (r?.status !== 'PUBLISHED') return NOTHING;
  const stars: Contribution['stars'] = [0, 0, 0, 0, 0];
  stars[r.rating - 1] = 1;
  return {
    count: 1,
    sum: r.rating,
    stars,
    sellerRatingCount: r.seller_rating === null ? 0 : 1,
    sellerRatingSum: r.seller_rating ?? 0,
    deliveryRatingCount: r.delivery_rating === null ? 0 : 1,
    deliveryRatingSum: r.delivery_rating ?? 0,
  };
}

function difference(after: Contribution, before: Contribution): Contribution {
  return {
    count: after.count - before.count,
    sum: after.sum - before.sum,
    stars: after.stars.map((n, i) => n - before.stars[i]!) as Contribution['stars'],
    sellerRatingCount: after.sellerRatingCount - before.sellerRatingCount,
    sellerRatingSum: after.sellerRatingSum - before.sellerRatingSum,
    deliveryRatingCount: after.deliveryRatingCount - before.deliveryRatingCount,
    deliveryRatingSum: after.deliveryRatingSum - before.deliveryRatingSum,
  };
}

const isNothing = (d: Contribution) =>
  d.count === 0 &&
  d.sum === 0 &&
  d.stars.every((n) => n === 0) &&
  d.sellerRatingCount === 0 &&
  d.sellerRatingSum === 0 &&
  d.deliveryRatingCount === 0 &&
  d.deliveryRatingSum === 0;

/** Statuses in which a review's reward points are taken back. */
const TAKEN_DOWN = ['REMOVED', 'HIDDEN', 'REJECTED'];

export class ReviewChanges {
  constructor(
    private readonly ports: ReviewPorts,
    /** Told after each change commits (caches to forget). */
    readonly committed: (storeId: string) => void,
  ) {}

  /**
   * Applies what follows `before` becoming `after` (the row already written and locked), in the
   * caller's transaction (`ctx.db`). Returns the review as it ends.
   */
  async apply(ctx: Ctx, before: ReviewRow | null, after: ReviewRow, settings: ReviewSettings) {
    const delta = difference(contributionOf(after), contributionOf(before));
    if (!isNothing(delta)) await this.moveAggregates(ctx, after, delta);
    return this.reward(ctx, after, settings);
  }

  /** Product, product-and-seller, then seller: every change takes the rows' locks in this order. */
  private async moveAggregates(ctx: Ctx, r: ReviewRow, delta: Contribution) {
    const product = await stats.addToProduct(ctx.db, ctx.storeId, r.product_id, delta);
    const offer = await stats.addToProductSeller(ctx.db, ctx.storeId, r.product_id, r.seller_id, delta);
    await stats.addToSeller(ctx.db, ctx.storeId, r.seller_id, delta);
    await this.ports.setRatings(ctx, {
      productId: r.product_id,
      product: { average: average(product.rating_sum, product.review_count), count: product.review_count },
      seller: {
        sellerId: r.seller_id,
        average: average(offer.seller_rating_sum, offer.seller_rating_count),
        count: offer.seller_rating_count,
      },
    });
  }

  /** A verified review earns the store's points once published; taken down, it gives them back once. */
  private async reward(ctx: Ctx, r: ReviewRow, settings: ReviewSettings): Promise<ReviewRow> {
    if (
      r.status === 'PUBLISHED' &&
      r.verified_purchase &&
      r.reward_state === 'NONE' &&
      settings.rewardPoints > 0
    ) {
      await this.ports.earnPoints(ctx, { userId: r.user_id, reviewId: r.id, points: settings.rewardPoints });
      return repo.updateReview(ctx.db, ctx.storeId, r.id, { reward_state: 'GRANTED' });
    }
    if (TAKEN_DOWN.includes(r.status) && r.reward_state === 'GRANTED') {
      await this.ports.takeBackPoints(ctx, { userId: r.user_id, reviewId: r.id });
      return repo.updateReview(ctx.db, ctx.storeId, r.id, { reward_state: 'TAKEN_BACK' });
    }
    return r;
  }
}
