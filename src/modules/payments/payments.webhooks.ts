// Provider webhooks: verified over the raw body, stored once per event id, matched to their
// payment (or refund) in any store, checked against the payment's amount and currency, applied
// under the order's and the payment's locks.
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { PaymentNotFound, ProviderFailure, WebhookRejected } from './payments.errors.ts';
import { settleLocked } from './payments.refunds.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import * as repo from './payments.repository.ts';
import type { PaymentsService } from './payments.service.ts';
import { canTransition } from './payments.status.ts';
import { type PaymentProvider, type WebhookEvent, WebhookSignatureError } from './providers/provider.ts';

type Outcome = 'applied' | 'ignored' | 'unknown-payment' | 'mismatch';

export async function handleWebhook(
  payments: PaymentsService,
  ctx: Ctx,
  providerName: string,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
) {
  const provider = payments.providerOf(providerName);
  if (!provider?.verifyWebhook) throw new PaymentNotFound();
  let event: WebhookEvent;
  try {
    event = await provider.verifyWebhook(rawBody, headers);
  } catch (error) {
    if (error instanceof WebhookSignatureError || error instanceof SyntaxError)
      throw new WebhookRejected('The signature does not verify.');
    // the provider's verification call got no answer: a 5xx, so the provider delivers it again
    ctx.log.error({ err: error, provider: providerName }, 'webhook verification failed');
    throw new ProviderFailure('The webhook could not be verified with the provider; send it again.');
  }
  const target = await findTarget(ctx, provider, event);
  if (!target) return store(ctx, provider, event, null, 'unknown-payment', async () => {});
  if (event.approved) event = await completeApproved(ctx, provider, target.payment, event);
  // act in the payment's own store, whichever store's host the provider called
  const pctx: Ctx = { ...ctx, storeId: target.payment.store_id };
  return payments.withPaymentLock(pctx, target.payment.id, async (tctx, payment) => {
    if (target.refund) {
      const refund = await repo.findRefund(tctx.db, payment.id, target.refund.id, true);
      const settles = refund?.status === 'PENDING' && event.refund?.status !== 'PENDING';
      return store(tctx, provider, event, payment.id, settles ? 'applied' : 'ignored', async () => {
        if (refund && event.refund) await settleLocked(payments, tctx, payment, refund, event.refund);
      });
    }
    return store(tctx, provider, event, payment.id, classify(payment, event), async () => {
      await payments.record(tctx, payment, {
        status: event.status!,
        providerTransactionId: event.providerTransactionId ?? payment.provider_transaction_id ?? undefined,
        providerReference: event.providerReference,
        capturedAmount: event.amount,
      });
    });
  });
}

/** The payment the event is about: by the provider's id, else by our id in the signed metadata. */
async function findTarget(
  ctx: Ctx,
  provider: PaymentProvider,
  event: WebhookEvent,
): Promise<{ payment: PaymentRow; refund?: RefundRow } | null> {
  if (event.refund) {
    const refundId = event.refund.refundId && isUuid(event.refund.refundId) ? event.refund.refundId : null;
    const refund = await repo.findRefundForEvent(ctx.db, event.refund.providerRefundId, refundId);
    const payment = refund && (await repo.findPaymentAnyStore(ctx.db, refund.payment_id));
    return payment && payment.provider === provider.name ? { payment, refund } : null;
  }
  const byId = event.providerTransactionId
    ? await repo.findPaymentByProviderId(ctx.db, provider.name, event.providerTransactionId)
    : undefined;
  if (byId) return { payment: byId };
  if (!event.paymentId || !isUuid(event.paymentId)) return null;
  const byMetadata = await repo.findPaymentAnyStore(ctx.db, event.paymentId);
  // the metadata names a payment of this provider whose provider id we never learned (or the same one)
  const matches =
    byMetadata?.provider === provider.name &&
    (byMetadata.provider_transaction_id === null ||
      byMetadata.provider_transaction_id === event.providerTransactionId);
  return matches ? { payment: byMetadata } : null;
}

/**
 * The buyer approved a payment still waiting on them: it is completed now (PayPal captures the
 * order, under the same request id as the return page's confirm, so the two never capture twice).
 * No answer is a 502 before the event is stored, so the provider delivers it again.
 */
async function completeApproved(
  ctx: Ctx,
  provider: PaymentProvider,
  payment: PaymentRow,
  event: WebhookEvent,
): Promise<WebhookEvent> {
  if (payment.status !== 'REQUIRES_ACTION' || !provider.confirm || !payment.provider_transaction_id)
    return event;
  try {
    const outcome = await provider.confirm(payment.provider_transaction_id, {
      amount: payment.amount,
      currency: payment.currency,
    });
    return {
      ...event,
      status: outcome.status,
      amount: outcome.capturedAmount,
      providerReference: outcome.providerReference,
    };
  } catch (error) {
    ctx.log.error({ err: error, paymentId: payment.id }, 'capture of an approved payment got no answer');
    throw new ProviderFailure('The approved payment could not be completed with the provider yet.');
  }
}

/** Applied only when the move is allowed and the money is the payment's: same currency, not more. */
function classify(payment: PaymentRow, event: WebhookEvent): Outcome {
  if (!event.status) return 'ignored';
  if (event.currency && event.currency !== payment.currency.trim()) return 'mismatch';
  if (event.status === 'CAPTURED' && event.amount !== undefined && event.amount > payment.amount)
    return 'mismatch';
  if (payment.status === event.status || !canTransition(payment.status, event.status)) return 'ignored';
  return 'applied';
}

/** Stores the event once (a replay stops here) and runs `apply` if it is to be applied. */
async function store(
  ctx: Ctx,
  provider: PaymentProvider,
  event: WebhookEvent,
  paymentId: string | null,
  outcome: Outcome,
  apply: () => Promise<void>,
) {
  return transaction(ctx.db, async (trx) => {
    const fresh = await repo.recordEvent(trx, {
      id: newId(),
      store_id: ctx.storeId,
      provider: provider.name,
      event_id: event.id,
      type: event.type,
      payment_id: paymentId,
      payload: JSON.stringify(event.payload),
      outcome,
    });
    if (!fresh) return { received: true, duplicate: true };
    if (outcome === 'mismatch')
      ctx.log.error({ paymentId, eventId: event.id }, 'webhook amount or currency differs from the payment');
    if (outcome === 'applied') await apply();
    return { received: true, duplicate: false };
  });
}
