/** Events inventory writes to the outbox. */
export const InventoryEvents = {
  /** An item's available quantity fell to or below its reorder point (once per crossing). */
  stockLow: 'inventory.stock.low',
} as const;

export interface StockLowPayload {
  offerId: string;
  productId: string;
  sellerId: string;
  warehouseId: string;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
}
