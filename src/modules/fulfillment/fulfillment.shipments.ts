import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { OrderNotFound } from '../orders/index.ts';
import { storeSettings } from '../tenancy/index.ts';
import { carriersNamed } from './fulfillment.agents.repository.ts';
import type { Agents } from './fulfillment.agents.ts';
import { collectionsOfShipments } from './fulfillment.cod.repository.ts';
import { codeBinding, type FulfillmentContext, newDeliveryCode } from './fulfillment.context.ts';
import {
  ItemAlreadyShipped,
  OrderAlreadyPickedUp,
  OrderNotShippable,
  ShipmentNotFound,
} from './fulfillment.errors.ts';
import type { OrderForShipping } from './fulfillment.ports.ts';
import { presentForBuyer, presentShipment, type ShipmentParts } from './fulfillment.presenters.ts';
import type { CreateShipmentBody, OrderShipmentView, ShipmentView } from './fulfillment.schemas.ts';
import * as repo from './fulfillment.shipments.repository.ts';
import { LEFT_WAREHOUSE, RELEASED, type ShipmentStatus } from './fulfillment.status.ts';
import type { ShipmentRow } from './fulfillment.tables.ts';

/** Orders that may ship: cash on delivery once confirmed, online payments once paid. */
const SHIPPABLE: readonly string[] = ['CONFIRMED', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED'];

type Line = { orderItemId: string; offerId: string; quantity: number; sellerId: string };

/** Shipments: made from an order's items, read by staff, sellers, agents and the buyer. */
export class Shipments {
  constructor(
    private readonly f: FulfillmentContext,
    private readonly agents: Agents,
  ) {}

  /**
   * Ships items of an order (API.md): every unshipped item the caller may ship by default, or the
   * given items and quantities. One seller's items per shipment. The order is locked first, so
   * two calls for the same items ship them once.
   */
  async create(ctx: Ctx, orderId: string, body: CreateShipmentBody): Promise<ShipmentView> {
    requireRole(ctx, 'SELLER', 'ADMIN');
    const id = await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await this.f.ports.orders.lock(tctx, orderId);
      this.assertShippable(order);
      const lines = await this.linesToShip(tctx, order, body);
      const shipment = await this.insert(tctx, order, lines, body);
      if (body?.deliveryAgentId) await this.agents.assignInTransaction(tctx, shipment, body.deliveryAgentId);
      await this.f.ports.orders.itemsMoved(
        tctx,
        order.id,
        lines.map((l) => ({ itemId: l.orderItemId, to: 'PROCESSING' as const })),
      );
      return shipment.id;
    });
    return this.view(ctx, id);
  }

  private assertShippable(order: OrderForShipping) {
    if (SHIPPABLE.includes(order.status)) return;
    const detail =
      order.status === 'PENDING'
        ? 'The order still awaits its payment; it ships once paid.'
        : `An order in status ${order.status} does not ship.`;
    throw new OrderNotShippable(detail, { orderStatus: order.status });
  }

  /** The lines to ship, each within what is left of its item; only the caller's own items for a seller. */
  private async linesToShip(ctx: Ctx, order: OrderForShipping, body: CreateShipmentBody): Promise<Line[]> {
    const actor = requireRole(ctx, 'SELLER', 'ADMIN');
    const mine = (sellerId: string) => hasRole(actor, 'ADMIN') || sellerId === actor.userId;
    // a seller with nothing in the order learns nothing of it, as on the order itself
    if (!order.items.some((i) => mine(i.sellerId))) throw new OrderNotFound();
    const shipped = await repo.unitsInShipments(ctx.db, ctx.storeId, order.id);
    const live = order.items.filter((i) => i.status !== 'CANCELLED' && i.status !== 'RETURNED');
    const left = (item: (typeof live)[number]) => item.quantity - (shipped.get(item.id) ?? 0);
    const lines: Line[] = body?.items
      ? body.items.map((asked, index) => {
          const item = live.find((i) => i.id === asked.orderItemId && mine(i.sellerId));
          if (!item) {
            throw new BadRequest('The order has no such item you may ship.', [
              { pointer: `/items/${index}/orderItemId`, in: 'body', detail: 'Not an item of this order.' },
            ]);
          }
          if (asked.quantity > left(item)) throw new ItemAlreadyShipped(item.id, Math.max(0, left(item)));
          return {
            orderItemId: item.id,
            offerId: item.offerId,
            quantity: asked.quantity,
            sellerId: item.sellerId,
          };
        })
      : live
          .filter((i) => mine(i.sellerId) && left(i) > 0)
          .map((i) => ({ orderItemId: i.id, offerId: i.offerId, quantity: left(i), sellerId: i.sellerId }));
    if (lines.length === 0) throw new OrderNotShippable('Every item you may ship is already in a shipment.');
    if (new Set(lines.map((l) => l.orderItemId)).size !== lines.length)
      throw new BadRequest('Name each order item once.', [
        { pointer: '/items', in: 'body', detail: 'Repeated item.' },
      ]);
    if (new Set(lines.map((l) => l.sellerId)).size > 1)
      throw new OrderNotShippable('A shipment carries one seller’s items: ship each seller’s items apart.');
    return lines;
  }

  private async insert(ctx: Ctx, order: OrderForShipping, lines: Line[], body: CreateShipmentBody) {
    const id = newId();
    const address = (order.shippingAddress ?? {}) as { postalCode?: string; city?: string };
    const { deliveryCodes } = await storeSettings(ctx);
    const shipment = await repo.insertShipment(ctx.db, {
      id,
      store_id: ctx.storeId,
      order_id: order.id,
      order_number: order.number,
      seller_id: lines[0]!.sellerId,
      warehouse_id: body?.warehouseId && isUuid(body.warehouseId) ? body.warehouseId : null,
      status: 'PENDING',
      carrier: body?.carrier ?? null,
      tracking_number: body?.trackingNumber ?? null,
      delivery_agent_id: null,
      currency: order.currency,
      cod_amount: await this.codDue(ctx, order),
      estimated_delivery_at: body?.estimatedDeliveryAt ? new Date(body.estimatedDeliveryAt) : null,
      weight_grams: body?.weightGrams ?? this.weightOf(order, lines),
      package_count: body?.packageCount ?? 1,
      address: JSON.stringify(order.shippingAddress ?? {}),
      zone: address.postalCode ?? address.city ?? null,
      delivery_code_sealed: deliveryCodes
        ? this.f.ports.secrets.seal(newDeliveryCode(), codeBinding(ctx.storeId, id))
        : null,
      recipient_name: null,
      proof_photo_url: null,
      last_lat: null,
      last_lng: null,
      last_accuracy_m: null,
      last_located_at: null,
      received_back_at: null,
      assigned_at: null,
      picked_up_at: null,
      delivered_at: null,
    });
    await repo.insertItems(
      ctx.db,
      lines.map((l) => ({
        shipment_id: id,
        store_id: ctx.storeId,
        order_id: order.id,
        order_item_id: l.orderItemId,
        offer_id: l.offerId,
        quantity: l.quantity,
      })),
    );
    await this.f.recordStep(ctx, shipment, 'PENDING');
    return shipment;
  }

  /**
   * The cash this shipment collects: for an unpaid cash-on-delivery order, its total less what other
   * live shipments collect (the first live shipment carries it all; a cancelled or returned one
   * passes it on).
   */
  private async codDue(ctx: Ctx, order: OrderForShipping): Promise<number> {
    if (order.paymentProvider !== 'cod' || order.paymentStatus !== 'PENDING') return 0;
    const others = await repo.shipmentsOfOrders(ctx.db, ctx.storeId, [order.id]);
    const carried = others
      .filter((s) => !RELEASED.includes(s.status))
      .reduce((sum, s) => sum + s.cod_amount, 0);
    return Math.max(0, order.totalAmount - carried);
  }

  private weightOf(order: OrderForShipping, lines: Line[]): number | null {
    let grams = 0;
    for (const line of lines) {
      const item = order.items.find((i) => i.id === line.orderItemId);
      if (!item?.weightGrams) return null;
      grams += item.weightGrams * line.quantity;
    }
    return grams > 0 ? grams : null;
  }

  /** One shipment: staff, the seller that ships it, or its agent; 404 for anyone else. */
  async get(ctx: Ctx, id: string): Promise<ShipmentView> {
    return this.present(ctx, await this.visible(ctx, id));
  }

  /** The shipment if the caller may see it: staff, the seller that ships it, or its agent. */
  private async visible(ctx: Ctx, id: string): Promise<ShipmentRow> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER', 'DELIVERY_AGENT');
    const s = await this.find(ctx, id);
    const allowed =
      hasRole(actor, 'ADMIN') ||
      (hasRole(actor, 'SELLER') && s.seller_id === actor.userId) ||
      (hasRole(actor, 'DELIVERY_AGENT') && s.delivery_agent_id === actor.userId);
    if (!allowed) throw new ShipmentNotFound();
    return s;
  }

  /** One of the calling agent's deliveries; 404 for anyone else's, staff and sellers included. */
  async ofAgent(ctx: Ctx, id: string): Promise<ShipmentView> {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    const s = await this.find(ctx, id);
    if (s.delivery_agent_id !== actor.userId) throw new ShipmentNotFound();
    return this.present(ctx, s);
  }

  /** The shipment's GPS track, to whoever may see the shipment. */
  async track(ctx: Ctx, id: string) {
    await this.visible(ctx, id);
    const points = await repo.trackOf(ctx.db, id, 1_000);
    return {
      points: points.map((p) => ({
        lat: p.lat,
        lng: p.lng,
        accuracy: p.accuracy_m,
        at: p.recorded_at.toISOString(),
      })),
    };
  }

  async find(ctx: Ctx, id: string, lock = false): Promise<ShipmentRow> {
    const s = isUuid(id) ? await repo.findShipment(ctx.db, ctx.storeId, id, lock) : undefined;
    if (!s) throw new ShipmentNotFound();
    return s;
  }

  /** The whole shipment, without an access check (callers checked). */
  async view(ctx: Ctx, id: string): Promise<ShipmentView> {
    return this.present(ctx, await this.find(ctx, id));
  }

  private async present(ctx: Ctx, s: ShipmentRow): Promise<ShipmentView> {
    const [parts] = await this.partsOf(ctx, [s]);
    return presentShipment(s, parts!);
  }

  /** Items, events, collection and carrier of each shipment, in the shipments' order. */
  async partsOf(ctx: Ctx, shipments: ShipmentRow[]): Promise<ShipmentParts[]> {
    const ids = shipments.map((s) => s.id);
    const [items, events, collections, carriers] = await Promise.all([
      repo.itemsOfShipments(ctx.db, ids),
      repo.eventsOfShipments(ctx.db, ids),
      collectionsOfShipments(ctx.db, ids),
      carriersNamed(ctx.db, ctx.storeId, [
        ...new Set(shipments.flatMap((s) => (s.carrier ? [s.carrier] : []))),
      ]),
    ]);
    const lower = (v: string) => v.toLowerCase();
    return shipments.map((s) => ({
      items: items.filter((i) => i.shipment_id === s.id),
      events: events.filter((e) => e.shipment_id === s.id),
      collection: collections.find((c) => c.shipment_id === s.id),
      carrier: s.carrier
        ? carriers.find((c) => c.code === lower(s.carrier!) || lower(c.name) === lower(s.carrier!))
        : undefined,
    }));
  }

  /** Staff's list of the store's shipments, or a seller's own, newest first. */
  async list(
    ctx: Ctx,
    query: {
      limit: number;
      cursor?: string | undefined;
      status?: ShipmentStatus | undefined;
      agentId?: string | undefined;
      orderId?: string | undefined;
    },
  ) {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.listShipments(
      ctx.db,
      ctx.storeId,
      {
        status: query.status,
        agentId: query.agentId,
        orderId: query.orderId,
        sellerId: hasRole(actor, 'ADMIN') ? undefined : actor.userId,
      },
      { after: after?.id, limit: query.limit },
    );
    const page = rows.slice(0, query.limit);
    const parts = await this.partsOf(ctx, page);
    return toPage(
      rows,
      query.limit,
      (s) => presentShipment(s, parts[page.indexOf(s)]!),
      (s) => ({ id: s.id }),
    );
  }

  /**
   * The shipments of orders as their buyer sees them (the order view); `buyerId` sees its delivery
   * codes until delivery.
   */
  async forOrders(
    ctx: Ctx,
    orderIds: string[],
    buyerId: string | null,
  ): Promise<Map<string, OrderShipmentView[]>> {
    const rows = await repo.shipmentsOfOrders(ctx.db, ctx.storeId, orderIds);
    const parts = await this.partsOf(ctx, rows);
    const byOrder = new Map<string, OrderShipmentView[]>();
    rows.forEach((s, i) => {
      const code = buyerId !== null ? this.codeFor(ctx, s) : undefined;
      byOrder.set(s.order_id, [...(byOrder.get(s.order_id) ?? []), presentForBuyer(s, parts[i]!, code)]);
    });
    return byOrder;
  }

  private codeFor(ctx: Ctx, s: ShipmentRow): string | null {
    if (!s.delivery_code_sealed || s.status === 'DELIVERED' || RELEASED.includes(s.status)) return null;
    return this.f.ports.secrets.open(s.delivery_code_sealed, codeBinding(ctx.storeId, s.id));
  }

  /**
   * Before an order is cancelled (its lock held): 409 once a shipment was picked up; shipments not
   * yet picked up are cancelled with it.
   */
  async cancelForOrder(ctx: Ctx, orderId: string): Promise<void> {
    const rows = await repo.shipmentsOfOrders(ctx.db, ctx.storeId, [orderId]);
    if (rows.some((s) => LEFT_WAREHOUSE.includes(s.status) && s.received_back_at === null))
      throw new OrderAlreadyPickedUp();
    for (const s of rows.filter((r) => r.status === 'PENDING' || r.status === 'ASSIGNED')) {
      const cancelled = await repo.updateShipment(ctx.db, ctx.storeId, s.id, { status: 'CANCELLED' });
      await this.f.recordStep(ctx, cancelled, 'CANCELLED', { note: 'order cancelled' });
    }
  }
}
