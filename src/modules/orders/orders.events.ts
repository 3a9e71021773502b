import type { DomainEvent } from '../../platform/jobs/jobs.ts';
import type { OrderRow } from './orders.repository.ts';
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

/** `placed`, from the order row being written (what the insert will return). */
export function placedEvent(
  storeId: string,
  order: Pick<OrderRow, 'id' | 'number' | 'email' | 'total_amount' | 'currency'> & {
    user_id?: string | null;
  },
): DomainEvent {
  return {
    name: OrderEvents.placed,
    storeId,
    payload: {
      orderId: order.id,
      number: order.number,
      userId: order.user_id ?? null,
      email: order.email,
      total: order.total_amount,
      currency: order.currency,
    },
  };
}

/** The event of a move to `to`, from the order as it was before it (its number and buyer stay). */
export function statusEvent(
  storeId: string,
  before: Pick<OrderRow, 'id' | 'number' | 'user_id' | 'status'>,
  to: Exclude<OrderStatus, 'PENDING'>,
  extra: Record<string, unknown>,
): DomainEvent {
  return {
    name: ORDER_STATUS_EVENTS[to],
    storeId,
    payload: {
      orderId: before.id,
      number: before.number,
      userId: before.user_id,
      from: before.status,
      to,
      ...extra,
    },
  };
}
