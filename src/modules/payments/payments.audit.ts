// The payments entries of the audit trail: captures and refunds that staff (or a delivery agent)
// made, in the transaction that made them. Captures by the buyer's own checkout are the order's history.
import { pick, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';

const FIELDS = ['status', 'captured_amount', 'refunded_amount', 'collected_by'] as const;

export function auditCapture(ctx: Ctx, before: PaymentRow, after: PaymentRow) {
  return recordAudit(ctx, {
    entityType: 'payment',
    entityId: after.id,
    action: 'capture',
    before: pick(before, FIELDS),
    after: { ...pick(after, FIELDS), amount: after.amount, currency: after.currency },
  });
}

/** A refund asked for: the amount reserved on the payment, and the refund that carries it. */
export function auditRefund(ctx: Ctx, payment: PaymentRow, refund: RefundRow) {
  return recordAudit(ctx, {
    entityType: 'payment',
    entityId: payment.id,
    action: 'refund',
    before: { refunded_amount: payment.refunded_amount },
    after: {
      refunded_amount: payment.refunded_amount + refund.amount,
      refund_id: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
    },
  });
}
