import type { ShipmentStatus } from './fulfillment.status.ts';

/** Events fulfilment writes to the outbox, for notifications and analytics to consume. */
export const FulfillmentEvents = {
  shipmentCreated: 'fulfillment.shipment.created',
  shipmentAssigned: 'fulfillment.shipment.assigned',
  shipmentPickedUp: 'fulfillment.shipment.picked_up',
  /** The parcel left with its code for the buyer: `{ orderId, shipmentId, code: { sealed, aad } }`. */
  deliveryCodeIssued: 'fulfillment.shipment.delivery-code-issued',
  shipmentInTransit: 'fulfillment.shipment.in_transit',
  shipmentDelivered: 'fulfillment.shipment.delivered',
  shipmentFailed: 'fulfillment.shipment.failed',
  shipmentReturnedToSender: 'fulfillment.shipment.returned_to_sender',
  shipmentCancelled: 'fulfillment.shipment.cancelled',
  codCollected: 'fulfillment.cod.collected',
  codRemitted: 'fulfillment.cod.remitted',
  returnRequested: 'fulfillment.return.requested',
  returnApproved: 'fulfillment.return.approved',
  returnRejected: 'fulfillment.return.rejected',
  returnReceived: 'fulfillment.return.received',
  returnRefunded: 'fulfillment.return.refunded',
  returnCancelled: 'fulfillment.return.cancelled',
} as const;

/** The event a shipment writes when it reaches a status (PENDING is where it starts: `created`). */
export const SHIPMENT_STATUS_EVENTS: Record<Exclude<ShipmentStatus, 'PENDING'>, string> = {
  ASSIGNED: FulfillmentEvents.shipmentAssigned,
  PICKED_UP: FulfillmentEvents.shipmentPickedUp,
  IN_TRANSIT: FulfillmentEvents.shipmentInTransit,
  DELIVERED: FulfillmentEvents.shipmentDelivered,
  FAILED: FulfillmentEvents.shipmentFailed,
  RETURNED_TO_SENDER: FulfillmentEvents.shipmentReturnedToSender,
  CANCELLED: FulfillmentEvents.shipmentCancelled,
};
