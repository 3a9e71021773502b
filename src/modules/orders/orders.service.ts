import { z } from 'zod';
import { contactKeys } from '../../platform/contact-keys.ts';
import type { Db } from '../../platform/db/database.ts';
import { hasRole, requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { type Money, money, mulDivFloor } from '../../platform/money.ts';
import { OrderItemNotFound, OrderNotFound, OrderNotPaid, TransitionNotAllowed } from './orders.errors.ts';
import type { Totals } from './orders.pricing.ts';
import type { ItemRow, OrderRow } from './orders.repository.ts';
import * as repo from './orders.repository.ts';
import {
  canTransition,
  FULFILMENT_STATUSES,
  type FulfilmentStatus,
  ITEM_TRANSITIONS,
  type ItemStatus,
  type OrderStatus,
  paymentAllows,
} from './orders.status.ts';
import { partTotals } from './orders.totals.ts';

export interface Address {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone?: string | undefined;
}

export interface DraftItem {
  offerId: string;
  productId: string;
  variantId: string | null;
  sellerId: string;
  name: string;
  sku: string;
  options: Record<string, unknown>;
  imageUrl: string | null;
  categoryId: string | null;
  unitPrice: number;
  quantity: number;
  rewardPercentBp: number;
  weightGrams: number | null;
}

export interface OrderDraft {
  id: string;
  /** From `nextOrderNumber`, taken before the order's transaction. */
  number: string;
  userId: string | null;
  email: string;
  currency: string;
  paymentProvider: string;
  status: 'PENDING' | 'CONFIRMED';
  totals: Totals;
  couponCode: string | null;
  shippingMethod: string | null;
  shippingAddress: Address;
  billingAddress: Address;
  cartId: string | null;
  /** In the same order as `totals.lines`. */
  items: DraftItem[];
}

export interface OrderItemView {
  id: string;
  offerId: string;
  productId: string;
  sellerId: string;
  name: string;
  sku: string;
  options: Record<string, unknown>;
  imageUrl: string | null;
  quantity: number;
  unitPrice: Money;
  discount: Money;
  tax: Money;
  total: Money;
  fulfillmentStatus: ItemStatus;
}

export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  paymentStatus: string;
  paymentProvider: string;
  email: string;
  userId: string | null;
  items: OrderItemView[];
  totals: { subtotal: Money; discount: Money; tax: Money; shipping: Money; total: Money };
  couponCode: string | null;
  pointsRedeemed: number;
  shippingMethod: string | null;
  shippingAddress: Address;
  billingAddress: Address;
  cancelReason: string | null;
  placedAt: string;
}

function presentItem(i: ItemRow, currency: string): OrderItemView {
  return {
    id: i.id,
    offerId: i.offer_id,
    productId: i.product_id,
    sellerId: i.seller_id,
    name: i.name,
    sku: i.sku,
    options: i.options as Record<string, unknown>,
    imageUrl: i.image_url,
    quantity: i.quantity,
    unitPrice: money(i.unit_price_amount, currency),
    discount: money(i.discount_amount, currency),
    tax: money(i.tax_amount, currency),
    total: money(i.subtotal_amount, currency),
    fulfillmentStatus: i.fulfillment_status,
  };
}

/** The order as its buyer and staff see it; a seller sees only its own items and their sums. */
export function presentOrder(o: OrderRow, items: ItemRow[], sellerId?: string): OrderView {
  const c = o.currency;
  const shown = sellerId ? items.filter((i) => i.seller_id === sellerId) : items;
  const t = partTotals(o, items, sellerId ?? null);
  const totals = {
    subtotal: money(t.subtotal, c),
    discount: money(t.discount, c),
    tax: money(t.tax, c),
    shipping: money(t.shipping, c),
    total: money(t.total, c),
  };
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    paymentStatus: o.payment_status,
    paymentProvider: o.payment_provider,
    email: o.email,
    userId: o.user_id,
    items: shown.map((i) => presentItem(i, c)),
    totals,
    couponCode: o.coupon_code,
    pointsRedeemed: o.points_redeemed,
    shippingMethod: o.shipping_method,
    shippingAddress: o.shipping_address as Address,
    billingAddress: o.billing_address as Address,
    cancelReason: o.cancel_reason,
    placedAt: o.placed_at.toISOString(),
  };
}

const STATUS_TIMESTAMP: Partial<Record<OrderStatus, keyof OrderRow>> = {
  PAID: 'paid_at',
  SHIPPED: 'shipped_at',
  DELIVERED: 'delivered_at',
  CANCELLED: 'cancelled_at',
};

const ITEM_STATUS_FOR: Partial<Record<OrderStatus, ItemStatus>> = {
  PROCESSING: 'PROCESSING',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
  RETURNED: 'RETURNED',
};

/** What the guest cash-on-delivery limits count a guest order by (nothing for signed-in buyers). */
function guestKeys(ctx: Ctx, draft: OrderDraft) {
  if (draft.userId) return {};
  const keys = contactKeys({ email: draft.email, phone: draft.shippingAddress.phone });
  return { buyer_email_key: keys.email, buyer_phone_key: keys.phone, placed_ip: ctx.ip ?? null };
}

export class OrdersService {
  constructor(private readonly jobs: Jobs) {}

  /**
   * The store's next order number, taken in a statement of its own: call it outside the order's
   * transaction, so concurrent checkouts never queue on the store's counter row until commit. A
   * checkout that fails after taking a number leaves a gap; numbers are never given twice.
   */
  async nextOrderNumber(ctx: Ctx): Promise<string> {
    return repo.nextOrderNumber(ctx.db, ctx.storeId);
  }

  /** Writes the order, its item snapshots and first history entry in the caller's transaction. */
  async createOrder(trx: Db, ctx: Ctx, draft: OrderDraft): Promise<OrderView> {
    const t = draft.totals;
    const order = await repo.insertOrder(trx, {
      id: draft.id,
      store_id: ctx.storeId,
      number: draft.number,
      user_id: draft.userId,
      email: draft.email,
      status: draft.status,
      payment_provider: draft.paymentProvider,
      currency: draft.currency,
      subtotal_amount: t.subtotal,
      discount_amount: t.discount,
      tax_amount: t.tax,
      tax_included_amount: t.taxIncluded,
      shipping_amount: t.shipping,
      total_amount: t.total,
      coupon_code: draft.couponCode,
      coupon_discount_amount: t.couponDiscount,
      group_discount_amount: t.groupDiscount,
      points_redeemed: t.pointsRedeemed,
      points_discount_amount: t.pointsDiscount,
      shipping_method: draft.shippingMethod,
      shipping_address: draft.shippingAddress,
      billing_address: draft.billingAddress,
      cart_id: draft.cartId,
      cancel_reason: null,
      paid_at: null,
      shipped_at: null,
      delivered_at: null,
      cancelled_at: null,
      ...guestKeys(ctx, draft),
    });
    const items = await repo.insertItems(
      trx,
      draft.items.map((item, i) => {
        const line = t.lines[i]!;
        return {
          id: newId(),
          store_id: ctx.storeId,
          order_id: order.id,
          offer_id: item.offerId,
          product_id: item.productId,
          variant_id: item.variantId,
          seller_id: item.sellerId,
          name: item.name,
          sku: item.sku,
          options: item.options,
          image_url: item.imageUrl,
          category_id: item.categoryId,
          unit_price_amount: item.unitPrice,
          quantity: item.quantity,
          subtotal_amount: line.subtotal,
          discount_amount: line.discount,
          tax_amount: line.tax,
          tax_rate_bp: line.taxRateBp,
          reward_percent_bp: item.rewardPercentBp,
          weight_grams: item.weightGrams,
        };
      }),
    );
    await repo.insertHistory(trx, {
      id: newId(),
      store_id: ctx.storeId,
      order_id: order.id,
      from_status: null,
      to_status: order.status,
      actor_id: ctx.actor?.userId ?? null,
      reason: 'order placed',
      metadata: {},
    });
    await this.jobs.publish(trx, {
      name: 'orders.order.placed',
      storeId: ctx.storeId,
      payload: {
        orderId: order.id,
        number: order.number,
        userId: order.user_id,
        email: order.email,
        total: order.total_amount,
        currency: order.currency,
      },
    });
    return presentOrder(order, items);
  }

  /**
   * Moves an order along the state machine under a row lock, records who and why, and publishes
   * `orders.order.<status>`. Returns the order before and after.
   */
  async transition(
    trx: Db,
    ctx: Ctx,
    orderId: string,
    to: OrderStatus,
    why: { reason?: string | undefined; metadata?: Record<string, unknown> } = {},
  ): Promise<{ before: OrderRow; after: OrderRow; items: ItemRow[] }> {
    const before = await this.lock(trx, ctx, orderId);
    if (!canTransition(before.status, to)) throw new TransitionNotAllowed(before.status, to);
    const stamp = STATUS_TIMESTAMP[to];
    const after = await repo.updateOrder(trx, orderId, {
      status: to,
      ...(stamp ? { [stamp]: new Date() } : {}),
      ...(to === 'CANCELLED' ? { cancel_reason: why.reason ?? null } : {}),
    });
    let items = await repo.itemsOf(trx, [orderId]);
    const itemStatus = ITEM_STATUS_FOR[to];
    if (itemStatus) {
      const moving = items.filter(
        (i) =>
          i.fulfillment_status === itemStatus || ITEM_TRANSITIONS[i.fulfillment_status].includes(itemStatus),
      );
      await repo.setItemStatus(
        trx,
        moving.filter((i) => i.fulfillment_status !== itemStatus).map((i) => i.id),
        itemStatus,
      );
      items = await repo.itemsOf(trx, [orderId]);
    }
    await repo.insertHistory(trx, {
      id: newId(),
      store_id: ctx.storeId,
      order_id: orderId,
      from_status: before.status,
      to_status: to,
      actor_id: ctx.actor?.userId ?? null,
      reason: why.reason ?? null,
      metadata: why.metadata ?? {},
    });
    await this.jobs.publish(trx, {
      name: `orders.order.${to.toLowerCase()}`,
      storeId: ctx.storeId,
      payload: {
        orderId,
        number: after.number,
        userId: after.user_id,
        from: before.status,
        to,
        ...this.rewardPayload(after, items),
      },
    });
    return { before, after, items };
  }

  /** Points earned by a delivered order: Σ line net × reward percent ÷ point value (in the event). */
  private rewardPayload(order: OrderRow, items: ItemRow[]) {
    if (order.status !== 'DELIVERED') return {};
    const rewardValue = items.reduce(
      (s, i) => s + mulDivFloor(i.subtotal_amount - i.discount_amount, i.reward_percent_bp, 10_000),
      0,
    );
    return { rewardValue, currency: order.currency };
  }

  /** What a delivered order earns: the `rewardValue` its `delivered` event carries (0 unless DELIVERED). */
  async earnedReward(db: Db, ctx: Ctx, orderId: string): Promise<{ order: OrderRow; rewardValue: number }> {
    const { order, items } = await this.load(db, ctx, orderId);
    const reward = this.rewardPayload(order, items);
    return { order, rewardValue: ('rewardValue' in reward ? reward.rewardValue : undefined) ?? 0 };
  }

  /** PENDING orders of every store placed before `before`, oldest first (the expiry sweep pages with `after`). */
  pendingPlacedBefore(db: Db, before: Date, limit: number, after?: { placedAt: Date; id: string }) {
    return repo.pendingPlacedBefore(db, before, limit, after);
  }

  async setPaymentStatus(trx: Db, ctx: Ctx, orderId: string, paymentStatus: string): Promise<void> {
    await this.lock(trx, ctx, orderId);
    await repo.updateOrder(trx, orderId, { payment_status: paymentStatus });
  }

  async lock(trx: Db, ctx: Ctx, orderId: string): Promise<OrderRow> {
    const order = isUuid(orderId) ? await repo.findOrder(trx, ctx.storeId, orderId, true) : undefined;
    if (!order) throw new OrderNotFound();
    return order;
  }

  async load(db: Db, ctx: Ctx, orderId: string): Promise<{ order: OrderRow; items: ItemRow[] }> {
    const order = isUuid(orderId) ? await repo.findOrder(db, ctx.storeId, orderId) : undefined;
    if (!order) throw new OrderNotFound();
    return { order, items: await repo.itemsOf(db, [orderId]) };
  }

  /** Owner, admin, or a seller with items in it (seeing only those); 404 for anyone else. */
  async viewOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
    const actor = requireActor(ctx);
    const { order, items } = await this.load(ctx.db, ctx, orderId);
    if (order.user_id === actor.userId || hasRole(actor, 'ADMIN')) return presentOrder(order, items);
    if (hasRole(actor, 'SELLER') && items.some((i) => i.seller_id === actor.userId))
      return presentOrder(order, items, actor.userId);
    throw new OrderNotFound();
  }

  /** The buyer's own order (for buyer-only actions such as cancel); 404 for anyone else. */
  async ownOrder(ctx: Ctx, orderId: string): Promise<OrderRow> {
    const actor = requireActor(ctx);
    const { order } = await this.load(ctx.db, ctx, orderId);
    if (order.user_id !== actor.userId && !hasRole(actor, 'ADMIN')) throw new OrderNotFound();
    return order;
  }

  async view(db: Db, ctx: Ctx, orderId: string): Promise<OrderView> {
    const { order, items } = await this.load(db, ctx, orderId);
    return presentOrder(order, items);
  }

  async listMine(
    ctx: Ctx,
    query: { limit: number; cursor?: string | undefined; status?: OrderStatus | undefined },
  ) {
    const actor = requireActor(ctx);
    return this.list(ctx, { ...query, userId: actor.userId });
  }

  async listAll(
    ctx: Ctx,
    query: {
      limit: number;
      cursor?: string | undefined;
      status?: OrderStatus | undefined;
      number?: string | undefined;
    },
  ) {
    requireRole(ctx, 'ADMIN');
    if (query.number) {
      const order = await repo.findOrderByNumber(ctx.db, ctx.storeId, query.number);
      const items = order ? await repo.itemsOf(ctx.db, [order.id]) : [];
      return { items: order ? [presentOrder(order, items)] : [], nextCursor: null };
    }
    return this.list(ctx, query);
  }

  private async list(
    ctx: Ctx,
    query: { limit: number; cursor?: string | undefined; status?: OrderStatus | undefined; userId?: string },
  ) {
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.listOrders(ctx.db, {
      storeId: ctx.storeId,
      userId: query.userId,
      status: query.status,
      after: after?.id,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const items = await repo.itemsOf(
      ctx.db,
      page.map((o) => o.id),
    );
    const byOrder = new Map<string, ItemRow[]>();
    for (const item of items) byOrder.set(item.order_id, [...(byOrder.get(item.order_id) ?? []), item]);
    return toPage(
      rows,
      query.limit,
      (o) => presentOrder(o, byOrder.get(o.id) ?? []),
      (o) => ({ id: o.id }),
    );
  }

  async history(ctx: Ctx, orderId: string) {
    await this.viewOrder(ctx, orderId);
    const rows = await repo.historyOf(ctx.db, orderId);
    return rows.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      actorId: h.actor_id,
      reason: h.reason,
      metadata: h.metadata as Record<string, unknown>,
      at: h.created_at.toISOString(),
    }));
  }

  /** A seller's order items, newest first (seed 000 OrderItems GSI1). */
  async sellerItems(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireRole(ctx, 'SELLER');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.sellerItems(ctx.db, ctx.storeId, actor.userId, query.limit, after?.id);
    const orders = new Map<string, OrderRow>();
    for (const row of rows) {
      if (!orders.has(row.order_id))
        orders.set(row.order_id, (await repo.findOrder(ctx.db, ctx.storeId, row.order_id))!);
    }
    return toPage(
      rows,
      query.limit,
      (i) => ({
        ...presentItem(i, orders.get(i.order_id)!.currency),
        orderId: i.order_id,
        orderNumber: orders.get(i.order_id)!.number,
        placedAt: i.created_at.toISOString(),
      }),
      (i) => ({ id: i.id }),
    );
  }

  /**
   * A seller moves its own item along fulfilment (PROCESSING, SHIPPED, DELIVERED); admins move any
   * item. Never ships before the money is in (cash on delivery may ship) nor delivers before it is
   * collected. Locks the order, then the item: the order-first order every writer of orders keeps.
   */
  async updateItemStatus(trx: Db, ctx: Ctx, orderId: string, itemId: string, to: FulfilmentStatus) {
    const actor = requireRole(ctx, 'SELLER', 'ADMIN');
    if (!(FULFILMENT_STATUSES as readonly string[]).includes(to)) {
      throw new BadRequest('Items move only along fulfilment.', [
        { pointer: '/status', in: 'body', detail: `One of ${FULFILMENT_STATUSES.join(', ')}.` },
      ]);
    }
    if (!isUuid(orderId) || !isUuid(itemId)) throw new OrderItemNotFound();
    const order = await repo.findOrder(trx, ctx.storeId, orderId, true);
    const item = order && (await repo.findItem(trx, ctx.storeId, orderId, itemId, true));
    if (!order || !item || (!hasRole(actor, 'ADMIN') && item.seller_id !== actor.userId)) {
      throw new OrderItemNotFound();
    }
    if (order.status === 'CANCELLED' || order.status === 'PENDING')
      throw new TransitionNotAllowed(order.status, `item ${to}`);
    if (!ITEM_TRANSITIONS[item.fulfillment_status].includes(to))
      throw new TransitionNotAllowed(item.fulfillment_status, to);
    if (!paymentAllows(to, order)) throw new OrderNotPaid(to, order.payment_status);
    await repo.setItemStatus(trx, [item.id], to);
    await this.advanceFromItems(trx, ctx, orderId);
    return this.load(trx, ctx, orderId);
  }

  /** When every live item has shipped (or been delivered), the order follows. */
  private async advanceFromItems(trx: Db, ctx: Ctx, orderId: string) {
    const items = (await repo.itemsOf(trx, [orderId])).filter((i) => i.fulfillment_status !== 'CANCELLED');
    const all = (statuses: ItemStatus[]) =>
      items.length > 0 && items.every((i) => statuses.includes(i.fulfillment_status));
    let order = await this.lock(trx, ctx, orderId);
    const step = async (to: OrderStatus) => {
      order = (await this.transition(trx, ctx, orderId, to, { reason: 'all items moved' })).after;
    };
    if (all(['SHIPPED', 'DELIVERED'])) {
      if (order.status === 'PAID' || order.status === 'CONFIRMED') await step('PROCESSING');
      if (order.status === 'PROCESSING') await step('SHIPPED');
    }
    if (all(['DELIVERED']) && order.status === 'SHIPPED') await step('DELIVERED');
  }
}
