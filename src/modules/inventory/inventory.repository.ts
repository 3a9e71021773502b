import {
  type ColumnType,
  type Generated,
  type GeneratedAlways,
  type Insertable,
  type RawBuilder,
  type Selectable,
  sql,
} from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

export type WarehouseType = 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
export type MovementType =
  | 'INBOUND'
  | 'OUTBOUND'
  | 'ADJUSTMENT'
  | 'TRANSFER'
  | 'DAMAGE'
  | 'RETURN'
  | 'EXPIRE';
export type ReservationStatus = 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type OperatingHours = Partial<Record<Weekday, { open: string; close: string }>>;

// numeric columns come back from pg as strings
type Numeric = ColumnType<string | null, number | null, number | null>;

export interface WarehousesTable {
  id: string;
  store_id: string;
  code: string;
  name: string;
  type: Generated<WarehouseType>;
  address: ColumnType<Address, string | undefined, string>;
  latitude: Numeric;
  longitude: Numeric;
  timezone: Generated<string>;
  operating_hours: ColumnType<OperatingHours | null, string | null, string | null>;
  max_capacity: number | null;
  is_active: Generated<boolean>;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InventoryItemsTable {
  id: string;
  store_id: string;
  offer_id: string;
  warehouse_id: string;
  product_id: string;
  seller_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  committed: Generated<number>;
  damaged: Generated<number>;
  available: GeneratedAlways<number>;
  reorder_point: Generated<number>;
  reorder_quantity: Generated<number>;
  max_level: number | null;
  location_bin: string | null;
  location_shelf: string | null;
  total_received: Generated<number>;
  total_sold: Generated<number>;
  total_returned: Generated<number>;
  total_adjusted: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InventoryLotsTable {
  id: string;
  store_id: string;
  item_id: string;
  lot_code: string | null;
  manufactured_on: string | null;
  expires_at: Date | null;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  received_quantity: Generated<number>;
  unit_cost_amount: number | null;
  currency: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InventoryReservationsTable {
  id: string;
  store_id: string;
  reference_type: string;
  reference_id: string;
  status: Generated<ReservationStatus>;
  actor_user_id: string | null;
  expires_at: Date;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  released_at: Date | null;
  release_reason: string | null;
}

export interface InventoryReservationLinesTable {
  id: string;
  store_id: string;
  reservation_id: string;
  item_id: string;
  lot_id: string;
  offer_id: string;
  quantity: number;
  returned_quantity: Generated<number>;
}

export interface InventoryMovementsTable {
  id: string;
  store_id: string;
  item_id: string;
  lot_id: string;
  offer_id: string;
  warehouse_id: string;
  type: MovementType;
  quantity_change: number;
  quantity_before: number;
  quantity_after: number;
  reason: string | null;
  reference_type: string | null;
  reference_id: string | null;
  actor_user_id: string | null;
  unit_cost_amount: number | null;
  currency: string | null;
  created_at: Generated<Date>;
}

interface InventoryTables {
  warehouses: WarehousesTable;
  inventory_items: InventoryItemsTable;
  inventory_lots: InventoryLotsTable;
  inventory_reservations: InventoryReservationsTable;
  inventory_reservation_lines: InventoryReservationLinesTable;
  inventory_movements: InventoryMovementsTable;
}

const t = (db: Db) => tables<InventoryTables>(db);

// ---------------------------------------------------------------- warehouses

const WAREHOUSE_COLUMNS = [
  'id',
  'store_id',
  'code',
  'name',
  'type',
  'address',
  'latitude',
  'longitude',
  'timezone',
  'operating_hours',
  'max_capacity',
  'is_active',
  'is_default',
  'created_at',
  'updated_at',
] as const;

export interface WarehouseRow {
  id: string;
  store_id: string;
  code: string;
  name: string;
  type: WarehouseType;
  address: Address;
  latitude: string | null;
  longitude: string | null;
  timezone: string;
  operating_hours: OperatingHours | null;
  max_capacity: number | null;
  is_active: boolean;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

export type WarehouseInsert = Insertable<WarehousesTable>;

export async function insertWarehouse(db: Db, row: WarehouseInsert): Promise<WarehouseRow> {
  return t(db).insertInto('warehouses').values(row).returning(WAREHOUSE_COLUMNS).executeTakeFirstOrThrow();
}

export function findWarehouse(db: Db, storeId: string, id: string): Promise<WarehouseRow | undefined> {
  return t(db)
    .selectFrom('warehouses')
    .select(WAREHOUSE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDefaultWarehouse(db: Db, storeId: string): Promise<WarehouseRow | undefined> {
  return t(db)
    .selectFrom('warehouses')
    .select(WAREHOUSE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('is_default', '=', true)
    .executeTakeFirst();
}

/** Creates the store's default warehouse unless one exists; safe to race (unique partial index). */
export async function insertDefaultWarehouse(db: Db, row: WarehouseInsert): Promise<void> {
  await t(db)
    .insertInto('warehouses')
    .values({ ...row, is_default: true })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** An existing warehouse with the default's code becomes the default (an admin made it first). */
export async function promoteToDefault(db: Db, storeId: string, code: string): Promise<void> {
  await t(db)
    .updateTable('warehouses')
    .set({ is_default: true })
    .where('store_id', '=', storeId)
    .where('code', '=', code)
    .execute();
}

export function listWarehouses(db: Db, storeId: string, page: { limit: number; afterCode?: string }) {
  let query = t(db).selectFrom('warehouses').select(WAREHOUSE_COLUMNS).where('store_id', '=', storeId);
  if (page.afterCode !== undefined) query = query.where('code', '>', page.afterCode);
  return query
    .orderBy('code')
    .limit(page.limit + 1)
    .execute() as Promise<WarehouseRow[]>;
}

export function updateWarehouse(
  db: Db,
  storeId: string,
  id: string,
  patch: Partial<Omit<WarehouseInsert, 'id' | 'store_id'>>,
): Promise<WarehouseRow | undefined> {
  return t(db)
    .updateTable('warehouses')
    .set({ ...patch, updated_at: sql<Date>`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(WAREHOUSE_COLUMNS)
    .executeTakeFirst() as Promise<WarehouseRow | undefined>;
}

export async function lockWarehouse(db: Db, storeId: string, id: string): Promise<WarehouseRow | undefined> {
  return t(db)
    .selectFrom('warehouses')
    .select(WAREHOUSE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function warehouseHasStockRecords(db: Db, storeId: string, id: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('inventory_items')
    .select('id')
    .where('store_id', '=', storeId)
    .where('warehouse_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteWarehouse(db: Db, storeId: string, id: string): Promise<boolean> {
  const result = await t(db)
    .deleteFrom('warehouses')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function offersInWarehouse(db: Db, storeId: string, warehouseId: string): Promise<string[]> {
  const rows = await t(db)
    .selectFrom('inventory_items')
    .select('offer_id')
    .distinct()
    .where('store_id', '=', storeId)
    .where('warehouse_id', '=', warehouseId)
    .execute();
  return rows.map((r) => r.offer_id);
}

// ---------------------------------------------------------------- stock items and lots

export interface ItemRow {
  id: string;
  store_id: string;
  offer_id: string;
  warehouse_id: string;
  product_id: string;
  seller_id: string;
  on_hand: number;
  reserved: number;
  committed: number;
  damaged: number;
  available: number;
  reorder_point: number;
  reorder_quantity: number;
  max_level: number | null;
  location_bin: string | null;
  location_shelf: string | null;
  total_received: number;
  total_sold: number;
  total_returned: number;
  total_adjusted: number;
  created_at: Date;
  updated_at: Date;
}

/** An item as the ledger holds it: locked, with its warehouse's state. */
export interface LockedItem extends ItemRow {
  warehouse_active: boolean;
}

/** An item as views show it: with its warehouse and the units that can be sold now. */
export interface StockRow extends LockedItem {
  warehouse_code: string;
  warehouse_name: string;
  sellable: number;
}

export interface LotRow {
  id: string;
  item_id: string;
  lot_code: string | null;
  manufactured_on: string | null;
  expires_at: Date | null;
  on_hand: number;
  reserved: number;
  received_quantity: number;
  unit_cost_amount: number | null;
  currency: string | null;
  created_at: Date;
  /** Past its expiry by the database clock: not sellable. */
  expired: boolean;
}

const ITEM_COLUMNS = sql.raw(
  [
    'id',
    'store_id',
    'offer_id',
    'warehouse_id',
    'product_id',
    'seller_id',
    'on_hand',
    'reserved',
    'committed',
    'damaged',
    'available',
    'reorder_point',
    'reorder_quantity',
    'max_level',
    'location_bin',
    'location_shelf',
    'total_received',
    'total_sold',
    'total_returned',
    'total_adjusted',
    'created_at',
    'updated_at',
  ]
    .map((c) => `i.${c}`)
    .join(', '),
);

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
          ${d.total_adjusted}::bigint)`,
    );
    parts.push(sql`i AS (
      UPDATE inventory_items t SET on_hand = t.on_hand + v.on_hand, reserved = t.reserved + v.reserved,
        committed = t.committed + v.committed, damaged = t.damaged + v.damaged,
        total_received = t.total_received + v.received, total_sold = t.total_sold + v.sold,
        total_returned = t.total_returned + v.returned, total_adjusted = t.total_adjusted + v.adjusted,
        updated_at = now()
      FROM (VALUES ${sql.join(values)})
        AS v (id, on_hand, reserved, committed, damaged, received, sold, returned, adjusted)
      WHERE t.id = v.id RETURNING 1)`);
  }
  if (change.movements.length > 0) {
    const values = change.movements.map(
      (
        m,
      ) => sql`(${m.id}::uuid, ${m.store_id}::uuid, ${m.item_id}::uuid, ${m.lot_id}::uuid, ${m.offer_id}::uuid,
        ${m.warehouse_id}::uuid, ${m.type}, ${m.quantity_change}::bigint, ${m.quantity_before}::bigint,
        ${m.quantity_after}::bigint, ${m.reason ?? null}, ${m.reference_type ?? null}, ${m.reference_id ?? null},
        ${m.actor_user_id ?? null}::uuid, ${m.unit_cost_amount ?? null}::bigint, ${m.currency ?? null})`,
    );
    parts.push(sql`m AS (
      INSERT INTO inventory_movements (id, store_id, item_id, lot_id, offer_id, warehouse_id, type,
        quantity_change, quantity_before, quantity_after, reason, reference_type, reference_id,
        actor_user_id, unit_cost_amount, currency)
      VALUES ${sql.join(values)} RETURNING 1)`);
  }
  if (parts.length === 0) return;
  await sql`WITH ${sql.join(parts)} SELECT 1`.execute(db);
}

export interface ItemSettings {
  reorder_point?: number;
  reorder_quantity?: number;
  max_level?: number | null;
  location_bin?: string | null;
  location_shelf?: string | null;
}

export async function updateItemSettings(db: Db, id: string, settings: ItemSettings): Promise<void> {
  await t(db)
    .updateTable('inventory_items')
    .set({ ...settings, updated_at: sql<Date>`now()` } as never)
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- stock reads

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
  if (page.beforeId) query = query.where('m.id', '<', page.beforeId);
  if (page.type) query = query.where('m.type', '=', page.type);
  return query
    .orderBy('m.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

// ---------------------------------------------------------------- reservations

export interface ReservationRow {
  id: string;
  store_id: string;
  reference_type: string;
  reference_id: string;
  status: ReservationStatus;
  actor_user_id: string | null;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  released_at: Date | null;
  release_reason: string | null;
}

export interface ReservationLineRow {
  id: string;
  reservation_id: string;
  item_id: string;
  lot_id: string;
  offer_id: string;
  quantity: number;
  returned_quantity: number;
}

const RESERVATION_COLUMNS = [
  'id',
  'store_id',
  'reference_type',
  'reference_id',
  'status',
  'actor_user_id',
  'expires_at',
  'created_at',
  'confirmed_at',
  'released_at',
  'release_reason',
] as const;

const LINE_COLUMNS = [
  'id',
  'reservation_id',
  'item_id',
  'lot_id',
  'offer_id',
  'quantity',
  'returned_quantity',
] as const;

export async function insertReservation(
  db: Db,
  row: Omit<Insertable<InventoryReservationsTable>, 'expires_at'> & { ttl_seconds: number },
): Promise<ReservationRow | undefined> {
  const { ttl_seconds, ...values } = row;
  // a live reservation of the same reference makes this a no-op (undefined), not an error that
  // would abort the caller's transaction
  return t(db)
    .insertInto('inventory_reservations')
    .values({ ...values, expires_at: sql<Date>`now() + make_interval(secs => ${ttl_seconds})` })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'reference_type', 'reference_id'])
        .where('status', 'in', ['ACTIVE', 'CONFIRMED'])
        .doNothing(),
    )
    .returning(RESERVATION_COLUMNS)
    .executeTakeFirst();
}

export async function deleteReservation(db: Db, id: string): Promise<void> {
  await t(db).deleteFrom('inventory_reservations').where('id', '=', id).execute();
}

/** The insert of reservation lines as a CTE, written together with the stock change (applyChanges). */
export function reservationLinesWrite(
  rows: Insertable<InventoryReservationLinesTable>[],
): RawBuilder<unknown> {
  const values = rows.map(
    (r) => sql`(${r.id}::uuid, ${r.store_id}::uuid, ${r.reservation_id}::uuid, ${r.item_id}::uuid,
      ${r.lot_id}::uuid, ${r.offer_id}::uuid, ${r.quantity}::bigint)`,
  );
  return sql`rl AS (
    INSERT INTO inventory_reservation_lines (id, store_id, reservation_id, item_id, lot_id, offer_id, quantity)
    VALUES ${sql.join(values)} RETURNING 1)`;
}

/**
 * The reservation a reference names, locked: its live (ACTIVE or CONFIRMED) one if any, else its
 * most recent one (so callers can tell "expired" from "never existed").
 */
export function lockReservationByReference(
  db: Db,
  storeId: string,
  ref: { type: string; id: string },
): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('reference_type', '=', ref.type)
    .where('reference_id', '=', ref.id)
    .orderBy(sql`status IN ('ACTIVE', 'CONFIRMED')`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export function lockReservationById(
  db: Db,
  storeId: string,
  id: string,
): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findReservation(db: Db, storeId: string, id: string): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function linesOfReservations(db: Db, reservationIds: string[]): Promise<ReservationLineRow[]> {
  if (reservationIds.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('inventory_reservation_lines')
    .select(LINE_COLUMNS)
    .where('reservation_id', 'in', reservationIds)
    .orderBy('id')
    .execute();
}

export async function setReservationStatus(
  db: Db,
  id: string,
  status: ReservationStatus,
  reason: string | null = null,
): Promise<void> {
  await t(db)
    .updateTable('inventory_reservations')
    .set({
      status,
      ...(status === 'CONFIRMED'
        ? { confirmed_at: sql<Date>`now()` }
        : { released_at: sql<Date>`now()`, release_reason: reason }),
    } as never)
    .where('id', '=', id)
    .execute();
}

export async function addReturnedQuantity(db: Db, lineId: string, quantity: number): Promise<void> {
  await t(db)
    .updateTable('inventory_reservation_lines')
    .set({ returned_quantity: sql<number>`returned_quantity + ${quantity}` })
    .where('id', '=', lineId)
    .execute();
}

/**
 * Claims ACTIVE reservations past their expiry, across stores (a system sweep). SKIP LOCKED lets
 * two workers split the work; a reservation being confirmed or released right now is skipped.
 */
export function claimExpiredReservations(db: Db, limit: number): Promise<ReservationRow[]> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('status', '=', 'ACTIVE')
    .where('expires_at', '<=', sql<Date>`now()`)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Items holding expired lots with unreserved units, across stores (a system sweep). */
export async function itemsWithExpiredStock(
  db: Db,
  limit: number,
): Promise<{ id: string; store_id: string }[]> {
  const { rows } = await sql<{ id: string; store_id: string }>`
    SELECT DISTINCT l.item_id AS id, l.store_id FROM inventory_lots l
    WHERE l.expires_at IS NOT NULL AND l.on_hand > l.reserved AND l.expires_at <= now()
    LIMIT ${limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------- consistency check

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
 * reservations hold; committed equals what CONFIRMED reservations sold and did not get back.
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
        sum(rl.quantity - rl.returned_quantity) FILTER (WHERE r.status = 'CONFIRMED')::bigint AS committed
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
