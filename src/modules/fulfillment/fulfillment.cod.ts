import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { MoneyInput } from '../../platform/schemas.ts';
import { insertCollection } from './fulfillment.cod.repository.ts';
import type { FulfillmentContext } from './fulfillment.context.ts';
import { CurrencyMismatch } from './fulfillment.errors.ts';
import { FulfillmentEvents } from './fulfillment.events.ts';
import type { ShipmentRow } from './fulfillment.tables.ts';

/**
 * Cash on delivery: what an agent collects at the door (short or over collection is kept as a
 * discrepancy, never refused), and the cash it hands in to the store.
 */
export class Cod {
  constructor(private readonly f: FulfillmentContext) {}

  /**
   * Records the cash collected for a delivered shipment, in the delivery's transaction (which holds
   * the order's and the shipment's locks, so a shipment is collected once), and captures the order's
   * payment with it.
   */
  async collect(ctx: Ctx, shipment: ShipmentRow, collected: MoneyInput, agentId: string): Promise<void> {
    if (collected.currency !== shipment.currency)
      throw new CurrencyMismatch('codCollected', shipment.currency);
    const row = await insertCollection(ctx.db, {
      id: newId(),
      store_id: ctx.storeId,
      shipment_id: shipment.id,
      order_id: shipment.order_id,
      agent_id: agentId,
      currency: shipment.currency,
      due_amount: shipment.cod_amount,
      collected_amount: collected.amount,
    });
    await this.f.ports.payments.cashCollected(ctx, shipment.order_id, { amount: collected.amount, agentId });
    await this.f.jobs.publish(ctx.db, {
      name: FulfillmentEvents.codCollected,
      storeId: ctx.storeId,
      payload: {
        shipmentId: shipment.id,
        orderId: shipment.order_id,
        agentId,
        currency: row.currency,
        due: row.due_amount,
        collected: row.collected_amount,
        discrepancy: row.discrepancy_amount,
      },
    });
  }
}
