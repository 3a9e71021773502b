// The review lists: a product's and a seller's published reviews with their summaries, the
// caller's own reviews, and a seller's reviews to answer. Keyset pages (reviews.lists.repository.ts).
import { z } from 'zod';
import { requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ReadCache } from '../catalog/index.ts';
import { ReviewedProductNotFound, SellerNotFound } from './reviews.errors.ts';
import type { ReviewPosition } from './reviews.lists.repository.ts';
import * as lists from './reviews.lists.repository.ts';
import type { ReviewPorts } from './reviews.ports.ts';
import {
  presentOwnReview,
  presentProductSummary,
  presentReview,
  presentSellerSummary,
  productOf,
  voteOf,
} from './reviews.presenters.ts';
import type { ReviewRow } from './reviews.repository.ts';
import * as repo from './reviews.repository.ts';
import type { OwnSellerQuery, PageQuery, ProductReviewQuery, SellerReviewQuery } from './reviews.schemas.ts';
import * as stats from './reviews.stats.repository.ts';

/** The position a review list's cursor carries: the sort key of the last row, if the sort has one, and its id. */
export const ReviewCursor = z.object({
  k: z.number().int().min(0).max(2_000_000_000).optional(),
  id: z.string().uuid(),
});

export class ReviewReads {
  constructor(
    private readonly ports: ReviewPorts,
    private readonly cache: ReadCache,
  ) {}

  /**
   * A product's published reviews, with the product's average, count and histogram. First pages
   * (what nearly every visitor asks) come from the read cache, which every review write in this
   * process empties for the store; the caller's own votes are added after.
   */
  async ofProduct(ctx: Ctx, ref: string, query: ProductReviewQuery) {
    const after = decodeCursor(query.cursor, ReviewCursor);
    const load = () => this.productPage(ctx, ref, query, after);
    const page = after
      ? await load()
      : await this.cache.get(
          ctx.storeId,
          `reviews:${ref}:${query.sort}:${query.stars}:${query.verified}:${query.limit}`,
          load,
        );
    if (!ctx.actor || page.rows.length === 0) return page.view;
    const votes = await repo.votesOf(
      ctx.db,
      ctx.storeId,
      ctx.actor.userId,
      page.rows.map((r) => r.id),
    );
    return {
      ...page.view,
      items: page.view.items.map((item) => ({ ...item, myVote: voteOf(votes.get(item.id)) })),
    };
  }

  private async productPage(
    ctx: Ctx,
    ref: string,
    query: ProductReviewQuery,
    after: ReviewPosition | undefined,
  ) {
    const product = await this.ports.product(ctx, ref);
    if (!product) throw new ReviewedProductNotFound();
    const [rows, summary] = await Promise.all([
      lists.productReviews(ctx.db, ctx.storeId, product.id, query, { after, limit: query.limit }),
      stats.productStats(ctx.db, ctx.storeId, product.id),
    ]);
    const page = toPage(
      rows,
      query.limit,
      (r) => presentReview(r),
      (r) => lists.positionOf(r, query.sort),
    );
    return { rows: rows.slice(0, query.limit), view: { ...page, summary: presentProductSummary(summary) } };
  }

  /** A seller's published reviews (seed 000 GSI1), with the seller's and delivery ratings. */
  async ofSeller(ctx: Ctx, sellerId: string, query: SellerReviewQuery) {
    const after = decodeCursor(query.cursor, ReviewCursor);
    // the store itself sells its own offers; anyone else must be one of its sellers
    const known =
      isUuid(sellerId) && (sellerId === ctx.storeId || (await this.ports.isSeller(ctx, sellerId)));
    if (!known) throw new SellerNotFound();
    const [rows, summary] = await Promise.all([
      lists.sellerReviews(ctx.db, ctx.storeId, sellerId, query, { after, limit: query.limit }),
      stats.sellerStats(ctx.db, ctx.storeId, sellerId),
    ]);
    const page = await this.publicPage(ctx, rows, query.limit, query.sort);
    return { ...page, summary: presentSellerSummary(summary) };
  }

  /** The signed-in seller's published reviews, answered or not. */
  async forSeller(ctx: Ctx, query: OwnSellerQuery) {
    const actor = requireRole(ctx, 'SELLER');
    const after = decodeCursor(query.cursor, ReviewCursor);
    const rows = await lists.sellerReviews(
      ctx.db,
      ctx.storeId,
      actor.userId,
      { sort: 'newest', replied: query.replied },
      { after, limit: query.limit },
    );
    const names = await this.names(ctx, rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ ...presentReview(r), product: productOf(names, r.product_id) }),
      (r) => ({ id: r.id }),
    );
  }

  /** The caller's own reviews in every status but REMOVED, newest first. */
  async mine(ctx: Ctx, query: PageQuery) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, ReviewCursor);
    const rows = await lists.userReviews(ctx.db, ctx.storeId, actor.userId, { after, limit: query.limit });
    const names = await this.names(ctx, rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ ...presentOwnReview(r), product: productOf(names, r.product_id) }),
      (r) => ({ id: r.id }),
    );
  }

  private async publicPage(ctx: Ctx, rows: ReviewRow[], limit: number, sort: ProductReviewQuery['sort']) {
    const votes = ctx.actor
      ? await repo.votesOf(
          ctx.db,
          ctx.storeId,
          ctx.actor.userId,
          rows.slice(0, limit).map((r) => r.id),
        )
      : new Map<string, boolean>();
    return toPage(
      rows,
      limit,
      (r) => presentReview(r, voteOf(votes.get(r.id))),
      (r) => lists.positionOf(r, sort),
    );
  }

  private async names(ctx: Ctx, rows: ReviewRow[]) {
    const products = await this.ports.productNames(
      ctx,
      rows.map((r) => r.product_id),
    );
    return new Map(products.map((p) => [p.id, p]));
  }
}
