import type { Ctx } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';

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

export async function announceCapture(jobs: Jobs, ctx: Ctx, payment: PaymentRow): Promise<void> {
  await jobs.publish(ctx.db, {
    name: PaymentEvents.captured,
    storeId: ctx.storeId,
    payload: {
      paymentId: payment.id,
      orderId: payment.order_id,
      provider: payment.provider,
      captured: payment.captured_amount,
      currency: payment.currency,
    },
  });
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
