import {
  type ColumnType,
  type Generated,
  type Insertable,
  type RawBuilder,
  type Selectable,
  sql,
  type Updateable,
} from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { asJsonb } from '../../platform/db/jsonb.ts';
import type { WithEvents } from '../../platform/jobs/jobs.ts';
import type { ItemStatus, OrderStatus } from './orders.status.ts';

export interface OrdersTable {
  id: string;
  store_id: string;
  number: string;
  user_id: string | null;
  email: string;
  status: OrderStatus;
  payment_status: Generated<string>;
  payment_provider: string;
  currency: string;
  subtotal_amount: number;
  discount_amount: number;
  tax_amount: number;
  tax_included_amount: number;
  shipping_amount: number;
  total_amount: number;
  coupon_code: string | null;
  coupon_discount_amount: number;
  group_discount_amount: number;
  points_redeemed: number;
  points_discount_amount: number;
  shipping_method: string | null;
  shipping_address: unknown;
  billing_address: unknown;
  cart_id: string | null;
  cancel_reason: string | null;
  /** The `cancellation-reason` lookup's code chosen, when one was. */
  cancel_reason_code: string | null;
  placed_at: Generated<Date>;
  paid_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  created_at: Generated<Date>;
  /** Set to `now()` by every update. */
  updated_at: ColumnType<Date, Date | undefined, Date | RawBuilder<Date>>;
  /** Guest orders: contact keys and client address, for the guest cash-on-delivery limits. */
  buyer_email_key: Generated<string | null>;
  buyer_phone_key: Generated<string | null>;
  placed_ip: Generated<string | null>;
}

export interface OrderItemsTable {
  id: string;
  store_id: string;
  order_id: string;
  offer_id: string;
  product_id: string;
  variant_id: string | null;
  seller_id: string;
  name: string;
  sku: string;
  options: unknown;
  image_url: string | null;
  category_id: string | null;
  unit_price_amount: number;
  quantity: number;
  subtotal_amount: number;
  discount_amount: number;
  tax_amount: number;
  tax_rate_bp: number;
  reward_percent_bp: number;
  weight_grams: number | null;
  fulfillment_status: Generated<ItemStatus>;
  created_at: Generated<Date>;
}

export interface OrderStatusHistoryTable {
  id: string;
  store_id: string;
  order_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  reason: string | null;
  metadata: unknown;
  created_at: Generated<Date>;
}

export interface CheckoutRequestsTable {
  store_id: string;
  scope: string;
  idempotency_key: string;
  order_id: string;
  payment_id: string | null;
  created_at: Generated<Date>;
}

export interface OrderTables {
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_status_history: OrderStatusHistoryTable;
  checkout_requests: CheckoutRequestsTable;
}

/** What an order read returns: every column but the timestamps of the row and the guest-limit keys. */
export const ORDER_COLUMNS = [
  'id',
  'store_id',
  'number',
  'user_id',
  'email',
  'status',
  'payment_status',
  'payment_provider',
  'currency',
  'subtotal_amount',
  'discount_amount',
  'tax_amount',
  'tax_included_amount',
  'shipping_amount',
  'total_amount',
  'coupon_code',
  'coupon_discount_amount',
  'group_discount_amount',
  'points_redeemed',
  'points_discount_amount',
  'shipping_method',
  'shipping_address',
  'billing_address',
  'cart_id',
  'cancel_reason',
  'cancel_reason_code',
  'placed_at',
  'paid_at',
  'shipped_at',
  'delivered_at',
  'cancelled_at',
] as const;

export const ITEM_COLUMNS = [
  'id',
  'store_id',
  'order_id',
  'offer_id',
  'product_id',
  'variant_id',
  'seller_id',
  'name',
  'sku',
  'options',
  'image_url',
  'category_id',
  'unit_price_amount',
  'quantity',
  'subtotal_amount',
  'discount_amount',
  'tax_amount',
  'tax_rate_bp',
  'reward_percent_bp',
  'weight_grams',
  'fulfillment_status',
  'created_at',
] as const;

export const HISTORY_COLUMNS = [
  'id',
  'order_id',
  'from_status',
  'to_status',
  'actor_id',
  'reason',
  'metadata',
  'created_at',
] as const;

export type OrderRow = Pick<Selectable<OrdersTable>, (typeof ORDER_COLUMNS)[number]>;
export type ItemRow = Pick<Selectable<OrderItemsTable>, (typeof ITEM_COLUMNS)[number]>;
export type HistoryRow = Pick<Selectable<OrderStatusHistoryTable>, (typeof HISTORY_COLUMNS)[number]>;
export type NewOrder = Insertable<OrdersTable>;
export type NewItem = Insertable<OrderItemsTable>;

const t = (db: Db) => tables<OrderTables>(db);

/**
 * The store's next order number, from its counter row (created at 100001 on its first order).
 * Run outside the order's transaction, the row is locked for this statement only.
 */
/** Takes the store's next `count` order numbers; returns the last of them (the first is last − count + 1). */
export async function takeOrderNumbers(db: Db, storeId: string, count: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    INSERT INTO order_number_counters AS c (store_id, last_number) VALUES (${storeId}, ${100000 + count})
    ON CONFLICT (store_id) DO UPDATE SET last_number = c.last_number + ${count}
    RETURNING c.last_number AS n`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * Writes a new order, its items and its first history entry in one statement (the items and the
 * history row as data-modifying CTEs; their foreign keys are checked at the statement's end).
 * Returns the order row, and the items as a read gives them (by id, with the columns' defaults,
 * their options in jsonb's key order).
 */
export async function insertPlacedOrder(
  db: Db,
  row: NewOrder,
  items: NewItem[],
  history: Insertable<OrderStatusHistoryTable>,
  withEvents: WithEvents = (qc) => qc, // the placing's events, written by the same statement
): Promise<{ order: OrderRow; items: ItemRow[] }> {
  const order = await withEvents<OrderTables>(t(db))
    .with('i', (qb) =>
      qb
        .insertInto('order_items')
        .values(items.map((r) => ({ ...r, options: JSON.stringify(r.options ?? {}) }))),
    )
    .with('h', (qb) =>
      qb
        .insertInto('order_status_history')
        .values({ ...history, metadata: JSON.stringify(history.metadata ?? {}) }),
    )
    .insertInto('orders')
    .values({
      ...row,
      shipping_address: JSON.stringify(row.shipping_address),
      billing_address: JSON.stringify(row.billing_address),
    })
    .returning(ORDER_COLUMNS)
    .executeTakeFirstOrThrow();
  const byId = [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    order,
    items: byId.map((r) => ({
      id: r.id,
      store_id: r.store_id,
      order_id: r.order_id,
      offer_id: r.offer_id,
      product_id: r.product_id,
      variant_id: r.variant_id ?? null,
      seller_id: r.seller_id,
      name: r.name,
      sku: r.sku,
      options: asJsonb(r.options ?? {}),
      image_url: r.image_url ?? null,
      category_id: r.category_id ?? null,
      unit_price_amount: r.unit_price_amount,
      quantity: r.quantity,
      subtotal_amount: r.subtotal_amount,
      discount_amount: r.discount_amount ?? 0,
      tax_amount: r.tax_amount ?? 0,
      tax_rate_bp: r.tax_rate_bp ?? 0,
      reward_percent_bp: r.reward_percent_bp ?? 0,
      weight_grams: r.weight_grams ?? null,
      fulfillment_status: 'PENDING',
      // now() of the same transaction as the order's placing
      created_at: order.placed_at,
    })) as ItemRow[],
  };
}

export function findOrder(db: Db, storeId: string, id: string, lock = false) {
  let q = t(db)
    .selectFrom('orders')
    .select(ORDER_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * PENDING orders placed before `before`, across stores, oldest first, after the `after` key (a
 * system sweep: unpaid orders that may have outlived their stock hold).
 */
export function pendingPlacedBefore(
  db: Db,
  before: Date,
  limit: number,
  after?: { placedAt: Date; id: string },
) {
  let q = t(db)
    .selectFrom('orders')
    .select(['id', 'store_id', 'placed_at'])
    .where('status', '=', 'PENDING')
    .where('placed_at', '<', before);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('placed_at', '>', after.placedAt),
        eb.and([eb('placed_at', '=', after.placedAt), eb('id', '>', after.id)]),
      ]),
    );
  return q.orderBy('placed_at').orderBy('id').limit(limit).execute();
}

/** Statuses in which a cash-on-delivery order still holds stock nobody has paid for. */
const OPEN_COD_STATUSES: OrderStatus[] = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED'];

/** Open guest COD orders of the store with this email key, phone key and client address. */
export async function countOpenGuestCodOrders(
  db: Db,
  storeId: string,
  keys: { email: string | null; phone: string | null; ip: string | null },
) {
  const matches: RawBuilder<boolean>[] = [];
  if (keys.email) matches.push(sql`buyer_email_key = ${keys.email}`);
  if (keys.phone) matches.push(sql`buyer_phone_key = ${keys.phone}`);
  if (keys.ip) matches.push(sql`placed_ip = ${keys.ip}`);
  if (matches.length === 0) return { email: 0, phone: 0, ip: 0 };
  const row = await t(db)
    .selectFrom('orders')
    .select([
      sql<number>`count(*) FILTER (WHERE buyer_email_key = ${keys.email})`.as('email'),
      sql<number>`count(*) FILTER (WHERE buyer_phone_key = ${keys.phone})`.as('phone'),
      sql<number>`count(*) FILTER (WHERE placed_ip = ${keys.ip})`.as('ip'),
    ])
    .where('store_id', '=', storeId)
    .where('user_id', 'is', null)
    .where('payment_provider', '=', 'cod')
    .where('status', 'in', OPEN_COD_STATUSES)
    .where(sql<boolean>`(${sql.join(matches, sql` OR `)})`)
    .executeTakeFirstOrThrow();
  return { email: Number(row.email), phone: Number(row.phone), ip: Number(row.ip) };
}

export function updateOrder(db: Db, storeId: string, id: string, patch: Updateable<OrdersTable>) {
  return t(db)
    .updateTable('orders')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(ORDER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** `updateOrder` and the history entry of the change, in one statement (the entry as a CTE). */
export function updateOrderWithHistory(
  db: Db,
  storeId: string,
  id: string,
  patch: Updateable<OrdersTable>,
  history: Insertable<OrderStatusHistoryTable>,
  withEvents: WithEvents = (qc) => qc, // the move's events, written by the same statement
) {
  return withEvents<OrderTables>(t(db))
    .with('h', (qb) =>
      qb
        .insertInto('order_status_history')
        .values({ ...history, metadata: JSON.stringify(history.metadata ?? {}) }),
    )
    .updateTable('orders')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(ORDER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function itemsOf(db: Db, storeId: string, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([] as ItemRow[]);
  return t(db)
    .selectFrom('order_items')
    .select(ITEM_COLUMNS)
    .where('store_id', '=', storeId)
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
}

export function findItem(db: Db, storeId: string, orderId: string, itemId: string, lock = false) {
  let q = t(db)
    .selectFrom('order_items')
    .select(ITEM_COLUMNS)
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('id', '=', itemId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function setItemStatus(db: Db, storeId: string, ids: string[], status: ItemStatus) {
  if (ids.length === 0) return Promise.resolve();
  return t(db)
    .updateTable('order_items')
    .set({ fulfillment_status: status })
    .where('store_id', '=', storeId)
    .where('id', 'in', ids)
    .execute()
    .then(() => undefined);
}

export function findCheckoutRequest(db: Db, storeId: string, scope: string, key: string) {
  return t(db)
    .selectFrom('checkout_requests')
    .select(['order_id', 'payment_id'])
    .where('store_id', '=', storeId)
    .where('scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertCheckoutRequest(db: Db, row: Insertable<CheckoutRequestsTable>) {
  await t(db).insertInto('checkout_requests').values(row).execute();
}

/** Whether the store has any order at all. */
export async function anyOrders(db: Db, storeId: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('orders')
    .select('id')
    .where('store_id', '=', storeId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One order cancelled for the `cancellation-reason` code, if any (orders_cancel_reason_code_idx). */
export function orderWithCancelReason(db: Db, storeId: string, code: string) {
  return t(db)
    .selectFrom('orders')
    .select('id')
    .where('store_id', '=', storeId)
    .where('cancel_reason_code', '=', code)
    .limit(1)
    .executeTakeFirst();
}
