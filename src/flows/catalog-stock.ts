// Catalog ↔ inventory, wired in both directions without either module importing the other:
// new products' initial stock is received into inventory, inventory tells the catalog each
// offer's sellable quantity (which browse, `inStock` and the in-stock filter read), and every
// receipt takes the offer's seller and product from the catalog.

import { availabilityCte, type CatalogService, getOffers, type StockPort } from '../modules/catalog/index.ts';
import type {
  AvailabilityListener,
  AvailabilityWrite,
  InventoryService,
  OfferOwnerLookup,
} from '../modules/inventory/index.ts';

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

/**
 * Both ways inventory keeps the catalog's quantity: the listener (one write per offer, after the
 * change) and, for the checkout's reservation, the catalog's CTE inside the change's statement.
 */
export const availabilityPorts = (
  catalog: () => CatalogService,
): { onAvailabilityChange: AvailabilityListener; availabilityWrite: AvailabilityWrite } => ({
  onAvailabilityChange: availabilityToCatalog(catalog),
  availabilityWrite: {
    cte: availabilityCte,
    written: (ctx, offerIds, rows) => catalog().offers.availabilityWritten(ctx, offerIds, rows),
  },
});
