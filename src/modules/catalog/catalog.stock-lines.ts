import type { Db } from '../../platform/db/database.ts';
import { offersWithOpeningQuantity } from './catalog.seed.repository.ts';

/**
 * Offers whose catalog availability was set without the inventory module (the demo seed writes it
 * directly), in id order: what opening stock has to be received for them.
 */
export async function offersWithQuantity(db: Db, storeId: string, afterId: string | null, limit: number) {
  const rows = await offersWithOpeningQuantity(db, storeId, afterId, limit);
  return rows.map((r) => ({
    offerId: r.id,
    productId: r.product_id,
    sellerId: r.seller_id,
    quantity: r.available_quantity,
  }));
}
