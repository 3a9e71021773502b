import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { InventoryService } from './inventory.service.ts';

export interface OpeningStock {
  offerId: string;
  productId: string;
  sellerId: string;
  quantity: number;
}

/**
 * Opening stock for offers that have none yet, in set-based statements (demo catalogs, imports):
 * one item in the default warehouse, one lot without a code and one INBOUND movement each, so the
 * ledger holds exactly as for single receipts. Offers that already have stock are left alone.
 * Returns how many offers were stocked. The caller keeps the catalog's availability in step.
 */
export async function receiveOpeningStock(
  db: Db,
  service: InventoryService,
  storeId: string,
  lines: OpeningStock[],
): Promise<number> {
  const wanted = lines.filter((l) => l.quantity > 0);
  if (wanted.length === 0) return 0;
  return transaction(db, async (trx) => {
    const warehouse = await service.defaultWarehouse(trx, storeId);
    const rows = wanted.map((l) => ({ ...l, itemId: newId(), lotId: newId(), movementId: newId() }));
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    const inserted = await sql<{ id: string }>`
      INSERT INTO inventory_items (id, store_id, offer_id, warehouse_id, product_id, seller_id, on_hand, total_received)
      SELECT i, ${storeId}::uuid, o, ${warehouse.id}::uuid, p, s, q, q
      FROM unnest(${col('itemId')}::uuid[], ${col('offerId')}::uuid[], ${col('productId')}::uuid[], ${col('sellerId')}::uuid[], ${col('quantity')}::bigint[]) AS t(i, o, p, s, q)
      ON CONFLICT (store_id, offer_id, warehouse_id) DO NOTHING
      RETURNING id`.execute(trx);
    const fresh = new Set(inserted.rows.map((r) => r.id));
    const made = rows.filter((r) => fresh.has(r.itemId));
    if (made.length === 0) return 0;
    const pick = <K extends keyof (typeof made)[number]>(k: K) => made.map((r) => r[k]);
    await sql`
      INSERT INTO inventory_lots (id, store_id, item_id, on_hand, received_quantity)
      SELECT l, ${storeId}::uuid, i, q, q FROM unnest(${pick('lotId')}::uuid[], ${pick('itemId')}::uuid[], ${pick('quantity')}::bigint[]) AS t(l, i, q)`.execute(
      trx,
    );
    await sql`
      INSERT INTO inventory_movements (id, store_id, item_id, lot_id, offer_id, warehouse_id, type, quantity_change, quantity_before, quantity_after, reason)
      SELECT m, ${storeId}::uuid, i, l, o, ${warehouse.id}::uuid, 'INBOUND', q, 0, q, 'opening stock'
      FROM unnest(${pick('movementId')}::uuid[], ${pick('itemId')}::uuid[], ${pick('lotId')}::uuid[], ${pick('offerId')}::uuid[], ${pick('quantity')}::bigint[]) AS t(m, i, l, o, q)`.execute(
      trx,
    );
    return made.length;
  });
}
