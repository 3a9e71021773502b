import {
  type ColumnType,
  type Generated,
  type GeneratedAlways,
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
  | 'EXPIRE'
  | 'SHIPMENT';
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

/** Set by the database on insert, and to `now()` by every update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | RawBuilder<Date> | string>;

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
  updated_at: UpdatedAt;
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
  lead_time_days: number | null;
  location_bin: string | null;
  location_shelf: string | null;
  total_received: Generated<number>;
  total_sold: Generated<number>;
  total_returned: Generated<number>;
  total_adjusted: Generated<number>;
  total_shipped: Generated<number>;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
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
  updated_at: UpdatedAt;
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
  shipped_quantity: Generated<number>;
  /** Of the returned units, those that had been shipped. */
  shipped_returned_quantity: Generated<number>;
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
  /** Change of the item's committed units: −q on a SHIPMENT, 0 on every other movement. */
  committed_change: Generated<number>;
  /** The shipment a SHIPMENT movement belongs to; null on every other movement. */
  shipment_id: string | null;
  reason: string | null;
  reference_type: string | null;
  reference_id: string | null;
  actor_user_id: string | null;
  unit_cost_amount: number | null;
  currency: string | null;
  created_at: Generated<Date>;
}

export interface InventoryTables {
  warehouses: WarehousesTable;
  inventory_items: InventoryItemsTable;
  inventory_lots: InventoryLotsTable;
  inventory_reservations: InventoryReservationsTable;
  inventory_reservation_lines: InventoryReservationLinesTable;
  inventory_movements: InventoryMovementsTable;
}

export const t = (db: Db) => tables<InventoryTables>(db);

export type ItemRow = Selectable<InventoryItemsTable>;

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

/** An item's columns, prefixed `i.`, for the raw SQL that joins items to their warehouse. */
export const ITEM_COLUMNS = sql.raw(
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
    'lead_time_days',
    'location_bin',
    'location_shelf',
    'total_received',
    'total_sold',
    'total_returned',
    'total_adjusted',
    'total_shipped',
    'created_at',
    'updated_at',
  ]
    .map((c) => `i.${c}`)
    .join(', '),
);
