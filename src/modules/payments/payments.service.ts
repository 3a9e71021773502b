import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Money, money } from '../../platform/money.ts';
import {
  PaymentNotFound,
  PaymentStateConflict,
  ProviderFailure,
  ProviderUnavailable,
  RefundExceedsCaptured,
  WebhookRejected,
} from './payments.errors.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import * as repo from './payments.repository.ts';
import { canTransition, isCaptured, type PaymentStatus } from './payments.status.ts';
import {
  type PaymentProvider,
  type ProviderName,
  type ProviderOutcome,
  WebhookSignatureError,
} from './providers/provider.ts';

export interface PaymentView {
  id: string;
  orderId: string;
  provider: ProviderName;
  method: string;
  status: PaymentStatus;
  amount: Money;
  captured: Money;
  refunded: Money;
  cardLast4: string | null;
  cardBrand: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  nextAction?: Record<string, unknown>;
  createdAt: string;
}

export interface RefundView {
  id: string;
  paymentId: string;
  amount: Money;
  reason: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  processedBy: string | null;
  createdAt: string;
}

export function presentPayment(p: PaymentRow, nextAction?: Record<string, unknown>): PaymentView {
  return {
    id: p.id,
    orderId: p.order_id,
    provider: p.provider,
    method: p.method,
    status: p.status,
    amount: money(p.amount, p.currency),
    captured: money(p.captured_amount, p.currency),
    refunded: money(p.refunded_amount, p.currency),
    cardLast4: p.card_last4,
    cardBrand: p.card_brand,
    errorCode: p.error_code,
    errorMessage: p.error_message,
    ...(nextAction ? { nextAction } : {}),
    createdAt: p.created_at.toISOString(),
  };
}

export function presentRefund(r: RefundRow): RefundView {
  return {
    id: r.id,
    paymentId: r.payment_id,
    amount: money(r.amount, r.currency),
    reason: r.reason,
    status: r.status,
    processedBy: r.processed_by,
    createdAt: r.created_at.toISOString(),
  };
}

/** Told, inside the transaction that changed it, whenever a payment's status changes (orders follow). */
export type PaymentListener = (
  db: Db,
  ctx: Ctx,
  payment: PaymentView,
  previous: PaymentStatus,
) => Promise<void>;

export class PaymentsService {
  private readonly listeners: PaymentListener[] = [];

  constructor(private readonly providers: Map<ProviderName, PaymentProvider>) {}

  onStatusChange(listener: PaymentListener): void {
    this.listeners.push(listener);
  }

  providerNames(): ProviderName[] {
    return [...this.providers.keys()];
  }

  /** Records a pending payment in the caller's transaction (checkout). */
  async createPayment(
    db: Db,
    ctx: Ctx,
    input: { orderId: string; userId: string | null; amount: number; currency: string; provider: string },
  ): Promise<PaymentView> {
    const provider = this.provider(input.provider);
    const row = await repo.insertPayment(db, {
      id: newId(),
      store_id: ctx.storeId,
      order_id: input.orderId,
      user_id: input.userId,
      provider: provider.name,
      method: provider.method,
      amount: input.amount,
      currency: input.currency,
      provider_transaction_id: null,
      provider_reference: null,
      provider_response: null,
      card_last4: null,
      card_brand: null,
      risk_score: null,
      error_code: null,
      error_message: null,
      collected_by: null,
      captured_at: null,
    });
    return presentPayment(row);
  }

  /** Asks the provider to charge (outside any transaction), then records the outcome. */
  async charge(ctx: Ctx, paymentId: string, token: string | undefined): Promise<PaymentView> {
    const payment = await this.find(ctx.db, ctx, paymentId);
    if (payment.status !== 'PENDING' && payment.status !== 'FAILED') return presentPayment(payment);
    const provider = this.provider(payment.provider);
    if (payment.amount === 0) return this.apply(ctx, paymentId, { status: 'CAPTURED' });
    let outcome: ProviderOutcome;
    try {
      outcome = await provider.charge({
        paymentId,
        amount: payment.amount,
        currency: payment.currency,
        token,
        idempotencyKey: `${paymentId}:charge:${payment.retry_count}`,
      });
    } catch (error) {
      ctx.log.error({ err: error, paymentId }, 'payment provider charge failed');
      outcome = {
        status: 'FAILED',
        errorCode: 'provider_error',
        errorMessage: 'The payment provider could not be reached.',
      };
    }
    return this.apply(ctx, paymentId, outcome);
  }

  /** The second step of a payment that needed one (3-D Secure, Razorpay Checkout). */
  async confirm(ctx: Ctx, paymentId: string, input: Record<string, unknown>): Promise<PaymentView> {
    const payment = await this.find(ctx.db, ctx, paymentId);
    this.assertPayer(ctx, payment);
    if (payment.status !== 'REQUIRES_ACTION') throw new PaymentStateConflict(payment.status, 'confirmed');
    const provider = this.provider(payment.provider);
    if (!provider.confirm || !payment.provider_transaction_id)
      throw new PaymentStateConflict(payment.status, 'confirmed');
    let outcome: ProviderOutcome;
    try {
      outcome = await provider.confirm(payment.provider_transaction_id, {
        ...input,
        amount: payment.amount,
        currency: payment.currency,
      });
    } catch (error) {
      ctx.log.error({ err: error, paymentId }, 'payment provider confirm failed');
      throw new ProviderFailure('The payment provider could not confirm the payment.');
    }
    return this.apply(ctx, paymentId, outcome);
  }

  /** Cash on delivery collected by the delivery agent (or an admin). */
  async collectCash(ctx: Ctx, paymentId: string, amount: number): Promise<PaymentView> {
    const actor = requireRole(ctx, 'DELIVERY_AGENT', 'ADMIN');
    return transaction(ctx.db, async (trx) => {
      const payment = await this.find(trx, ctx, paymentId, true);
      if (payment.provider !== 'cod' || payment.status !== 'PENDING')
        throw new PaymentStateConflict(payment.status, 'collected');
      if (amount !== payment.amount) {
        throw new BadRequest(`The collected amount must be ${payment.amount}.`, [
          { pointer: '/amount', in: 'body', detail: `Expected ${payment.amount}.` },
        ]);
      }
      const updated = await repo.updatePayment(trx, payment.id, {
        status: 'CAPTURED',
        captured_amount: amount,
        collected_by: actor.userId,
        captured_at: new Date(),
      });
      await this.notify(trx, ctx, updated, payment.status);
      return presentPayment(updated);
    });
  }

  /** Cancels a payment that took no money (order cancelled before capture). Idempotent. */
  async cancel(db: Db, ctx: Ctx, paymentId: string): Promise<PaymentView> {
    const payment = await this.find(db, ctx, paymentId, true);
    if (payment.status === 'CANCELLED') return presentPayment(payment);
    if (!canTransition(payment.status, 'CANCELLED'))
      throw new PaymentStateConflict(payment.status, 'cancelled');
    const updated = await repo.updatePayment(db, payment.id, { status: 'CANCELLED' });
    await this.notify(db, ctx, updated, payment.status);
    return presentPayment(updated);
  }

  /**
   * Refunds part or all of what was captured. The amount is reserved on the payment under a row
   * lock before the provider is called, so concurrent refunds can never exceed the capture.
   */
  async refund(
    ctx: Ctx,
    paymentId: string,
    input: { amount?: number | undefined; reason: string; idempotencyKey?: string | undefined },
  ): Promise<RefundView> {
    const started = await transaction(ctx.db, async (trx) => {
      const payment = await this.find(trx, ctx, paymentId, true);
      if (input.idempotencyKey) {
        const existing = await repo.findRefundByKey(trx, payment.id, input.idempotencyKey);
        if (existing) return { refund: existing, payment, replay: true };
      }
      if (!isCaptured(payment.status)) throw new PaymentStateConflict(payment.status, 'refunded');
      const remaining = payment.captured_amount - payment.refunded_amount;
      const amount = input.amount ?? remaining;
      if (amount <= 0 || amount > remaining) throw new RefundExceedsCaptured(remaining);
      await repo.updatePayment(trx, payment.id, { refunded_amount: payment.refunded_amount + amount });
      const refund = await repo.insertRefund(trx, {
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
      return { refund, payment, replay: false };
    });
    if (started.replay) return presentRefund(started.refund);
    const provider = this.provider(started.payment.provider);
    let outcome: Awaited<ReturnType<PaymentProvider['refund']>>;
    try {
      outcome = await provider.refund({
        refundId: started.refund.id,
        providerTransactionId: started.payment.provider_reference ?? started.payment.provider_transaction_id,
        amount: started.refund.amount,
        currency: started.refund.currency,
        idempotencyKey: `${started.refund.id}:refund`,
      });
    } catch (error) {
      ctx.log.error({ err: error, refundId: started.refund.id }, 'payment provider refund failed');
      outcome = { status: 'FAILED', errorMessage: 'The payment provider could not be reached.' };
    }
    return presentRefund(await this.settleRefund(ctx, started.refund.id, paymentId, outcome));
  }

  async getPayment(ctx: Ctx, paymentId: string): Promise<PaymentView> {
    const payment = await this.find(ctx.db, ctx, paymentId);
    this.assertPayer(ctx, payment);
    return presentPayment(payment);
  }

  /** Staff find a payment, and so its order, by the provider's reference (ADMIN). */
  async findByReference(ctx: Ctx, reference: string) {
    requireRole(ctx, 'ADMIN');
    const rows = await repo.findPaymentsByReference(ctx.db, ctx.storeId, reference);
    return { items: rows.map((p) => presentPayment(p)) };
  }

  async paymentsOfOrder(db: Db, ctx: Ctx, orderId: string) {
    const payments = await repo.paymentsOfOrder(db, ctx.storeId, orderId);
    const refunds = await repo.refundsOfPayments(
      db,
      payments.map((p) => p.id),
    );
    return { payments: payments.map((p) => presentPayment(p)), refunds: refunds.map(presentRefund) };
  }

  /** Verifies, stores once and applies a provider webhook. Replays and stale events change nothing. */
  async handleWebhook(
    ctx: Ctx,
    providerName: string,
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ) {
    const provider = this.providers.get(providerName as ProviderName);
    if (!provider?.verifyWebhook) throw new PaymentNotFound();
    let event: ReturnType<NonNullable<PaymentProvider['verifyWebhook']>>;
    try {
      event = provider.verifyWebhook(rawBody, headers);
    } catch (error) {
      if (error instanceof WebhookSignatureError || error instanceof SyntaxError)
        throw new WebhookRejected('The signature does not verify.');
      throw error;
    }
    return transaction(ctx.db, async (trx) => {
      const payment = event.providerTransactionId
        ? await repo.findPaymentByTransaction(
            trx,
            ctx.storeId,
            provider.name,
            event.providerTransactionId,
            true,
          )
        : undefined;
      let outcome = payment ? 'ignored' : 'unknown-payment';
      if (
        payment &&
        event.status &&
        payment.status !== event.status &&
        canTransition(payment.status, event.status)
      ) {
        outcome = 'applied';
      }
      const fresh = await repo.recordEvent(trx, {
        id: newId(),
        store_id: ctx.storeId,
        provider: provider.name,
        event_id: event.id,
        type: event.type,
        payment_id: payment?.id ?? null,
        payload: JSON.stringify(event.payload),
        outcome,
      });
      if (!fresh) return { received: true, duplicate: true };
      if (outcome === 'applied' && payment && event.status)
        await this.transition(trx, ctx, payment, { status: event.status });
      return { received: true, duplicate: false };
    });
  }

  private async apply(ctx: Ctx, paymentId: string, outcome: ProviderOutcome): Promise<PaymentView> {
    return transaction(ctx.db, async (trx) => {
      const payment = await this.find(trx, ctx, paymentId, true);
      if (payment.status === outcome.status || !canTransition(payment.status, outcome.status)) {
        return presentPayment(payment, outcome.nextAction);
      }
      const updated = await this.transition(trx, ctx, payment, outcome);
      return presentPayment(updated, outcome.nextAction);
    });
  }

  private async transition(
    db: Db,
    ctx: Ctx,
    payment: PaymentRow,
    outcome: ProviderOutcome,
  ): Promise<PaymentRow> {
    const captured = outcome.status === 'CAPTURED';
    const updated = await repo.updatePayment(db, payment.id, {
      status: outcome.status,
      provider_transaction_id: outcome.providerTransactionId ?? payment.provider_transaction_id,
      provider_reference: outcome.providerReference ?? payment.provider_reference,
      provider_response: outcome.response ? JSON.stringify(outcome.response) : payment.provider_response,
      card_last4: outcome.cardLast4 ?? payment.card_last4,
      card_brand: outcome.cardBrand ?? payment.card_brand,
      gateway_fee_amount: outcome.gatewayFee ?? payment.gateway_fee_amount,
      risk_score: outcome.riskScore ?? payment.risk_score,
      error_code: outcome.status === 'FAILED' ? (outcome.errorCode ?? 'failed') : null,
      error_message: outcome.status === 'FAILED' ? (outcome.errorMessage ?? null) : null,
      retry_count: outcome.status === 'FAILED' ? payment.retry_count + 1 : payment.retry_count,
      ...(captured ? { captured_amount: payment.amount, captured_at: new Date() } : {}),
    });
    await this.notify(db, ctx, updated, payment.status);
    return updated;
  }

  private async settleRefund(
    ctx: Ctx,
    refundId: string,
    paymentId: string,
    outcome: { status: string; providerRefundId?: string | undefined; errorMessage?: string | undefined },
  ) {
    return transaction(ctx.db, async (trx) => {
      const payment = await this.find(trx, ctx, paymentId, true);
      if (outcome.status === 'PENDING') {
        return repo.updateRefund(trx, refundId, { provider_refund_id: outcome.providerRefundId ?? null });
      }
      if (outcome.status === 'FAILED') {
        const failed = await repo.updateRefund(trx, refundId, {
          status: 'FAILED',
          error_message: outcome.errorMessage ?? null,
          completed_at: new Date(),
        });
        await repo.updatePayment(trx, payment.id, {
          refunded_amount: payment.refunded_amount - failed.amount,
        });
        return failed;
      }
      const done = await repo.updateRefund(trx, refundId, {
        status: 'SUCCEEDED',
        provider_refund_id: outcome.providerRefundId ?? null,
        completed_at: new Date(),
      });
      const refundedTotal = await repo.succeededRefundTotal(trx, payment.id);
      const status: PaymentStatus =
        refundedTotal >= payment.captured_amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
      if (canTransition(payment.status, status)) {
        const updated = await repo.updatePayment(trx, payment.id, { status });
        await this.notify(trx, ctx, updated, payment.status);
      }
      return done;
    });
  }

  private async notify(db: Db, ctx: Ctx, payment: PaymentRow, previous: PaymentStatus) {
    for (const listener of this.listeners) await listener(db, ctx, presentPayment(payment), previous);
  }

  private async find(db: Db, ctx: Ctx, id: string, lock = false): Promise<PaymentRow> {
    const payment = await repo.findPayment(db, ctx.storeId, id, lock);
    if (!payment) throw new PaymentNotFound();
    return payment;
  }

  /** The payer (or staff) may see and confirm a payment; a guest payment is reachable by its id. */
  private assertPayer(ctx: Ctx, payment: PaymentRow) {
    if (payment.user_id === null) return;
    if (ctx.actor?.userId === payment.user_id || hasRole(ctx.actor, 'ADMIN')) return;
    throw new PaymentNotFound();
  }

  private provider(name: string): PaymentProvider {
    const provider = this.providers.get(name as ProviderName);
    if (!provider) throw new ProviderUnavailable(name);
    return provider;
  }
}
