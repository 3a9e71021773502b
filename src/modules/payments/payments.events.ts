import type { Ctx } from '../../platform/http/context.ts';
import type { DomainEvent, Jobs } from '../../platform/jobs/jobs.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import { isCaptured, type PaymentStatus, wasCaptured } from './payments.status.ts';

/** Events payments writes to the outbox, in the transaction of the change. */
export const PaymentEvents = {
  /** A charge was declined or failed: `{ paymentId, orderId }`. */
  failed: 'payments.payment.failed',
  /**
   * Money was first taken (a card captured, cash collected at the door): `{ paymentId, orderId,
   * provider, captured, currency }`. Once per payment: a payment never returns to an uncaptured state.
   */
  captured: 'payments.payment.captured',
  /** A refund went through: `{ refundId, paymentId, orderId, amount, currency, succeededAt }`. */
  refundSucceeded: 'payments.refund.succeeded',
} as const;

/** `captured`, for a payment that has just taken its money (`payment` as it is written). */
export function captureEvent(
  ctx: Ctx,
  payment: Pick<PaymentRow, 'id' | 'order_id' | 'provider' | 'captured_amount' | 'currency'>,
): DomainEvent {
  return {
    name: PaymentEvents.captured,
    storeId: ctx.storeId,
    payload: {
      paymentId: payment.id,
      orderId: payment.order_id,
      provider: payment.provider,
      captured: payment.captured_amount,
      currency: payment.currency,
    },
  };
}

export async function announceCapture(jobs: Jobs, ctx: Ctx, payment: PaymentRow): Promise<void> {
  await jobs.publish(ctx.db, captureEvent(ctx, payment));
}

/**
 * The events of a payment's move from `previous` to `payment.status` (`payment` as it is being
 * written): `captured` when it first takes money, `failed` when it fails.
 */
export function statusEvents(ctx: Ctx, payment: PaymentRow, previous: PaymentStatus): DomainEvent[] {
  const status = payment.status as PaymentStatus;
  if (isCaptured(status) && !wasCaptured(previous)) return [captureEvent(ctx, payment)];
  if (status !== 'FAILED') return [];
  const payload = { paymentId: payment.id, orderId: payment.order_id };
  return [{ name: PaymentEvents.failed, storeId: ctx.storeId, payload }];
}

export async function announceRefund(jobs: Jobs, ctx: Ctx, refund: RefundRow, payment: PaymentRow) {
  await jobs.publish(ctx.db, {
    name: PaymentEvents.refundSucceeded,
    storeId: ctx.storeId,
    payload: {
      refundId: refund.id,
      paymentId: payment.id,
      orderId: payment.order_id,
      amount: refund.amount,
      currency: payment.currency,
      succeededAt: (refund.completed_at ?? new Date()).toISOString(),
    },
  });
}
