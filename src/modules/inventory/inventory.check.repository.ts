import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface MismatchRow {
  kind: string;
  item_id: string;
  lot_id: string | null;
  offer_id: string;
  warehouse_id: string;
  expected: number;
  actual: number;
}

/**
 * Every ledger invariant, as rows that break it: on_hand equals the sum of movements (per item and
 * per lot); an item's quantities equal the sums of its lots; reserved equals what ACTIVE
 * reservations hold; committed equals what CONFIRMED reservations sold and neither shipped nor got
 * back (a shipped unit returned left committed when it shipped).
 */
export async function findMismatches(db: Db, storeId: string): Promise<MismatchRow[]> {
  const { rows } = await sql<MismatchRow>`
    WITH mv_item AS (
      SELECT item_id, sum(quantity_change)::bigint AS total FROM inventory_movements
      WHERE store_id = ${storeId} GROUP BY item_id
    ), mv_lot AS (
      SELECT lot_id, sum(quantity_change)::bigint AS total FROM inventory_movements
      WHERE store_id = ${storeId} GROUP BY lot_id
    ), lot_sum AS (
      SELECT item_id, sum(on_hand)::bigint AS on_hand, sum(reserved)::bigint AS reserved
      FROM inventory_lots WHERE store_id = ${storeId} GROUP BY item_id
    ), held AS (
      SELECT rl.lot_id,
        sum(rl.quantity) FILTER (WHERE r.status = 'ACTIVE')::bigint AS reserved,
        sum(rl.quantity - rl.returned_quantity - rl.shipped_quantity + rl.shipped_returned_quantity)
          FILTER (WHERE r.status = 'CONFIRMED')::bigint AS committed
      FROM inventory_reservation_lines rl JOIN inventory_reservations r ON r.id = rl.reservation_id
      WHERE rl.store_id = ${storeId} GROUP BY rl.lot_id
    ), held_item AS (
      SELECT l.item_id, sum(coalesce(h.committed, 0))::bigint AS committed
      FROM held h JOIN inventory_lots l ON l.id = h.lot_id GROUP BY l.item_id
    )
    SELECT 'item-on-hand-vs-movements' AS kind, i.id AS item_id, NULL::uuid AS lot_id, i.offer_id,
      i.warehouse_id, coalesce(m.total, 0) AS expected, i.on_hand AS actual
    FROM inventory_items i LEFT JOIN mv_item m ON m.item_id = i.id
    WHERE i.store_id = ${storeId} AND i.on_hand <> coalesce(m.total, 0)
    UNION ALL
    SELECT 'lot-on-hand-vs-movements', l.item_id, l.id, i.offer_id, i.warehouse_id,
      coalesce(m.total, 0), l.on_hand
    FROM inventory_lots l JOIN inventory_items i ON i.id = l.item_id LEFT JOIN mv_lot m ON m.lot_id = l.id
    WHERE l.store_id = ${storeId} AND l.on_hand <> coalesce(m.total, 0)
    UNION ALL
    SELECT 'item-on-hand-vs-lots', i.id, NULL, i.offer_id, i.warehouse_id, coalesce(s.on_hand, 0), i.on_hand
    FROM inventory_items i LEFT JOIN lot_sum s ON s.item_id = i.id
    WHERE i.store_id = ${storeId} AND i.on_hand <> coalesce(s.on_hand, 0)
    UNION ALL
    SELECT 'item-reserved-vs-lots', i.id, NULL, i.offer_id, i.warehouse_id, coalesce(s.reserved, 0),
      i.reserved
    FROM inventory_items i LEFT JOIN lot_sum s ON s.item_id = i.id
    WHERE i.store_id = ${storeId} AND i.reserved <> coalesce(s.reserved, 0)
    UNION ALL
    SELECT 'lot-reserved-vs-reservations', l.item_id, l.id, i.offer_id, i.warehouse_id,
      coalesce(h.reserved, 0), l.reserved
    FROM inventory_lots l JOIN inventory_items i ON i.id = l.item_id LEFT JOIN held h ON h.lot_id = l.id
    WHERE l.store_id = ${storeId} AND l.reserved <> coalesce(h.reserved, 0)
    UNION ALL
    SELECT 'item-committed-vs-reservations', i.id, NULL, i.offer_id, i.warehouse_id,
      coalesce(hi.committed, 0), i.committed
    FROM inventory_items i LEFT JOIN held_item hi ON hi.item_id = i.id
    WHERE i.store_id = ${storeId} AND i.committed <> coalesce(hi.committed, 0)
    ORDER BY 1, 2, 3`.execute(db);
  return rows;
}
