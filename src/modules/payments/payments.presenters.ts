// Payments and refunds as the API shows them.
import { money } from '../../platform/money.ts';
import type { PaymentRow, RefundRow } from './payments.repository.ts';
import type { PaymentView, RefundView } from './payments.schemas.ts';

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
