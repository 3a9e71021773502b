import type { Db } from '../../platform/db/database.ts';
import { t } from './catalog.repository.ts';

/**
 * Offers whose catalog availability was set without the inventory module (the demo seed writes it
 * directly), in id order: what opening stock has to be received for them.
 */
export async function offersWithQuantity(db: Db, storeId: string, afterId: string | null, limit: number) {
  let q = t(db)
    .selectFrom('offers')
    .select(['id', 'product_id', 'seller_id', 'available_quantity'])
    .where('store_id', '=', storeId)
    .where('available_quantity', '>', 0);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    offerId: r.id,
    productId: r.product_id,
    sellerId: r.seller_id,
    quantity: r.available_quantity,
  }));
}
