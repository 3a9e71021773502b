// Fulfilment owns what happens to an order after it is placed and paid: shipments per seller with
// their items, carriers and tracking, delivery agents with their live location, the steps from the
// warehouse to the door, cash collected on delivery and handed in, and returns. Orders, stock and
// payments follow through the ports the composition root wires (`usePorts`).
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { fulfillmentRoutes } from './fulfillment.routes.ts';
import { type AgentDirectory, FulfillmentService } from './fulfillment.service.ts';

export { OrderAlreadyPickedUp } from './fulfillment.errors.ts';
export { FulfillmentEvents } from './fulfillment.events.ts';
export type {
  FulfillmentPorts,
  ItemMove,
  OrderForShipping,
  StockLine,
} from './fulfillment.ports.ts';
export { ordersWithOpenReturns } from './fulfillment.returns.repository.ts';
export { OrderShipmentView } from './fulfillment.schemas.ts';
export { FulfillmentService } from './fulfillment.service.ts';
export { SHIPMENT_STATUSES, type ShipmentStatus } from './fulfillment.status.ts';

export interface FulfillmentModule extends BazaarModule {
  service: FulfillmentService;
}

export interface FulfillmentOptions {
  /** Whether a user holds DELIVERY_AGENT in the request's store (identity answers). */
  isAgent: AgentDirectory;
}

export function createFulfillmentModule(platform: Platform, options: FulfillmentOptions): FulfillmentModule {
  const service = new FulfillmentService(platform.jobs, options.isAgent);
  return {
    name: 'fulfillment',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    routes: fulfillmentRoutes(service),
  };
}
