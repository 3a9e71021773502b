import type { ReviewRow, SettingsRow } from './reviews.repository.ts';
import type { ReviewSettings } from './reviews.schemas.ts';
import type { ProductStatsRow, SellerStatsRow } from './reviews.stats.repository.ts';

type Vote = 'helpful' | 'not_helpful' | null;
export type ProductName = { id: string; slug: string; name: string };

export function voteOf(helpful: boolean | undefined): Vote {
  if (helpful === undefined) return null;
  return helpful ? 'helpful' : 'not_helpful';
}

/** The public shape: what anyone reading the product's reviews sees. */
export function presentReview(r: ReviewRow, myVote: Vote = null) {
  return {
    id: r.id,
    productId: r.product_id,
    rating: r.rating,
    title: r.title,
    body: r.body,
    deliveryRating: r.delivery_rating,
    sellerRating: r.seller_rating,
    images: r.images,
    verifiedPurchase: r.verified_purchase,
    author: { name: r.author_name },
    sellerId: r.seller_id,
    helpfulCount: r.helpful_count,
    notHelpfulCount: r.not_helpful_count,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    reply:
      r.reply_body === null || r.reply_created_at === null
        ? null
        : {
            body: r.reply_body,
            createdAt: r.reply_created_at.toISOString(),
            updatedAt: (r.reply_updated_at ?? r.reply_created_at).toISOString(),
          },
    myVote,
  };
}

/** The author's and staff's shape: the public one and where the review stands in moderation. */
export function presentOwnReview(r: ReviewRow, myVote: Vote = null) {
  return {
    ...presentReview(r, myVote),
    status: r.status,
    heldFor: r.held_for,
    rejectionReason: r.rejection_reason,
    reportCount: r.report_count,
  };
}

/** A product the list names; a product no longer in the catalog keeps its id. */
export function productOf(names: Map<string, ProductName>, id: string): ProductName {
  return names.get(id) ?? { id, slug: id, name: '' };
}

/** Average of a sum over a count, to two decimals (as the catalog keeps it); 0 for none. */
export function average(sum: number, count: number): number {
  return count > 0 ? Math.round((sum / count) * 100) / 100 : 0;
}

export function presentProductSummary(s: ProductStatsRow | undefined) {
  return {
    average: average(s?.rating_sum ?? 0, s?.review_count ?? 0),
    count: s?.review_count ?? 0,
    histogram: {
      '1': s?.stars_1 ?? 0,
      '2': s?.stars_2 ?? 0,
      '3': s?.stars_3 ?? 0,
      '4': s?.stars_4 ?? 0,
      '5': s?.stars_5 ?? 0,
    },
  };
}

export function presentSellerSummary(s: SellerStatsRow | undefined) {
  return {
    sellerRating: {
      average: average(s?.seller_rating_sum ?? 0, s?.seller_rating_count ?? 0),
      count: s?.seller_rating_count ?? 0,
    },
    deliveryRating: {
      average: average(s?.delivery_rating_sum ?? 0, s?.delivery_rating_count ?? 0),
      count: s?.delivery_rating_count ?? 0,
    },
  };
}

export const DEFAULT_SETTINGS: ReviewSettings = {
  moderation: false,
  allowUnverified: false,
  heldWords: [],
  holdLinks: true,
  rewardPoints: 0,
};

export function presentSettings(s: SettingsRow | undefined): ReviewSettings {
  if (!s) return { ...DEFAULT_SETTINGS };
  return {
    moderation: s.moderation,
    allowUnverified: s.allow_unverified,
    heldWords: s.held_words,
    holdLinks: s.hold_links,
    rewardPoints: s.reward_points,
  };
}
