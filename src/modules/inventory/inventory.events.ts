/** Events inventory writes to the outbox. */

/** An item's available quantity fell to or below its reorder point (once per crossing). */
export const STOCK_LOW = 'inventory.stock.low';

export interface StockLowPayload {
  offerId: string;
  productId: string;
  sellerId: string;
  warehouseId: string;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
}
