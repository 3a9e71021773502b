// What others do with a published review: helpful / not-helpful votes (one per user, counts kept
// exact under the review's lock), reports (one per user), and the seller's (or staff's) one reply.
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { AlreadyReported, OwnReview, ReviewNotFound } from './reviews.errors.ts';
import { ReviewEvents } from './reviews.events.ts';
import type { ReviewModeration } from './reviews.moderation.ts';
import { presentReview, voteOf } from './reviews.presenters.ts';
import * as repo from './reviews.repository.ts';

type Report = { reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other'; note?: string | undefined };

export class ReviewFeedback {
  constructor(
    private readonly moderation: ReviewModeration,
    private readonly written: (storeId: string) => void,
    private readonly jobs: Jobs | undefined,
    private readonly productOf: (ctx: Ctx, id: string) => Promise<{ slug: string; name: string } | undefined>,
  ) {}

  /** Votes helpful or not; a change moves both counts, a repeat changes nothing; 400 on one's own review. */
  async vote(ctx: Ctx, id: string, helpful: boolean) {
    const actor = requireActor(ctx);
    const answer = await transaction(ctx.db, async (trx) => {
      const review = await this.published(trx, ctx.storeId, id, true);
      if (review.user_id === actor.userId) throw new OwnReview('vote on');
      const before = await repo.findVote(trx, ctx.storeId, id, actor.userId);
      if (before?.helpful === helpful)
        return {
          helpfulCount: review.helpful_count,
          notHelpfulCount: review.not_helpful_count,
          myVote: voteOf(helpful),
        };
      await repo.saveVote(trx, ctx.storeId, id, actor.userId, helpful);
      const undo = before ? (before.helpful ? [-1, 0] : [0, -1]) : [0, 0];
      const counts = await repo.moveVoteCounts(
        trx,
        ctx.storeId,
        id,
        (helpful ? 1 : 0) + undo[0]!,
        (helpful ? 0 : 1) + undo[1]!,
      );
      return {
        helpfulCount: counts.helpful_count,
        notHelpfulCount: counts.not_helpful_count,
        myVote: voteOf(helpful),
      };
    });
    this.written(ctx.storeId);
    return answer;
  }

  /** Withdraws the caller's vote (nothing to withdraw changes nothing). */
  async unvote(ctx: Ctx, id: string) {
    const actor = requireActor(ctx);
    const answer = await transaction(ctx.db, async (trx) => {
      const review = await this.published(trx, ctx.storeId, id, true);
      const before = await repo.findVote(trx, ctx.storeId, id, actor.userId);
      if (!before)
        return {
          helpfulCount: review.helpful_count,
          notHelpfulCount: review.not_helpful_count,
          myVote: null,
        };
      await repo.deleteVote(trx, ctx.storeId, id, actor.userId);
      const counts = await repo.moveVoteCounts(
        trx,
        ctx.storeId,
        id,
        before.helpful ? -1 : 0,
        before.helpful ? 0 : -1,
      );
      return { helpfulCount: counts.helpful_count, notHelpfulCount: counts.not_helpful_count, myVote: null };
    });
    this.written(ctx.storeId);
    return answer;
  }

  /** Reports a review to staff, once per user; 400 on one's own. */
  async report(ctx: Ctx, id: string, report: Report) {
    const actor = requireActor(ctx);
    return transaction(ctx.db, async (trx) => {
      const review = await this.published(trx, ctx.storeId, id, true);
      if (review.user_id === actor.userId) throw new OwnReview('report');
      const made = await repo.insertReport(trx, {
        id: newId(),
        store_id: ctx.storeId,
        review_id: id,
        user_id: actor.userId,
        reason: report.reason,
        note: report.note ?? null,
      });
      if (!made) throw new AlreadyReported();
      return { id: made.id };
    });
  }

  /** The seller the review is about, or staff, answers it; a second reply replaces the first. */
  async reply(ctx: Ctx, id: string, body: string) {
    const actor = requireActor(ctx);
    const review = await transaction(ctx.db, async (trx) => {
      const before = await this.answerable(ctx, trx, id);
      const now = new Date();
      const updated = await repo.updateReview(trx, ctx.storeId, id, {
        reply_body: body,
        reply_by: actor.userId,
        reply_created_at: before.reply_created_at ?? now,
        reply_updated_at: now,
      });
      if (!before.reply_created_at) await this.announceReply(ctx, trx, updated);
      return updated;
    });
    this.written(ctx.storeId);
    const vote = (await repo.votesOf(ctx.db, ctx.storeId, actor.userId, [id])).get(id);
    return presentReview(review, voteOf(vote));
  }

  async removeReply(ctx: Ctx, id: string): Promise<void> {
    await transaction(ctx.db, async (trx) => {
      await this.answerable(ctx, trx, id);
      await repo.updateReview(trx, ctx.storeId, id, {
        reply_body: null,
        reply_by: null,
        reply_created_at: null,
        reply_updated_at: null,
      });
    });
    this.written(ctx.storeId);
  }

  /** Tells the review's author of its first reply (notifications sends REVIEW_REPLY). */
  private async announceReply(ctx: Ctx, trx: Ctx['db'], review: repo.ReviewRow) {
    if (!this.jobs) return;
    const product = await this.productOf(withDb(ctx, trx), review.product_id);
    await this.jobs.publish(trx, {
      name: ReviewEvents.replied,
      storeId: ctx.storeId,
      payload: {
        reviewId: review.id,
        userId: review.user_id,
        productId: review.product_id,
        productName: product?.name ?? '',
        productSlug: product?.slug ?? '',
        reply: review.reply_body ?? '',
      },
    });
  }

  /** A published review the caller may answer: the seller it is about, or staff (any review not removed). */
  private async answerable(ctx: Ctx, trx: Ctx['db'], id: string) {
    const actor = requireActor(ctx);
    const review = isUuid(id) ? await repo.findReview(trx, ctx.storeId, id, true) : undefined;
    if (!review || review.status === 'REMOVED') throw new ReviewNotFound();
    if (this.moderation.isModerator(ctx)) return review;
    if (review.seller_id !== actor.userId || review.status !== 'PUBLISHED') throw new ReviewNotFound();
    return review;
  }

  private async published(trx: Ctx['db'], storeId: string, id: string, lock: boolean) {
    const review = isUuid(id) ? await repo.findReview(trx, storeId, id, lock) : undefined;
    if (review?.status !== 'PUBLISHED') throw new ReviewNotFound();
    return review;
  }
}
