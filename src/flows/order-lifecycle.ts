// What an order's life does to the other modules: payment outcomes move the order; cancelling
// returns stock, coupon use and points and refunds what was captured (also a capture that comes
// after the cancel); unpaid orders expire; a failed payment can be retried; delivery of a paid
// order earns points.
import {
  type InventoryService,
  ReservationNotFound,
  ReservationStateConflict,
} from '../modules/inventory/index.ts';
import {
  BUYER_CANCELLABLE,
  canTransition,
  OrderEvents,
  OrderNotCancellable,
  OrderNotFound,
  type OrderStatus,
  type OrdersService,
  type OrderView,
  TransitionNotAllowed,
} from '../modules/orders/index.ts';
import type { PaymentListener, PaymentsService, RefundFailedListener } from '../modules/payments/index.ts';
import type { PromotionsService } from '../modules/promotions/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../platform/http/authorization.ts';
import { type Ctx, systemCtx, withDb } from '../platform/http/context.ts';
import { Conflict } from '../platform/http/errors.ts';
import type { Jobs, QueueOptions } from '../platform/jobs/jobs.ts';
import type { Logger } from '../platform/observability/logger.ts';

export interface LifecycleSettings {
  /** An unpaid order is cancelled this long after its stock hold ran out (ORDER_PENDING_TTL_MINUTES). */
  pendingTtlMinutes: number;
  /** How long checkout holds stock (RESERVATION_TTL_SECONDS). */
  reservationTtlSeconds: number;
  /** Points are earned this long after delivery (REWARDS_EARN_DELAY_DAYS). */
  earnDelayDays: number;
}

export interface LifecycleDeps {
  orders: OrdersService;
  inventory: InventoryService;
  payments: PaymentsService;
  promotions: PromotionsService;
  jobs: Jobs;
  log: Logger;
  settings?: LifecycleSettings;
  /** Fulfilment's guard: refuses (409) once a shipment was picked up, cancels the others. */
  shipments?: { cancelForOrder(ctx: Ctx, orderId: string): Promise<void> };
  /**
   * The store's `cancellation-reason` lookup (reference): an active value's label, or 400
   * `unknown-lookup-code` at `pointer`; called in the cancel's transaction.
   */
  reasons: { choose(ctx: Ctx, code: string, pointer: string): Promise<{ code: string; label: string }> };
  /** Quotes: an order placed from a quote was cancelled before payment (its quote opens again). */
  quotes?: { orderCancelled(ctx: Ctx, order: { id: string; number: string }): Promise<void> };
}

/** Why an order is cancelled: a code of the store's `cancellation-reason` list, words, or both. */
export interface CancelWhy {
  reason?: string | undefined;
  reasonCode?: string | undefined;
}

export const CANCEL_REFUND_QUEUE = 'orders.refund-cancelled';
export const EARN_ON_DELIVERY_QUEUE = 'promotions.earn-on-delivery';
/** The earn itself, after the return window; checks the order is delivered and its money captured. */
export const EARN_QUEUE = 'promotions.earn-for-order';
export const ORDER_EXPIRY_QUEUE = 'orders.expire-pending';

/** Refunds retry for about a day: 1 min doubling to 2 h, 20 attempts; then the job is dead (`jobs_dead`). */
export const REFUND_RETRY: Required<QueueOptions> = {
  backoffMs: 60_000,
  maxBackoffMs: 2 * 3_600_000,
  maxAttempts: 20,
};

const DEFAULT_SETTINGS: LifecycleSettings = {
  pendingTtlMinutes: 30,
  reservationTtlSeconds: 900,
  earnDelayDays: 0,
};

/** An order as locked in the caller's transaction. */
type LockedOrder = Awaited<ReturnType<OrdersService['lock']>>;

export class OrderNotPending extends Conflict {
  constructor(status: string) {
    super(`The order is ${status}; only a PENDING order can be paid again.`, 'order-not-pending', {
      orderStatus: status,
    });
  }
}

export class OrderLifecycle {
  private readonly settings: LifecycleSettings;

  constructor(private readonly deps: LifecycleDeps) {
    this.settings = deps.settings ?? DEFAULT_SETTINGS;
  }

  /** Wires the payment listeners and ports and the background work; called once at assembly. */
  register(): void {
    const { jobs, payments, log } = this.deps;
    payments.onStatusChange(this.followPayment);
    payments.onRefundFailed(this.refundAgain);
    payments.useOrders({
      lock: (ctx, orderId) => this.lockOrder(ctx, orderId),
      prepareRetry: (ctx, orderId) => this.prepareRetry(ctx, orderId),
    });
    // a job acts in the store that queued it, as no one
    const jobCtx = (job: { db: Db; storeId: string | null }) =>
      systemCtx(job.db, job.storeId!, log, { reason: 'job' });
    jobs.handle<{ orderId: string; reason: string }>(
      CANCEL_REFUND_QUEUE,
      async (job) => {
        await this.refundCaptured(jobCtx(job), job.payload.orderId, job.payload.reason);
      },
      REFUND_RETRY,
    );
    jobs.subscribe<{ orderId: string }>(OrderEvents.delivered, EARN_ON_DELIVERY_QUEUE, async (job) =>
      this.earnLater(jobCtx(job), job.payload.orderId, 'delivered'),
    );
    jobs.handle<{ orderId: string }>(EARN_QUEUE, async (job) => this.earn(jobCtx(job), job.payload.orderId));
    jobs.handle(ORDER_EXPIRY_QUEUE, async (job) => {
      await this.expirePending(job.db);
    });
    jobs.schedule(ORDER_EXPIRY_QUEUE, '* * * * *', ORDER_EXPIRY_QUEUE);
  }

  /**
   * Runs inside the payment's transaction (which holds the order's lock, taken first): the order's
   * payment status follows, and a capture pays it, or is refunded when the order is gone. Answers
   * the order row as it left it when it found the order PENDING (whose items do not move before
   * payment) and changed only that row, for the charge's caller (checkout answers with it).
   */
  private readonly followPayment: PaymentListener = async (ctx, payment, _previous, held) => {
    const { orders } = this.deps;
    // the order the payment's lock took just before, else its lock taken now
    const locked =
      (held as LockedOrder | null | undefined)?.id === payment.orderId
        ? (held as LockedOrder)
        : await this.lockOrder(ctx, payment.orderId);
    if (!locked) return;
    const answer = (row: LockedOrder | undefined) => (locked.status === 'PENDING' ? row : undefined);
    if (payment.status === 'CAPTURED' && (locked.status === 'PENDING' || locked.status === 'CONFIRMED'))
      return answer(await this.payOrder(ctx, locked, payment));
    const order = await orders.setPaymentStatus(ctx, locked.id, payment.status, locked);
    if (payment.status === 'REFUNDED' && canTransition(order.status, 'REFUNDED')) {
      // everything captured went back (a staff refund of a paid or delivered order): the order follows
      await orders.transition(ctx, order.id, 'REFUNDED', { reason: 'payment refunded in full' }, order);
      return;
    }
    if (payment.status !== 'CAPTURED') return answer(order);
    if (order.status === 'CANCELLED') {
      // captured after the order was cancelled (a late webhook or provider answer): give it back
      await this.refundLater(ctx, order.id, 'order was cancelled', payment.id);
    } else if (order.status === 'DELIVERED') {
      // cash collected after delivery: the points wait for the money
      await this.earnLater(ctx, order.id, `captured:${payment.id}`);
    }
  };

  /**
   * A capture of a PENDING or CONFIRMED order sells its stock and pays it, if the money is all
   * there. Answers the order row after, unless the order was cancelled (its items moved too).
   */
  private async payOrder(
    ctx: Ctx,
    locked: LockedOrder,
    payment: Parameters<PaymentListener>[1],
  ): Promise<LockedOrder | undefined> {
    const { orders } = this.deps;
    const full = payment.captured.amount >= payment.amount.amount;
    const sold =
      full && (locked.payment_provider === 'cod' || (await this.sellReservedStock(ctx, locked.id)));
    if (sold && locked.status === 'PENDING') {
      // paid: the status and the payment status move in one write
      const why = { reason: 'payment captured' };
      return (await orders.transition(ctx, locked.id, 'PAID', why, locked, payment.status)).after;
    }
    const order = await orders.setPaymentStatus(ctx, locked.id, payment.status, locked);
    if (!full) {
      // the provider captured less than the order costs: not paid; the order expires and the
      // captured money is refunded unless staff settle it first
      ctx.log.error(
        { orderId: order.id, paymentId: payment.id },
        'payment captured less than the order total',
      );
      return order;
    }
    if (sold) return order;
    // paid after the stock hold ran out: the order cannot be filled, so it is cancelled and refunded
    await orders.transition(ctx, order.id, 'CANCELLED', { reason: 'stock hold expired before payment' });
    await this.refundLater(ctx, order.id, 'stock hold expired before payment', payment.id);
    return undefined;
  }

  /** A refund that finally failed: an order that owes its money back gets a new refund. */
  private readonly refundAgain: RefundFailedListener = async (ctx, refund, payment) => {
    const order = await this.lockOrder(ctx, payment.orderId);
    if (!order || !['CANCELLED', 'RETURNED', 'REFUNDED'].includes(order.status)) return;
    await this.deps.jobs.enqueue(ctx.db, {
      queue: CANCEL_REFUND_QUEUE,
      storeId: ctx.storeId,
      payload: { orderId: order.id, reason: refund.reason },
      dedupeKey: `refund-failed:${refund.id}`,
    });
  };

  /** The order's row lock (null for a payment without an order). */
  private async lockOrder(ctx: Ctx, orderId: string) {
    try {
      return await this.deps.orders.lock(ctx, orderId);
    } catch (error) {
      if (!(error instanceof OrderNotFound)) throw error;
      ctx.log.warn({ orderId }, 'payment of an unknown order: nothing to follow');
      return null;
    }
  }

  /**
   * Before a retried payment: the order must still be PENDING (409 otherwise) and its stock held;
   * a hold that ran out is taken again (409 `insufficient-stock` when the stock is gone).
   */
  private async prepareRetry(ctx: Ctx, orderId: string): Promise<void> {
    const { orders, inventory } = this.deps;
    const order = await orders.lock(ctx, orderId);
    if (order.status !== 'PENDING') throw new OrderNotPending(order.status);
    const reference = { type: 'ORDER', id: orderId };
    const hold = await inventory.reservationFor(ctx, reference);
    if (hold?.status === 'CONFIRMED') return;
    if (hold?.status === 'ACTIVE' && new Date(hold.expiresAt).getTime() > Date.now()) return;
    if (hold?.status === 'ACTIVE') await inventory.release(ctx, reference, 'stock hold expired');
    const { items } = await orders.load(ctx, orderId);
    await inventory.reserve(ctx, {
      reference,
      lines: items.map((i) => ({ offerId: i.offer_id, quantity: i.quantity })),
    });
  }

  /** Schedules the earn after the return window (once per order and reason). */
  private async earnLater(ctx: Ctx, orderId: string, reason: string) {
    const delayMs = this.settings.earnDelayDays * 86_400_000;
    await this.deps.jobs.enqueue(ctx.db, {
      queue: EARN_QUEUE,
      storeId: ctx.storeId,
      payload: { orderId },
      dedupeKey: `earn:${orderId}:${reason}`,
      ...(delayMs > 0 ? { runAt: new Date(Date.now() + delayMs) } : {}),
    });
  }

  /**
   * Earns the order's points if, now, it is still DELIVERED and its money captured and not
   * refunded (an unpaid cash-on-delivery order earns nothing until the cash is collected).
   */
  private async earn(ctx: Ctx, orderId: string) {
    const { orders, payments, promotions } = this.deps;
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await orders.lock(tctx, orderId);
      if (order.status !== 'DELIVERED' || !order.user_id) return;
      const { payments: paid } = await payments.paymentsOfOrder(tctx, orderId);
      const captured = paid.some(
        (p) => p.status === 'CAPTURED' && p.captured.amount === p.amount.amount && p.refunded.amount === 0,
      );
      if (!captured) return;
      const { rewardValue } = await orders.earnedReward(tctx, orderId);
      const points = Math.floor(rewardValue / promotions.pointsToAmount(1));
      if (points > 0) await promotions.earnForOrder(tctx, { userId: order.user_id, orderId, points });
    });
  }

  /** Turns the order's stock hold into a sale; false when the hold is gone (expired or released). */
  private async sellReservedStock(ctx: Ctx, orderId: string): Promise<boolean> {
    try {
      await this.deps.inventory.confirm(ctx, { type: 'ORDER', id: orderId });
      return true;
    } catch (error) {
      if (error instanceof ReservationStateConflict || error instanceof ReservationNotFound) return false;
      throw error;
    }
  }

  private async refundLater(ctx: Ctx, orderId: string, reason: string, paymentId: string) {
    await this.deps.jobs.enqueue(ctx.db, {
      queue: CANCEL_REFUND_QUEUE,
      storeId: ctx.storeId,
      payload: { orderId, reason },
      dedupeKey: `late-capture:${paymentId}`,
    });
  }

  /**
   * The buyer (or an admin) cancels before shipping: stock goes back, the coupon use and points
   * return, uncaptured payments are cancelled and captured ones refunded (through the outbox, so a
   * crash cannot lose the refund; it is also tried at once).
   */
  async cancel(ctx: Ctx, orderId: string, given: CancelWhy = {}): Promise<OrderView> {
    const { orders } = this.deps;
    const order = await orders.ownOrder(ctx, orderId);
    if (!BUYER_CANCELLABLE.includes(order.status)) throw new OrderNotCancellable(order.status);
    const fallback = order.user_id === ctx.actor?.userId ? 'cancelled by the buyer' : 'cancelled by staff';
    let why = given.reason ?? fallback;
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      // the chosen reason's label stands for the words when none are given (as a return's does)
      const chosen = given.reasonCode ? await this.chooseReason(tctx, given.reasonCode) : null;
      why = given.reason ?? chosen?.label ?? fallback;
      await this.cancelInTransaction(tctx, orderId, why, chosen?.code);
    });
    await this.refundCaptured(ctx, orderId, why).catch((error: unknown) =>
      ctx.log.warn({ err: error, orderId }, 'refund after cancellation will be retried by the worker'),
    );
    return orders.view(ctx, orderId);
  }

  /**
   * The cancellation's writes, in the caller's transaction: the order first (its lock is taken
   * before any payment's), then stock, coupon, points, payments, and the refund job.
   */
  private async cancelInTransaction(ctx: Ctx, orderId: string, why: string, reasonCode?: string) {
    const { orders } = this.deps;
    let moved: Awaited<ReturnType<OrdersService['transition']>>;
    try {
      moved = await orders.transition(ctx, orderId, 'CANCELLED', { reason: why, reasonCode });
    } catch (error) {
      if (error instanceof TransitionNotAllowed)
        throw new OrderNotCancellable((await orders.lock(ctx, orderId)).status);
      throw error;
    }
    const userId = moved.after.user_id;
    // never paid: a quote it was placed from may be accepted again (decision 034)
    if (moved.before.paid_at === null)
      await this.deps.quotes?.orderCancelled(ctx, { id: orderId, number: moved.after.number });
    await this.deps.shipments?.cancelForOrder(ctx, orderId);
    await this.returnStock(ctx, orderId);
    await this.deps.promotions.releaseCoupon(ctx, orderId);
    if (userId) await this.deps.promotions.reverseForOrder(ctx, { userId, orderId });
    await this.cancelUncaptured(ctx, orderId);
    await this.deps.jobs.enqueue(ctx.db, {
      queue: CANCEL_REFUND_QUEUE,
      storeId: ctx.storeId,
      payload: { orderId, reason: why },
      dedupeKey: `cancel:${orderId}`,
    });
  }

  /**
   * Cancels orders still PENDING `pendingTtlMinutes` after their stock hold ran out, as a
   * cancellation does. Each order is locked first, so a capture arriving meanwhile either pays it
   * before, or finds it cancelled and is refunded.
   */
  async expirePending(db: Db): Promise<number> {
    const { reservationTtlSeconds, pendingTtlMinutes } = this.settings;
    const before = new Date(Date.now() - reservationTtlSeconds * 1000 - pendingTtlMinutes * 60_000);
    let expired = 0;
    let after: { placedAt: Date; id: string } | undefined;
    for (let round = 0; round < 100; round++) {
      const rows = await this.deps.orders.pendingPlacedBefore(db, before, 100, after);
      for (const row of rows) {
        const ctx = systemCtx(db, row.store_id, this.deps.log, { reason: 'job' });
        // one order that cannot be cancelled must not hold the others up; the next run tries again
        const done = await this.expireOne(ctx, row.id).catch((error: unknown) => {
          this.deps.log.error({ err: error, orderId: row.id }, 'could not expire an unpaid order');
          return false;
        });
        if (done) expired++;
      }
      const last = rows.at(-1);
      if (!last || rows.length < 100) break;
      after = { placedAt: last.placed_at, id: last.id };
    }
    return expired;
  }

  private async expireOne(ctx: Ctx, orderId: string): Promise<boolean> {
    const { orders, inventory } = this.deps;
    const graceMs = this.settings.pendingTtlMinutes * 60_000;
    return transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await orders.lock(tctx, orderId);
      if (order.status !== 'PENDING') return false;
      const hold = await inventory.reservationFor({ ...tctx, actor: null }, { type: 'ORDER', id: orderId });
      const heldUntil = hold
        ? new Date(hold.expiresAt).getTime()
        : order.placed_at.getTime() + this.settings.reservationTtlSeconds * 1000;
      if (hold?.status === 'CONFIRMED' || heldUntil + graceMs > Date.now()) return false;
      await this.cancelInTransaction(tctx, orderId, 'payment not completed in time');
      return true;
    });
  }

  /** Staff moves an order along; cancellation, returns and refunds bring their effects with them. */
  async setStatus(
    ctx: Ctx,
    orderId: string,
    to: OrderStatus,
    { reason, reasonCode }: CancelWhy,
  ): Promise<OrderView> {
    requireRole(ctx, 'ADMIN');
    if (to === 'REFUNDED' || to === 'RETURNED') requirePermission(ctx, 'orders:refund'); // both give money back
    if (to === 'CANCELLED') return this.cancel(ctx, orderId, { reason, reasonCode });
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const { after } = await this.deps.orders.transition(tctx, orderId, to, { reason });
      if (to === 'RETURNED') {
        await this.returnStock(tctx, orderId);
        if (after.user_id)
          await this.deps.promotions.reverseForOrder(tctx, { userId: after.user_id, orderId });
      }
      if (to === 'RETURNED' || to === 'REFUNDED') {
        await this.deps.jobs.enqueue(trx, {
          queue: CANCEL_REFUND_QUEUE,
          storeId: ctx.storeId,
          payload: { orderId, reason: reason ?? `order ${to.toLowerCase()}` },
          dedupeKey: `${to}:${orderId}`,
        });
      }
    });
    if (to === 'RETURNED' || to === 'REFUNDED') {
      await this.refundCaptured(ctx, orderId, reason ?? `order ${to.toLowerCase()}`).catch((error: unknown) =>
        ctx.log.warn({ err: error, orderId }, 'refund will be retried by the worker'),
      );
    }
    return this.deps.orders.view(ctx, orderId);
  }

  /** Releases a live reservation, or returns stock already sold under it. */
  private async returnStock(ctx: Ctx, orderId: string) {
    const reference = { type: 'ORDER', id: orderId };
    try {
      await this.deps.inventory.release(ctx, reference, 'order cancelled');
    } catch (error) {
      if (error instanceof ReservationNotFound) return;
      if (!(error instanceof ReservationStateConflict)) throw error;
      await this.deps.inventory.returnStock(ctx, { reference, reason: 'order cancelled' });
    }
  }

  /** The `cancellation-reason` value chosen; 400 `unknown-lookup-code` at `/reasonCode` otherwise. */
  private chooseReason(ctx: Ctx, code: string) {
    return this.deps.reasons.choose(ctx, code, '/reasonCode');
  }

  private async cancelUncaptured(ctx: Ctx, orderId: string) {
    const { payments } = await this.deps.payments.paymentsOfOrder(ctx, orderId);
    for (const p of payments) {
      if (['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'FAILED'].includes(p.status))
        await this.deps.payments.cancel(ctx, p.id);
    }
  }

  /** Refunds whatever is still captured on the order's payments; safe to repeat. */
  private async refundCaptured(ctx: Ctx, orderId: string, reason: string) {
    const { payments, refunds } = await this.deps.payments.paymentsOfOrder(ctx, orderId);
    for (const p of payments) {
      const refundable = p.captured.amount - p.refunded.amount;
      if ((p.status === 'CAPTURED' || p.status === 'PARTIALLY_REFUNDED') && refundable > 0) {
        // one key per attempt: a retry after a failed refund is a new refund, while two callers
        // racing on the same attempt share one
        const attempt = refunds.filter((r) => r.paymentId === p.id).length;
        const refund = await this.deps.payments.refund(ctx, p.id, {
          amount: refundable,
          reason,
          idempotencyKey: `order-refund:${orderId}:${p.id}:${attempt}`,
        });
        if (refund.status === 'FAILED')
          throw new Error(`refund of payment ${p.id} failed; the worker retries it`);
      }
    }
  }
}
