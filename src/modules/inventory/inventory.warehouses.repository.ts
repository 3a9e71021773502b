import { type Insertable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inOrder } from '../../platform/db/keyset.ts';
import {
  type Address,
  type OperatingHours,
  t,
  type WarehousesTable,
  type WarehouseType,
} from './inventory.tables.ts';

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
  const query = t(db).selectFrom('warehouses').select(WAREHOUSE_COLUMNS).where('store_id', '=', storeId);
  return inOrder(query, { after: page.afterCode, limit: page.limit }, 'code').execute() as Promise<
    WarehouseRow[]
  >;
}

export function updateWarehouse(
  db: Db,
  storeId: string,
  id: string,
  patch: Partial<Omit<WarehouseInsert, 'id' | 'store_id'>>,
): Promise<WarehouseRow | undefined> {
  return t(db)
    .updateTable('warehouses')
    .set({ ...patch, updated_at: sql<Date>`now()` })
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
