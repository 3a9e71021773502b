import type { Ctx } from '../../platform/http/context.ts';

/** An order as fulfilment needs it (orders owns it; the composition root wires the port). */
export interface OrderForShipping {
  id: string;
  number: string;
  status: string;
  userId: string | null;
  email: string;
  paymentProvider: string;
  paymentStatus: string;
  currency: string;
  totalAmount: number;
  shippingAddress: unknown;
  deliveredAt: Date | null;
  items: {
    id: string;
    offerId: string;
    sellerId: string;
    name: string;
    quantity: number;
    status: string;
    weightGrams: number | null;
    /** What the buyer paid for the line (after discounts, tax included): the most a return refunds. */
    paidAmount: number;
  }[];
}

export type ItemMove = { itemId: string; to: 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'RETURNED' };

export interface FulfillmentOrders {
  /** Locks the order's row (every writer locks the order first) and reads it; 404 when unknown. */
  lock(ctx: Ctx, orderId: string): Promise<OrderForShipping>;
  /** The items moved along fulfilment; the order follows (PROCESSING, SHIPPED, DELIVERED, RETURNED). */
  itemsMoved(ctx: Ctx, orderId: string, moves: ItemMove[]): Promise<void>;
  /** The order's id by its number, for public tracking (null when unknown). */
  findByNumber(ctx: Ctx, number: string): Promise<{ id: string; email: string } | null>;
  /** The order's number and status without a lock (null when unknown). */
  peek(ctx: Ctx, orderId: string): Promise<{ number: string; status: string } | null>;
}

export type StockLine = { offerId: string; quantity: number };

export interface FulfillmentStock {
  /** Units of the order leave the warehouse (committed → shipped); the warehouses they left from. */
  ship(
    ctx: Ctx,
    input: { orderId: string; shipmentId: string; lines: StockLine[]; warehouseId: string | null },
  ): Promise<{ warehouses: string[] }>;
  /** Shipped units come back (a parcel returned to sender, a return received), sellable or damaged. */
  receiveBack(
    ctx: Ctx,
    input: { orderId: string; lines: StockLine[]; condition: 'SELLABLE' | 'DAMAGED'; reason: string },
  ): Promise<void>;
  /** Where a warehouse is (for the nearest agent), if known. */
  warehouseLocation(ctx: Ctx, warehouseId: string): Promise<{ lat: number; lng: number } | null>;
}

export interface FulfillmentPayments {
  /** The order's pending cash-on-delivery payment is captured with what was collected (at most what is due). */
  cashCollected(ctx: Ctx, orderId: string, input: { amount: number; agentId: string }): Promise<void>;
  /** Refunds part of what the order's payments captured (a return); COD refunds are manual payouts. */
  refund(ctx: Ctx, orderId: string, input: { amount: number; reason: string; key: string }): Promise<void>;
}

/** Small secrets sealed with the data key (delivery codes) and signed tracking links. */
export interface FulfillmentSecrets {
  seal(text: string, aad: string): string;
  open(sealed: string, aad: string): string | null;
}

/** The store's return reasons (reference's `return-reason` lookup). */
export interface FulfillmentReasons {
  /**
   * The active value with that code, held against deletion for the caller's transaction; 400
   * `unknown-lookup-code` at `pointer` otherwise.
   */
  choose(ctx: Ctx, code: string, pointer: string): Promise<{ code: string; label: string }>;
}

export interface FulfillmentPorts {
  orders: FulfillmentOrders;
  reasons: FulfillmentReasons;
  stock: FulfillmentStock;
  payments: FulfillmentPayments;
  secrets: FulfillmentSecrets;
}
