import { pick, recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import { contactKeys, type StreetAddress } from '../../platform/contact-keys.ts';
import { isUniqueViolation, pgErrorCode, transaction } from '../../platform/db/transaction.ts';
import { requireActor, requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest, type FieldError } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { money, mulDivFloor } from '../../platform/money.ts';
import { type CouponBasket, type CouponEffect, couponEffect, couponProblem } from './promotions.coupons.ts';
import { CouponCodeTaken, CouponNotFound, couponRejected, InsufficientPoints } from './promotions.errors.ts';
import type { CouponRow, LedgerRow, RewardReason, RewardType } from './promotions.repository.ts';
import * as repo from './promotions.repository.ts';
import type { CouponInput, CouponPatch } from './promotions.schemas.ts';

export function presentCoupon(c: CouponRow) {
  return {
    id: c.id,
    code: c.code,
    description: c.description,
    type: c.type,
    value: c.value,
    currency: c.currency,
    minOrderAmount: money(c.min_order_amount, c.currency),
    maxDiscountAmount: c.max_discount_amount === null ? null : money(c.max_discount_amount, c.currency),
    startsAt: c.starts_at?.toISOString() ?? null,
    expiresAt: c.expires_at?.toISOString() ?? null,
    usageLimit: c.usage_limit,
    usedCount: c.used_count,
    perUserLimit: c.per_user_limit,
    active: c.active,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentLedger(e: LedgerRow) {
  return {
    id: e.id,
    type: e.type,
    reason: e.reason,
    points: e.points,
    orderId: e.order_id,
    note: e.note,
    createdAt: e.created_at.toISOString(),
  };
}

/** A change that would leave the coupon inconsistent is bad input, named by its field. */
function refuseInconsistentCoupon(c: CouponRow, patch: CouponPatch) {
  const errors: FieldError[] = [];
  const value = patch.value ?? c.value;
  if (c.type === 'PERCENT' && (value < 1 || value > 10_000)) {
    errors.push({ pointer: '/value', in: 'body', detail: 'A percentage is given in basis points, 1–10000.' });
  }
  if (c.type === 'AMOUNT' && value < 1)
    errors.push({ pointer: '/value', in: 'body', detail: 'Give an amount ≥ 1.' });
  const starts =
    patch.startsAt === undefined ? c.starts_at : patch.startsAt ? new Date(patch.startsAt) : null;
  const expires =
    patch.expiresAt === undefined ? c.expires_at : patch.expiresAt ? new Date(patch.expiresAt) : null;
  if (starts && expires && expires <= starts)
    errors.push({ pointer: '/expiresAt', in: 'body', detail: 'Must be after startsAt.' });
  if (patch.usageLimit != null && patch.usageLimit < c.used_count) {
    errors.push({ pointer: '/usageLimit', in: 'body', detail: `Already used ${c.used_count} times.` });
  }
  if (errors.length > 0) throw new BadRequest('The coupon change is not consistent.', errors);
}

export interface CouponQuote extends CouponEffect {
  couponId: string;
  code: string;
}

export interface Buyer {
  userId: string | null;
  email: string | null;
  /** A guest is also known by its phone and shipping address (per-buyer coupon limits). */
  phone?: string | null | undefined;
  address?: StreetAddress | null | undefined;
}

/** What a coupon's entries record: its terms (usage counts change with every order and are not audited). */
const AUDITED_COUPON_FIELDS = [
  'code',
  'description',
  'type',
  'value',
  'currency',
  'min_order_amount',
  'max_discount_amount',
  'starts_at',
  'expires_at',
  'usage_limit',
  'per_user_limit',
  'active',
] as const;

/** The columns a coupon patch sets. */
function couponColumnsOf(patch: CouponPatch) {
  return {
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.value !== undefined ? { value: patch.value } : {}),
    ...(patch.minOrderAmount !== undefined ? { min_order_amount: patch.minOrderAmount } : {}),
    ...(patch.maxDiscountAmount !== undefined ? { max_discount_amount: patch.maxDiscountAmount } : {}),
    ...(patch.startsAt !== undefined ? { starts_at: patch.startsAt ? new Date(patch.startsAt) : null } : {}),
    ...(patch.expiresAt !== undefined
      ? { expires_at: patch.expiresAt ? new Date(patch.expiresAt) : null }
      : {}),
    ...(patch.usageLimit !== undefined ? { usage_limit: patch.usageLimit } : {}),
    ...(patch.perUserLimit !== undefined ? { per_user_limit: patch.perUserLimit } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
}

function usageKeys(buyer: Buyer) {
  return { userId: buyer.userId, email: buyer.email, keys: contactKeys(buyer) };
}

export class PromotionsService {
  constructor(private readonly config: Pick<Config, 'REWARDS_POINT_VALUE_MINOR' | 'REWARDS_MAX_REDEEM_BP'>) {}

  // ── coupons: administration ──────────────────────────────────────────────

  async createCoupon(ctx: Ctx, input: CouponInput, storeCurrency: string) {
    const actor = requirePermission(ctx, 'coupons:manage');
    try {
      return await transaction(ctx.db, async (trx) => {
        const row = await repo.insertCoupon(trx, {
          id: newId(),
          store_id: ctx.storeId,
          code: input.code.toUpperCase(),
          description: input.description ?? null,
          type: input.type,
          value: input.type === 'FREE_SHIPPING' ? 0 : input.value,
          currency: input.currency ?? storeCurrency,
          min_order_amount: input.minOrderAmount ?? 0,
          max_discount_amount: input.maxDiscountAmount ?? null,
          starts_at: input.startsAt ? new Date(input.startsAt) : null,
          expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
          usage_limit: input.usageLimit ?? null,
          per_user_limit: input.perUserLimit ?? null,
          active: input.active ?? true,
          created_by: actor.userId,
        });
        await recordAudit(withDb(ctx, trx), {
          entityType: 'coupon',
          entityId: row.id,
          action: 'create',
          after: pick(row, AUDITED_COUPON_FIELDS),
        });
        return presentCoupon(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new CouponCodeTaken();
      throw error;
    }
  }

  /** Changes a coupon; `active: false` is its disabling (the audit trail names it so). */
  async updateCoupon(ctx: Ctx, id: string, patch: CouponPatch) {
    requirePermission(ctx, 'coupons:manage');
    return transaction(ctx.db, async (trx) => {
      const current = isUuid(id) ? await repo.findCoupon(trx, ctx.storeId, id, true) : undefined;
      if (!current) throw new CouponNotFound();
      refuseInconsistentCoupon(current, patch);
      const row = await repo.updateCoupon(trx, ctx.storeId, id, couponColumnsOf(patch));
      if (!row) throw new CouponNotFound();
      await recordAudit(withDb(ctx, trx), {
        entityType: 'coupon',
        entityId: id,
        action: current.active && !row.active ? 'disable' : 'update',
        before: pick(current, AUDITED_COUPON_FIELDS),
        after: pick(row, AUDITED_COUPON_FIELDS),
      });
      return presentCoupon(row);
    });
  }

  async getCoupon(ctx: Ctx, id: string) {
    requireRole(ctx, 'ADMIN');
    const row = isUuid(id) ? await repo.findCoupon(ctx.db, ctx.storeId, id) : undefined;
    if (!row) throw new CouponNotFound();
    return presentCoupon(row);
  }

  async listCoupons(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.listCoupons(ctx.db, ctx.storeId, query.limit, after?.id);
    return toPage(rows, query.limit, presentCoupon, (c) => ({ id: c.id }));
  }

  /** A coupon of the store by code (any case), as another module checks it (a campaign's); null: none. */
  async couponByCode(ctx: Ctx, code: string) {
    const c = await repo.findCouponByCode(ctx.db, ctx.storeId, code);
    return c ? { code: c.code, type: c.type, active: c.active, expiresAt: c.expires_at } : null;
  }

  // ── coupons: at checkout ─────────────────────────────────────────────────

  /** What a coupon would give this basket; throws a typed rejection when it cannot apply. */
  async quoteCoupon(ctx: Ctx, code: string, basket: CouponBasket, buyer: Buyer): Promise<CouponQuote> {
    const coupon = await repo.findCouponByCode(ctx.db, ctx.storeId, code);
    if (!coupon) throw couponRejected('unknown');
    const problem = couponProblem(coupon, basket);
    if (problem) throw couponRejected(problem);
    if (
      coupon.per_user_limit !== null &&
      (await repo.countUsesBy(ctx.db, coupon.id, usageKeys(buyer))) >= coupon.per_user_limit
    ) {
      throw couponRejected('per-user-limit-reached');
    }
    return { couponId: coupon.id, code: coupon.code, ...couponEffect(coupon, basket) };
  }

  /**
   * Records one use in the order's transaction. The coupon row is locked, so concurrent
   * checkouts are counted one at a time and the limits can never be exceeded.
   */
  async redeemCoupon(
    ctx: Ctx,
    input: { couponId: string; orderId: string; discount: number; buyer: Buyer; basket: CouponBasket },
  ) {
    const trx = ctx.db;
    const coupon = await repo.lockCoupon(trx, ctx.storeId, input.couponId);
    if (!coupon) throw couponRejected('unknown');
    const problem = couponProblem(coupon, input.basket);
    if (problem) throw couponRejected(problem);
    if (
      coupon.per_user_limit !== null &&
      (await repo.countUsesBy(trx, coupon.id, usageKeys(input.buyer))) >= coupon.per_user_limit
    ) {
      throw couponRejected('per-user-limit-reached');
    }
    await repo.incrementUse(trx, coupon.id, 1);
    const keys = contactKeys(input.buyer);
    await repo.insertUsage(trx, {
      id: newId(),
      store_id: ctx.storeId,
      coupon_id: coupon.id,
      user_id: input.buyer.userId,
      email: input.buyer.email,
      order_id: input.orderId,
      discount_amount: input.discount,
      released_at: null,
      email_key: keys.email,
      phone_key: keys.phone,
      address_key: keys.address,
    });
  }

  /** Gives a cancelled order's coupon use back. Idempotent. */
  async releaseCoupon(ctx: Ctx, orderId: string): Promise<void> {
    const released = await repo.releaseUsages(ctx.db, ctx.storeId, orderId);
    for (const usage of released) await repo.incrementUse(ctx.db, usage.coupon_id, -1);
  }

  // ── rewards ──────────────────────────────────────────────────────────────

  pointValue(currency: string) {
    return money(this.config.REWARDS_POINT_VALUE_MINOR, currency);
  }

  /** The most points an order with these items can use. */
  maxRedeemablePoints(itemsTotal: number): number {
    const redeemable = mulDivFloor(itemsTotal, this.config.REWARDS_MAX_REDEEM_BP, 10_000);
    return Math.floor(redeemable / this.config.REWARDS_POINT_VALUE_MINOR);
  }

  pointsToAmount(points: number): number {
    return points * this.config.REWARDS_POINT_VALUE_MINOR;
  }

  balance(ctx: Ctx, userId: string): Promise<number> {
    return repo.balanceOf(ctx.db, ctx.storeId, userId);
  }

  /** Appends to the ledger and moves the balance together; an overdraft is refused. */
  async addEntry(
    ctx: Ctx,
    entry: {
      userId: string;
      type: RewardType;
      reason: RewardReason;
      points: number;
      orderId?: string | null;
      note?: string | null;
    },
  ): Promise<boolean> {
    return transaction(ctx.db, async (trx) => {
      const balance = await repo.balanceOf(trx, ctx.storeId, entry.userId, true);
      if (balance + entry.points < 0) throw new InsufficientPoints(balance);
      const fresh = await repo.insertLedger(trx, {
        id: newId(),
        store_id: ctx.storeId,
        user_id: entry.userId,
        type: entry.type,
        reason: entry.reason,
        points: entry.points,
        order_id: entry.orderId ?? null,
        note: entry.note ?? null,
        created_by: ctx.actor?.userId ?? null,
      });
      if (!fresh) return false;
      try {
        await repo.moveBalance(trx, ctx.storeId, entry.userId, entry.points);
      } catch (error) {
        // two first-ever entries raced past the check above; the CHECK constraint still holds
        if (pgErrorCode(error) === '23514') throw new InsufficientPoints(0);
        throw error;
      }
      return true;
    });
  }

  redeemForOrder(ctx: Ctx, input: { userId: string; orderId: string; points: number }) {
    return this.addEntry(ctx, { ...input, type: 'REDEEM', reason: 'PURCHASE', points: -input.points });
  }

  earnForOrder(ctx: Ctx, input: { userId: string; orderId: string; points: number }) {
    if (input.points <= 0) return Promise.resolve(false);
    return this.addEntry(ctx, { ...input, type: 'EARN', reason: 'PURCHASE' });
  }

  /**
   * Undoes an order's points (cancellation or return): what was redeemed comes back, what was
   * earned goes, in one ADJUST entry. Points already spent elsewhere are taken only as far as the
   * balance allows.
   */
  async reverseForOrder(ctx: Ctx, input: { userId: string; orderId: string }): Promise<void> {
    const trx = ctx.db;
    const entries = await repo.ledgerOfOrder(trx, ctx.storeId, input.orderId);
    const net = entries.reduce((sum, e) => sum + e.points, 0);
    if (net === 0) return;
    const balance = await repo.balanceOf(trx, ctx.storeId, input.userId, true);
    const delta = net > 0 ? -Math.min(net, balance) : -net;
    if (delta === 0) return;
    await this.addEntry(ctx, {
      userId: input.userId,
      orderId: input.orderId,
      type: 'ADJUST',
      reason: 'CANCELLATION',
      points: delta,
    });
  }

  /**
   * Points for a published verified review, once per review (a repeat adds nothing); in the
   * caller's transaction. Returns whether they were added.
   */
  async earnForReview(ctx: Ctx, input: { userId: string; reviewId: string; points: number }) {
    if (input.points <= 0) return false;
    return transaction(ctx.db, async (trx) => {
      const fresh = await repo.insertReviewLedger(trx, {
        ...this.reviewEntry(ctx, input.userId, input.reviewId),
        type: 'EARN',
        points: input.points,
      });
      if (fresh) await repo.moveBalance(trx, ctx.storeId, input.userId, input.points);
      return fresh;
    });
  }

  /**
   * Takes a review's points back (the review was removed, hidden or rejected), once per review, as
   * many as it earned and as far as the balance allows (points already spent stay spent). Returns the points taken.
   */
  async takeBackForReview(ctx: Ctx, input: { userId: string; reviewId: string }) {
    return transaction(ctx.db, async (trx) => {
      const earned = await repo.earnedForReview(trx, ctx.storeId, input.reviewId);
      const balance = await repo.balanceOf(trx, ctx.storeId, input.userId, true);
      const taken = Math.min(earned, balance);
      if (taken <= 0) return 0;
      const fresh = await repo.insertReviewLedger(trx, {
        ...this.reviewEntry(ctx, input.userId, input.reviewId),
        type: 'ADJUST',
        points: -taken,
      });
      if (!fresh) return 0;
      await repo.moveBalance(trx, ctx.storeId, input.userId, -taken);
      return taken;
    });
  }

  private reviewEntry(ctx: Ctx, userId: string, reviewId: string) {
    return {
      id: newId(),
      store_id: ctx.storeId,
      user_id: userId,
      reason: 'REVIEW' as const,
      order_id: null,
      review_id: reviewId,
      note: null,
      created_by: ctx.actor?.userId ?? null,
    };
  }

  async myRewards(ctx: Ctx, query: { limit: number; cursor?: string | undefined }, currency: string) {
    const actor = requireActor(ctx);
    return this.rewardsOf(ctx, actor.userId, query, currency);
  }

  async rewardsOfUser(
    ctx: Ctx,
    userId: string,
    query: { limit: number; cursor?: string | undefined },
    currency: string,
  ) {
    requireRole(ctx, 'ADMIN');
    return this.rewardsOf(ctx, userId, query, currency);
  }

  async adjustPoints(ctx: Ctx, userId: string, points: number, note: string) {
    requirePermission(ctx, 'rewards:adjust');
    await this.addEntry(ctx, { userId, type: 'ADJUST', reason: 'ADMIN', points, note });
    return { balance: await repo.balanceOf(ctx.db, ctx.storeId, userId) };
  }

  private async rewardsOf(
    ctx: Ctx,
    userId: string,
    query: { limit: number; cursor?: string | undefined },
    currency: string,
  ) {
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.ledgerOfUser(ctx.db, ctx.storeId, userId, query.limit, after?.id);
    const page = toPage(rows, query.limit, presentLedger, (e) => ({ id: e.id }));
    return {
      balance: await repo.balanceOf(ctx.db, ctx.storeId, userId),
      pointValue: this.pointValue(currency),
      ...page,
    };
  }

  /** For invariant checks: the ledger's sum for a user. */
  ledgerSum(ctx: Ctx, userId: string) {
    return repo.ledgerSum(ctx.db, ctx.storeId, userId);
  }
}
