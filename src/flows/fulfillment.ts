// What fulfilment needs of the other modules, wired here: the order (locked first, its items, the
// order following its shipments), stock leaving and coming back, cash captured and refunds, the
// data key's sealing and sealed mail; and what the others need of fulfilment (the order view's
// shipments, the cancellation guard).
import type { FulfillmentPorts, FulfillmentService, OrderForShipping } from '../modules/fulfillment/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import { OrderNotFound, type OrdersService } from '../modules/orders/index.ts';
import type { PaymentsService } from '../modules/payments/index.ts';
import type { Lookups } from '../modules/reference/index.ts';
import type { Ctx } from '../platform/http/context.ts';
import { AppError } from '../platform/http/errors.ts';

export interface FulfillmentWiring {
  fulfillment: FulfillmentService;
  orders: OrdersService;
  inventory: InventoryService;
  payments: PaymentsService;
  identity: IdentityModule;
  lookups: Lookups;
}

/** Wires fulfilment both ways; called once at assembly. */
export function wireFulfillment(w: FulfillmentWiring): void {
  w.fulfillment.usePorts(fulfillmentPorts(w));
  w.orders.useShipments((ctx, orderIds, buyerId) =>
    w.fulfillment.shipments.forOrders(ctx, orderIds, buyerId),
  );
}

function fulfillmentPorts(w: FulfillmentWiring): FulfillmentPorts {
  const { payments, identity } = w;
  return {
    orders: ordersPort(w.orders),
    reasons: { choose: (ctx, code, pointer) => w.lookups.choose(ctx, 'return-reason', code, pointer) },
    stock: stockPort(w.inventory),
    payments: {
      cashCollected: async (ctx, orderId, input) => {
        await payments.recordCashCollection(ctx, orderId, {
          amount: input.amount,
          collectedBy: input.agentId,
        });
      },
      refund: (ctx, orderId, input) => refundOrder(payments, ctx, orderId, input),
    },
    secrets: identity.secrets,
  };
}

function ordersPort(orders: OrdersService): FulfillmentPorts['orders'] {
  return {
    lock: async (ctx, orderId) => {
      await orders.lock(ctx, orderId);
      return orderForShipping(ctx, orders, orderId);
    },
    itemsMoved: (ctx, orderId, moves) =>
      orders.followFulfilment(
        ctx,
        orderId,
        moves.map((m) => ({ itemId: m.itemId, to: m.to })),
      ),
    findByNumber: async (ctx, number) => {
      const row = await orders.findByNumber(ctx, number);
      return row ? { id: row.id, email: row.email } : null;
    },
    peek: async (ctx, orderId) => {
      const row = await orders.load(ctx, orderId).catch(nullWhen(OrderNotFound));
      return row ? { number: row.order.number, status: row.order.status } : null;
    },
  };
}

function stockPort(inventory: InventoryService): FulfillmentPorts['stock'] {
  const order = (orderId: string) => ({ type: 'ORDER', id: orderId });
  return {
    ship: (ctx, input) =>
      inventory.ship(ctx, {
        reference: order(input.orderId),
        shipmentId: input.shipmentId,
        lines: input.lines,
        ...(input.warehouseId ? { warehouseId: input.warehouseId } : {}),
      }),
    receiveBack: async (ctx, input) => {
      await inventory.returnStock(ctx, {
        reference: order(input.orderId),
        lines: input.lines,
        reason: input.reason,
        shipped: true,
        condition: input.condition,
      });
    },
    warehouseLocation: async (ctx, warehouseId) => {
      // a warehouse that is gone (or not the caller's to read) has no known place: no distance
      const w = await inventory.warehouses.get(ctx, warehouseId).catch(nullWhen(AppError));
      return w && w.latitude !== null && w.longitude !== null ? { lat: w.latitude, lng: w.longitude } : null;
    },
  };
}

async function orderForShipping(ctx: Ctx, orders: OrdersService, orderId: string): Promise<OrderForShipping> {
  const { order, items } = await orders.load(ctx, orderId);
  const taxInside = order.tax_included_amount > 0;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    userId: order.user_id,
    email: order.email,
    paymentProvider: order.payment_provider,
    paymentStatus: order.payment_status,
    currency: order.currency,
    totalAmount: order.total_amount,
    shippingAddress: order.shipping_address,
    deliveredAt: order.delivered_at,
    items: items.map((i) => ({
      id: i.id,
      offerId: i.offer_id,
      sellerId: i.seller_id,
      name: i.name,
      quantity: i.quantity,
      status: i.fulfillment_status,
      weightGrams: i.weight_grams,
      paidAmount: i.subtotal_amount - i.discount_amount + (taxInside ? 0 : i.tax_amount),
    })),
  };
}

/**
 * Refunds `amount` from the order's captured payments, newest first, each refund keyed so a retry
 * refunds once. Cash-on-delivery refunds are payouts staff make by hand; the record says so.
 */
async function refundOrder(
  payments: PaymentsService,
  ctx: Ctx,
  orderId: string,
  input: { amount: number; reason: string; key: string },
): Promise<void> {
  let left = input.amount;
  const { payments: paid } = await payments.paymentsOfOrder(ctx, orderId);
  for (const p of [...paid].reverse()) {
    const refundable = p.captured.amount - p.refunded.amount;
    if (left <= 0 || refundable <= 0) continue;
    const amount = Math.min(left, refundable);
    const reason = p.provider === 'cod' ? `${input.reason} (cash payout)` : input.reason;
    await payments.refund(ctx, p.id, { amount, reason, idempotencyKey: `${input.key}:${p.id}` });
    left -= amount;
  }
}

/** A catch handler: null for an expected error of this class, anything else thrown on. */
function nullWhen(expected: abstract new (...args: never[]) => Error) {
  return (error: unknown): null => {
    if (error instanceof expected) return null;
    throw error;
  };
}
