import type { Db } from '../../platform/db/database.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { type SellerDirectory, StockReports } from './inventory.reports.ts';
import { type ReservationKey, ReservationService, type ReturnInput } from './inventory.reservations.ts';
import type { ReceiveBody, Reference, ReservationView, ReserveBody, StockView } from './inventory.schemas.ts';
import { type ShipInput, ShippingService, type ShipResult } from './inventory.shipping.ts';
import { type OfferOwnerLookup, type OpeningStock, StockService } from './inventory.stock.ts';
import { type AvailabilityListener, type AvailabilityWrite, StockWriter } from './inventory.stock-writer.ts';
import { WarehouseService } from './inventory.warehouses.ts';

export interface InventoryDeps {
  jobs: Jobs;
  /** The log of the sweeps' changes (they run in no request). */
  log: Logger;
  reservationTtlSeconds: number;
  onAvailabilityChange?: AvailabilityListener | undefined;
  availabilityWrite?: AvailabilityWrite | undefined;
  /** The catalog's owner of an offer: every receipt takes its seller and product from it. */
  offerOwner: OfferOwnerLookup;
  isSeller?: SellerDirectory | undefined;
}

/**
 * The inventory facade: one sub-service per aggregate (`warehouses`, `stock`, `reservations`,
 * `shipping`, `reports`), sharing one stock writer. The methods below are what other modules and flows call.
 */
export class InventoryService {
  readonly warehouses: WarehouseService;
  readonly stock: StockService;
  readonly reservations: ReservationService;
  readonly shipping: ShippingService;
  readonly reports: StockReports;

  constructor(deps: InventoryDeps) {
    const writer = new StockWriter(deps);
    this.warehouses = new WarehouseService(writer);
    this.stock = new StockService(writer, this.warehouses, deps.offerOwner);
    this.reservations = new ReservationService(writer, deps.reservationTtlSeconds);
    this.shipping = new ShippingService(writer);
    this.reports = new StockReports(deps.isSeller);
  }

  /** Puts units on hand (catalog: a new product's initial stock). */
  receive(ctx: Ctx, input: ReceiveBody): Promise<StockView> {
    return this.stock.receive(ctx, input);
  }

  /** Opening stock for offers that have none yet, in set-based statements (seeding, imports). */
  receiveOpening(ctx: Ctx, lines: OpeningStock[]): Promise<number> {
    return this.stock.receiveOpening(ctx, lines);
  }

  /** Holds stock for a reference, all lines or none; in `ctx.db`'s transaction when it is one. */
  reserve(ctx: Ctx, input: ReserveBody): Promise<ReservationView> {
    return this.reservations.reserve(ctx, input);
  }

  confirm(ctx: Ctx, key: ReservationKey): Promise<ReservationView> {
    return this.reservations.confirm(ctx, key);
  }

  release(ctx: Ctx, key: ReservationKey, reason: string): Promise<ReservationView> {
    return this.reservations.release(ctx, key, reason);
  }

  /** Sold units leave the warehouse (fulfilment): committed → shipped, SHIPMENT movements. */
  ship(ctx: Ctx, input: ShipInput): Promise<ShipResult> {
    return this.shipping.ship(ctx, input);
  }

  /** Takes back sold units, unshipped or shipped (`input.shipped`), on hand or into damaged. */
  returnStock(ctx: Ctx, input: ReturnInput): Promise<ReservationView> {
    return this.reservations.returnStock(ctx, input);
  }

  reservationFor(ctx: Ctx, reference: Reference): Promise<ReservationView | null> {
    return this.reservations.forReference(ctx, reference);
  }

  /** Sellable units per offer (0 for offers without stock): what the catalog shows as in stock. */
  getAvailability(ctx: Ctx, offerIds: string[]): Promise<Map<string, number>> {
    return this.reports.availability(ctx, offerIds);
  }

  /** The scheduled sweep of expired reservations, across stores. */
  expireReservations(db: Db, batchSize?: number): Promise<number> {
    return this.reservations.expire(db, batchSize);
  }

  /** The scheduled sweep of expired lots, across stores. */
  expireLots(db: Db, batchSize?: number): Promise<number> {
    return this.stock.expireLots(db, batchSize);
  }
}
