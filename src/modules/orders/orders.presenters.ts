import { money } from '../../platform/money.ts';
import type { PostalAddress } from '../../platform/schemas.ts';
import type { HistoryRow, ItemRow, OrderRow } from './orders.repository.ts';
import type {
  HistoryEntryView,
  OrderItemView,
  OrderShipment,
  OrderView,
  SellerItemView,
} from './orders.schemas.ts';
import type { ItemStatus } from './orders.status.ts';
import { partTotals } from './orders.totals.ts';

/** An item snapshot as its buyer, staff and seller see it. */
export function presentItem(i: ItemRow, currency: string): OrderItemView {
  return {
    id: i.id,
    offerId: i.offer_id,
    productId: i.product_id,
    sellerId: i.seller_id,
    name: i.name,
    sku: i.sku,
    options: i.options as Record<string, unknown>,
    imageUrl: i.image_url,
    quantity: i.quantity,
    unitPrice: money(i.unit_price_amount, currency),
    discount: money(i.discount_amount, currency),
    tax: money(i.tax_amount, currency),
    total: money(i.subtotal_amount, currency),
    fulfillmentStatus: i.fulfillment_status,
  };
}

/**
 * How far the order's live items got: UNFULFILLED, PARTIALLY_SHIPPED, SHIPPED, PARTIALLY_DELIVERED,
 * DELIVERED, or RETURNED (every live item came back).
 */
export function fulfillmentOf(items: { fulfillment_status: ItemStatus }[]) {
  const live = items.filter((i) => i.fulfillment_status !== 'CANCELLED').map((i) => i.fulfillment_status);
  const count = (...statuses: ItemStatus[]) => live.filter((st) => statuses.includes(st)).length;
  if (live.length === 0 || count('PENDING', 'PROCESSING') === live.length) return 'UNFULFILLED' as const;
  if (count('RETURNED') === live.length) return 'RETURNED' as const;
  if (count('DELIVERED', 'RETURNED') === live.length) return 'DELIVERED' as const;
  if (count('DELIVERED', 'RETURNED') > 0) return 'PARTIALLY_DELIVERED' as const;
  if (count('SHIPPED') === live.length) return 'SHIPPED' as const;
  return 'PARTIALLY_SHIPPED' as const;
}

/**
 * The order as its buyer and staff see it, with its shipments; a seller sees only its own items,
 * their sums, and the shipments that carry them.
 */
export function presentOrder(
  o: OrderRow,
  items: ItemRow[],
  sellerId?: string,
  shipments: OrderShipment[] = [],
): OrderView {
  const c = o.currency;
  const shown = sellerId ? items.filter((i) => i.seller_id === sellerId) : items;
  const t = partTotals(o, items, sellerId ?? null);
  const totals = {
    subtotal: money(t.subtotal, c),
    discount: money(t.discount, c),
    tax: money(t.tax, c),
    shipping: money(t.shipping, c),
    total: money(t.total, c),
  };
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    paymentStatus: o.payment_status,
    paymentProvider: o.payment_provider,
    email: o.email,
    userId: o.user_id,
    items: shown.map((i) => presentItem(i, c)),
    fulfillmentStatus: fulfillmentOf(shown),
    shipments: sellerId
      ? shipments.filter((sh) => sh.items.some((si) => shown.some((i) => i.id === si.orderItemId)))
      : shipments,
    totals,
    couponCode: o.coupon_code,
    pointsRedeemed: o.points_redeemed,
    shippingMethod: o.shipping_method,
    shippingAddress: o.shipping_address as PostalAddress,
    billingAddress: o.billing_address as PostalAddress,
    cancelReason: o.cancel_reason,
    cancelReasonCode: o.cancel_reason_code,
    placedAt: o.placed_at.toISOString(),
  };
}

/** A seller's item with the order it belongs to. */
export function presentSellerItem(i: ItemRow, order: OrderRow): SellerItemView {
  return {
    ...presentItem(i, order.currency),
    orderId: i.order_id,
    orderNumber: order.number,
    placedAt: i.created_at.toISOString(),
  };
}

export function presentHistory(h: HistoryRow): HistoryEntryView {
  return {
    from: h.from_status,
    to: h.to_status,
    actorId: h.actor_id,
    reason: h.reason,
    metadata: h.metadata as Record<string, unknown>,
    at: h.created_at.toISOString(),
  };
}
