import { timingSafeEqual } from 'node:crypto';
import type { Updateable } from 'kysely';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Cod } from './fulfillment.cod.ts';
import { codeBinding, type FulfillmentContext } from './fulfillment.context.ts';
import {
  CashAmountRequired,
  DeliveryCodeLocked,
  DeliveryCodeRequired,
  ShipmentNotFound,
  ShipmentTransitionNotAllowed,
} from './fulfillment.errors.ts';
import { FulfillmentEvents } from './fulfillment.events.ts';
import type { ItemMove, OrderForShipping } from './fulfillment.ports.ts';
import type { AgentEventBody, ShipmentView, StaffEventBody } from './fulfillment.schemas.ts';
import * as repo from './fulfillment.shipments.repository.ts';
import type { Shipments } from './fulfillment.shipments.ts';
import { canShipmentMove, LEFT_WAREHOUSE, RELEASED, type ShipmentStatus } from './fulfillment.status.ts';
import type { ShipmentRow, ShipmentsTable } from './fulfillment.tables.ts';

/** Wrong codes before the shipment must be re-assigned. */
export const MAX_CODE_ATTEMPTS = 5;

type Step = StaffEventBody;

/** A shipment's way from the warehouse to the door: the steps agents, couriers and staff report. */
export class Delivery {
  constructor(
    private readonly f: FulfillmentContext,
    private readonly shipments: Shipments,
    private readonly cod: Cod,
  ) {}

  /** The assigned agent reports a step (API.md); 404 for anyone else's shipment, 409 for a refused step. */
  async agentEvent(ctx: Ctx, shipmentId: string, body: AgentEventBody): Promise<ShipmentView> {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    const peek = isUuid(shipmentId) ? await repo.findShipment(ctx.db, ctx.storeId, shipmentId) : undefined;
    if (!peek || peek.delivery_agent_id !== actor.userId) throw new ShipmentNotFound();
    return this.step(ctx, peek, body, (s) => s.delivery_agent_id === actor.userId);
  }

  /**
   * Staff, or the seller that ships it, report a step of a shipment a courier carries (or an agent
   * that cannot); RETURNED_TO_SENDER too.
   */
  async staffEvent(ctx: Ctx, shipmentId: string, body: StaffEventBody): Promise<ShipmentView> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const peek = isUuid(shipmentId) ? await repo.findShipment(ctx.db, ctx.storeId, shipmentId) : undefined;
    const mine = (s: ShipmentRow) => hasRole(actor, 'ADMIN') || s.seller_id === actor.userId;
    if (!peek || !mine(peek)) throw new ShipmentNotFound();
    return this.step(ctx, peek, body, mine);
  }

  /**
   * Checks the delivery code outside the step's transaction (a wrong code is counted even though the
   * step fails), then takes the order's lock and the shipment's, and applies the step.
   */
  private async step(
    ctx: Ctx,
    peek: ShipmentRow,
    body: Step,
    allowed: (s: ShipmentRow) => boolean,
  ): Promise<ShipmentView> {
    if (body.status === 'DELIVERED' && canShipmentMove(peek.status, 'DELIVERED'))
      await this.checkCode(ctx, peek, body);
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await this.f.ports.orders.lock(tctx, peek.order_id);
      const shipment = (await repo.findShipment(trx, ctx.storeId, peek.id, true))!;
      if (!allowed(shipment)) throw new ShipmentNotFound();
      if (!canShipmentMove(shipment.status, body.status))
        throw new ShipmentTransitionNotAllowed(shipment.status, body.status);
      await this.apply(tctx, order, shipment, body);
    });
    return this.shipments.view(ctx, peek.id);
  }

  private async checkCode(ctx: Ctx, s: ShipmentRow, body: Step): Promise<void> {
    if (!s.delivery_code_sealed) return;
    if (s.delivery_code_attempts >= MAX_CODE_ATTEMPTS) throw new DeliveryCodeLocked();
    if (!body.deliveryCode) throw new DeliveryCodeRequired(false);
    const code = this.f.ports.secrets.open(s.delivery_code_sealed, codeBinding(ctx.storeId, s.id)) ?? '';
    const a = Buffer.from(code);
    const b = Buffer.from(body.deliveryCode);
    if (a.length === b.length && timingSafeEqual(a, b)) return;
    await repo.updateShipment(ctx.db, ctx.storeId, s.id, {
      delivery_code_attempts: s.delivery_code_attempts + 1,
    });
    throw new DeliveryCodeRequired(true);
  }

  /** The step's effects in the transaction: stock at pick-up, cash and proof at delivery, the order following. */
  private async apply(ctx: Ctx, order: OrderForShipping, shipment: ShipmentRow, body: Step) {
    const to = body.status;
    const changes: Parameters<typeof repo.updateShipment>[3] = { status: to, ...this.located(body) };
    if (to === 'PICKED_UP') {
      const items = await repo.itemsOfShipments(ctx.db, [shipment.id]);
      const { warehouses } = await this.f.ports.stock.ship(ctx, {
        orderId: order.id,
        shipmentId: shipment.id,
        lines: items.map((i) => ({ offerId: i.offer_id, quantity: i.quantity })),
        warehouseId: shipment.warehouse_id,
      });
      changes.picked_up_at = new Date();
      if (!shipment.warehouse_id && warehouses.length === 1) changes.warehouse_id = warehouses[0]!;
      await this.mailCode(ctx, order, shipment);
    }
    if (to === 'DELIVERED') {
      if (shipment.cod_amount > 0 && !body.codCollected) throw new CashAmountRequired();
      changes.delivered_at = new Date();
      changes.recipient_name = body.recipientName ?? null;
      changes.proof_photo_url = body.photoUrl ?? null;
    }
    if (to === 'FAILED') changes.failed_attempts = shipment.failed_attempts + 1;
    const after = await repo.updateShipment(ctx.db, ctx.storeId, shipment.id, changes);
    await this.f.recordStep(ctx, after, to, {
      lat: body.location?.lat,
      lng: body.location?.lng,
      note: body.note,
    });
    if (to === 'DELIVERED' && shipment.cod_amount > 0)
      await this.cod.collect(ctx, after, body.codCollected!, shipment.delivery_agent_id ?? ctx.actor!.userId);
    if (to === 'PICKED_UP' || to === 'DELIVERED') await this.follow(ctx, order);
  }

  /**
   * The buyer gets the delivery code when the parcel leaves: the event carries it sealed as stored
   * (with its binding), and notifications opens it only to send the message.
   */
  private async mailCode(ctx: Ctx, order: OrderForShipping, shipment: ShipmentRow) {
    if (!shipment.delivery_code_sealed) return;
    await this.f.jobs.publish(ctx.db, {
      name: FulfillmentEvents.deliveryCodeIssued,
      storeId: ctx.storeId,
      payload: {
        orderId: order.id,
        shipmentId: shipment.id,
        code: { sealed: shipment.delivery_code_sealed, aad: codeBinding(ctx.storeId, shipment.id) },
      },
    });
  }

  private located(body: Step): Updateable<ShipmentsTable> {
    if (!body.location) return {};
    return {
      last_lat: body.location.lat,
      last_lng: body.location.lng,
      last_accuracy_m: body.location.accuracy ?? null,
      last_located_at: new Date(),
    };
  }

  /**
   * The order's items follow its shipments: SHIPPED once every unit left the warehouse, DELIVERED
   * once every unit was delivered; the order follows its items (orders decides).
   */
  private async follow(ctx: Ctx, order: OrderForShipping) {
    const shipments = (await repo.shipmentsOfOrders(ctx.db, ctx.storeId, [order.id])).filter(
      (s) => !RELEASED.includes(s.status),
    );
    const items = await repo.itemsOfShipments(
      ctx.db,
      shipments.map((s) => s.id),
    );
    const units = (itemId: string, statuses: readonly ShipmentStatus[]) =>
      items
        .filter((i) => i.order_item_id === itemId)
        .filter((i) => statuses.includes(shipments.find((s) => s.id === i.shipment_id)!.status))
        .reduce((sum, i) => sum + i.quantity, 0);
    const moves: ItemMove[] = [];
    for (const item of order.items) {
      if (units(item.id, ['DELIVERED']) >= item.quantity) moves.push({ itemId: item.id, to: 'DELIVERED' });
      else if (units(item.id, LEFT_WAREHOUSE) >= item.quantity)
        moves.push({ itemId: item.id, to: 'SHIPPED' });
    }
    if (moves.length > 0) await this.f.ports.orders.itemsMoved(ctx, order.id, moves);
  }

  /**
   * Staff: a parcel that FAILED or went back to the sender is in the warehouse again; its units
   * return to stock (sellable or damaged) and may ship again. Once per shipment.
   */
  async receiveBack(ctx: Ctx, shipmentId: string, condition: 'SELLABLE' | 'DAMAGED', note?: string) {
    requireRole(ctx, 'ADMIN');
    const peek = isUuid(shipmentId) ? await repo.findShipment(ctx.db, ctx.storeId, shipmentId) : undefined;
    if (!peek) throw new ShipmentNotFound();
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      await this.f.ports.orders.lock(tctx, peek.order_id);
      let shipment = (await repo.findShipment(trx, ctx.storeId, peek.id, true))!;
      if (shipment.received_back_at !== null || !['FAILED', 'RETURNED_TO_SENDER'].includes(shipment.status))
        throw new ShipmentTransitionNotAllowed(shipment.status, 'received back');
      if (shipment.status === 'FAILED') {
        shipment = await repo.updateShipment(trx, ctx.storeId, shipment.id, { status: 'RETURNED_TO_SENDER' });
        await this.f.recordStep(tctx, shipment, 'RETURNED_TO_SENDER', { note });
      }
      const items = await repo.itemsOfShipments(trx, [shipment.id]);
      await this.f.ports.stock.receiveBack(tctx, {
        orderId: shipment.order_id,
        lines: items.map((i) => ({ offerId: i.offer_id, quantity: i.quantity })),
        condition,
        reason: `shipment ${shipment.id} returned to sender`,
      });
      await repo.updateShipment(trx, ctx.storeId, shipment.id, { received_back_at: new Date() });
    });
    return this.shipments.view(ctx, peek.id);
  }
}
