// Moderation: the store's review settings, the staff queue and what staff decide (approve, reject
// with a reason, hide). Staff are ADMINs holding `reviews:moderate` (the admin and support roles).
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ReviewChanges } from './reviews.changes.ts';
import { ReviewNotFound, ReviewTransitionNotAllowed } from './reviews.errors.ts';
import * as lists from './reviews.lists.repository.ts';
import type { ReviewPorts } from './reviews.ports.ts';
import { presentOwnReview, presentSettings, productOf } from './reviews.presenters.ts';
import { ReviewCursor } from './reviews.reads.ts';
import type { ReviewRow } from './reviews.repository.ts';
import * as repo from './reviews.repository.ts';
import type { ReviewSettings, StaffQuery } from './reviews.schemas.ts';
import { STAFF_ACTIONS, type StaffAction } from './reviews.status.ts';

export class ReviewModeration {
  constructor(
    private readonly ports: ReviewPorts,
    private readonly changes: ReviewChanges,
  ) {}

  /** The store's settings (the defaults until an admin saves some). */
  async settingsOf(ctx: Ctx): Promise<ReviewSettings> {
    return presentSettings(await repo.findSettings(ctx.db, ctx.storeId));
  }

  async getSettings(ctx: Ctx): Promise<ReviewSettings> {
    requireRole(ctx, 'ADMIN');
    return this.settingsOf(ctx);
  }

  async saveSettings(ctx: Ctx, input: ReviewSettings): Promise<ReviewSettings> {
    const actor = requirePermission(ctx, 'settings:manage');
    const words = [...new Set(input.heldWords.map((w) => w.toLowerCase()))];
    const row = await repo.saveSettings(ctx.db, {
      store_id: ctx.storeId,
      moderation: input.moderation,
      allow_unverified: input.allowUnverified,
      held_words: words,
      hold_links: input.holdLinks,
      reward_points: input.rewardPoints,
      updated_by: actor.userId,
    });
    return presentSettings(row);
  }

  /** Whether the caller is staff who may moderate (and reply to any review); 403 for an ADMIN without the permission. */
  isModerator(ctx: Ctx): boolean {
    if (!hasRole(ctx.actor, 'ADMIN')) return false;
    requirePermission(ctx, 'reviews:moderate');
    return true;
  }

  /** The staff queue: one status (PENDING oldest first, others newest first), reported ones, one product's. */
  async queue(ctx: Ctx, query: StaffQuery) {
    requirePermission(ctx, 'reviews:moderate');
    const after = decodeCursor(query.cursor, ReviewCursor);
    if (query.productId !== undefined && !isUuid(query.productId)) return { items: [], nextCursor: null };
    const rows = await lists.staffReviews(ctx.db, ctx.storeId, query, { after, limit: query.limit });
    const names = new Map(
      (
        await this.ports.productNames(
          ctx,
          rows.map((r) => r.product_id),
        )
      ).map((p) => [p.id, p]),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ ...presentOwnReview(r), product: productOf(names, r.product_id) }),
      (r) => ({ id: r.id }),
    );
  }

  /** One review as staff see it, with its reports. */
  async detail(ctx: Ctx, id: string) {
    requirePermission(ctx, 'reviews:moderate');
    const review = isUuid(id) ? await repo.findReview(ctx.db, ctx.storeId, id) : undefined;
    if (!review) throw new ReviewNotFound();
    return this.staffView(ctx, review);
  }

  /** Approve, reject (with a reason) or hide, from the statuses each allows; everything else is 409. */
  async decide(ctx: Ctx, id: string, action: StaffAction, reason?: string) {
    const actor = requirePermission(ctx, 'reviews:moderate');
    const settings = await this.settingsOf(ctx);
    const { from, to } = STAFF_ACTIONS[action];
    const review = await transaction(ctx.db, async (trx) => {
      const before = isUuid(id) ? await repo.findReview(trx, ctx.storeId, id, true) : undefined;
      if (!before || before.status === 'REMOVED') throw new ReviewNotFound();
      if (!(from as readonly string[]).includes(before.status))
        throw new ReviewTransitionNotAllowed(before.status, to);
      const after = await repo.updateReview(trx, ctx.storeId, id, {
        status: to,
        rejection_reason: action === 'approve' ? null : (reason ?? null),
        moderated_by: actor.userId,
        moderated_at: new Date(),
      });
      return this.changes.apply(withDb(ctx, trx), before, after, settings);
    });
    this.changes.committed(ctx.storeId);
    return this.staffView(ctx, review);
  }

  private async staffView(ctx: Ctx, review: ReviewRow) {
    const [reports, names] = await Promise.all([
      repo.reportsOf(ctx.db, ctx.storeId, review.id),
      this.ports.productNames(ctx, [review.product_id]),
    ]);
    return {
      ...presentOwnReview(review),
      product: productOf(new Map(names.map((p) => [p.id, p])), review.product_id),
      reports: reports.map((r) => ({
        reason: r.reason as 'spam',
        note: r.note,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }
}
