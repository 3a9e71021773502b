import { actsForStore } from '../../platform/audit/audit.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { auditCapture } from './payments.audit.ts';
import {
  PaymentNotFound,
  PaymentStateConflict,
  ProviderFailure,
  ProviderUnavailable,
} from './payments.errors.ts';
import { announceCapture, announceRefund, statusEvents } from './payments.events.ts';
import { NO_ANSWER, outcomeDetails } from './payments.outcomes.ts';
import { type NewPayment, type PendingPayment, pendingPayment, pendingRow } from './payments.pending.ts';
import type { OrderAfter, PaymentListener, PaymentOrders, RefundFailedListener } from './payments.ports.ts';
import { presentPayment, presentRefund } from './payments.presenters.ts';
import { refund } from './payments.refunds.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import * as repo from './payments.repository.ts';
import type { PaymentView, RefundView } from './payments.schemas.ts';
import { canTransition, isCaptured, type PaymentStatus, wasCaptured } from './payments.status.ts';
import { handleWebhook } from './payments.webhooks.ts';
import type { PaymentProvider, ProviderName, ProviderOutcome, SavedMethodRef } from './providers/provider.ts';

export type { OrderAfter, PaymentListener, PaymentOrders, RefundFailedListener } from './payments.ports.ts';
export { presentPayment, presentRefund } from './payments.presenters.ts';

/** The queue that asks providers what became of payments and refunds (see payments.reconcile.ts). */
export const RECONCILE_QUEUE = 'payments.reconcile';

/** A payment still waiting on the provider or the buyer: reconciliation watches it. */
export const UNSETTLED: readonly PaymentStatus[] = ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED'];

interface ChargeAttempt {
  id: string;
  orderId: string;
  provider: string;
  amount: number;
  currency: string;
  retryCount: number;
  /** A saved card of the buyer (one-click checkout, decision 033), charged off-session. */
  savedMethod?: SavedMethodRef | undefined;
  orderAfter?: OrderAfter | undefined;
}

const NO_ORDERS: PaymentOrders = { lock: async () => {}, prepareRetry: async () => {} };

export class PaymentsService {
  private readonly listeners: PaymentListener[] = [];
  private readonly refundFailedListeners: RefundFailedListener[] = [];
  private orders: PaymentOrders = NO_ORDERS;
  /** The order row `withPaymentLock` locked, per context it made, until its listeners run. */
  private readonly lockedOrders = new WeakMap<Ctx, unknown>();
  /** The order as the listeners left it, per context `withPaymentLock` made (see `PaymentListener`). */
  private readonly ordersAfter = new WeakMap<Ctx, unknown>();

  constructor(
    private readonly providers: Map<ProviderName, PaymentProvider>,
    private readonly jobs: Jobs,
  ) {}

  onStatusChange(listener: PaymentListener): void {
    this.listeners.push(listener);
  }

  onRefundFailed(listener: RefundFailedListener): void {
    this.refundFailedListeners.push(listener);
  }

  /** Wires the order side (locking and retry checks); called once at assembly. */
  useOrders(orders: PaymentOrders): void {
    this.orders = orders;
  }

  providerNames(): ProviderName[] {
    return [...this.providers.keys()];
  }

  /** Records a pending payment in the caller's transaction, in a statement of its own. */
  async createPayment(ctx: Ctx, input: NewPayment): Promise<PaymentView> {
    const row = await repo.insertPayment(ctx.db, pendingRow(ctx, this.provider(input.provider), input));
    return presentPayment(row);
  }

  /**
   * A pending payment written by the caller's statement (checkout's order insert carries it, `with`),
   * in the caller's transaction; 400-free: an unknown provider throws before anything is written.
   */
  pendingPayment(ctx: Ctx, input: NewPayment): PendingPayment {
    return pendingPayment(pendingRow(ctx, this.provider(input.provider), input));
  }

  /**
   * Asks the provider to charge (outside any transaction), then records the outcome. A call that
   * gets no answer (timeout, network, crash of the provider's side) leaves the payment PENDING:
   * the provider may have charged, so reconciliation asks it later.
   */
  async charge(
    ctx: Ctx,
    paymentId: string,
    token: string | undefined,
    /**
     * The payment as `createPayment` answered in this request, committed since: PENDING and on its
     * first attempt, so it is not read again (the outcome is recorded under its lock).
     */
    created?: PaymentView,
    savedMethod?: SavedMethodRef,
    /** Told the order as the outcome's transaction left it (see `OrderAfter`). */
    orderAfter?: OrderAfter,
  ): Promise<PaymentView> {
    if (created?.id === paymentId && created.status === 'PENDING') {
      const { orderId, provider, amount: money } = created;
      const { amount, currency } = money;
      const retryCount = 0;
      return this.attempt(
        ctx,
        { id: paymentId, orderId, provider, amount, currency, retryCount, savedMethod, orderAfter },
        token,
      );
    }
    const payment = await this.find(ctx, paymentId);
    if (payment.status !== 'PENDING' && payment.status !== 'FAILED') return presentPayment(payment);
    const { order_id: orderId, provider, amount, currency, retry_count: retryCount } = payment;
    const attempt = {
      id: paymentId,
      orderId,
      provider,
      amount,
      currency,
      retryCount,
      savedMethod,
      orderAfter,
    };
    return this.attempt(ctx, attempt, token);
  }

  /** One charge attempt of a PENDING or FAILED payment: the provider asked, then its answer recorded. */
  private async attempt(ctx: Ctx, payment: ChargeAttempt, token?: string): Promise<PaymentView> {
    const { id: paymentId, orderId, orderAfter } = payment;
    if (payment.amount === 0)
      return this.apply(ctx, paymentId, { status: 'CAPTURED' }, { orderId, orderAfter });
    let outcome: ProviderOutcome;
    try {
      outcome = await this.provider(payment.provider).charge({
        paymentId,
        amount: payment.amount,
        currency: payment.currency,
        token,
        idempotencyKey: `${paymentId}:charge:${payment.retryCount}`,
        savedMethod: payment.savedMethod,
      });
    } catch (error) {
      ctx.log.error(
        { err: error, paymentId },
        'payment provider charge got no answer; reconciliation will ask',
      );
      outcome = NO_ANSWER;
    }
    return this.apply(ctx, paymentId, outcome, { attempt: true, orderId, orderAfter });
  }

  /**
   * Charges a FAILED (or never answered) payment of a PENDING order again, e.g. with a new card:
   * a failed attempt moved `retry_count` on, so the provider sees a new attempt key.
   */
  async retry(ctx: Ctx, paymentId: string, token: string | undefined): Promise<PaymentView> {
    const payment = await this.find(ctx, paymentId);
    this.assertPayer(ctx, payment);
    const retryable = (p: PaymentRow) =>
      p.provider !== 'cod' && (p.status === 'FAILED' || p.status === 'PENDING');
    if (!retryable(payment)) throw new PaymentStateConflict(payment.status, 'retried');
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      await this.orders.prepareRetry(tctx, payment.order_id);
      const locked = await this.find(tctx, paymentId, true);
      if (!retryable(locked)) throw new PaymentStateConflict(locked.status, 'retried');
    });
    return this.charge(ctx, paymentId, token);
  }

  /**
   * The second step of a payment that needed one (3-D Secure, Razorpay Checkout). A payment
   * cancelled meanwhile is still asked about: if the provider took the money, it is recorded (and
   * so refunded by the order lifecycle); otherwise 409.
   */
  async confirm(ctx: Ctx, paymentId: string, input: Record<string, unknown>): Promise<PaymentView> {
    const payment = await this.find(ctx, paymentId);
    this.assertPayer(ctx, payment);
    const provider = this.provider(payment.provider);
    if (
      (payment.status !== 'REQUIRES_ACTION' && payment.status !== 'CANCELLED') ||
      !provider.confirm ||
      !payment.provider_transaction_id
    )
      throw new PaymentStateConflict(payment.status, 'confirmed');
    let outcome: ProviderOutcome;
    try {
      outcome = await provider.confirm(payment.provider_transaction_id, {
        ...input,
        amount: payment.amount,
        currency: payment.currency,
        // asked about, not completed anew: PayPal would capture an approved order now
        cancelled: payment.status === 'CANCELLED',
      });
    } catch (error) {
      ctx.log.error({ err: error, paymentId }, 'payment provider confirm failed');
      // the provider may have captured without its answer reaching us: reconciliation asks now
      if (provider.retrieve) await this.watch(ctx, paymentId, `confirm:${paymentId}:${payment.retry_count}`);
      throw new ProviderFailure('The payment provider could not confirm the payment.');
    }
    const view = await this.apply(ctx, paymentId, outcome);
    if (view.status === 'CANCELLED') throw new PaymentStateConflict('CANCELLED', 'confirmed');
    return view;
  }

  /**
   * Cash on delivery taken at the counter, recorded by staff (ADMIN). Delivery agents record the
   * cash they collect with their delivery's DELIVERED step (fulfilment's `recordCashCollection`).
   */
  async collectCash(ctx: Ctx, paymentId: string, amount: number): Promise<PaymentView> {
    const actor = requireRole(ctx, 'ADMIN');
    await this.find(ctx, paymentId);
    return this.withPaymentLock(ctx, paymentId, async (tctx, locked) => {
      if (locked.provider !== 'cod' || locked.status !== 'PENDING')
        throw new PaymentStateConflict(locked.status, 'collected');
      if (amount !== locked.amount) {
        throw new BadRequest(`The collected amount must be ${locked.amount}.`, [
          { pointer: '/amount', in: 'body', detail: `Expected ${locked.amount}.` },
        ]);
      }
      const updated = await repo.updatePayment(tctx.db, locked.id, {
        status: 'CAPTURED',
        captured_amount: amount,
        collected_by: actor.userId,
        captured_at: new Date(),
      });
      await auditCapture(tctx, locked, updated);
      await this.notify(tctx, updated, locked.status);
      return presentPayment(updated);
    });
  }

  /**
   * Cash collected at the door for an order's cash-on-delivery payment, as fulfilment records it
   * (the caller checked who may): the payment is CAPTURED with what was collected, at most what it
   * is for (fulfilment keeps any difference as a discrepancy). Runs in the caller's transaction,
   * which holds the order's lock. Does nothing when the order has no pending COD payment.
   */
  async recordCashCollection(
    ctx: Ctx,
    orderId: string,
    input: { amount: number; collectedBy: string },
  ): Promise<PaymentView | null> {
    const pending = (await repo.paymentsOfOrder(ctx.db, ctx.storeId, orderId)).find(
      (p) => p.provider === 'cod' && p.status === 'PENDING',
    );
    if (!pending) return null;
    return this.withPaymentLock(ctx, pending.id, async (tctx, locked) => {
      if (locked.status !== 'PENDING') return presentPayment(locked);
      const updated = await repo.updatePayment(tctx.db, locked.id, {
        status: 'CAPTURED',
        captured_amount: Math.min(input.amount, locked.amount),
        collected_by: input.collectedBy,
        captured_at: new Date(),
      });
      if (actsForStore(tctx.actor)) await auditCapture(tctx, locked, updated);
      await this.notify(tctx, updated, locked.status);
      return presentPayment(updated);
    });
  }

  /**
   * Cancels a payment that took no money, in the caller's transaction (which holds the order's
   * lock). Idempotent. The provider is told through the outbox: a reconciliation job cancels the
   * PaymentIntent (Stripe) and records a capture that beat the cancel.
   */
  async cancel(ctx: Ctx, paymentId: string): Promise<PaymentView> {
    const payment = await this.find(ctx, paymentId, true);
    if (payment.status === 'CANCELLED') return presentPayment(payment);
    if (!canTransition(payment.status, 'CANCELLED'))
      throw new PaymentStateConflict(payment.status, 'cancelled');
    const updated = await repo.updatePayment(ctx.db, payment.id, { status: 'CANCELLED' });
    await this.notify(ctx, updated, payment.status);
    if (this.providers.get(payment.provider)?.retrieve && payment.amount > 0)
      await this.watch(ctx, payment.id, `cancel:${payment.id}`);
    return presentPayment(updated);
  }

  /**
   * Refunds part or all of what was captured. The amount is reserved on the payment under a row
   * lock before the provider is called, so concurrent refunds can never exceed the capture.
   */
  refund(
    ctx: Ctx,
    paymentId: string,
    input: { amount?: number | undefined; reason: string; idempotencyKey?: string | undefined },
  ): Promise<RefundView> {
    return refund(this, ctx, paymentId, input);
  }

  async getPayment(ctx: Ctx, paymentId: string): Promise<PaymentView> {
    const payment = await this.find(ctx, paymentId);
    this.assertPayer(ctx, payment);
    return presentPayment(payment);
  }

  /** Staff find a payment, and so its order, by the provider's reference (ADMIN). */
  async findByReference(ctx: Ctx, reference: string) {
    requireRole(ctx, 'ADMIN');
    const rows = await repo.findPaymentsByReference(ctx.db, ctx.storeId, reference);
    return { items: rows.map((p) => presentPayment(p)) };
  }

  /** An order's payments and their refunds (ADMIN). */
  async findByOrder(ctx: Ctx, orderId: string) {
    requireRole(ctx, 'ADMIN');
    const { payments, refunds } = await this.paymentsOfOrder(ctx, orderId);
    return { items: payments, refunds };
  }

  /** Verifies, stores once and applies a provider webhook (payments.webhooks.ts). */
  handleWebhook(
    ctx: Ctx,
    providerName: string,
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ) {
    return handleWebhook(this, ctx, providerName, rawBody, headers);
  }

  async paymentsOfOrder(ctx: Ctx, orderId: string) {
    const payments = await repo.paymentsOfOrder(ctx.db, ctx.storeId, orderId);
    const refunds = await repo.refundsOfPayments(
      ctx.db,
      payments.map((p) => p.id),
    );
    return { payments: payments.map((p) => presentPayment(p)), refunds: refunds.map(presentRefund) };
  }

  // ------------------------------------------------------------------ internal (webhooks, reconciliation)

  /** @internal The provider of a payment, if this deployment still offers it. */
  providerOf(name: string): PaymentProvider | undefined {
    return this.providers.get(name as ProviderName);
  }

  /**
   * @internal Runs `work` in a transaction holding the order's lock, then the payment's (in that
   * order everywhere, so payment paths and order paths never deadlock).
   */
  async withPaymentLock<T>(
    ctx: Ctx,
    paymentId: string,
    work: (tctx: Ctx, payment: PaymentRow) => Promise<T>,
    /** The payment's order when the caller read it already (a payment never changes order). */
    orderId?: string,
  ): Promise<T> {
    return transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await this.orders.lock(tctx, orderId ?? (await this.find(tctx, paymentId)).order_id);
      this.lockedOrders.set(tctx, order);
      return work(tctx, await this.find(tctx, paymentId, true));
    });
  }

  /**
   * @internal Records a provider's outcome under the locks, if the state machine allows it. A new
   * attempt's failure (or no answer) is recorded even when the status stays the same.
   */
  async apply(
    ctx: Ctx,
    paymentId: string,
    outcome: ProviderOutcome,
    options: { attempt?: boolean; orderId?: string; orderAfter?: OrderAfter | undefined } = {},
  ): Promise<PaymentView> {
    return this.withPaymentLock(
      ctx,
      paymentId,
      async (tctx, payment) => {
        const updated = await this.record(tctx, payment, outcome, options.attempt ?? false);
        options.orderAfter?.(this.ordersAfter.get(tctx)); // each attempt's, the last one's kept
        return presentPayment(updated, outcome.nextAction);
      },
      options.orderId,
    );
  }

  /** @internal `apply` inside the caller's locks. */
  async record(ctx: Ctx, payment: PaymentRow, outcome: ProviderOutcome, attempt = false) {
    let updated = payment;
    if (payment.status !== outcome.status && canTransition(payment.status, outcome.status)) {
      updated = await this.transition(ctx, payment, outcome);
    } else if (attempt && payment.status === outcome.status && outcome.status !== 'CAPTURED') {
      updated = await repo.updatePayment(ctx.db, payment.id, {
        ...outcomeDetails(payment, outcome),
        retry_count: outcome.status === 'FAILED' ? payment.retry_count + 1 : payment.retry_count,
      });
    }
    if (UNSETTLED.includes(updated.status) && this.providers.get(updated.provider)?.retrieve) {
      const first = updated.status === 'REQUIRES_ACTION' ? 15 * 60_000 : 0; // the buyer has time to act
      await this.watch(ctx, updated.id, `charge:${updated.id}:${updated.retry_count}`, first);
    }
    return updated;
  }

  /** @internal Makes sure a reconciliation job will ask the provider about the payment. */
  async watch(ctx: Ctx, paymentId: string, reason: string, delayMs = 0): Promise<void> {
    await this.jobs.enqueue(ctx.db, {
      queue: RECONCILE_QUEUE,
      storeId: ctx.storeId,
      payload: { paymentId },
      dedupeKey: reason,
      ...(delayMs > 0 ? { runAt: new Date(Date.now() + delayMs) } : {}),
    });
  }

  /** @internal */
  async find(ctx: Ctx, id: string, lock = false): Promise<PaymentRow> {
    const payment = await repo.findPayment(ctx.db, ctx.storeId, id, lock);
    if (!payment) throw new PaymentNotFound();
    return payment;
  }

  private async transition(ctx: Ctx, payment: PaymentRow, outcome: ProviderOutcome): Promise<PaymentRow> {
    const captured = outcome.status === 'CAPTURED';
    // what the provider says it captured (it may be less than asked), never more than the payment
    const capturedAmount = Math.min(outcome.capturedAmount ?? payment.amount, payment.amount);
    const patch = {
      status: outcome.status,
      ...outcomeDetails(payment, outcome),
      retry_count: outcome.status === 'FAILED' ? payment.retry_count + 1 : payment.retry_count,
      ...(captured ? { captured_amount: capturedAmount, captured_at: new Date() } : {}),
    };
    // its events (captured, failed) written by the payment's own update
    const events = statusEvents(ctx, { ...payment, ...patch } as PaymentRow, payment.status);
    const updated = await this.jobs.publishWith(ctx.db, events, (withEvents) =>
      repo.updatePayment(ctx.db, payment.id, patch, withEvents),
    );
    await this.notify(ctx, updated, payment.status, true);
    return updated;
  }

  /**
   * @internal Tells the status listeners (in the changing transaction, `ctx.db`), and announces a
   * first capture unless the change's own write did (`announced`). What the listeners answer of the
   * order is kept for `apply`'s caller (`ordersAfter`).
   */
  async notify(ctx: Ctx, payment: PaymentRow, previous: PaymentStatus, announced = false) {
    const order = this.lockedOrders.get(ctx);
    this.lockedOrders.delete(ctx); // the listeners change the order: what was locked is stale after
    let after: unknown;
    for (const listener of this.listeners)
      after = (await listener(ctx, presentPayment(payment), previous, order)) ?? after;
    this.ordersAfter.set(ctx, after);
    if (!announced && isCaptured(payment.status as PaymentStatus) && !wasCaptured(previous))
      await announceCapture(this.jobs, ctx, payment);
  }

  /** @internal Announces a refund that went through (in the settling transaction, `ctx.db`). */
  async refundSucceeded(ctx: Ctx, refund: RefundRow, payment: PaymentRow) {
    await announceRefund(this.jobs, ctx, refund, payment);
  }

  /** @internal Tells the refund-failed listeners (in the settling transaction, `ctx.db`). */
  async notifyRefundFailed(ctx: Ctx, refund: RefundRow, payment: PaymentRow) {
    for (const listener of this.refundFailedListeners)
      await listener(ctx, presentRefund(refund), presentPayment(payment));
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
