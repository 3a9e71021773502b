// Catalog ↔ inventory, wired in both directions without either module importing the other:
// new products' initial stock is received into inventory, inventory tells the catalog each
// offer's sellable quantity (which browse, `inStock` and the in-stock filter read), and every
// receipt takes the offer's seller and product from the catalog.

import { type CatalogService, getOffers, type StockPort } from '../modules/catalog/index.ts';
import type { AvailabilityListener, InventoryService, OfferOwnerLookup } from '../modules/inventory/index.ts';

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

export const offerOwnerFromCatalog: OfferOwnerLookup = async (ctx, offerId) => {
  const [offer] = await getOffers(ctx, [offerId]);
  return offer && { sellerId: offer.sellerId, productId: offer.productId };
};

/** The stock change's own context (its transaction, store and actor) writes the catalog's quantity. */
export const availabilityToCatalog =
  (catalog: () => CatalogService): AvailabilityListener =>
  (ctx, offerId, available) =>
    catalog().offers.setAvailability(ctx, offerId, available);
