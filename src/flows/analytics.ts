// What analytics reads of the other modules: the store's time zone (tenancy's store directory),
// captured orders (orders), refunds per day (payments), and the names reports show (catalog,
// identity).
import type { AnalyticsPorts } from '../modules/analytics/index.ts';
import type { CatalogModule } from '../modules/catalog/index.ts';
import { contacts } from '../modules/identity/index.ts';
import { capturedSales } from '../modules/orders/index.ts';
import { refundsByDay } from '../modules/payments/index.ts';
import { findStore, type StoreResolver } from '../modules/tenancy/index.ts';

export function analyticsPorts(m: {
  catalog: CatalogModule;
  tenancy: { resolver: StoreResolver };
}): AnalyticsPorts {
  return {
    // from the store directory each process keeps (brought up to date on every settings change)
    timeZone: async (ctx) =>
      (await m.tenancy.resolver.resolve({ host: undefined, storeIdHeader: ctx.storeId })).timeZone,
    sales: (ctx, which) => capturedSales(ctx.db, ctx.storeId, which),
    refundsByDay: (ctx, range) => refundsByDay(ctx.db, ctx.storeId, range),
    productNames: async (ctx, ids) =>
      new Map((await m.catalog.service.ratings.names(ctx, ids)).map((p) => [p.id, p.name])),
    categoryNames: async (ctx, ids) => {
      const wanted = new Set(ids);
      const { all } = await m.catalog.service.categories.index(ctx);
      return new Map(all.filter((c) => wanted.has(c.id)).map((c) => [c.id, c.name]));
    },
    sellerNames: async (ctx, ids) => {
      const names = await contacts.names(ctx, ids);
      // the store's own offers are sold by the store itself (its id stands as the seller)
      if (ids.includes(ctx.storeId))
        names.set(ctx.storeId, (await findStore(ctx.db, ctx.storeId))?.name ?? 'The store');
      return names;
    },
  };
}
