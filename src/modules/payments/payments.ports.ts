// What payments tells and asks the rest of the shop: listeners of status changes and failed
// refunds, and the order side's port (the order lifecycle implements both).
import type { Ctx } from '../../platform/http/context.ts';
import type { PaymentView, RefundView } from './payments.schemas.ts';
import type { PaymentStatus } from './payments.status.ts';

/**
 * Told, inside the transaction that changed it (`ctx.db`), whenever a payment's status changes
 * (orders follow). `order`: what the order port's `lock` answered when this transaction's payment
 * lock took the order's row just before (nothing changed it since), for a listener that would
 * otherwise lock and read it again. It may answer the order as it left it (opaque to payments),
 * which a charge hands back to its caller (`OrderAfter`), or nothing.
 */
export type PaymentListener = (
  ctx: Ctx,
  payment: PaymentView,
  previous: PaymentStatus,
  order?: unknown,
) => Promise<unknown>;

/**
 * Told, once per attempt of the transaction that records a charge's outcome, what the status
 * listeners answered of the order (undefined when no status changed or they answered nothing);
 * the attempt that committed is told last.
 */
export type OrderAfter = (order: unknown) => void;

/** Told, inside the settling transaction, that a refund finally failed (its amount is refundable again). */
export type RefundFailedListener = (ctx: Ctx, refund: RefundView, payment: PaymentView) => Promise<void>;

/** What payments needs of the order a payment pays for (the order lifecycle implements it). */
export interface PaymentOrders {
  /**
   * Locks the order's row and answers it (handed to the listeners). Every path locks the order
   * before the payment, so they never deadlock.
   */
  lock(ctx: Ctx, orderId: string): Promise<unknown>;
  /** Locks the order and throws (409) unless it may be paid again: PENDING, its stock hold valid or taken again. */
  prepareRetry(ctx: Ctx, orderId: string): Promise<void>;
}
