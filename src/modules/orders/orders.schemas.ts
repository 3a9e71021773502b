import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { IdParams, MoneyView, PostalAddress } from '../../platform/schemas.ts';
import { ITEM_STATUSES, ORDER_STATUSES } from './orders.status.ts';

export const OrderItemView = z.object({
  id: z.string().uuid(),
  offerId: z.string().uuid(),
  productId: z.string().uuid(),
  sellerId: z.string().uuid(),
  name: z.string(),
  sku: z.string(),
  options: z.record(z.string(), z.unknown()),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: MoneyView,
  discount: MoneyView,
  tax: MoneyView,
  total: MoneyView,
  fulfillmentStatus: z.enum(ITEM_STATUSES),
});
export type OrderItemView = z.infer<typeof OrderItemView>;

/** The order's figures as shown (the pricing's own `Totals` is in orders.pricing.ts). */
export const TotalsView = z.object({
  subtotal: MoneyView,
  discount: MoneyView,
  tax: MoneyView,
  shipping: MoneyView,
  total: MoneyView,
});
export type TotalsView = z.infer<typeof TotalsView>;

/** A shipment of the order as its buyer sees it (fulfilment makes them; see its OrderShipmentView). */
export const OrderShipment = z.object({
  id: z.string().uuid(),
  status: z.string(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  estimatedDeliveryAt: z.string().nullable(),
  items: z.array(z.object({ orderItemId: z.string().uuid(), quantity: z.number().int() })),
  events: z.array(z.object({ status: z.string(), at: z.string() })),
  /** While IN_TRANSIT with an agent: where the parcel was last seen. */
  lastLocation: z
    .object({ lat: z.number(), lng: z.number(), accuracy: z.number().nullable(), at: z.string() })
    .nullable(),
  /** To the buyer only, until delivery, where the store asks for codes: what to tell the agent. */
  deliveryCode: z.string().nullable().optional(),
});
export type OrderShipment = z.infer<typeof OrderShipment>;

export const FULFILLMENT_PROGRESS = [
  'UNFULFILLED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'PARTIALLY_DELIVERED',
  'DELIVERED',
  'RETURNED',
] as const;

export const OrderView = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.string(),
  paymentProvider: z.string(),
  email: z.string(),
  userId: z.string().nullable(),
  items: z.array(OrderItemView),
  fulfillmentStatus: z.enum(FULFILLMENT_PROGRESS),
  shipments: z.array(OrderShipment),
  totals: TotalsView,
  couponCode: z.string().nullable(),
  pointsRedeemed: z.number().int(),
  shippingMethod: z.string().nullable(),
  shippingAddress: PostalAddress,
  billingAddress: PostalAddress,
  cancelReason: z.string().nullable(),
  cancelReasonCode: z
    .string()
    .nullable()
    .describe('The code of the `cancellation-reason` lookup chosen, when one was.'),
  placedAt: z.string(),
});
export type OrderView = z.infer<typeof OrderView>;

export const OrderList = z.object({ items: z.array(OrderView), nextCursor: z.string().nullable() });
export const OrderListQuery = PageQuery.extend({ status: z.enum(ORDER_STATUSES).optional() });
export const AdminOrderListQuery = OrderListQuery.extend({
  number: z.string().trim().min(1).max(40).optional(),
  userId: z.uuid().optional().describe("Only this buyer's orders"),
});
export const OrderSummaryQuery = z.object({
  from: z.string().datetime({ offset: true }).describe('Start of the window (inclusive)'),
  to: z
    .string()
    .datetime({ offset: true })
    .describe('End of the window (exclusive); at most 366 days after from'),
});
export const OrderSummaryView = z.object({
  from: z.string(),
  to: z.string(),
  /** Orders placed in the window, whatever their status. */
  count: z.number().int(),
  revenue: z
    .array(MoneyView)
    .describe('Totals of the orders placed in the window per currency, cancelled and refunded ones left out'),
  byStatus: z.array(z.object({ status: z.enum(ORDER_STATUSES), count: z.number().int() })),
});
export type OrderSummaryView = z.infer<typeof OrderSummaryView>;
export const OrderParams = IdParams;
export const InvoiceQuery = z.object({ sellerId: z.string().uuid().optional() });

export const HistoryEntryView = z.object({
  from: z.string().nullable(),
  to: z.string(),
  actorId: z.string().nullable(),
  reason: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type HistoryEntryView = z.infer<typeof HistoryEntryView>;
export const HistoryView = z.array(HistoryEntryView);

export const SellerItemView = OrderItemView.extend({
  orderId: z.string().uuid(),
  orderNumber: z.string(),
  placedAt: z.string(),
});
export type SellerItemView = z.infer<typeof SellerItemView>;
export const SellerItemList = z.object({ items: z.array(SellerItemView), nextCursor: z.string().nullable() });

export const TaxRuleBody = z.object({
  name: z.string().trim().min(1).max(100),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase()),
  region: z.string().trim().min(1).max(100).nullable().optional(),
  categoryId: z.string().uuid().nullable().optional(),
  rateBp: z.number().int().min(0).max(10_000),
  inclusive: z.boolean().default(false),
});
export const TaxRuleView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  categoryId: z.string().nullable(),
  rateBp: z.number().int(),
  inclusive: z.boolean(),
  active: z.boolean(),
});

export const ShippingMethodBody = z.object({
  code: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  name: z.string().trim().min(1).max(100),
  flatAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  weightBands: z
    .array(
      z.object({
        upToGrams: z.number().int().min(1),
        amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .max(50)
    .default([]),
  freeOverAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .nullable()
    .optional(),
  isDefault: z.boolean().default(false),
});
export const ShippingMethodView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  flatAmount: MoneyView,
  weightBands: z.array(z.object({ upToGrams: z.number().int(), amount: z.number().int() })),
  freeOverAmount: MoneyView.nullable(),
  countries: z.array(z.string()).nullable(),
  isDefault: z.boolean(),
});
