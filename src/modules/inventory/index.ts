// Inventory owns stock: warehouses (stock points), stock per seller offer and warehouse, lots with
// expiry (FEFO), reservations held during checkout, and the movement ledger behind every on-hand
// change. Other modules reserve, confirm, ship, release and return stock through InventoryService.
import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import { systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { forecastRoutes } from './inventory.forecasts.routes.ts';
import { type ForecastPorts, StockForecasts } from './inventory.forecasts.ts';
import type { SellerDirectory } from './inventory.reports.ts';
import { inventoryRoutes } from './inventory.routes.ts';
import { InventoryService } from './inventory.service.ts';
import type { OfferOwnerLookup } from './inventory.stock.ts';
import type { AvailabilityListener, AvailabilityWrite } from './inventory.stock-writer.ts';

export type { BacktestReport } from './inventory.backtest.ts';
export {
  AboveMaximumLevel,
  InsufficientStock,
  LotMismatch,
  LotNotFound,
  OfferMismatch,
  OfferNotFound,
  ReservationExists,
  ReservationNotFound,
  ReservationStateConflict,
  ReturnExceedsSold,
  SellerNotFound,
  ShipExceedsCommitted,
  type Shortage,
  StockNotFound,
  WarehouseCodeTaken,
  WarehouseNotEmpty,
  WarehouseNotFound,
} from './inventory.errors.ts';
export { InventoryEvents, type StockLowPayload } from './inventory.events.ts';
export { type ForecastPorts, HISTORY_DAYS, StockForecasts } from './inventory.forecasts.ts';
export type { SellerDirectory } from './inventory.reports.ts';
export type { ReservationKey, ReturnInput } from './inventory.reservations.ts';
export type { ReceiveBody, Reference, ReservationView, ReserveBody, StockView } from './inventory.schemas.ts';
export { InventoryService } from './inventory.service.ts';
export type { ShipInput, ShipResult } from './inventory.shipping.ts';
export type { OfferOwnerLookup, OpeningStock } from './inventory.stock.ts';
export type { AvailabilityListener, AvailabilityWrite } from './inventory.stock-writer.ts';

/** Scheduled sweeps: queue names double as schedule names. */
export const RESERVATION_EXPIRY_JOB = 'inventory.reservations.expire';
export const LOT_EXPIRY_JOB = 'inventory.lots.expire';
/** The daily stock forecasts of every store (decision 028). */
export const FORECAST_JOB = 'inventory.forecasts.run';

export interface InventoryOptions {
  /** Told, inside the changing transaction, an offer's new sellable total (the catalog's inStock). */
  onAvailabilityChange?: AvailabilityListener;
  /** The same quantity written by the reservation's own statement (the catalog's CTE). */
  availabilityWrite?: AvailabilityWrite;
  /** The catalog's seller and product of an offer: receipts take the owner from it, never the body. */
  offerOwner: OfferOwnerLookup;
  /** Tells a seller of the store from an unknown id (404 on a seller's stock list). */
  isSeller?: SellerDirectory;
  /** The store's day and its offers' units sold per day: what the stock forecasts learn from. */
  forecastPorts: ForecastPorts;
}

export interface InventoryModule extends BazaarModule {
  service: InventoryService;
  forecasts: StockForecasts;
  /** Sellable units per offer (0 when none): the same numbers onAvailabilityChange reports. */
  getAvailability(db: Db, storeId: string, offerIds: string[]): Promise<Map<string, number>>;
}

export function createInventoryModule(platform: Platform, options: InventoryOptions): InventoryModule {
  const { jobs, config, log, database } = platform;
  const service = new InventoryService({
    jobs,
    log,
    reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
    onAvailabilityChange: options.onAvailabilityChange,
    availabilityWrite: options.availabilityWrite,
    offerOwner: options.offerOwner,
    isSeller: options.isSeller,
  });
  jobs.handle(RESERVATION_EXPIRY_JOB, async (job) => {
    const expired = await service.expireReservations(job.db);
    if (expired > 0) job.log.info({ expired }, 'expired stock reservations');
  });
  jobs.schedule(RESERVATION_EXPIRY_JOB, '* * * * *', RESERVATION_EXPIRY_JOB);
  jobs.handle(LOT_EXPIRY_JOB, async (job) => {
    const units = await service.expireLots(job.db);
    if (units > 0) job.log.info({ units }, 'moved expired lot stock out of on-hand');
  });
  jobs.schedule(LOT_EXPIRY_JOB, '*/5 * * * *', LOT_EXPIRY_JOB);
  const forecasts = new StockForecasts(options.forecastPorts, {
    leadTimeDays: config.FORECAST_LEAD_TIME_DAYS,
    reviewDays: config.FORECAST_REVIEW_DAYS,
    serviceLevel: config.FORECAST_SERVICE_LEVEL,
  });
  jobs.handle(FORECAST_JOB, async (job) => {
    for (const storeId of await forecasts.stockedStores(job.db)) {
      const ctx = systemCtx(database.forStore(storeId), storeId, job.log, { reason: FORECAST_JOB });
      const { day, offers } = await forecasts.run(ctx);
      job.log.info({ storeId, day, offers }, 'stock forecasts computed');
    }
  });
  // early in the day (UTC), after the day before has closed in most time zones
  jobs.schedule(FORECAST_JOB, '23 4 * * *', FORECAST_JOB);
  return {
    name: 'inventory',
    migrations: path.join(import.meta.dirname, 'migrations'),
    partitioned: [{ table: 'inventory_movements' }],
    service,
    forecasts,
    getAvailability: (db, storeId, offerIds) =>
      service.getAvailability(systemCtx(db, storeId, log, { reason: 'availability' }), offerIds),
    routes: async (app) => {
      await inventoryRoutes(service)(app);
      await forecastRoutes(forecasts)(app);
    },
  };
}
