import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';
import {
  type InventoryMovementsTable,
  ITEM_COLUMNS,
  type MovementType,
  type StockRow,
  t,
} from './inventory.tables.ts';

/** Units that can be sold now: unreserved, unexpired units in active warehouses. */
const STOCK_SELECT = sql`
  SELECT ${ITEM_COLUMNS}, w.is_active AS warehouse_active, w.code AS warehouse_code,
    w.name AS warehouse_name,
    CASE WHEN w.is_active THEN coalesce(s.free, 0) ELSE 0 END::bigint AS sellable
  FROM inventory_items i
  JOIN warehouses w ON w.id = i.warehouse_id
  LEFT JOIN LATERAL (
    SELECT sum(l.on_hand - l.reserved)::bigint AS free FROM inventory_lots l
    WHERE l.item_id = i.id AND l.on_hand > l.reserved AND (l.expires_at IS NULL OR l.expires_at > now())
  ) s ON true`;

export async function sellableByOffer(
  db: Db,
  storeId: string,
  offerIds: string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (offerIds.length === 0) return result;
  const { rows } = await sql<{ offer_id: string; sellable: number }>`
    SELECT i.offer_id, coalesce(sum(l.on_hand - l.reserved), 0)::bigint AS sellable
    FROM inventory_items i
    JOIN warehouses w ON w.id = i.warehouse_id AND w.is_active
    JOIN inventory_lots l ON l.item_id = i.id AND l.on_hand > l.reserved
      AND (l.expires_at IS NULL OR l.expires_at > now())
    WHERE i.store_id = ${storeId} AND i.offer_id = ANY(${offerIds}::uuid[])
    GROUP BY i.offer_id`.execute(db);
  for (const row of rows) result.set(row.offer_id, row.sellable);
  return result;
}

export async function stockOfOffer(
  db: Db,
  storeId: string,
  offerId: string,
  sellerScope?: string,
): Promise<StockRow[]> {
  const { rows } = await sql<StockRow>`${STOCK_SELECT}
    WHERE i.store_id = ${storeId} AND i.offer_id = ${offerId}
      ${sellerScope ? sql`AND i.seller_id = ${sellerScope}` : sql``}
    ORDER BY w.code`.execute(db);
  return rows;
}

export async function stockOfProduct(
  db: Db,
  storeId: string,
  productId: string,
  sellerScope?: string,
): Promise<StockRow[]> {
  const { rows } = await sql<StockRow>`${STOCK_SELECT}
    WHERE i.store_id = ${storeId} AND i.product_id = ${productId}
      ${sellerScope ? sql`AND i.seller_id = ${sellerScope}` : sql``}
    ORDER BY i.offer_id, w.code`.execute(db);
  return rows;
}

export async function stockOfSeller(
  db: Db,
  storeId: string,
  sellerId: string,
  page: { limit: number; after?: { productId: string; id: string } },
): Promise<StockRow[]> {
  const after = page.after
    ? sql`AND (i.product_id, i.id) > (${page.after.productId}::uuid, ${page.after.id}::uuid)`
    : sql``;
  const { rows } = await sql<StockRow>`${STOCK_SELECT}
    WHERE i.store_id = ${storeId} AND i.seller_id = ${sellerId} ${after}
    ORDER BY i.product_id, i.id
    LIMIT ${page.limit + 1}`.execute(db);
  return rows;
}

export async function lowStock(
  db: Db,
  storeId: string,
  filter: { limit: number; afterId?: string; warehouseId?: string; sellerScope?: string },
): Promise<StockRow[]> {
  const { rows } = await sql<StockRow>`${STOCK_SELECT}
    WHERE i.store_id = ${storeId} AND i.available <= i.reorder_point
      ${filter.afterId ? sql`AND i.id > ${filter.afterId}` : sql``}
      ${filter.warehouseId ? sql`AND i.warehouse_id = ${filter.warehouseId}` : sql``}
      ${filter.sellerScope ? sql`AND i.seller_id = ${filter.sellerScope}` : sql``}
    ORDER BY i.id
    LIMIT ${filter.limit + 1}`.execute(db);
  return rows;
}

export type MovementRow = Omit<Selectable<InventoryMovementsTable>, 'store_id'> & { lot_code: string | null };

export function movementsOfOffer(
  db: Db,
  storeId: string,
  offerId: string,
  page: { limit: number; beforeId?: string; type?: MovementType },
): Promise<MovementRow[]> {
  let query = t(db)
    .selectFrom('inventory_movements as m')
    .innerJoin('inventory_lots as l', 'l.id', 'm.lot_id')
    .select([
      'm.id',
      'm.item_id',
      'm.lot_id',
      'l.lot_code',
      'm.offer_id',
      'm.warehouse_id',
      'm.type',
      'm.quantity_change',
      'm.quantity_before',
      'm.quantity_after',
      'm.committed_change',
      'm.shipment_id',
      'm.reason',
      'm.reference_type',
      'm.reference_id',
      'm.actor_user_id',
      'm.unit_cost_amount',
      'm.currency',
      'm.created_at',
    ])
    .where('m.store_id', '=', storeId)
    .where('m.offer_id', '=', offerId);
  if (page.type) query = query.where('m.type', '=', page.type);
  return newestFirst(query, { after: page.beforeId, limit: page.limit }, 'm.id').execute();
}
