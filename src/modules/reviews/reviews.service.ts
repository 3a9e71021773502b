// The reviews service: a buyer writes, changes and removes their review here; the parts cover the
// reads, votes, reports and replies, and moderation with the store's settings.
import type { Updateable } from 'kysely';
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { ReadCache } from '../catalog/index.ts';
import { ReviewChanges } from './reviews.changes.ts';
import { PurchaseRequired, ReviewExists, ReviewedProductNotFound, ReviewNotFound } from './reviews.errors.ts';
import { ReviewFeedback } from './reviews.feedback.ts';
import { holdsOf } from './reviews.holds.ts';
import { ReviewModeration } from './reviews.moderation.ts';
import type { ReviewPorts } from './reviews.ports.ts';
import { average, presentOwnReview } from './reviews.presenters.ts';
import { ReviewReads } from './reviews.reads.ts';
import type { BulkReview, ReviewsTable } from './reviews.repository.ts';
import * as repo from './reviews.repository.ts';
import type { ReviewInput, ReviewPatch } from './reviews.schemas.ts';
import * as stats from './reviews.stats.repository.ts';
import { statusAfterEdit } from './reviews.status.ts';

/** How an author is shown: first name and the initial of the last ("Asha K."), never an email. */
export function displayName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'A buyer';
  const first = words[0]!.slice(0, 60);
  if (words.length === 1) return first;
  const last = [...words.at(-1)!][0]!.toUpperCase();
  return `${first} ${last}.`;
}

export class ReviewsService {
  readonly reads: ReviewReads;
  readonly feedback: ReviewFeedback;
  readonly moderation: ReviewModeration;
  private readonly changes: ReviewChanges;

  constructor(
    readonly ports: ReviewPorts,
    cacheTtlMs = 5_000,
    jobs?: Jobs,
  ) {
    const cache = new ReadCache(cacheTtlMs);
    /** After a write commits: the store's cached pages are forgotten, the catalog's too. */
    const written = (storeId: string) => {
      cache.bump(storeId);
      ports.ratingsCommitted(storeId);
    };
    this.changes = new ReviewChanges(ports, written);
    this.reads = new ReviewReads(ports, cache);
    this.moderation = new ReviewModeration(ports, this.changes);
    const productOf = async (ctx: Ctx, id: string) => (await ports.productNames(ctx, [id]))[0];
    this.feedback = new ReviewFeedback(this.moderation, written, jobs, productOf);
  }

  /**
   * A buyer's review of a product: 404 for a product not in the store, 403 without a delivered
   * order item of it (unless the store allows unverified reviews), 409 for a second one.
   * Published at once unless the store moderates or the text is held.
   */
  async create(ctx: Ctx, ref: string, input: ReviewInput) {
    const actor = requireActor(ctx);
    const product = await this.ports.product(ctx, ref);
    if (!product) throw new ReviewedProductNotFound();
    const settings = await this.moderation.settingsOf(ctx);
    const item = await this.ports.receivedItem(ctx, actor.userId, product.id);
    if (!item && !settings.allowUnverified) throw new PurchaseRequired();
    const held = holdsOf([input.title, input.body], settings);
    const author = displayName(await this.ports.callerName(ctx));
    const review = await transaction(ctx.db, async (trx) => {
      const row = await repo.insertReview(trx, {
        id: newId(),
        store_id: ctx.storeId,
        product_id: product.id,
        user_id: actor.userId,
        author_name: author,
        seller_id: item?.sellerId ?? product.sellerId,
        order_id: item?.orderId ?? null,
        order_item_id: item?.orderItemId ?? null,
        verified_purchase: item !== undefined,
        ...fieldsOf(input),
        status: held.length > 0 || settings.moderation ? 'PENDING' : 'PUBLISHED',
        held_for: held,
        rejection_reason: null,
        moderated_by: null,
        moderated_at: null,
        reply_body: null,
        reply_by: null,
        reply_created_at: null,
        reply_updated_at: null,
      });
      if (!row) {
        const live = await repo.findLiveReview(trx, ctx.storeId, product.id, actor.userId);
        throw new ReviewExists(live?.id ?? '');
      }
      return this.changes.apply(withDb(ctx, trx), null, row, settings);
    });
    this.changes.committed(ctx.storeId);
    return presentOwnReview(review);
  }

  /** The author changes their review; it waits for staff again when it is held or the store moderates. */
  async edit(ctx: Ctx, id: string, patch: ReviewPatch) {
    const actor = requireActor(ctx);
    const settings = await this.moderation.settingsOf(ctx);
    const review = await transaction(ctx.db, async (trx) => {
      const before = await this.ownLive(withDb(ctx, trx), id, actor.userId);
      const title = patch.title === undefined ? before.title : patch.title;
      const body = patch.body === undefined ? before.body : patch.body;
      const held = holdsOf([title, body], settings);
      const status = statusAfterEdit(before.status, held.length > 0, settings.moderation);
      const after = await repo.updateReview(trx, ctx.storeId, id, {
        ...changesOf(patch),
        status,
        held_for: held,
        rejection_reason: status === 'PENDING' ? null : before.rejection_reason,
      });
      return this.changes.apply(withDb(ctx, trx), before, after, settings);
    });
    this.changes.committed(ctx.storeId);
    return presentOwnReview(review);
  }

  /** The author removes their review: it leaves the aggregates, and its points are taken back. */
  async remove(ctx: Ctx, id: string): Promise<void> {
    const actor = requireActor(ctx);
    const settings = await this.moderation.settingsOf(ctx);
    await transaction(ctx.db, async (trx) => {
      const before = await this.ownLive(withDb(ctx, trx), id, actor.userId);
      const after = await repo.updateReview(trx, ctx.storeId, id, { status: 'REMOVED' });
      await this.changes.apply(withDb(ctx, trx), before, after, settings);
    });
    this.changes.committed(ctx.storeId);
  }

  /**
   * Reviews written in bulk (demo data, benchmarks) with every aggregate of the store and the
   * catalog's ratings rebuilt from the published ones, in one transaction.
   */
  async importReviews(ctx: Ctx, rows: BulkReview[]): Promise<void> {
    await transaction(ctx.db, async (trx) => {
      const tx = withDb(ctx, trx);
      for (let i = 0; i < rows.length; i += 5_000) await repo.insertReviews(trx, rows.slice(i, i + 5_000));
      for (const r of await stats.rebuildStats(trx, ctx.storeId)) {
        await this.ports.setRatings(tx, {
          productId: r.product_id,
          product: { average: average(r.rating_sum, r.review_count), count: r.review_count },
          seller: {
            sellerId: r.seller_id,
            average: average(r.seller_rating_sum, r.seller_rating_count),
            count: r.seller_rating_count,
          },
        });
      }
    });
    await stats.analyzeReviews(ctx.db);
    this.changes.committed(ctx.storeId);
  }

  /** The caller's own review, locked; anyone else's, and a removed one, are 404. */
  private async ownLive(ctx: Ctx, id: string, userId: string) {
    const review = isUuid(id) ? await repo.findReview(ctx.db, ctx.storeId, id, true) : undefined;
    if (!review || review.user_id !== userId || review.status === 'REMOVED') throw new ReviewNotFound();
    return review;
  }
}

/** The columns a new review's body sets. */
function fieldsOf(input: ReviewInput) {
  return {
    rating: input.rating,
    title: input.title ?? null,
    body: input.body ?? null,
    delivery_rating: input.deliveryRating ?? null,
    seller_rating: input.sellerRating ?? null,
    images: input.images ?? [],
  };
}

/** The columns a change sets; absent fields are left as they are. */
function changesOf(patch: ReviewPatch): Updateable<ReviewsTable> {
  const { rating, title, body, deliveryRating, sellerRating, images } = patch;
  return {
    ...(rating !== undefined ? { rating } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(deliveryRating !== undefined ? { delivery_rating: deliveryRating } : {}),
    ...(sellerRating !== undefined ? { seller_rating: sellerRating } : {}),
    ...(images !== undefined ? { images } : {}),
  };
}
