// Request shapes of the routes whose work spans modules (checkout, cancellation, status changes,
// seller fulfilment); their responses are the orders and payments modules' views.
import { z } from 'zod';
import { AddressInput } from '../modules/identity/index.ts';
import { FULFILMENT_STATUSES, ORDER_STATUSES, OrderView } from '../modules/orders/index.ts';
import { PaymentView } from '../modules/payments/index.ts';
import { AcceptedTerms } from '../modules/reference/index.ts';
import { Id, IdParams } from '../platform/schemas.ts';

export const CheckoutBody = z.object({
  email: z.string().trim().max(254).email().optional(),
  shippingAddress: AddressInput,
  billingAddress: AddressInput.optional(),
  couponCode: z.string().trim().min(1).max(40).optional(),
  redeemPoints: z.number().int().min(0).max(1_000_000_000).optional(),
  shippingMethod: z.string().trim().min(1).max(40).optional(),
  payment: z.object({ provider: z.string().trim().min(1).max(40), token: z.string().max(500).optional() }),
  paymentMethodId: z
    .string()
    .max(100)
    .optional()
    .describe('One-click: a saved card of the signed-in buyer (GET /me/payment-methods)'),
  /** The terms of sale accepted with the order, where the store asks (409 `terms-acceptance-required` names them). */
  acceptedTerms: AcceptedTerms.optional(),
});

export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export const CheckoutView = z.object({ order: OrderView, payment: PaymentView });

const CancelReasonCode = z
  .string()
  .min(1)
  .max(64)
  .describe(
    'A code of the store’s `cancellation-reason` list (GET /lookups/cancellation-reason); 400 `unknown-lookup-code` otherwise.',
  );

export const CancelBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('Words of the canceller; kept as a note beside `reasonCode`.'),
    reasonCode: CancelReasonCode.optional(),
  })
  .optional();

export const StatusBody = z
  .object({
    status: z.enum(ORDER_STATUSES),
    reason: z.string().trim().min(1).max(1000).optional(),
    reasonCode: CancelReasonCode.optional().describe('With `CANCELLED` only: why, from the store’s list.'),
  })
  .refine((b) => b.reasonCode === undefined || b.status === 'CANCELLED', {
    message: 'A reason code goes with a cancellation only.',
    path: ['reasonCode'],
  });

export const OrderItemParams = IdParams.extend({ itemId: Id });

export const ItemStatusBody = z.object({ status: z.enum(FULFILMENT_STATUSES) });
