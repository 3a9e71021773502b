/** The order state machine as one transition table (tested exhaustively). */
export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'PAID',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
  'RETURNED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'PAID', 'CANCELLED'],
  // CONFIRMED: accepted without payment yet (cash on delivery); it may go to PROCESSING unpaid
  CONFIRMED: ['PAID', 'PROCESSING', 'CANCELLED'],
  PAID: ['PROCESSING', 'CANCELLED', 'REFUNDED'],
  PROCESSING: ['SHIPPED', 'CANCELLED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'RETURNED'],
  DELIVERED: ['RETURNED', 'REFUNDED'],
  RETURNED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

/** A buyer may cancel until the order ships. */
export const BUYER_CANCELLABLE: readonly OrderStatus[] = ['PENDING', 'CONFIRMED', 'PAID', 'PROCESSING'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export const ITEM_STATUSES = [
  'PENDING',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'RETURNED',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  PENDING: ['PROCESSING', 'SHIPPED', 'CANCELLED'],
  PROCESSING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'RETURNED'],
  DELIVERED: ['RETURNED'],
  CANCELLED: [],
  RETURNED: [],
};

/**
 * The moves of fulfilment, the only ones a seller (or the item call) may make: cancelling or
 * returning an item needs its refund and stock return, which only the order's lifecycle does.
 */
export const FULFILMENT_STATUSES = [
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
] as const satisfies readonly ItemStatus[];
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/** Payment states in which the order's money has been taken (and not all given back). */
const MONEY_IN: readonly string[] = ['CAPTURED', 'PARTIALLY_REFUNDED'];

/**
 * Whether an order's payment lets an item move to `to`: shipping needs the money taken, or cash
 * on delivery (collected at the door); delivery always needs the money taken, cash included.
 */
export function paymentAllows(
  to: FulfilmentStatus,
  order: { payment_provider: string; payment_status: string },
): boolean {
  if (to === 'PROCESSING' || MONEY_IN.includes(order.payment_status)) return true;
  return to === 'SHIPPED' && order.payment_provider === 'cod';
}
