// The demo history (`bazaar seed --demo --history DAYS`): past orders of the demo catalog's offers,
// delivered and paid, written set-based by orders and payments, then the analytics rollups
// recounted over the days they cover, so the dashboards have a year to show on a fresh install.
import type { Rollups } from '../modules/analytics/index.ts';
import { type CatalogService, getOffers } from '../modules/catalog/index.ts';
import { type HistoryOffer, insertHistory } from '../modules/orders/index.ts';
import { insertCapturedHistory } from '../modules/payments/index.ts';
import { findStore } from '../modules/tenancy/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import { systemCtx } from '../platform/http/context.ts';
import type { Logger } from '../platform/observability/logger.ts';

/** Orders written per statement (and per transaction). */
const CHUNK = 10_000;
/** Offers the history spreads its orders over. */
const OFFERS = 200;

export interface HistoryDeps {
  db: Db;
  log: Logger;
  catalog: CatalogService;
  rollups: Rollups;
}

export async function seedDemoHistory(
  deps: HistoryDeps,
  storeId: string,
  history: { days: number; orders: number },
): Promise<{ orders: number }> {
  const ctx = systemCtx(deps.db, storeId, deps.log, { reason: 'demo history' });
  const offers = await historyOffers(deps, storeId);
  if (offers.length === 0) {
    deps.log.warn('no priced demo offers: no history written');
    return { orders: 0 };
  }
  const currency = (await findStore(deps.db, storeId))?.currency ?? 'INR';
  const run = Date.now().toString(36);
  let written = 0;
  for (let done = 0; done < history.orders; done += CHUNK) {
    const count = Math.min(CHUNK, history.orders - done);
    await transaction(deps.db, async (trx) => {
      const orders = await insertHistory(trx, storeId, {
        run: `${run}${done / CHUNK}`,
        days: history.days,
        count,
        currency,
        offers,
      });
      await insertCapturedHistory(
        trx,
        storeId,
        orders.map((o) => ({ ...o, currency })),
      );
      written += orders.length;
    });
  }
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (history.days + 1) * 86_400_000).toISOString().slice(0, 10);
  await deps.rollups.rebuild(ctx, { from, to });
  await deps.rollups.analyze(ctx);
  deps.log.info({ orders: written, days: history.days }, 'demo history written and rollups recounted');
  return { orders: written };
}

/** The first offers of the catalog that can be sold, as the history's lines take them. */
async function historyOffers(deps: HistoryDeps, storeId: string): Promise<HistoryOffer[]> {
  const page = await deps.catalog.offers.withQuantity({ db: deps.db, storeId }, null, OFFERS);
  const snapshots = await getOffers(
    { db: deps.db, storeId },
    page.map((o) => o.offerId),
  );
  return snapshots
    .filter((s) => s.purchasable && s.price.amount > 0)
    .map((s) => ({
      offerId: s.offerId,
      productId: s.productId,
      variantId: s.variantId,
      sellerId: s.sellerId,
      categoryId: s.categoryId,
      name: s.productName,
      sku: s.sku,
      price: s.price.amount,
    }));
}
