import type { PostalAddress } from '../../platform/schemas.ts';
import type { DeliveryView, OrderShipmentView, ShipmentView } from './fulfillment.schemas.ts';
import type {
  AgentRow,
  CarrierRow,
  CollectionRow,
  ShipmentEventRow,
  ShipmentItemRow,
  ShipmentRow,
} from './fulfillment.tables.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a shipment's view is made of besides its row. */
export interface ShipmentParts {
  items: ShipmentItemRow[];
  events: Pick<ShipmentEventRow, 'status' | 'actor_id' | 'lat' | 'lng' | 'note' | 'created_at'>[];
  collection: CollectionRow | undefined;
  carrier: CarrierRow | undefined;
}

/** The carrier's tracking link for the number, when the store set a template for it. */
export function trackingUrl(s: ShipmentRow, carrier: CarrierRow | undefined): string | null {
  if (!s.tracking_number || !carrier?.tracking_url_template) return null;
  return carrier.tracking_url_template.replaceAll('{trackingNumber}', encodeURIComponent(s.tracking_number));
}

function lastLocation(s: ShipmentRow) {
  if (s.last_lat === null || s.last_lng === null || !s.last_located_at) return null;
  return {
    lat: s.last_lat,
    lng: s.last_lng,
    accuracy: s.last_accuracy_m,
    at: s.last_located_at.toISOString(),
  };
}

export function presentShipment(s: ShipmentRow, parts: ShipmentParts): ShipmentView {
  return {
    id: s.id,
    orderId: s.order_id,
    orderNumber: s.order_number,
    sellerId: s.seller_id,
    warehouseId: s.warehouse_id,
    status: s.status,
    items: parts.items.map((i) => ({
      orderItemId: i.order_item_id,
      offerId: i.offer_id,
      quantity: i.quantity,
    })),
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
    trackingUrl: trackingUrl(s, parts.carrier),
    deliveryAgentId: s.delivery_agent_id,
    codAmount: { amount: s.cod_amount, currency: s.currency },
    codCollected: parts.collection
      ? { amount: parts.collection.collected_amount, currency: parts.collection.currency }
      : null,
    estimatedDeliveryAt: iso(s.estimated_delivery_at),
    weightGrams: s.weight_grams,
    packageCount: s.package_count,
    address: s.address as PostalAddress,
    recipientName: s.recipient_name,
    proofPhotoUrl: s.proof_photo_url,
    failedAttempts: s.failed_attempts,
    lastLocation: lastLocation(s),
    events: parts.events.map((e) => ({
      status: e.status,
      at: e.created_at.toISOString(),
      by: e.actor_id,
      location: e.lat !== null && e.lng !== null ? { lat: e.lat, lng: e.lng } : null,
      note: e.note,
    })),
    createdAt: s.created_at.toISOString(),
    pickedUpAt: iso(s.picked_up_at),
    deliveredAt: iso(s.delivered_at),
  };
}

/** The buyer's (and public tracking's) view: the last location only while IN_TRANSIT with an agent. */
export function presentForBuyer(
  s: ShipmentRow,
  parts: ShipmentParts,
  deliveryCode?: string | null,
): OrderShipmentView {
  const onTheWay = s.status === 'IN_TRANSIT' && s.delivery_agent_id !== null;
  return {
    id: s.id,
    status: s.status,
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
    trackingUrl: trackingUrl(s, parts.carrier),
    estimatedDeliveryAt: iso(s.estimated_delivery_at),
    items: parts.items.map((i) => ({ orderItemId: i.order_item_id, quantity: i.quantity })),
    events: parts.events.map((e) => ({ status: e.status, at: e.created_at.toISOString() })),
    lastLocation: onTheWay ? lastLocation(s) : null,
    ...(deliveryCode !== undefined ? { deliveryCode } : {}),
  };
}

export function presentDelivery(s: ShipmentRow): DeliveryView {
  return {
    id: s.id,
    orderId: s.order_id,
    orderNumber: s.order_number,
    status: s.status,
    address: s.address as PostalAddress,
    codAmount: { amount: s.cod_amount, currency: s.currency },
    packageCount: s.package_count,
    deliveryCodeRequired: s.delivery_code_sealed !== null,
    assignedAt: iso(s.assigned_at),
  };
}

export function presentAgent(a: AgentRow, openDeliveries: number) {
  return {
    userId: a.user_id,
    vehicle: a.vehicle,
    zone: a.zone,
    phone: a.phone,
    available: a.available,
    openDeliveries,
    lastLocation:
      a.last_lat !== null && a.last_lng !== null && a.last_located_at
        ? { lat: a.last_lat, lng: a.last_lng, at: a.last_located_at.toISOString() }
        : null,
  };
}

export function presentCarrier(c: CarrierRow) {
  return { code: c.code, name: c.name, trackingUrlTemplate: c.tracking_url_template, active: c.active };
}
