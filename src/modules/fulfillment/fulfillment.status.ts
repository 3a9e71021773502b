/** The shipment and return state machines as transition tables (tested exhaustively). */
export const SHIPMENT_STATUSES = [
  'PENDING',
  'ASSIGNED',
  'PICKED_UP',
  'IN_TRANSIT',
  'DELIVERED',
  'FAILED',
  'RETURNED_TO_SENDER',
  'CANCELLED',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/**
 * Steps are not skipped. A FAILED attempt is re-assigned (ASSIGNED, to the same or another agent)
 * or sent back (RETURNED_TO_SENDER). PENDING and ASSIGNED shipments go when their order is cancelled.
 */
export const SHIPMENT_TRANSITIONS: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  PENDING: ['ASSIGNED', 'PICKED_UP', 'CANCELLED'],
  ASSIGNED: ['ASSIGNED', 'PICKED_UP', 'PENDING', 'CANCELLED'],
  PICKED_UP: ['IN_TRANSIT', 'FAILED'],
  IN_TRANSIT: ['DELIVERED', 'FAILED'],
  FAILED: ['ASSIGNED', 'RETURNED_TO_SENDER'],
  DELIVERED: [],
  RETURNED_TO_SENDER: [],
  CANCELLED: [],
};

export function canShipmentMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return SHIPMENT_TRANSITIONS[from].includes(to);
}

/** What an agent reports from the road (API.md's event call). */
export const AGENT_STATUSES = ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'FAILED'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Shipments on the road: an agent reports locations for these, and they count to its load. */
export const ON_THE_ROAD: readonly ShipmentStatus[] = ['PICKED_UP', 'IN_TRANSIT'];
export const OPEN_FOR_AGENT: readonly ShipmentStatus[] = ['ASSIGNED', 'PICKED_UP', 'IN_TRANSIT'];

/** Shipments whose items no longer count as shipped: their units may go in another shipment. */
export const RELEASED: readonly ShipmentStatus[] = ['CANCELLED', 'RETURNED_TO_SENDER'];

/** Once picked up, a shipment's units have left the warehouse (the order can no longer be cancelled). */
export const LEFT_WAREHOUSE: readonly ShipmentStatus[] = [
  'PICKED_UP',
  'IN_TRANSIT',
  'DELIVERED',
  'FAILED',
  'RETURNED_TO_SENDER',
];

export const RETURN_STATUSES = [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'RECEIVED',
  'REFUNDED',
  'CANCELLED',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REQUESTED: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: ['RECEIVED', 'CANCELLED'],
  RECEIVED: ['REFUNDED'],
  REJECTED: [],
  REFUNDED: [],
  CANCELLED: [],
};

export function canReturnMove(from: ReturnStatus, to: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[from].includes(to);
}
