// What the reviews module asks of orders: whether a buyer received a product (a verified purchase).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface DeliveredItem {
  orderId: string;
  orderItemId: string;
  offerId: string;
  sellerId: string;
}

/**
 * The buyer's most recent order item of this product that was delivered (and not returned), or
 * undefined. The buyer's orders come from `orders_user_idx`, their items from `order_items_order_idx`.
 */
export async function deliveredItemOf(
  db: Db,
  storeId: string,
  userId: string,
  productId: string,
): Promise<DeliveredItem | undefined> {
  const { rows } = await sql<DeliveredItem>`
    SELECT i.order_id AS "orderId", i.id AS "orderItemId", i.offer_id AS "offerId", i.seller_id AS "sellerId"
    FROM orders o
    JOIN order_items i ON i.order_id = o.id
    WHERE o.store_id = ${storeId} AND o.user_id = ${userId}
      AND i.store_id = ${storeId} AND i.product_id = ${productId} AND i.fulfillment_status = 'DELIVERED'
    ORDER BY i.id DESC
    LIMIT 1
  `.execute(db);
  return rows[0];
}
