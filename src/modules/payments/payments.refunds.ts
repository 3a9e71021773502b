// Refunds: reserved on the payment under its lock, sent to the provider outside any
// transaction, settled under the lock again (from the provider's answer, its webhook, or
// reconciliation). A refund that fails gives its amount back; one that fails after the provider
// had answered PENDING tells the listeners (nobody is waiting on it any more).
import { actsForStore } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { auditRefund } from './payments.audit.ts';
import {
  PaymentNotFound,
  PaymentStateConflict,
  RefundExceedsCaptured,
  RefundInProgress,
} from './payments.errors.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import * as repo from './payments.repository.ts';
import type { RefundView } from './payments.schemas.ts';
import { type PaymentsService, presentRefund } from './payments.service.ts';
import { canTransition, isCaptured, type PaymentStatus } from './payments.status.ts';
import type { RefundOutcome } from './providers/provider.ts';

export async function refund(
  payments: PaymentsService,
  ctx: Ctx,
  paymentId: string,
  input: { amount?: number | undefined; reason: string; idempotencyKey?: string | undefined },
): Promise<RefundView> {
  const started = await payments.withPaymentLock(ctx, paymentId, (tctx, payment) =>
    reserve(tctx, payment, input),
  );
  if (started.replay) {
    // the first call with this key has not had the provider's answer yet (in flight, or cut off)
    if (unanswered(started.refund)) throw new RefundInProgress();
    return presentRefund(started.refund);
  }
  const outcome = await send(payments, ctx, started.payment, started.refund);
  return presentRefund(await settleRefund(payments, ctx, paymentId, started.refund.id, outcome));
}

/** A PENDING refund the provider never answered (no refund id): reconciliation sends it again. */
export function unanswered(refund: RefundRow): boolean {
  return refund.status === 'PENDING' && refund.provider_refund_id === null;
}

/**
 * Sends the refund to the provider under its idempotency key (so sending it again cannot refund
 * twice). No answer leaves it PENDING and unanswered: the provider may have refunded.
 */
export async function send(
  payments: PaymentsService,
  ctx: Ctx,
  payment: PaymentRow,
  refund: RefundRow,
): Promise<RefundOutcome> {
  const provider = payments.providerOf(payment.provider);
  if (!provider) throw new PaymentStateConflict(payment.status, 'refunded');
  try {
    return await provider.refund({
      refundId: refund.id,
      providerTransactionId: payment.provider_reference ?? payment.provider_transaction_id,
      amount: refund.amount,
      currency: refund.currency,
      idempotencyKey: `${refund.id}:refund`,
    });
  } catch (error) {
    ctx.log.error(
      { err: error, refundId: refund.id },
      'payment provider refund got no answer; reconciliation will ask',
    );
    return { status: 'PENDING' };
  }
}

/** Under the locks: a replayed key answers its refund; otherwise the amount is reserved and a PENDING refund written. */
async function reserve(
  ctx: Ctx,
  payment: PaymentRow,
  input: { amount?: number | undefined; reason: string; idempotencyKey?: string | undefined },
) {
  if (input.idempotencyKey) {
    const existing = await repo.findRefundByKey(ctx.db, payment.id, input.idempotencyKey);
    if (existing) return { refund: existing, payment, replay: true };
  }
  if (!isCaptured(payment.status)) throw new PaymentStateConflict(payment.status, 'refunded');
  const remaining = payment.captured_amount - payment.refunded_amount;
  const amount = input.amount ?? remaining;
  if (amount <= 0 || amount > remaining) throw new RefundExceedsCaptured(remaining);
  await repo.updatePayment(ctx.db, payment.id, { refunded_amount: payment.refunded_amount + amount });
  const refund = await repo.insertRefund(ctx.db, {
    id: newId(),
    store_id: ctx.storeId,
    payment_id: payment.id,
    amount,
    currency: payment.currency,
    reason: input.reason,
    provider_refund_id: null,
    error_message: null,
    idempotency_key: input.idempotencyKey ?? null,
    processed_by: ctx.actor?.userId ?? null,
    completed_at: null,
  });
  if (actsForStore(ctx.actor)) await auditRefund(ctx, payment, refund);
  return { refund, payment, replay: false };
}

/** Settles a refund under the order's and the payment's locks. */
export async function settleRefund(
  payments: PaymentsService,
  ctx: Ctx,
  paymentId: string,
  refundId: string,
  outcome: RefundOutcome,
  late = false,
): Promise<RefundRow> {
  return payments.withPaymentLock(ctx, paymentId, async (tctx, payment) => {
    const refund = await repo.findRefund(tctx.db, payment.id, refundId, true);
    if (!refund) throw new PaymentNotFound();
    return settleLocked(payments, tctx, payment, refund, outcome, late);
  });
}

/**
 * Inside the caller's locks: PENDING keeps the reservation and queues reconciliation; FAILED
 * gives the amount back (and, when `late` — settled by a webhook or reconciliation rather than
 * the caller's own provider answer — tells the listeners); SUCCEEDED moves the payment to
 * PARTIALLY_REFUNDED or REFUNDED. A refund already settled stays as it is.
 */
export async function settleLocked(
  payments: PaymentsService,
  ctx: Ctx,
  payment: PaymentRow,
  refund: RefundRow,
  outcome: RefundOutcome,
  late = true,
): Promise<RefundRow> {
  const { db } = ctx;
  if (refund.status !== 'PENDING') return refund;
  const providerRefundId = outcome.providerRefundId ?? refund.provider_refund_id;
  if (outcome.status === 'PENDING') {
    const pending = await repo.updateRefund(db, refund.id, { provider_refund_id: providerRefundId });
    await payments.watch(ctx, payment.id, `refund:${refund.id}`, 60_000);
    return pending;
  }
  if (outcome.status === 'FAILED') {
    const failed = await repo.updateRefund(db, refund.id, {
      status: 'FAILED',
      provider_refund_id: providerRefundId,
      error_message: outcome.errorMessage ?? null,
      completed_at: new Date(),
    });
    const updated = await repo.updatePayment(db, payment.id, {
      refunded_amount: payment.refunded_amount - failed.amount,
    });
    if (late) await payments.notifyRefundFailed(ctx, failed, updated);
    return failed;
  }
  const done = await repo.updateRefund(db, refund.id, {
    status: 'SUCCEEDED',
    provider_refund_id: providerRefundId,
    completed_at: new Date(),
  });
  await payments.refundSucceeded(ctx, done, payment);
  const refundedTotal = await repo.succeededRefundTotal(db, payment.id);
  const status: PaymentStatus = refundedTotal >= payment.captured_amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (canTransition(payment.status, status)) {
    const updated = await repo.updatePayment(db, payment.id, { status });
    await payments.notify(ctx, updated, payment.status);
  }
  return done;
}
