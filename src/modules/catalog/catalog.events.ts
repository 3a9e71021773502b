/** Events the catalog writes to the outbox (payloads carry ids; readers load what they need). */
export const CatalogEvents = {
  productCreated: 'catalog.product.created',
  productUpdated: 'catalog.product.updated',
  productDeleted: 'catalog.product.deleted',
  offerUpdated: 'catalog.offer.updated',
  productsImported: 'catalog.products.imported',
} as const;
