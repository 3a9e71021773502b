// Orders owns placed orders: item and address snapshots, totals (pricing with tax and shipping
// rules), the status machine with its history, seller item fulfilment, checkout's idempotency
// records, and invoices.
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { findStore, storeCurrency } from '../tenancy/index.ts';
import { OrderArchive, registerOrderArchive } from './orders.archive.ts';
import { ordersRoutes } from './orders.routes.ts';
import { OrdersService } from './orders.service.ts';
import { PricingRulesCache } from './orders.settings.ts';

export { ARCHIVE_QUEUE, type ArchiveGuard, type ArchiveRun, OrderArchive } from './orders.archive.ts';
/** Whether a buyer received a product: the reviews module's verified purchase. */
export {
  type AttributedSales,
  type Attribution,
  attributedSales,
  type BuyerRules,
  buyerConditions,
} from './orders.audience.ts';
export { type DeliveredItem, deliveredItemOf } from './orders.delivered.repository.ts';
export type { DraftItem, OrderDraft, WrittenOrder } from './orders.draft.ts';
export {
  OrderArchived,
  OrderNotCancellable,
  OrderNotFound,
  OrderNotPaid,
  TransitionNotAllowed,
} from './orders.errors.ts';
export { OrderEvents } from './orders.events.ts';
export { type HistoryOffer, type HistoryOrder, insertHistory } from './orders.history.repository.ts';
export { presentOrder } from './orders.presenters.ts';
export { type PricingLine, priceOrder, type Totals } from './orders.pricing.ts';
export { anyOrders } from './orders.repository.ts';
export { capturedSales, type Sale, type SaleLine, unitsSoldByDay } from './orders.sales.repository.ts';
export { OrderShipment, OrderView } from './orders.schemas.ts';
export { OrdersService } from './orders.service.ts';
export { type PricingRules, shippingMethodFor, taxRulesFor } from './orders.settings.ts';
export {
  BUYER_CANCELLABLE,
  canTransition,
  FULFILMENT_STATUSES,
  type FulfilmentStatus,
  ITEM_STATUSES,
  type ItemStatus,
  ORDER_STATUSES,
  type OrderStatus,
} from './orders.status.ts';

export interface OrdersModule extends BazaarModule {
  service: OrdersService;
  /** The daily move of old final orders to the archive (decision 037); other modules add guards. */
  archive: OrderArchive;
}

export function createOrdersModule(platform: Platform): OrdersModule {
  const service = new OrdersService(platform.jobs, new PricingRulesCache(platform.invalidations));
  const archive = new OrderArchive(platform.config.ORDERS_ARCHIVE_AFTER_DAYS);
  registerOrderArchive(platform.jobs, archive);
  const store = async (storeId: string) => {
    const s = await findStore(platform.database.db, storeId);
    // one read of the store row; tenancy's default currency only for a store that is gone
    return {
      name: s?.name ?? 'Bazaar',
      currency: s?.currency ?? (await storeCurrency(platform.database.db, storeId)),
    };
  };
  return {
    name: 'orders',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    archive,
    routes: ordersRoutes(service, store),
  };
}
