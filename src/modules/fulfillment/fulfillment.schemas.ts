import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Id, MoneyInput, MoneyView, PostalAddress, Text } from '../../platform/schemas.ts';
import { OrderShipment } from '../orders/index.ts';
import { AGENT_STATUSES, SHIPMENT_STATUSES } from './fulfillment.status.ts';

export const Location = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Metres, as the device reports it. */
  accuracy: z.number().min(0).max(100_000).optional(),
});
export type Location = z.infer<typeof Location>;

export const ShipmentItemInput = z.object({
  orderItemId: Id,
  quantity: z.number().int().min(1).max(100_000),
});

export const CreateShipmentBody = z
  .strictObject({
    items: z.array(ShipmentItemInput).min(1).max(200).optional(),
    carrier: Text(100).optional(),
    trackingNumber: Text(100).optional(),
    deliveryAgentId: Id.optional(),
    warehouseId: Id.optional(),
    estimatedDeliveryAt: z.iso.datetime({ offset: true }).optional(),
    weightGrams: z.number().int().min(1).max(10_000_000).optional(),
    packageCount: z.number().int().min(1).max(1000).optional(),
  })
  .nullish();
export type CreateShipmentBody = z.infer<typeof CreateShipmentBody>;

export const AgentEventBody = z.strictObject({
  status: z.enum(AGENT_STATUSES),
  location: Location.optional(),
  codCollected: MoneyInput.optional(),
  deliveryCode: z.string().trim().min(1).max(20).optional(),
  note: Text(1000).optional(),
  recipientName: Text(200).optional(),
  photoUrl: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
});
export type AgentEventBody = z.infer<typeof AgentEventBody>;

/** What staff (or the shipping seller) may report for a shipment a courier carries. */
export const StaffEventBody = AgentEventBody.extend({
  status: z.enum(['PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'FAILED', 'RETURNED_TO_SENDER']),
});
export type StaffEventBody = z.infer<typeof StaffEventBody>;

export const AssignBody = z
  .strictObject({
    /** The agent's user id; without it the automatic rule picks one. */
    deliveryAgentId: Id.optional(),
    note: Text(1000).optional(),
  })
  .nullish();
export type AssignBody = z.infer<typeof AssignBody>;

export const LocationBody = Location.extend({
  /** When the device took the point (default: now); an older point joins the track only. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type LocationBody = z.infer<typeof LocationBody>;
/** Points an app kept while offline, or sends together to save requests: 1 to 100. */
export const LocationBatchBody = z.strictObject({ points: z.array(LocationBody).min(1).max(100) });
export const LocationAccepted = z.object({ accepted: z.number().int() });

export const AgentProfileBody = z.strictObject({
  vehicle: Text(50).nullable().optional(),
  zone: Text(100).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{4,31}$/, 'A phone number.')
    .nullable()
    .optional(),
  available: z.boolean().optional(),
});
export type AgentProfileBody = z.infer<typeof AgentProfileBody>;

export const AvailabilityBody = z.strictObject({ available: z.boolean() });

export const CarrierParams = z.object({ code: z.string().max(40) });
export const CarrierBody = z.strictObject({
  name: Text(100),
  trackingUrlTemplate: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/[^\s]*\{trackingNumber\}[^\s]*$/, 'An https URL with {trackingNumber} in it.')
    .nullable()
    .optional(),
  active: z.boolean().optional(),
});
export type CarrierBody = z.infer<typeof CarrierBody>;

export const CarrierView = z.object({
  code: z.string(),
  name: z.string(),
  trackingUrlTemplate: z.string().nullable(),
  active: z.boolean(),
});
export const CarrierList = z.object({ items: z.array(CarrierView) });

export const ShipmentEventView = z.object({
  status: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  note: z.string().nullable(),
});

export const LastLocation = z.object({
  lat: z.number(),
  lng: z.number(),
  accuracy: z.number().nullable(),
  at: z.string(),
});

export const ShipmentView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  sellerId: z.uuid(),
  warehouseId: z.uuid().nullable(),
  status: z.enum(SHIPMENT_STATUSES),
  items: z.array(z.object({ orderItemId: z.uuid(), offerId: z.uuid(), quantity: z.number().int() })),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  deliveryAgentId: z.uuid().nullable(),
  codAmount: MoneyView,
  codCollected: MoneyView.nullable(),
  estimatedDeliveryAt: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  packageCount: z.number().int(),
  address: PostalAddress,
  recipientName: z.string().nullable(),
  proofPhotoUrl: z.string().nullable(),
  failedAttempts: z.number().int(),
  lastLocation: LastLocation.nullable(),
  events: z.array(ShipmentEventView),
  createdAt: z.string(),
  pickedUpAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type ShipmentView = z.infer<typeof ShipmentView>;

export const ShipmentList = z.object({ items: z.array(ShipmentView), nextCursor: z.string().nullable() });
export const ShipmentListQuery = PageQuery.extend({
  status: z.enum(SHIPMENT_STATUSES).optional(),
  agentId: z.uuid().optional(),
  orderId: z.uuid().optional(),
});

/** An agent's delivery as its list shows it (API.md): where to go and what to collect. */
export const DeliveryView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  address: PostalAddress,
  codAmount: MoneyView,
  packageCount: z.number().int(),
  deliveryCodeRequired: z.boolean(),
  assignedAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;
export const DeliveryList = z.object({ items: z.array(DeliveryView), nextCursor: z.string().nullable() });
export const DeliveryListQuery = PageQuery.extend({
  /** `open` (default): ASSIGNED, PICKED_UP, IN_TRANSIT; `all`: every delivery. */
  scope: z.enum(['open', 'all']).default('open'),
});

/** A shipment's GPS track, oldest point first (the newest 1,000 at most). */
export const TrackView = z.object({ points: z.array(LastLocation) });

export const AgentView = z.object({
  userId: z.uuid(),
  vehicle: z.string().nullable(),
  zone: z.string().nullable(),
  phone: z.string().nullable(),
  available: z.boolean(),
  openDeliveries: z.number().int(),
  lastLocation: z.object({ lat: z.number(), lng: z.number(), at: z.string() }).nullable(),
});
export const AgentList = z.object({ items: z.array(AgentView), nextCursor: z.string().nullable() });
export const AgentListQuery = PageQuery.extend({
  zone: z.string().max(100).optional(),
  available: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** What the buyer (and the public tracking page) sees of a shipment: the order view's shape. */
export const OrderShipmentView = OrderShipment;
export type OrderShipmentView = OrderShipment;

export const TrackingQuery = z.object({
  order: z.string().trim().min(1).max(40),
  email: z.string().trim().min(3).max(254),
});
export const TrackingTokenParams = z.object({ token: z.string().min(10).max(500) });
export const TrackingView = z.object({
  orderNumber: z.string(),
  orderStatus: z.string(),
  shipments: z.array(OrderShipmentView),
  /** A link that shows this page without the email (for mail). */
  trackingToken: z.string(),
});
