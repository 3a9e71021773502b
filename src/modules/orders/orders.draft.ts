// An order as checkout hands it over, priced and numbered, and the rows it is written as.
import { contactKeys } from '../../platform/contact-keys.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { PostalAddress } from '../../platform/schemas.ts';
import type { Totals } from './orders.pricing.ts';
import type { ItemRow, NewItem, NewOrder, OrderRow } from './orders.repository.ts';
import type { OrderStatus } from './orders.status.ts';

/** One line of an order being placed: the offer's snapshot at checkout. */
export interface DraftItem {
  offerId: string;
  productId: string;
  variantId: string | null;
  sellerId: string;
  name: string;
  sku: string;
  options: Record<string, unknown>;
  imageUrl: string | null;
  categoryId: string | null;
  unitPrice: number;
  quantity: number;
  rewardPercentBp: number;
  weightGrams: number | null;
}

/** An order as checkout hands it over, priced and numbered. */
export interface OrderDraft {
  id: string;
  /** From `nextOrderNumber`, taken before the order's transaction. */
  number: string;
  userId: string | null;
  email: string;
  currency: string;
  paymentProvider: string;
  status: 'PENDING' | 'CONFIRMED';
  totals: Totals;
  couponCode: string | null;
  shippingMethod: string | null;
  shippingAddress: PostalAddress;
  billingAddress: PostalAddress;
  cartId: string | null;
  /** In the same order as `totals.lines`. */
  items: DraftItem[];
}

/** What the guest cash-on-delivery limits count a guest order by (nothing for signed-in buyers). */
function guestKeys(ctx: Ctx, draft: OrderDraft) {
  if (draft.userId) return {};
  const keys = contactKeys({ email: draft.email, phone: draft.shippingAddress.phone });
  return { buyer_email_key: keys.email, buyer_phone_key: keys.phone, placed_ip: ctx.ip ?? null };
}

export function orderRow(ctx: Ctx, draft: OrderDraft): NewOrder {
  const t = draft.totals;
  return {
    id: draft.id,
    store_id: ctx.storeId,
    number: draft.number,
    user_id: draft.userId,
    email: draft.email,
    status: draft.status,
    payment_provider: draft.paymentProvider,
    currency: draft.currency,
    subtotal_amount: t.subtotal,
    discount_amount: t.discount,
    tax_amount: t.tax,
    tax_included_amount: t.taxIncluded,
    shipping_amount: t.shipping,
    total_amount: t.total,
    coupon_code: draft.couponCode,
    coupon_discount_amount: t.couponDiscount,
    group_discount_amount: t.groupDiscount,
    points_redeemed: t.pointsRedeemed,
    points_discount_amount: t.pointsDiscount,
    shipping_method: draft.shippingMethod,
    shipping_address: draft.shippingAddress,
    billing_address: draft.billingAddress,
    cart_id: draft.cartId,
    cancel_reason: null,
    paid_at: null,
    shipped_at: null,
    delivered_at: null,
    cancelled_at: null,
    ...guestKeys(ctx, draft),
  };
}

/** The item snapshots, each with its priced line (`totals.lines` is in the items' order). */
export function itemRows(ctx: Ctx, orderId: string, draft: OrderDraft): NewItem[] {
  return draft.items.map((item, i) => {
    const line = draft.totals.lines[i]!;
    return {
      id: newId(),
      store_id: ctx.storeId,
      order_id: orderId,
      offer_id: item.offerId,
      product_id: item.productId,
      variant_id: item.variantId,
      seller_id: item.sellerId,
      name: item.name,
      sku: item.sku,
      options: item.options,
      image_url: item.imageUrl,
      category_id: item.categoryId,
      unit_price_amount: item.unitPrice,
      quantity: item.quantity,
      subtotal_amount: line.subtotal,
      discount_amount: line.discount,
      tax_amount: line.tax,
      tax_rate_bp: line.taxRateBp,
      reward_percent_bp: item.rewardPercentBp,
      weight_grams: item.weightGrams,
    };
  });
}

export interface HistoryChange {
  from: OrderStatus | null;
  to: OrderStatus;
  reason?: string | undefined;
  metadata?: Record<string, unknown>;
}

/** The history entry of a change of an order's status, by the context's actor. */
export function historyRow(ctx: Ctx, orderId: string, change: HistoryChange) {
  return {
    id: newId(),
    store_id: ctx.storeId,
    order_id: orderId,
    from_status: change.from,
    to_status: change.to,
    actor_id: ctx.actor?.userId ?? null,
    reason: change.reason ?? null,
    metadata: change.metadata ?? {},
  };
}

/** An order as a write returned it: its row and its items. */
export interface WrittenOrder {
  order: OrderRow;
  items: ItemRow[];
}
