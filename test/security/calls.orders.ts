import type { Call } from './calls.ts';
import { type CheckedOut, checkout, shipOrder, type World } from './fixtures.ts';

/**
 * How the matrix calls the operations of an order's way to the buyer: the orders themselves, then
 * their shipments, the agents who deliver them, the carriers and public tracking. Part of CALLS.
 */

export const ORDER_CALLS: Record<string, Call> = {
  'GET /orders': {},
  'GET /orders/{id}': { request: (w) => ({ params: { id: w.orders.main.orderId } }) },
  'GET /orders/{id}/history': { request: (w) => ({ params: { id: w.orders.main.orderId } }) },
  'GET /orders/{id}/invoice': { request: (w) => ({ params: { id: w.orders.main.orderId } }) },
  'POST /orders/{id}/cancel': {
    fresh: (w) => checkout(w, [w.catalog.storeOffers[1].offerId]),
    request: (_w, _who, placed: { orderId: string }) => ({
      params: { id: placed.orderId },
      body: { reason: 'matrix' },
    }),
  },
  'GET /admin/orders': {},
  'GET /admin/orders/summary': {
    request: () => ({
      query: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() },
    }),
  },
  'POST /admin/orders/{id}/status': {
    request: (w) => ({ params: { id: w.orders.toMove.orderId }, body: { status: 'PROCESSING' } }),
  },
  'GET /seller/order-items': {},
  'PATCH /seller/orders/{id}/items/{itemId}': {
    fresh: (w) => checkout(w, [w.catalog.sellerOffer.offerId]),
    request: (w, _who, placed: { orderId: string; items: Record<string, string> }) => ({
      params: { id: placed.orderId, itemId: placed.items[w.catalog.sellerOffer.offerId]! },
      body: { status: 'PROCESSING' },
    }),
  },
};

type Shipped = { shipmentId: string; order: CheckedOut };

/** The world's shipment: the seller's, assigned to deliveryAgent and on the road. */
const theShipment = (w: World) => ({ id: w.fulfilment.shipmentId });

export const FULFILMENT_CALLS: Record<string, Call> = {
  // a fresh paid order of the seller's item for each caller that may ship it
  'POST /admin/orders/{id}/shipments': {
    fresh: (w) => checkout(w, [w.catalog.sellerOffer.offerId]),
    request: (_w, _who, placed: CheckedOut) => ({ params: { id: placed.orderId }, body: {} }),
  },
  'GET /admin/shipments': {},
  'GET /admin/shipments/{id}': { request: (w) => ({ params: theShipment(w) }) },
  'GET /admin/shipments/{id}/track': { request: (w) => ({ params: theShipment(w) }) },
  'POST /admin/shipments/{id}/assign': {
    fresh: (w) => shipOrder(w),
    request: (w, _who, s: Shipped) => ({
      params: { id: s.shipmentId },
      body: { deliveryAgentId: w.callers.deliveryAgent.user!.id },
    }),
  },
  // a PENDING shipment a courier carries, picked up
  'POST /admin/shipments/{id}/events': {
    fresh: (w) => shipOrder(w),
    request: (_w, _who, s: Shipped) => ({ params: { id: s.shipmentId }, body: { status: 'PICKED_UP' } }),
  },
  'POST /admin/shipments/{id}/receive-back': {
    fresh: (w) => shipOrder(w, { failed: true }),
    request: (_w, _who, s: Shipped) => ({ params: { id: s.shipmentId }, body: { condition: 'SELLABLE' } }),
  },

  'GET /agent/deliveries': {},
  'GET /agent/deliveries/{id}': { request: (w) => ({ params: theShipment(w) }) },
  // a fresh shipment assigned to deliveryAgent, picked up
  'POST /agent/deliveries/{id}/events': {
    fresh: (w) => shipOrder(w, { agent: true }),
    request: (_w, _who, s: Shipped) => ({ params: { id: s.shipmentId }, body: { status: 'PICKED_UP' } }),
  },
  'POST /agent/deliveries/{id}/location': {
    request: (w) => ({ params: theShipment(w), body: { lat: 12.97, lng: 77.59 } }),
  },
  'POST /agent/deliveries/{id}/locations': {
    request: (w) => ({ params: theShipment(w), body: { points: [{ lat: 12.97, lng: 77.59 }] } }),
  },
  'GET /agent/profile': {},
  'PUT /agent/availability': { request: () => ({ body: { available: true } }) },
  'GET /admin/delivery-agents': {},
  'PUT /admin/delivery-agents/{userId}': {
    request: (w) => ({
      params: { userId: w.callers.deliveryAgent.user!.id },
      body: { vehicle: 'bike', available: true },
    }),
  },
  'GET /admin/carriers': {},
  'PUT /admin/carriers/{code}': {
    request: () => ({
      params: { code: 'matrix-post' },
      body: { name: 'Matrix Post', trackingUrlTemplate: 'https://track.example.test/{trackingNumber}' },
    }),
  },

  'GET /track': {
    request: (w) => ({
      query: { order: w.fulfilment.orderNumber, email: w.callers.customer.user!.email },
    }),
  },
  'GET /track/{token}': { request: (w) => ({ params: { token: w.fulfilment.trackingToken } }) },
};
