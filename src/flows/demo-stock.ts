// After the demo catalog is seeded, its offers' quantities become real opening stock in inventory,
// so demo products can be reserved and bought like any other.
import type { CatalogService } from '../modules/catalog/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import type { Db } from '../platform/db/database.ts';
import { systemCtx } from '../platform/http/context.ts';
import type { Logger } from '../platform/observability/logger.ts';

export async function stockDemoOffers(
  db: Db,
  inventory: InventoryService,
  storeId: string,
  catalog: CatalogService,
  log: Logger,
): Promise<number> {
  let after: string | null = null;
  let stocked = 0;
  for (;;) {
    const page = await catalog.offers.withQuantity({ db, storeId }, after, 2000);
    if (page.length === 0) return stocked;
    stocked += await inventory.receiveOpening(systemCtx(db, storeId, log, { reason: 'demo stock' }), page);
    after = page.at(-1)!.offerId;
  }
}
