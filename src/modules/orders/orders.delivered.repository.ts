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
 * undefined; an archived order counts as a hot one (decision 037). The buyer's orders come from
 * `orders_user_idx` and its archive twin, their items from `order_items_order_idx` and its twin.
 */
export async function deliveredItemOf(
  db: Db,
  storeId: string,
  userId: string,
  productId: string,
): Promise<DeliveredItem | undefined> {
  const newest = (orders: string, items: string) => sql`(
    SELECT i.order_id AS "orderId", i.id AS "orderItemId", i.offer_id AS "offerId", i.seller_id AS "sellerId"
    FROM ${sql.table(orders)} o
    JOIN ${sql.table(items)} i ON i.order_id = o.id
    WHERE o.store_id = ${storeId} AND o.user_id = ${userId}
      AND i.store_id = ${storeId} AND i.product_id = ${productId} AND i.fulfillment_status = 'DELIVERED'
    ORDER BY i.id DESC
    LIMIT 1)`;
  const { rows } = await sql<DeliveredItem>`
    ${newest('orders', 'order_items')} UNION ALL ${newest('orders_archive', 'order_items_archive')}
    ORDER BY "orderItemId" DESC
    LIMIT 1
  `.execute(db);
  return rows[0];
}
