import { NO_CTES, type WithCtes, withBoth } from '../../platform/db/ctes.ts';
import type { Db } from '../../platform/db/database.ts';
import { hasRole, requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { mulDivFloor } from '../../platform/money.ts';
import * as archive from './orders.archive.repository.ts';
import { historyRow, itemRows, type OrderDraft, orderRow, type WrittenOrder } from './orders.draft.ts';
import {
  OrderArchived,
  OrderItemNotFound,
  OrderNotFound,
  OrderNotPaid,
  TransitionNotAllowed,
} from './orders.errors.ts';
import { placedEvent, statusEvent } from './orders.events.ts';
import { type ListQuery, listOrders, orderByNumber, sellerItemsPage } from './orders.lists.ts';
import { OrderNumbers } from './orders.numbers.ts';
import { presentHistory, presentOrder } from './orders.presenters.ts';
import type { ItemRow, OrderRow } from './orders.repository.ts';
import * as repo from './orders.repository.ts';
import type { OrderShipment, OrderSummaryView, OrderView } from './orders.schemas.ts';
import {
  type PricingRules,
  type PricingRulesCache,
  shippingMethodFor,
  taxRulesFor,
} from './orders.settings.ts';
import {
  canTransition,
  FULFILMENT_STATUSES,
  type FulfilmentStatus,
  ITEM_TRANSITIONS,
  type ItemStatus,
  type OrderStatus,
  paymentAllows,
} from './orders.status.ts';
import { orderSummary } from './orders.summary.ts';

/** A checkout made with an Idempotency-Key: the order and payment a retry answers with. */
export interface CheckoutRecord {
  cartId: string;
  idempotencyKey: string;
  orderId: string;
  paymentId: string;
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

/** The idempotency scope of a checkout: one key per cart. */
const checkoutScope = (cartId: string) => `cart:${cartId}`;

/**
 * The shipments of orders as the order view shows them (fulfilment answers); `buyerId` is set when
 * the buyer is the one looking (it sees its delivery codes).
 */
export type ShipmentsOfOrders = (
  ctx: Ctx,
  orderIds: string[],
  buyerId: string | null,
) => Promise<Map<string, OrderShipment[]>>;

export class OrdersService {
  private shipmentsOf: ShipmentsOfOrders = async () => new Map();
  private readonly numbers = new OrderNumbers();

  constructor(
    private readonly jobs: Jobs,
    /** The tax rules and shipping methods checkout prices with, cached per process. */
    readonly pricing?: PricingRulesCache,
  ) {}

  /** The destination's tax rules and the shipping method chosen (see `shippingMethodFor`), cached. */
  async pricingRules(ctx: Ctx, shippingCode: string | undefined, country: string): Promise<PricingRules> {
    if (this.pricing) return this.pricing.rulesFor(ctx, shippingCode, country);
    const [taxRules, shipping] = [
      await taxRulesFor(ctx, country),
      await shippingMethodFor(ctx, shippingCode, country),
    ];
    return { taxRules, shipping };
  }

  /** Wires fulfilment's shipments into the order view; called once at assembly. */
  useShipments(port: ShipmentsOfOrders): void {
    this.shipmentsOf = port;
  }

  /**
   * The store's next order number, taken in a statement of its own: call it outside the order's
   * transaction, so concurrent checkouts never queue on the store's counter row until commit. A
   * checkout that fails after taking a number leaves a gap; numbers are never given twice.
   */
  async nextOrderNumber(ctx: Ctx): Promise<string> {
    return this.numbers.next(ctx.db, ctx.storeId);
  }

  /** Writes the order, its item snapshots and first history entry in the caller's transaction. */
  async createOrder(ctx: Ctx, draft: OrderDraft): Promise<OrderView> {
    const { order, items } = await this.writeOrder(ctx, draft);
    return presentOrder(order, items);
  }

  /**
   * `createOrder` answering the rows as written (with `placed`, one statement): for `placedView`.
   * `also`: other modules' writes carried by the same statement (checkout's pending payment).
   */
  async writeOrder(ctx: Ctx, draft: OrderDraft, also: WithCtes = NO_CTES): Promise<WrittenOrder> {
    const row = orderRow(ctx, draft);
    const { order, items } = await this.jobs.publishWith(
      ctx.db,
      [placedEvent(ctx.storeId, row)],
      (withEvents) =>
        repo.insertPlacedOrder(
          ctx.db,
          row,
          itemRows(ctx, draft.id, draft),
          historyRow(ctx, draft.id, { from: null, to: row.status as OrderStatus, reason: 'order placed' }),
          withBoth(withEvents, also),
        ),
    );
    return { order, items };
  }

  /**
   * Moves an order along the state machine under a row lock, records who and why, and publishes
   * the status's event (`OrderEvents`). Returns the order before and after.
   */
  async transition(
    ctx: Ctx,
    orderId: string,
    to: OrderStatus,
    why: {
      reason?: string | undefined;
      /** A cancellation's `cancellation-reason` code, when one was chosen. */
      reasonCode?: string | undefined;
      metadata?: Record<string, unknown>;
    } = {},
    /** The order as the caller locked it in `ctx.db`'s transaction (its lock is not taken again). */
    locked?: OrderRow,
    /** The payment status the order takes in the same write (a capture that pays it). */
    paymentStatus?: string,
  ): Promise<{ before: OrderRow; after: OrderRow }> {
    const before = locked?.id === orderId ? locked : await this.lock(ctx, orderId);
    // nothing moves back to PENDING: the table allows it from no status
    if (to === 'PENDING' || !canTransition(before.status, to))
      throw new TransitionNotAllowed(before.status, to);
    // the items first, so the order's write can carry the move's event (a delivery's reward)
    const items = await this.itemsFollow(ctx, orderId, to);
    const stamp = STATUS_TIMESTAMP[to];
    const event = statusEvent(ctx.storeId, before, to, this.rewardPayload({ ...before, status: to }, items));
    const after = await this.jobs.publishWith(ctx.db, [event], (withEvents) =>
      repo.updateOrderWithHistory(
        ctx.db,
        ctx.storeId,
        orderId,
        {
          status: to,
          ...(stamp ? { [stamp]: new Date() } : {}),
          ...(to === 'CANCELLED'
            ? { cancel_reason: why.reason ?? null, cancel_reason_code: why.reasonCode ?? null }
            : {}),
          ...(paymentStatus ? { payment_status: paymentStatus } : {}),
        },
        historyRow(ctx, orderId, { from: before.status, to, ...why }),
        withEvents,
      ),
    );
    return { before, after };
  }

  /**
   * The items follow their order's move where their own machine allows; returns them all after
   * (none read for a move that neither moves them nor earns on them).
   */
  private async itemsFollow(ctx: Ctx, orderId: string, to: OrderStatus): Promise<ItemRow[]> {
    const itemStatus = ITEM_STATUS_FOR[to];
    if (!itemStatus && to !== 'DELIVERED') return [];
    const items = await repo.itemsOf(ctx.db, ctx.storeId, [orderId]);
    if (!itemStatus) return items;
    const moving = items.filter((i) => ITEM_TRANSITIONS[i.fulfillment_status].includes(itemStatus));
    await repo.setItemStatus(
      ctx.db,
      ctx.storeId,
      moving.map((i) => i.id),
      itemStatus,
    );
    return repo.itemsOf(ctx.db, ctx.storeId, [orderId]);
  }

  /** Points earned by a delivered order: Σ line net × reward percent ÷ point value (in the event). */
  private rewardPayload(order: Pick<OrderRow, 'status' | 'currency'>, items: ItemRow[]) {
    if (order.status !== 'DELIVERED') return {};
    const rewardValue = items.reduce(
      (s, i) => s + mulDivFloor(i.subtotal_amount - i.discount_amount, i.reward_percent_bp, 10_000),
      0,
    );
    return { rewardValue, currency: order.currency };
  }

  /** What a delivered order earns: the `rewardValue` its `delivered` event carries (0 unless DELIVERED). */
  async earnedReward(ctx: Ctx, orderId: string): Promise<{ order: OrderRow; rewardValue: number }> {
    const { order, items } = await this.load(ctx, orderId);
    const reward = this.rewardPayload(order, items);
    return { order, rewardValue: ('rewardValue' in reward ? reward.rewardValue : undefined) ?? 0 };
  }

  /** PENDING orders of every store placed before `before`, oldest first (the expiry sweep pages with `after`). */
  pendingPlacedBefore(db: Db, before: Date, limit: number, after?: { placedAt: Date; id: string }) {
    return repo.pendingPlacedBefore(db, before, limit, after);
  }

  /**
   * The order's payment status follows its payment's; returns the order after. `locked`: the order
   * as the caller locked it in `ctx.db`'s transaction (its lock is not taken again).
   */
  async setPaymentStatus(
    ctx: Ctx,
    orderId: string,
    paymentStatus: string,
    locked?: OrderRow,
  ): Promise<OrderRow> {
    if (locked?.id !== orderId) await this.lock(ctx, orderId);
    return repo.updateOrder(ctx.db, ctx.storeId, orderId, { payment_status: paymentStatus });
  }

  /**
   * The hot order's row lock, the door of every change: an archived order is refused (409
   * `order-archived`) to whoever may see it, and not found (404) for anyone else.
   */
  async lock(ctx: Ctx, orderId: string): Promise<OrderRow> {
    const order = isUuid(orderId) ? await repo.findOrder(ctx.db, ctx.storeId, orderId, true) : undefined;
    if (order) return order;
    if (!isUuid(orderId) || !(await archive.isArchived(ctx.db, ctx.storeId, orderId)))
      throw new OrderNotFound();
    const { order: archived, items } = await this.load(ctx, orderId);
    if (ctx.actor && !this.visible(ctx, archived, items)) throw new OrderNotFound();
    throw new OrderArchived();
  }

  /** The order, hot or archived (`archived_at` set), and its items. */
  async load(ctx: Ctx, orderId: string): Promise<{ order: archive.AnyOrderRow; items: ItemRow[] }> {
    const order = isUuid(orderId) ? await archive.findAnyOrder(ctx.db, ctx.storeId, orderId) : undefined;
    if (!order) throw new OrderNotFound();
    return { order, items: await archive.anyItemsOf(ctx.db, ctx.storeId, [orderId]) };
  }

  /** Its buyer and staff see an order; a seller sees it when it has items in it. */
  private visible(ctx: Ctx, order: OrderRow, items: ItemRow[]): boolean {
    const actor = requireActor(ctx);
    if (order.user_id === actor.userId || hasRole(actor, 'ADMIN')) return true;
    return hasRole(actor, 'SELLER') && items.some((i) => i.seller_id === actor.userId);
  }

  /** Many orders of the store with their items, in one read (an unknown id is left out). */
  async loadMany(
    ctx: Ctx,
    orderIds: string[],
  ): Promise<Map<string, { order: archive.AnyOrderRow; items: ItemRow[] }>> {
    const ids = [...new Set(orderIds.filter(isUuid))];
    const found = await archive.findAnyOrdersWithItems(ctx.db, ctx.storeId, ids);
    return new Map(found.map((o) => [o.order.id, o]));
  }

  /** Owner, admin, or a seller with items in it (seeing only those); 404 for anyone else. */
  async viewOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
    const actor = requireActor(ctx);
    const { order, items } = await this.load(ctx, orderId);
    const buyer = order.user_id === actor.userId;
    const shipments = async () =>
      (await this.shipmentsOf(ctx, [order.id], buyer ? actor.userId : null)).get(order.id) ?? [];
    if (buyer || hasRole(actor, 'ADMIN')) return presentOrder(order, items, undefined, await shipments());
    if (hasRole(actor, 'SELLER') && items.some((i) => i.seller_id === actor.userId))
      return presentOrder(order, items, actor.userId, await shipments());
    throw new OrderNotFound();
  }

  /** What uses a cancellation reason code ("an order"), or null: the lookup's delete asks before removing it. */
  async cancelReasonUsedBy(ctx: Ctx, code: string): Promise<string | null> {
    return (await repo.orderWithCancelReason(ctx.db, ctx.storeId, code)) ? 'an order' : null;
  }

  /** The buyer's own order (for buyer-only actions such as cancel); 404 for anyone else. */
  async ownOrder(ctx: Ctx, orderId: string): Promise<OrderRow> {
    const actor = requireActor(ctx);
    const { order } = await this.load(ctx, orderId);
    if (order.user_id !== actor.userId && !hasRole(actor, 'ADMIN')) throw new OrderNotFound();
    if (order.archived_at) throw new OrderArchived();
    return order;
  }

  /**
   * What an invoice shows: the whole order (or the part of `sellerId`) for its buyer and staff, a
   * seller's own part for a seller with items in it; 404 for anyone else.
   */
  async invoiceOf(ctx: Ctx, orderId: string, sellerId: string | undefined) {
    const actor = requireActor(ctx);
    const { order, items } = await this.load(ctx, orderId);
    const isOwner = order.user_id === actor.userId || hasRole(actor, 'ADMIN');
    const sellsHere = hasRole(actor, 'SELLER') && items.some((i) => i.seller_id === actor.userId);
    if (!isOwner && !sellsHere) throw new OrderNotFound();
    return { order, items, sellerId: isOwner ? (sellerId ?? null) : actor.userId };
  }

  /** The whole order, without an access check: for flows that checked access already. */
  async view(ctx: Ctx, orderId: string): Promise<OrderView> {
    const { order, items } = await this.load(ctx, orderId);
    const buyerId = order.user_id !== null && order.user_id === ctx.actor?.userId ? order.user_id : null;
    const shipments = (await this.shipmentsOf(ctx, [order.id], buyerId)).get(order.id) ?? [];
    return presentOrder(order, items, undefined, shipments);
  }

  /**
   * The order as checkout answers with it: placed in this request, it has no shipments yet (staff
   * or sellers create them later), so fulfilment is not asked. `written`: the order as this
   * request's last write of it returned it, with its items as placed (then nothing is read).
   */
  async placedView(ctx: Ctx, orderId: string, written?: WrittenOrder): Promise<OrderView> {
    const { order, items } = written?.order.id === orderId ? written : await this.load(ctx, orderId);
    return presentOrder(order, items, undefined, []);
  }

  async listMine(ctx: Ctx, query: ListQuery) {
    const actor = requireActor(ctx);
    return listOrders(ctx, this.shipmentsOf, { ...query, userId: actor.userId }, actor.userId);
  }

  async listAll(ctx: Ctx, query: ListQuery & { number?: string | undefined; userId?: string | undefined }) {
    requireRole(ctx, 'ADMIN');
    if (query.number) return orderByNumber(ctx, query.number);
    return listOrders(ctx, this.shipmentsOf, query, null);
  }

  /** How many orders were placed in [from, to), by status, and their revenue per currency (ADMIN). */
  summary(ctx: Ctx, query: { from: string; to: string }): Promise<OrderSummaryView> {
    return orderSummary(ctx, query);
  }

  async history(ctx: Ctx, orderId: string) {
    await this.viewOrder(ctx, orderId);
    return (await archive.anyHistoryOf(ctx.db, ctx.storeId, orderId)).map(presentHistory);
  }

  /** A seller's order items, newest first (seed 000 OrderItems GSI1). */
  async sellerItems(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireRole(ctx, 'SELLER');
    return sellerItemsPage(ctx, actor.userId, query);
  }

  /**
   * A seller moves its own item along fulfilment (PROCESSING, SHIPPED, DELIVERED); admins move any
   * item. Never ships before the money is in (cash on delivery may ship) nor delivers before it is
   * collected. Locks the order, then the item: the order-first order every writer of orders keeps.
   */
  async updateItemStatus(ctx: Ctx, orderId: string, itemId: string, to: FulfilmentStatus) {
    const actor = requireRole(ctx, 'SELLER', 'ADMIN');
    if (!(FULFILMENT_STATUSES as readonly string[]).includes(to)) {
      throw new BadRequest('Items move only along fulfilment.', [
        { pointer: '/status', in: 'body', detail: `One of ${FULFILMENT_STATUSES.join(', ')}.` },
      ]);
    }
    if (!isUuid(orderId) || !isUuid(itemId)) throw new OrderItemNotFound();
    const order = await this.lock(ctx, orderId).catch((error: unknown) => {
      if (error instanceof OrderNotFound) return undefined;
      throw error;
    });
    const item = order && (await repo.findItem(ctx.db, ctx.storeId, orderId, itemId, true));
    if (!order || !item || (!hasRole(actor, 'ADMIN') && item.seller_id !== actor.userId)) {
      throw new OrderItemNotFound();
    }
    if (order.status === 'CANCELLED' || order.status === 'PENDING')
      throw new TransitionNotAllowed(order.status, `item ${to}`);
    if (!ITEM_TRANSITIONS[item.fulfillment_status].includes(to))
      throw new TransitionNotAllowed(item.fulfillment_status, to);
    if (!paymentAllows(to, order)) throw new OrderNotPaid(to, order.payment_status);
    await repo.setItemStatus(ctx.db, ctx.storeId, [item.id], to);
    await this.advanceFromItems(ctx, orderId);
    return this.load(ctx, orderId);
  }

  /**
   * Items moved by fulfilment (shipments picked up, delivered, returns received), in the caller's
   * transaction holding the order's lock: each item moves where its machine allows, then the order
   * follows its items.
   */
  async followFulfilment(ctx: Ctx, orderId: string, moves: { itemId: string; to: ItemStatus }[]) {
    const items = await repo.itemsOf(ctx.db, ctx.storeId, [orderId]);
    for (const to of ['PROCESSING', 'SHIPPED', 'DELIVERED', 'RETURNED'] as const) {
      const ids = moves
        .filter((m) => m.to === to)
        .map((m) => items.find((i) => i.id === m.itemId))
        .filter((i): i is ItemRow => !!i && ITEM_TRANSITIONS[i.fulfillment_status].includes(to))
        .map((i) => i.id);
      if (ids.length > 0) await repo.setItemStatus(ctx.db, ctx.storeId, ids, to);
    }
    await this.advanceFromItems(ctx, orderId);
  }

  /**
   * The order follows its live items: PROCESSING once any is being fulfilled, SHIPPED when every
   * one has shipped, DELIVERED when every one was delivered, RETURNED when every one came back.
   */
  private async advanceFromItems(ctx: Ctx, orderId: string) {
    const items = (await repo.itemsOf(ctx.db, ctx.storeId, [orderId])).filter(
      (i) => i.fulfillment_status !== 'CANCELLED',
    );
    const all = (statuses: ItemStatus[]) =>
      items.length > 0 && items.every((i) => statuses.includes(i.fulfillment_status));
    let order = await this.lock(ctx, orderId);
    const step = async (to: OrderStatus) => {
      order = (await this.transition(ctx, orderId, to, { reason: 'all items moved' })).after;
    };
    const started = items.some((i) => i.fulfillment_status !== 'PENDING');
    if (started && (order.status === 'PAID' || order.status === 'CONFIRMED')) await step('PROCESSING');
    if (all(['SHIPPED', 'DELIVERED', 'RETURNED']) && order.status === 'PROCESSING') await step('SHIPPED');
    if (all(['DELIVERED', 'RETURNED']) && order.status === 'SHIPPED') await step('DELIVERED');
    if (all(['RETURNED']) && order.status === 'DELIVERED') await step('RETURNED');
  }

  /** The order of this number in the request's store (public tracking checks the email). */
  async findByNumber(ctx: Ctx, number: string): Promise<OrderRow | undefined> {
    return archive.findAnyOrderByNumber(ctx.db, ctx.storeId, number);
  }

  // checkout's records: the idempotency key and the guest cash-on-delivery limits

  /** Remembers a checkout made with an Idempotency-Key, in the checkout's transaction. */
  async recordCheckout(ctx: Ctx, checkout: CheckoutRecord): Promise<void> {
    await repo.insertCheckoutRequest(ctx.db, {
      store_id: ctx.storeId,
      scope: checkoutScope(checkout.cartId),
      idempotency_key: checkout.idempotencyKey,
      order_id: checkout.orderId,
      payment_id: checkout.paymentId,
    });
  }

  /** The order and payment of a checkout of this cart already made with this key, if any. */
  async findCheckout(
    ctx: Ctx,
    cartId: string,
    idempotencyKey: string,
  ): Promise<{ orderId: string; paymentId: string } | null> {
    const done = await repo.findCheckoutRequest(ctx.db, ctx.storeId, checkoutScope(cartId), idempotencyKey);
    return done?.payment_id ? { orderId: done.order_id, paymentId: done.payment_id } : null;
  }

  /** Open guest cash-on-delivery orders of the store by email key, phone key and client address. */
  openGuestCodOrders(ctx: Ctx, keys: { email: string | null; phone: string | null; ip: string | null }) {
    return repo.countOpenGuestCodOrders(ctx.db, ctx.storeId, keys);
  }
}
