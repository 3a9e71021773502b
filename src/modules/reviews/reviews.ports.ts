import type { Ctx } from '../../platform/http/context.ts';

/** A product a buyer may review, as the catalog gives it. */
export interface ReviewedProduct {
  id: string;
  slug: string;
  name: string;
  /** The seller of the product's default offer, or the store itself. */
  sellerId: string;
}

/** The order item that makes a review a verified purchase. */
export interface ReceivedItem {
  orderId: string;
  orderItemId: string;
  sellerId: string;
}

/**
 * What reviews needs of other modules, wired by the composition root (src/server.ts): the catalog's
 * products and ratings, the orders' deliveries, the caller's name, the promotions' points ledger.
 */
export interface ReviewPorts {
  /** An ACTIVE product of the request's store by id or slug; undefined otherwise. */
  product(ctx: Ctx, ref: string): Promise<ReviewedProduct | undefined>;
  /** The store's first ACTIVE products (what the demo reviews are about). */
  firstProducts(ctx: Ctx, limit: number): Promise<ReviewedProduct[]>;
  productNames(ctx: Ctx, ids: string[]): Promise<Array<{ id: string; slug: string; name: string }>>;
  /** The user's delivered order item of the product, if any. */
  receivedItem(ctx: Ctx, userId: string, productId: string): Promise<ReceivedItem | undefined>;
  /** Whether the user is a seller of the request's store. */
  isSeller(ctx: Ctx, userId: string): Promise<boolean>;
  /** The signed-in caller's full name. */
  callerName(ctx: Ctx): Promise<string>;
  /** Sets the product's and the seller's offers' ratings in the caller's transaction. */
  setRatings(
    ctx: Ctx,
    update: {
      productId: string;
      product: { average: number; count: number };
      seller?: { sellerId: string; average: number; count: number };
    },
  ): Promise<void>;
  /** After a transaction that set ratings: the catalog forgets its cached reads of the store. */
  ratingsCommitted(storeId: string): void;
  earnPoints(ctx: Ctx, input: { userId: string; reviewId: string; points: number }): Promise<unknown>;
  takeBackPoints(ctx: Ctx, input: { userId: string; reviewId: string }): Promise<unknown>;
}
