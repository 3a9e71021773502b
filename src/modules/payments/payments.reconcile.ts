// Reconciliation: asks the provider what became of a payment the system could not settle (a
// charge without an answer, a payment cancelled while the provider may still take money, a
// refund the provider answered PENDING) and records the answer. One job per payment and reason,
// retried with a long exponential backoff; after its last attempt the payment is flagged for
// staff and the job is dead (visible in `jobs_dead`).
import type { Db } from '../../platform/db/database.ts';
import { type Ctx, systemCtx } from '../../platform/http/context.ts';
import type { JobRun, Jobs, QueueOptions } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { send, settleRefund, unanswered } from './payments.refunds.ts';
import type { PaymentRow } from './payments.repository.ts';
import * as repo from './payments.repository.ts';
import { type PaymentsService, RECONCILE_QUEUE, UNSETTLED } from './payments.service.ts';
import type { PaymentProvider, ProviderOutcome, RefundOutcome } from './providers/provider.ts';

/** 1 min doubling to 4 h, 16 attempts: about 32 hours of asking before a person is needed. */
export const RECONCILE_RETRY: Required<QueueOptions> = {
  backoffMs: 60_000,
  maxBackoffMs: 4 * 3_600_000,
  maxAttempts: 16,
};

export const RECONCILE_SWEEP = 'payments.reconcile-sweep';

export class StillUnsettled extends Error {}

export function registerReconciliation(jobs: Jobs, payments: PaymentsService, log: Logger): void {
  jobs.handle<{ paymentId: string }>(RECONCILE_QUEUE, (job) => reconcileJob(payments, job), RECONCILE_RETRY);
  // a process that died during a charge left no job behind: the sweep finds its payment
  jobs.handle(RECONCILE_SWEEP, async (job) => sweep(job.db, payments, log));
  jobs.schedule(RECONCILE_SWEEP, '*/5 * * * *', RECONCILE_SWEEP);
}

async function reconcileJob(payments: PaymentsService, job: JobRun<{ paymentId: string }>) {
  const ctx = systemCtx(job.db, job.storeId!, job.log, { reason: `job:${job.id}` });
  try {
    await reconcile(payments, ctx, job.payload.paymentId);
  } catch (error) {
    if (job.attempt >= job.maxAttempts) await flag(ctx, job.payload.paymentId, error);
    throw error;
  }
}

/** Asks the provider about the payment and its pending refunds; throws while either is unsettled. */
export async function reconcile(payments: PaymentsService, ctx: Ctx, paymentId: string): Promise<void> {
  const payment = await payments.find(ctx, paymentId);
  const provider = payments.providerOf(payment.provider);
  if (!provider) return;
  const outcome = await ask(provider, payment);
  if (outcome) await payments.apply(ctx, paymentId, outcome);
  await settlePendingRefunds(payments, ctx, payment, provider);
  const after = await payments.find(ctx, paymentId);
  const refundsLeft = (await repo.pendingRefunds(ctx.db, paymentId)).length;
  if (refundsLeft > 0) throw new StillUnsettled(`${refundsLeft} refund(s) still pending at the provider`);
  if (UNSETTLED.includes(after.status)) throw new StillUnsettled(`payment still ${after.status}`);
  if (after.status === 'CANCELLED' && provider.cancel && outcome && UNSETTLED.includes(outcome.status))
    throw new StillUnsettled(`payment cancelled here but ${outcome.status} at the provider`);
}

/**
 * Each PENDING refund: asked about when the provider answered it, sent again (same idempotency
 * key) when it never did. A failure settled here is late: the order lifecycle refunds again.
 */
async function settlePendingRefunds(
  payments: PaymentsService,
  ctx: Ctx,
  payment: PaymentRow,
  provider: PaymentProvider,
): Promise<void> {
  for (const pending of await repo.pendingRefunds(ctx.db, payment.id)) {
    const refund = await repo.findRefund(ctx.db, payment.id, pending.id);
    if (!refund) continue;
    let outcome: RefundOutcome | null = null;
    if (refund.provider_refund_id && provider.retrieveRefund)
      outcome = await provider.retrieveRefund(refund.provider_refund_id);
    else if (unanswered(refund) && Date.now() - refund.created_at.getTime() > 60_000)
      outcome = await send(payments, ctx, payment, refund);
    if (outcome) await settleRefund(payments, ctx, payment.id, refund.id, outcome, true);
  }
}

/** A cancelled payment is cancelled at the provider (where it can be); an unsettled one is looked up. */
function ask(provider: PaymentProvider, payment: PaymentRow): Promise<ProviderOutcome | null> | null {
  const lookup = { paymentId: payment.id, providerTransactionId: payment.provider_transaction_id };
  if (payment.status === 'CANCELLED')
    return provider.cancel ? provider.cancel(lookup) : (provider.retrieve?.(lookup) ?? null);
  if (UNSETTLED.includes(payment.status)) return provider.retrieve?.(lookup) ?? null;
  return null;
}

/** The last attempt failed: staff must look (error code on the payment, an error log, `jobs_dead`). */
async function flag(ctx: Ctx, paymentId: string, error: unknown): Promise<void> {
  await repo.updatePayment(ctx.db, paymentId, {
    error_code: 'reconciliation_exhausted',
    error_message: 'The provider did not settle this payment in time; staff must check it with the provider.',
  });
  ctx.log.error({ err: error, paymentId }, 'payment reconciliation gave up: staff must check the provider');
}

async function sweep(db: Db, payments: PaymentsService, log: Logger): Promise<void> {
  const now = Date.now();
  const rows = await repo.unsettledPayments(
    db,
    new Date(now - 5 * 60_000),
    new Date(now - 3 * 86_400_000),
    500,
  );
  for (const p of rows) {
    const ctx = systemCtx(db, p.store_id, log, { reason: 'sweep' });
    await payments.watch(ctx, p.id, `charge:${p.id}:${p.retry_count}`);
  }
}
