import { type Generated, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { WithEvents } from '../../platform/jobs/jobs.ts';
import type { PaymentStatus } from './payments.status.ts';
import type { ProviderName } from './providers/provider.ts';

export interface PaymentsTable {
  id: string;
  store_id: string;
  order_id: string;
  user_id: string | null;
  provider: ProviderName;
  method: string;
  status: Generated<PaymentStatus>;
  amount: number;
  currency: string;
  captured_amount: Generated<number>;
  refunded_amount: Generated<number>;
  provider_transaction_id: string | null;
  provider_reference: string | null;
  provider_response: unknown;
  gateway_fee_amount: Generated<number>;
  net_amount: Generated<number>;
  card_last4: string | null;
  card_brand: string | null;
  risk_score: number | null;
  error_code: string | null;
  error_message: string | null;
  retry_count: Generated<number>;
  collected_by: string | null;
  captured_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RefundsTable {
  id: string;
  store_id: string;
  payment_id: string;
  amount: number;
  currency: string;
  reason: string;
  status: Generated<'PENDING' | 'SUCCEEDED' | 'FAILED'>;
  provider_refund_id: string | null;
  error_message: string | null;
  idempotency_key: string | null;
  processed_by: string | null;
  created_at: Generated<Date>;
  completed_at: Date | null;
}

export interface PaymentEventsTable {
  id: string;
  store_id: string;
  provider: string;
  event_id: string;
  type: string;
  payment_id: string | null;
  payload: unknown;
  outcome: string;
  received_at: Generated<Date>;
}

export interface PaymentTables {
  payments: PaymentsTable;
  refunds: RefundsTable;
  payment_events: PaymentEventsTable;
}

export type PaymentRow = Selectable<PaymentsTable>;
export type RefundRow = Selectable<RefundsTable>;

const paymentColumns = [
  'id',
  'store_id',
  'order_id',
  'user_id',
  'provider',
  'method',
  'status',
  'amount',
  'currency',
  'captured_amount',
  'refunded_amount',
  'provider_transaction_id',
  'provider_reference',
  'provider_response',
  'gateway_fee_amount',
  'net_amount',
  'card_last4',
  'card_brand',
  'risk_score',
  'error_code',
  'error_message',
  'retry_count',
  'collected_by',
  'captured_at',
  'created_at',
  'updated_at',
] as const;
const refundColumns = [
  'id',
  'store_id',
  'payment_id',
  'amount',
  'currency',
  'reason',
  'status',
  'provider_refund_id',
  'error_message',
  'idempotency_key',
  'processed_by',
  'created_at',
  'completed_at',
] as const;

const t = (db: Db) => tables<PaymentTables>(db);

export async function insertPayment(db: Db, row: Insertable<PaymentsTable>): Promise<PaymentRow> {
  return t(db).insertInto('payments').values(row).returning(paymentColumns).executeTakeFirstOrThrow();
}

export function findPayment(db: Db, storeId: string, id: string, lock = false) {
  let q = t(db)
    .selectFrom('payments')
    .select(paymentColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findPaymentByTransaction(
  db: Db,
  storeId: string,
  provider: string,
  transactionId: string,
  lock = false,
) {
  let q = t(db)
    .selectFrom('payments')
    .select(paymentColumns)
    .where('store_id', '=', storeId)
    .where('provider', '=', provider as ProviderName)
    .where('provider_transaction_id', '=', transactionId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function paymentsOfOrder(db: Db, storeId: string, orderId: string) {
  return t(db)
    .selectFrom('payments')
    .select(paymentColumns)
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}

export async function updatePayment(
  db: Db,
  id: string,
  patch: Updateable<PaymentsTable>,
  withEvents: WithEvents = (qc) => qc, // the change's events, written by the same statement
): Promise<PaymentRow> {
  return withEvents<PaymentTables>(t(db))
    .updateTable('payments')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returning(paymentColumns)
    .executeTakeFirstOrThrow();
}

export async function insertRefund(db: Db, row: Insertable<RefundsTable>): Promise<RefundRow> {
  return t(db).insertInto('refunds').values(row).returning(refundColumns).executeTakeFirstOrThrow();
}

export function findRefundByKey(db: Db, paymentId: string, key: string) {
  return t(db)
    .selectFrom('refunds')
    .select(refundColumns)
    .where('payment_id', '=', paymentId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function updateRefund(db: Db, id: string, patch: Updateable<RefundsTable>): Promise<RefundRow> {
  return t(db)
    .updateTable('refunds')
    .set(patch)
    .where('id', '=', id)
    .returning(refundColumns)
    .executeTakeFirstOrThrow();
}

export function refundsOfPayments(db: Db, paymentIds: string[]) {
  if (paymentIds.length === 0) return Promise.resolve([] as RefundRow[]);
  return t(db)
    .selectFrom('refunds')
    .select(refundColumns)
    .where('payment_id', 'in', paymentIds)
    .orderBy('created_at')
    .execute();
}

export async function succeededRefundTotal(db: Db, paymentId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('total'))
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'SUCCEEDED')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Stores a webhook event once; returns false when it was seen before. */
export async function recordEvent(db: Db, row: Insertable<PaymentEventsTable>): Promise<boolean> {
  const inserted = await t(db)
    .insertInto('payment_events')
    .values(row)
    .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** seed 000 GSI1 / seed 001: a payment (and so its order) by the gateway's transaction or payment id. */
export function findPaymentsByReference(db: Db, storeId: string, reference: string) {
  return t(db)
    .selectFrom('payments')
    .select(paymentColumns)
    .where('store_id', '=', storeId)
    .where((eb) =>
      eb.or([eb('provider_transaction_id', '=', reference), eb('provider_reference', '=', reference)]),
    )
    .orderBy('id')
    .limit(10)
    .execute();
}

/**
 * A payment by the provider's id in any store: provider ids are unique across stores (the unique
 * `payments_provider_txn_idx`), and a webhook may reach another store's host. The caller then
 * acts in the payment's own store.
 */
export function findPaymentByProviderId(db: Db, provider: string, transactionId: string) {
  return t(db)
    .selectFrom('payments')
    .select(paymentColumns)
    .where('provider', '=', provider as ProviderName)
    .where('provider_transaction_id', '=', transactionId)
    .executeTakeFirst();
}

/** A payment by its id in any store (a webhook's signed metadata names it). */
export function findPaymentAnyStore(db: Db, id: string) {
  return t(db).selectFrom('payments').select(paymentColumns).where('id', '=', id).executeTakeFirst();
}

/** A refund by the provider's refund id, or by ours, in any store (refund webhooks). */
export function findRefundForEvent(db: Db, providerRefundId: string, refundId: string | null) {
  return t(db)
    .selectFrom('refunds')
    .select(refundColumns)
    .where((eb) =>
      refundId
        ? eb.or([eb('provider_refund_id', '=', providerRefundId), eb('id', '=', refundId)])
        : eb('provider_refund_id', '=', providerRefundId),
    )
    .executeTakeFirst();
}

export function findRefund(db: Db, paymentId: string, refundId: string, lock = false) {
  let q = t(db)
    .selectFrom('refunds')
    .select(refundColumns)
    .where('payment_id', '=', paymentId)
    .where('id', '=', refundId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function pendingRefunds(db: Db, paymentId: string) {
  return t(db)
    .selectFrom('refunds')
    .select(['id', 'provider_refund_id'])
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'PENDING')
    .orderBy('created_at')
    .execute();
}

/**
 * Payments the provider has not settled, across stores, older than `settledAfter` (a system sweep
 * for reconciliation: a charge whose process died leaves one behind).
 */
export function unsettledPayments(db: Db, olderThan: Date, notBefore: Date, limit: number) {
  return t(db)
    .selectFrom('payments')
    .select(['id', 'store_id', 'retry_count'])
    .where('status', 'in', ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED'])
    .where('provider', '!=', 'cod')
    .where('created_at', '<', olderThan)
    .where('created_at', '>', notBefore)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Deletes up to `batch` received webhooks older than `days` (retention; their payloads hold personal data). */
export async function pruneEvents(db: Db, days: number, batch: number): Promise<number> {
  const result = await sql`
    DELETE FROM payment_events WHERE id IN (
      SELECT id FROM payment_events WHERE received_at < now() - make_interval(days => ${days}) LIMIT ${batch})`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * The refunds that went through in [from, to), summed per day of the store's time zone (analytics
 * recounts its refunds column from these).
 */
export async function refundsByDay(
  db: Db,
  storeId: string,
  range: { from: Date; to: Date; timeZone: string },
): Promise<Array<{ day: string; amount: number }>> {
  const { rows } = await sql<{ day: string; amount: string | number }>`
    SELECT ((completed_at AT TIME ZONE ${range.timeZone})::date)::text AS day, sum(amount) AS amount
    FROM refunds
    WHERE store_id = ${storeId} AND status = 'SUCCEEDED'
      AND completed_at >= ${range.from} AND completed_at < ${range.to}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ day: r.day, amount: Number(r.amount) }));
}

/** Captured payments of past orders (the demo history), one multi-row insert per thousand. */
export async function insertCapturedHistory(
  db: Db,
  storeId: string,
  orders: Array<{ id: string; total: number; provider: string; placedAt: Date; currency: string }>,
): Promise<void> {
  for (let i = 0; i < orders.length; i += 1_000) {
    const values = orders.slice(i, i + 1_000).map((o) => {
      const method = o.provider === 'cod' ? 'COD' : 'TEST';
      return sql`(${newHistoryId(o.id)}::uuid, ${storeId}::uuid, ${o.id}::uuid, ${o.provider}, ${method}, 'CAPTURED',
        ${o.total}::bigint, ${o.currency}, ${o.total}::bigint, ${o.placedAt}::timestamptz, ${o.placedAt}::timestamptz)`;
    });
    await sql`INSERT INTO payments (id, store_id, order_id, provider, method, status, amount, currency,
      captured_amount, captured_at, created_at) VALUES ${sql.join(values)}`.execute(db);
  }
}

/** A payment id beside its order's: the same time prefix, another tail. */
function newHistoryId(orderId: string): string {
  const tail = [...orderId.slice(24)].reverse().join('');
  return `${orderId.slice(0, 24)}${tail}`;
}

/** Payment states still waiting on the buyer or the provider. */
const IN_FLIGHT: PaymentStatus[] = ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED'];

/**
 * Which of `orders` (of any stores) still have money in motion: a payment not yet captured,
 * failed or cancelled, or a refund not yet answered (the orders archive keeps those hot).
 */
export async function ordersWithMoneyInFlight(
  db: Db,
  orders: { id: string; storeId: string }[],
): Promise<string[]> {
  if (orders.length === 0) return [];
  const { rows } = await sql<{ order_id: string }>`
    SELECT DISTINCT p.order_id FROM payments p
    WHERE p.store_id = ANY(${[...new Set(orders.map((o) => o.storeId))]}::uuid[])
      AND p.order_id = ANY(${orders.map((o) => o.id)}::uuid[])
      AND (p.status = ANY(${IN_FLIGHT}::text[])
        OR EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id AND r.status = 'PENDING'))`.execute(db);
  return rows.map((r) => r.order_id);
}
