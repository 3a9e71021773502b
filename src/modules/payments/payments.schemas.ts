import { z } from 'zod';
import { IdParams, MoneyView, Text } from '../../platform/schemas.ts';
import { PAYMENT_STATUSES } from './payments.status.ts';

export const PaymentView = z.object({
  id: z.string().uuid(),
  orderId: z.string().uuid(),
  provider: z.string(),
  method: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amount: MoneyView,
  captured: MoneyView,
  refunded: MoneyView,
  cardLast4: z.string().nullable(),
  cardBrand: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  nextAction: z.record(z.string(), z.unknown()).optional(),
  createdAt: z.string(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const RefundView = z.object({
  id: z.string().uuid(),
  paymentId: z.string().uuid(),
  amount: MoneyView,
  reason: z.string(),
  status: z.enum(['PENDING', 'SUCCEEDED', 'FAILED']),
  processedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type RefundView = z.infer<typeof RefundView>;

export const PaymentParams = IdParams;
export const ConfirmBody = z
  .object({
    confirmation: z.string().max(100).optional(),
    razorpayPaymentId: z.string().max(100).optional(),
    razorpaySignature: z.string().max(200).optional(),
  })
  .strict();
export const RetryBody = z.object({ token: z.string().min(1).max(200).optional() }).strict();
export const CollectBody = z.object({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
export const RefundBody = z.object({
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  reason: Text(500),
});
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** The providers checkout takes here: `test` in development only, `cod`, and those configured. */
export const PaymentMethodsView = z.object({
  items: z.array(z.object({ provider: z.enum(['test', 'cod', 'stripe', 'razorpay', 'paypal']) })),
});
