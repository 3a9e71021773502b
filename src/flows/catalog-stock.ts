// Catalog ↔ inventory, wired in both directions without either module importing the other:
// new products' initial stock is received into inventory, inventory tells the catalog each
// offer's sellable quantity (which browse, `inStock` and the in-stock filter read), and every
// receipt takes the offer's seller and product from the catalog.

import { type CatalogService, getOffers, type StockPort } from '../modules/catalog/index.ts';
import type { AvailabilityListener, InventoryService, OfferOwnerLookup } from '../modules/inventory/index.ts';
import { systemCtx } from '../platform/http/context.ts';
import type { Logger } from '../platform/observability/logger.ts';

export function stockPort(inventory: () => InventoryService): StockPort {
  return {
    async receive(ctx, input) {
      const [offer] = await getOffers(ctx, [input.offerId]);
      if (!offer) throw new Error(`offer ${input.offerId} vanished while its stock was being received`);
      await inventory().receive(ctx, {
        offerId: offer.offerId,
        productId: offer.productId,
        sellerId: offer.sellerId,
        quantity: input.quantity,
        reason: input.reason,
      });
    },
  };
}

export const offerOwnerFromCatalog: OfferOwnerLookup = async (db, storeId, offerId) => {
  const [offer] = await getOffers({ db, storeId }, [offerId]);
  return offer && { sellerId: offer.sellerId, productId: offer.productId };
};

export const availabilityToCatalog =
  (catalog: () => CatalogService, log: Logger): AvailabilityListener =>
  (db, storeId, offerId, available) =>
    catalog().offers.setAvailability(
      systemCtx(db, storeId, log, { reason: 'inventory' }),
      offerId,
      available,
    );
