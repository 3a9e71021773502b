import { randomInt } from 'node:crypto';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { FulfillmentEvents, SHIPMENT_STATUS_EVENTS } from './fulfillment.events.ts';
import type { FulfillmentPorts } from './fulfillment.ports.ts';
import * as repo from './fulfillment.shipments.repository.ts';
import type { ShipmentStatus } from './fulfillment.status.ts';
import type { ShipmentRow } from './fulfillment.tables.ts';

/** What every part of fulfilment shares: the job queue and the ports to the other modules. */
export class FulfillmentContext {
  private wired: FulfillmentPorts | null = null;

  constructor(readonly jobs: Jobs) {}

  /** Wires the other modules' side; called once at assembly. */
  usePorts(ports: FulfillmentPorts): void {
    this.wired = ports;
  }

  get ports(): FulfillmentPorts {
    if (!this.wired) throw new Error('fulfilment ports are not wired');
    return this.wired;
  }

  /** A step of the shipment's history and its outbox event, in the caller's transaction. */
  async recordStep(
    ctx: Ctx,
    shipment: ShipmentRow,
    status: ShipmentStatus,
    step: { lat?: number | undefined; lng?: number | undefined; note?: string | undefined } = {},
  ): Promise<void> {
    await repo.insertEvent(ctx.db, {
      id: newId(),
      store_id: ctx.storeId,
      shipment_id: shipment.id,
      status,
      actor_id: ctx.actor?.userId ?? null,
      lat: step.lat ?? null,
      lng: step.lng ?? null,
      note: step.note ?? null,
    });
    await this.jobs.publish(ctx.db, {
      name: status === 'PENDING' ? FulfillmentEvents.shipmentCreated : SHIPMENT_STATUS_EVENTS[status],
      storeId: ctx.storeId,
      payload: {
        shipmentId: shipment.id,
        orderId: shipment.order_id,
        orderNumber: shipment.order_number,
        sellerId: shipment.seller_id,
        deliveryAgentId: shipment.delivery_agent_id,
        status,
        ...(step.note ? { note: step.note } : {}),
      },
    });
  }
}

/** The additional data a sealed delivery code is bound to: its store and shipment. */
export const codeBinding = (storeId: string, shipmentId: string) => `delivery-code:${storeId}:${shipmentId}`;

/** A six-digit one-time code. */
export function newDeliveryCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
