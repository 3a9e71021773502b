// A new payment of an order, PENDING until it is charged: written by a statement of its own
// (`createPayment`), or by the order's insert as a common table expression of it (`pendingPayment`:
// checkout), every column given, so the row is known without reading it back.
import type { QueryCreator } from 'kysely';
import type { WithCtes } from '../../platform/db/ctes.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { presentPayment } from './payments.presenters.ts';
import type { PaymentRow, PaymentTables } from './payments.repository.ts';
import type { PaymentView } from './payments.schemas.ts';
import type { PaymentProvider } from './providers/provider.ts';

export interface NewPayment {
  orderId: string;
  userId: string | null;
  amount: number;
  currency: string;
  provider: string;
}

/** What a pending payment's insert writes: every column but the generated and timestamped ones. */
export type PendingRow = Omit<PaymentRow, 'net_amount' | 'created_at' | 'updated_at'>;

/** A written-in-another-statement payment: its CTE, and its view once that statement wrote it. */
export interface PendingPayment {
  id: string;
  with: WithCtes;
  /** The payment as written at `createdAt` (the transaction's `now()`, as the order's own). */
  written(createdAt: Date): PaymentView;
}

export function pendingRow(ctx: Ctx, provider: PaymentProvider, input: NewPayment): PendingRow {
  return {
    id: newId(),
    store_id: ctx.storeId,
    order_id: input.orderId,
    user_id: input.userId,
    provider: provider.name,
    method: provider.method,
    status: 'PENDING',
    amount: input.amount,
    currency: input.currency,
    captured_amount: 0,
    refunded_amount: 0,
    provider_transaction_id: null,
    provider_reference: null,
    provider_response: null,
    gateway_fee_amount: 0,
    card_last4: null,
    card_brand: null,
    risk_score: null,
    error_code: null,
    error_message: null,
    retry_count: 0,
    collected_by: null,
    captured_at: null,
  };
}

/** The pending payment `row` as a CTE of the caller's statement. */
export function pendingPayment(row: PendingRow): PendingPayment {
  const add: WithCtes = (qc) =>
    (qc as unknown as QueryCreator<PaymentTables>).with('pending_payment', (qb) =>
      qb.insertInto('payments').values(row),
    ) as unknown as typeof qc;
  return {
    id: row.id,
    with: add,
    written: (createdAt) =>
      presentPayment({ ...row, net_amount: 0, created_at: createdAt, updated_at: createdAt }),
  };
}
