// What an order's life does to the other modules: payment outcomes move the order; cancelling
// returns stock, coupon use and points and refunds what was captured; delivery earns points.
import {
  type InventoryService,
  ReservationNotFound,
  ReservationStateConflict,
} from '../modules/inventory/index.ts';
import {
  BUYER_CANCELLABLE,
  canTransition,
  OrderNotCancellable,
  OrderNotFound,
  type OrderStatus,
  type OrdersService,
  type OrderView,
  TransitionNotAllowed,
} from '../modules/orders/index.ts';
import type { PaymentListener, PaymentsService } from '../modules/payments/index.ts';
import type { PromotionsService } from '../modules/promotions/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../platform/http/authorization.ts';
import type { Ctx } from '../platform/http/context.ts';
import type { Jobs } from '../platform/jobs/jobs.ts';
import type { Logger } from '../platform/observability/logger.ts';

export interface LifecycleDeps {
  orders: OrdersService;
  inventory: InventoryService;
  payments: PaymentsService;
  promotions: PromotionsService;
  jobs: Jobs;
  log: Logger;
}

export const CANCEL_REFUND_QUEUE = 'orders.refund-cancelled';
export const EARN_ON_DELIVERY_QUEUE = 'promotions.earn-on-delivery';

export class OrderLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /** Wires the payment listener and the background work; called once at assembly. */
  register(): void {
    this.deps.payments.onStatusChange(this.followPayment);
    this.deps.jobs.handle<{ orderId: string; reason: string }>(CANCEL_REFUND_QUEUE, async (job) => {
      await this.refundCaptured(
        systemCtx(job.db, job.storeId!, this.deps.log),
        job.payload.orderId,
        job.payload.reason,
      );
    });
    this.deps.jobs.subscribe<{ orderId: string; userId: string | null; rewardValue?: number }>(
      'orders.order.delivered',
      EARN_ON_DELIVERY_QUEUE,
      async (job) => {
        const { userId, orderId, rewardValue = 0 } = job.payload;
        const points = Math.floor(rewardValue / this.deps.promotions.pointsToAmount(1));
        if (!userId || points <= 0) return;
        await this.deps.promotions.earnForOrder(job.db, systemCtx(job.db, job.storeId!, this.deps.log), {
          userId,
          orderId,
          points,
        });
      },
    );
  }

  /** Runs inside the payment's transaction: the order's payment status follows, and a capture pays it. */
  private readonly followPayment: PaymentListener = async (db, ctx, payment) => {
    const { orders } = this.deps;
    const order = await orders.lock(db, ctx, payment.orderId).catch((error: unknown) => {
      if (error instanceof OrderNotFound) return null;
      throw error;
    });
    if (!order) {
      ctx.log.warn(
        { paymentId: payment.id, orderId: payment.orderId },
        'payment of an unknown order: nothing to follow',
      );
      return;
    }
    await orders.setPaymentStatus(db, ctx, order.id, payment.status);
    if (payment.status === 'REFUNDED' && canTransition(order.status, 'REFUNDED')) {
      // everything captured went back (a staff refund of a paid or delivered order): the order follows
      await orders.transition(db, ctx, order.id, 'REFUNDED', { reason: 'payment refunded in full' });
      return;
    }
    if (payment.status !== 'CAPTURED') return;
    if (order.status === 'PENDING' || order.status === 'CONFIRMED') {
      if (order.payment_provider !== 'cod' && !(await this.sellReservedStock(db, ctx, order.id))) {
        // paid after the stock hold ran out: the order cannot be filled, so it is cancelled and refunded
        await orders.transition(db, ctx, order.id, 'CANCELLED', {
          reason: 'stock hold expired before payment',
        });
        await this.refundLater(db, ctx, order.id, 'stock hold expired before payment', payment.id);
        return;
      }
      if (order.status === 'PENDING')
        await orders.transition(db, ctx, order.id, 'PAID', { reason: 'payment captured' });
    } else if (order.status === 'CANCELLED') {
      // captured after the buyer cancelled (a late webhook): give the money back
      await this.refundLater(db, ctx, order.id, 'order was cancelled', payment.id);
    }
  };

  /** Turns the order's stock hold into a sale; false when the hold is gone (expired or released). */
  private async sellReservedStock(db: Db, ctx: Ctx, orderId: string): Promise<boolean> {
    try {
      await this.deps.inventory.confirm(
        db,
        { storeId: ctx.storeId, actor: ctx.actor },
        { type: 'ORDER', id: orderId },
      );
      return true;
    } catch (error) {
      if (error instanceof ReservationStateConflict || error instanceof ReservationNotFound) return false;
      throw error;
    }
  }

  private async refundLater(db: Db, ctx: Ctx, orderId: string, reason: string, paymentId: string) {
    await this.deps.jobs.enqueue(db, {
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
  async cancel(ctx: Ctx, orderId: string, reason: string | undefined): Promise<OrderView> {
    const { orders } = this.deps;
    const order = await orders.ownOrder(ctx, orderId);
    if (!BUYER_CANCELLABLE.includes(order.status)) throw new OrderNotCancellable(order.status);
    const why =
      reason ?? (order.user_id === ctx.actor?.userId ? 'cancelled by the buyer' : 'cancelled by staff');
    await transaction(ctx.db, async (trx) => {
      const tctx = { ...ctx, db: trx };
      try {
        await orders.transition(trx, tctx, orderId, 'CANCELLED', { reason: why });
      } catch (error) {
        if (error instanceof TransitionNotAllowed)
          throw new OrderNotCancellable((await orders.lock(trx, tctx, orderId)).status);
        throw error;
      }
      await this.returnStock(trx, tctx, orderId);
      await this.deps.promotions.releaseCoupon(trx, tctx, orderId);
      if (order.user_id)
        await this.deps.promotions.reverseForOrder(trx, tctx, { userId: order.user_id, orderId });
      await this.cancelUncaptured(trx, tctx, orderId);
      await this.deps.jobs.enqueue(trx, {
        queue: CANCEL_REFUND_QUEUE,
        storeId: ctx.storeId,
        payload: { orderId, reason: why },
        dedupeKey: `cancel:${orderId}`,
      });
    });
    await this.refundCaptured(ctx, orderId, why).catch((error: unknown) =>
      ctx.log.warn({ err: error, orderId }, 'refund after cancellation will be retried by the worker'),
    );
    return orders.view(ctx.db, ctx, orderId);
  }

  /** Staff moves an order along; cancellation, returns and refunds bring their effects with them. */
  async setStatus(
    ctx: Ctx,
    orderId: string,
    to: OrderStatus,
    reason: string | undefined,
  ): Promise<OrderView> {
    requireRole(ctx, 'ADMIN');
    if (to === 'REFUNDED' || to === 'RETURNED') requirePermission(ctx, 'orders:refund'); // both give money back
    if (to === 'CANCELLED') return this.cancel(ctx, orderId, reason);
    await transaction(ctx.db, async (trx) => {
      const tctx = { ...ctx, db: trx };
      const { after } = await this.deps.orders.transition(trx, tctx, orderId, to, { reason });
      if (to === 'RETURNED') {
        await this.returnStock(trx, tctx, orderId);
        if (after.user_id)
          await this.deps.promotions.reverseForOrder(trx, tctx, { userId: after.user_id, orderId });
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
    return this.deps.orders.view(ctx.db, ctx, orderId);
  }

  /** Releases a live reservation, or returns stock already sold under it. */
  private async returnStock(trx: Db, ctx: Ctx, orderId: string) {
    const inventoryCtx = { storeId: ctx.storeId, actor: ctx.actor };
    const reference = { type: 'ORDER', id: orderId };
    try {
      await this.deps.inventory.release(trx, inventoryCtx, reference, 'order cancelled');
    } catch (error) {
      if (error instanceof ReservationNotFound) return;
      if (!(error instanceof ReservationStateConflict)) throw error;
      await this.deps.inventory.returnStock(trx, inventoryCtx, { reference, reason: 'order cancelled' });
    }
  }

  private async cancelUncaptured(trx: Db, ctx: Ctx, orderId: string) {
    const { payments } = await this.deps.payments.paymentsOfOrder(trx, ctx, orderId);
    for (const p of payments) {
      if (['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'FAILED'].includes(p.status))
        await this.deps.payments.cancel(trx, ctx, p.id);
    }
  }

  /** Refunds whatever is still captured on the order's payments; safe to repeat. */
  private async refundCaptured(ctx: Ctx, orderId: string, reason: string) {
    const { payments, refunds } = await this.deps.payments.paymentsOfOrder(ctx.db, ctx, orderId);
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

function systemCtx(db: Db, storeId: string, log: Logger): Ctx {
  return { db, storeId, tenantId: '', actor: null, requestId: 'job', log };
}
