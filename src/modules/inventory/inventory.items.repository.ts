import { type Insertable, type RawBuilder, sql } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../platform/db/bulk.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  type InventoryItemsTable,
  type InventoryLotsTable,
  type InventoryMovementsTable,
  ITEM_COLUMNS,
  type LockedItem,
  type LotRow,
  t,
} from './inventory.tables.ts';

export async function insertItemIfMissing(db: Db, row: Insertable<InventoryItemsTable>): Promise<void> {
  await t(db)
    .insertInto('inventory_items')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'offer_id', 'warehouse_id']).doNothing())
    .execute();
}

/** The seller and product an offer's stock was first received for (the same on every row). */
export function findOfferIdentity(db: Db, storeId: string, offerId: string) {
  return t(db)
    .selectFrom('inventory_items')
    .select(['seller_id', 'product_id'])
    .where('store_id', '=', storeId)
    .where('offer_id', '=', offerId)
    .limit(1)
    .executeTakeFirst();
}

/** Re-points an offer's stock rows at the seller and product the catalog gives for it. */
export async function setOfferIdentity(
  db: Db,
  storeId: string,
  offerId: string,
  owner: { sellerId: string; productId: string },
) {
  await t(db)
    .updateTable('inventory_items')
    .set({ seller_id: owner.sellerId, product_id: owner.productId })
    .where('store_id', '=', storeId)
    .where('offer_id', '=', offerId)
    .execute();
}

/**
 * Locks stock rows in id order, the one order every writer uses, so two transactions locking
 * overlapping sets never wait on each other in a cycle. FOR NO KEY UPDATE still lets lots,
 * movements and reservation lines reference the rows.
 */
export async function lockItems(
  db: Db,
  storeId: string,
  by: { offerIds: string[] } | { ids: string[] } | { offerId: string; warehouseIds: string[] },
): Promise<LockedItem[]> {
  const filter =
    'offerIds' in by
      ? sql`i.offer_id = ANY(${by.offerIds}::uuid[])`
      : 'ids' in by
        ? sql`i.id = ANY(${by.ids}::uuid[])`
        : sql`i.offer_id = ${by.offerId} AND i.warehouse_id = ANY(${by.warehouseIds}::uuid[])`;
  const { rows } = await sql<LockedItem>`
    SELECT ${ITEM_COLUMNS}, w.is_active AS warehouse_active
    FROM inventory_items i JOIN warehouses w ON w.id = i.warehouse_id
    WHERE i.store_id = ${storeId} AND ${filter}
    ORDER BY i.id
    FOR NO KEY UPDATE OF i`.execute(db);
  return rows;
}

/** Lots of the given items, earliest expiry first (FEFO), lots without expiry last, then oldest. */
export async function lotsOfItems(db: Db, itemIds: string[]): Promise<LotRow[]> {
  if (itemIds.length === 0) return [];
  const { rows } = await sql<LotRow>`
    SELECT id, item_id, lot_code, manufactured_on, expires_at, on_hand, reserved, received_quantity,
      unit_cost_amount, currency, created_at,
      (expires_at IS NOT NULL AND expires_at <= now()) AS expired
    FROM inventory_lots
    WHERE item_id = ANY(${itemIds}::uuid[])
    ORDER BY expires_at ASC NULLS LAST, id`.execute(db);
  return rows;
}

export async function insertLot(
  db: Db,
  row: Insertable<InventoryLotsTable>,
): Promise<LotRow & { expired: boolean }> {
  const { rows } = await sql<LotRow>`
    INSERT INTO inventory_lots (id, store_id, item_id, lot_code, manufactured_on, expires_at,
      unit_cost_amount, currency)
    VALUES (${row.id}, ${row.store_id}, ${row.item_id}, ${row.lot_code ?? null}, ${row.manufactured_on ?? null},
      ${row.expires_at ?? null}, ${row.unit_cost_amount ?? null}, ${row.currency ?? null})
    RETURNING id, item_id, lot_code, manufactured_on, expires_at, on_hand, reserved, received_quantity,
      unit_cost_amount, currency, created_at,
      (expires_at IS NOT NULL AND expires_at <= now()) AS expired`.execute(db);
  return rows[0]!;
}

export interface ItemDelta {
  on_hand: number;
  reserved: number;
  committed: number;
  damaged: number;
  total_received: number;
  total_sold: number;
  total_returned: number;
  total_adjusted: number;
  total_shipped: number;
}

export interface LotDelta {
  on_hand: number;
  reserved: number;
  received_quantity: number;
}

/**
 * Writes a stock change in one statement (one round trip while the row locks are held): lot and
 * item deltas as UPDATE … FROM (VALUES …), and the movements.
 */
export async function applyChanges(
  db: Db,
  change: {
    lots: [string, LotDelta][];
    items: [string, ItemDelta][];
    movements: Insertable<InventoryMovementsTable>[];
    /** Further writes of the same change (e.g. reservation lines), as CTEs named by the caller. */
    also?: RawBuilder<unknown>[];
  },
): Promise<void> {
  const parts = [...(change.also ?? [])];
  if (change.lots.length > 0) {
    const values = change.lots.map(
      ([id, d]) =>
        sql`(${id}::uuid, ${d.on_hand}::bigint, ${d.reserved}::bigint, ${d.received_quantity}::bigint)`,
    );
    parts.push(sql`l AS (
      UPDATE inventory_lots t SET on_hand = t.on_hand + v.on_hand, reserved = t.reserved + v.reserved,
        received_quantity = t.received_quantity + v.received, updated_at = now()
      FROM (VALUES ${sql.join(values)}) AS v (id, on_hand, reserved, received)
      WHERE t.id = v.id RETURNING 1)`);
  }
  if (change.items.length > 0) {
    const values = change.items.map(
      ([id, d]) =>
        sql`(${id}::uuid, ${d.on_hand}::bigint, ${d.reserved}::bigint, ${d.committed}::bigint, ${d.damaged}::bigint,
          ${d.total_received}::bigint, ${d.total_sold}::bigint, ${d.total_returned}::bigint,
          ${d.total_adjusted}::bigint, ${d.total_shipped}::bigint)`,
    );
    parts.push(sql`i AS (
      UPDATE inventory_items t SET on_hand = t.on_hand + v.on_hand, reserved = t.reserved + v.reserved,
        committed = t.committed + v.committed, damaged = t.damaged + v.damaged,
        total_received = t.total_received + v.received, total_sold = t.total_sold + v.sold,
        total_returned = t.total_returned + v.returned, total_adjusted = t.total_adjusted + v.adjusted,
        total_shipped = t.total_shipped + v.shipped, updated_at = now()
      FROM (VALUES ${sql.join(values)})
        AS v (id, on_hand, reserved, committed, damaged, received, sold, returned, adjusted, shipped)
      WHERE t.id = v.id RETURNING 1)`);
  }
  if (change.movements.length > 0) {
    const values = change.movements.map(
      (
        m,
      ) => sql`(${m.id}::uuid, ${m.store_id}::uuid, ${m.item_id}::uuid, ${m.lot_id}::uuid, ${m.offer_id}::uuid,
        ${m.warehouse_id}::uuid, ${m.type}, ${m.quantity_change}::bigint, ${m.quantity_before}::bigint,
        ${m.quantity_after}::bigint, ${m.committed_change ?? 0}::bigint, ${m.shipment_id ?? null}::uuid,
        ${m.reason ?? null}, ${m.reference_type ?? null}, ${m.reference_id ?? null},
        ${m.actor_user_id ?? null}::uuid, ${m.unit_cost_amount ?? null}::bigint, ${m.currency ?? null})`,
    );
    parts.push(sql`m AS (
      INSERT INTO inventory_movements (id, store_id, item_id, lot_id, offer_id, warehouse_id, type,
        quantity_change, quantity_before, quantity_after, committed_change, shipment_id, reason,
        reference_type, reference_id, actor_user_id, unit_cost_amount, currency)
      VALUES ${sql.join(values)} RETURNING 1)`);
  }
  if (parts.length === 0) return;
  await sql`WITH ${sql.join(parts)} SELECT 1`.execute(db);
}

export interface ItemSettings {
  reorder_point?: number;
  reorder_quantity?: number;
  max_level?: number | null;
  lead_time_days?: number | null;
  location_bin?: string | null;
  location_shelf?: string | null;
}

export async function updateItemSettings(
  db: Db,
  storeId: string,
  id: string,
  settings: ItemSettings,
): Promise<void> {
  await t(db)
    .updateTable('inventory_items')
    .set({ ...settings, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/** An offer's opening stock with the ids its item, lot and movement will get. */
export interface OpeningLine {
  offerId: string;
  productId: string;
  sellerId: string;
  quantity: number;
  itemId: string;
  lotId: string;
  movementId: string;
}

/** Columns of opening stock: item, lot and movement (bulkInsert: name and PostgreSQL type). */
const OPENING_ITEM: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['offer_id', 'uuid'],
  ['warehouse_id', 'uuid'],
  ['product_id', 'uuid'],
  ['seller_id', 'uuid'],
  ['on_hand', 'bigint'],
  ['total_received', 'bigint'],
];
const OPENING_LOT: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['item_id', 'uuid'],
  ['on_hand', 'bigint'],
  ['received_quantity', 'bigint'],
];
const OPENING_MOVEMENT: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['item_id', 'uuid'],
  ['lot_id', 'uuid'],
  ['offer_id', 'uuid'],
  ['warehouse_id', 'uuid'],
  ['type', 'text'],
  ['quantity_change', 'bigint'],
  ['quantity_before', 'bigint'],
  ['quantity_after', 'bigint'],
  ['reason', 'text'],
];

/**
 * Opening stock in three set-based statements: an item per offer not yet stocked in the warehouse
 * (others are skipped), then one lot without a code and one INBOUND movement for each item made.
 * Returns the lines whose item was made.
 */
export async function insertOpeningStock(
  db: Db,
  storeId: string,
  warehouseId: string,
  lines: OpeningLine[],
): Promise<OpeningLine[]> {
  const items = lines.map((l) => [
    l.itemId,
    storeId,
    l.offerId,
    warehouseId,
    l.productId,
    l.sellerId,
    l.quantity,
    l.quantity,
  ]);
  const inserted = await bulkInsert<{ id: string }>(db, 'inventory_items', OPENING_ITEM, items, {
    onConflictDoNothing: ['store_id', 'offer_id', 'warehouse_id'],
    returning: ['id'],
  });
  const fresh = new Set(inserted.map((r) => r.id));
  const made = lines.filter((l) => fresh.has(l.itemId));
  if (made.length === 0) return made;
  const lots = made.map((l) => [l.lotId, storeId, l.itemId, l.quantity, l.quantity]);
  await bulkInsert(db, 'inventory_lots', OPENING_LOT, lots);
  const movements = made.map((l) => [
    l.movementId,
    storeId,
    l.itemId,
    l.lotId,
    l.offerId,
    warehouseId,
    'INBOUND',
    l.quantity,
    0,
    l.quantity,
    'opening stock',
  ]);
  await bulkInsert(db, 'inventory_movements', OPENING_MOVEMENT, movements);
  return made;
}
