import type { OrderStatus } from './orders.status.ts';

/** Events orders writes to the outbox: `placed` on checkout, then one per status the order reaches. */
export const OrderEvents = {
  placed: 'orders.order.placed',
  confirmed: 'orders.order.confirmed',
  paid: 'orders.order.paid',
  processing: 'orders.order.processing',
  shipped: 'orders.order.shipped',
  delivered: 'orders.order.delivered',
  cancelled: 'orders.order.cancelled',
  refunded: 'orders.order.refunded',
  returned: 'orders.order.returned',
} as const;

/** The event an order writes when it moves to a status (PENDING is where an order starts: `placed`). */
export const ORDER_STATUS_EVENTS: Record<Exclude<OrderStatus, 'PENDING'>, string> = {
  CONFIRMED: OrderEvents.confirmed,
  PAID: OrderEvents.paid,
  PROCESSING: OrderEvents.processing,
  SHIPPED: OrderEvents.shipped,
  DELIVERED: OrderEvents.delivered,
  CANCELLED: OrderEvents.cancelled,
  REFUNDED: OrderEvents.refunded,
  RETURNED: OrderEvents.returned,
};
