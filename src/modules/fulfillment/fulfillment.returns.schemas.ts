import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Id, MoneyInput, MoneyView, Text } from '../../platform/schemas.ts';
import { RETURN_STATUSES } from './fulfillment.status.ts';

export const RETURN_CONDITIONS = ['SELLABLE', 'DAMAGED'] as const;

export const CreateReturnBody = z
  .strictObject({
    items: z
      .array(z.object({ orderItemId: Id, quantity: z.number().int().min(1).max(100_000) }))
      .min(1)
      .max(200),
    /** The buyer's words; optional when a `reasonCode` is chosen (its label is kept then). */
    reason: Text(1000).optional(),
    /** A value of the store's `return-reason` lookup (`GET /lookups/return-reason`). */
    reasonCode: z.string().max(64).optional(),
  })
  .refine((b) => b.reason !== undefined || b.reasonCode !== undefined, {
    message: 'Give a reason, a reasonCode, or both.',
    path: ['reason'],
  });
export type CreateReturnBody = z.infer<typeof CreateReturnBody>;

export const DecisionBody = z.strictObject({ note: Text(1000).optional() }).nullish();
export type DecisionBody = z.infer<typeof DecisionBody>;

/** How each item came back; items not named come back SELLABLE. */
export const ReceiveBody = z
  .strictObject({
    items: z
      .array(z.object({ orderItemId: Id, condition: z.enum(RETURN_CONDITIONS) }))
      .min(1)
      .max(200)
      .optional(),
  })
  .nullish();
export type ReceiveBody = z.infer<typeof ReceiveBody>;

/** At most what the returned lines were paid (the default). */
export const RefundBody = z.strictObject({ amount: MoneyInput.optional() }).nullish();
export type RefundBody = z.infer<typeof RefundBody>;

export const ReturnView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  status: z.enum(RETURN_STATUSES),
  items: z.array(
    z.object({
      orderItemId: z.uuid(),
      offerId: z.uuid(),
      quantity: z.number().int(),
      condition: z.enum(RETURN_CONDITIONS).nullable(),
    }),
  ),
  reason: z.string(),
  reasonCode: z.string().nullable(),
  decisionNote: z.string().nullable(),
  refundAmount: MoneyView.nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
});
export type ReturnView = z.infer<typeof ReturnView>;

export const ReturnList = z.object({ items: z.array(ReturnView), nextCursor: z.string().nullable() });
export const ReturnListQuery = PageQuery.extend({
  status: z.enum(RETURN_STATUSES).optional(),
  orderId: z.uuid().optional().describe("Only this order's returns"),
});
export type ReturnListQuery = z.infer<typeof ReturnListQuery>;
