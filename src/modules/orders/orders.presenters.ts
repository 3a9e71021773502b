import { money } from '../../platform/money.ts';
import type { PostalAddress } from '../../platform/schemas.ts';
import type { HistoryRow, ItemRow, OrderRow } from './orders.repository.ts';
import type { HistoryEntryView, OrderItemView, OrderView, SellerItemView } from './orders.schemas.ts';
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

/** The order as its buyer and staff see it; a seller sees only its own items and their sums. */
export function presentOrder(o: OrderRow, items: ItemRow[], sellerId?: string): OrderView {
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
    totals,
    couponCode: o.coupon_code,
    pointsRedeemed: o.points_redeemed,
    shippingMethod: o.shipping_method,
    shippingAddress: o.shipping_address as PostalAddress,
    billingAddress: o.billing_address as PostalAddress,
    cancelReason: o.cancel_reason,
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
