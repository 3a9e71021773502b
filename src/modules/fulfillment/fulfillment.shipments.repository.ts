import { type Insertable, sql, type Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import { RELEASED, type ShipmentStatus } from './fulfillment.status.ts';
import type {
  FulfillmentTables,
  ShipmentEventsTable,
  ShipmentItemRow,
  ShipmentRow,
  ShipmentsTable,
} from './fulfillment.tables.ts';

const t = (db: Db) => tables<FulfillmentTables>(db);

const SHIPMENT_COLUMNS = [
  'id',
  'store_id',
  'order_id',
  'order_number',
  'seller_id',
  'warehouse_id',
  'status',
  'carrier',
  'tracking_number',
  'delivery_agent_id',
  'currency',
  'cod_amount',
  'estimated_delivery_at',
  'weight_grams',
  'package_count',
  'address',
  'zone',
  'delivery_code_sealed',
  'delivery_code_attempts',
  'recipient_name',
  'proof_photo_url',
  'failed_attempts',
  'last_lat',
  'last_lng',
  'last_accuracy_m',
  'last_located_at',
  'received_back_at',
  'assigned_at',
  'picked_up_at',
  'delivered_at',
  'created_at',
  'updated_at',
] as const;

const ITEM_COLUMNS = [
  'shipment_id',
  'store_id',
  'order_id',
  'order_item_id',
  'offer_id',
  'quantity',
] as const;
const EVENT_COLUMNS = [
  'id',
  'shipment_id',
  'status',
  'actor_id',
  'lat',
  'lng',
  'note',
  'created_at',
] as const;

export async function insertShipment(db: Db, row: Insertable<ShipmentsTable>): Promise<ShipmentRow> {
  return t(db).insertInto('shipments').values(row).returning(SHIPMENT_COLUMNS).executeTakeFirstOrThrow();
}

export async function insertItems(db: Db, rows: ShipmentItemRow[]): Promise<void> {
  if (rows.length > 0) await t(db).insertInto('shipment_items').values(rows).execute();
}

export async function insertEvent(db: Db, row: Insertable<ShipmentEventsTable>): Promise<void> {
  await t(db).insertInto('shipment_events').values(row).execute();
}

export async function findShipment(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<ShipmentRow | undefined> {
  let q = t(db)
    .selectFrom('shipments')
    .select(SHIPMENT_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateShipment(
  db: Db,
  storeId: string,
  id: string,
  changes: Updateable<ShipmentsTable>,
): Promise<ShipmentRow> {
  return t(db)
    .updateTable('shipments')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(SHIPMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function shipmentsOfOrders(db: Db, storeId: string, orderIds: string[]): Promise<ShipmentRow[]> {
  if (orderIds.length === 0) return [];
  return t(db)
    .selectFrom('shipments')
    .select(SHIPMENT_COLUMNS)
    .where('store_id', '=', storeId)
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
}

export async function itemsOfShipments(db: Db, shipmentIds: string[]): Promise<ShipmentItemRow[]> {
  if (shipmentIds.length === 0) return [];
  return t(db)
    .selectFrom('shipment_items')
    .select(ITEM_COLUMNS)
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('shipment_id')
    .orderBy('order_item_id')
    .execute();
}

/** Units of each order item that live shipments (not cancelled, not returned to sender) carry. */
export async function unitsInShipments(
  db: Db,
  storeId: string,
  orderId: string,
): Promise<Map<string, number>> {
  const rows = await t(db)
    .selectFrom('shipment_items as i')
    .innerJoin('shipments as s', 's.id', 'i.shipment_id')
    .select(['i.order_item_id', sql<string>`sum(i.quantity)`.as('units')])
    .where('i.store_id', '=', storeId)
    .where('i.order_id', '=', orderId)
    .where('s.status', 'not in', RELEASED)
    .groupBy('i.order_item_id')
    .execute();
  return new Map(rows.map((r) => [r.order_item_id, Number(r.units)]));
}

export async function eventsOfShipments(db: Db, shipmentIds: string[]) {
  if (shipmentIds.length === 0) return [];
  return t(db)
    .selectFrom('shipment_events')
    .select(EVENT_COLUMNS)
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('shipment_id')
    .orderBy('id')
    .execute();
}

export type ShipmentFilter = {
  status?: ShipmentStatus | undefined;
  /** Any of these statuses (an agent's open deliveries). */
  statuses?: readonly ShipmentStatus[] | undefined;
  agentId?: string | undefined;
  sellerId?: string | undefined;
  orderId?: string | undefined;
};

/** The store's shipments, newest first, by status, agent, seller or order (indexes in the migration). */
export async function listShipments(
  db: Db,
  storeId: string,
  filter: ShipmentFilter,
  page: KeysetPage,
): Promise<ShipmentRow[]> {
  let q = t(db).selectFrom('shipments').select(SHIPMENT_COLUMNS).where('store_id', '=', storeId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.statuses) q = q.where('status', 'in', filter.statuses);
  if (filter.agentId) q = q.where('delivery_agent_id', '=', filter.agentId);
  if (filter.sellerId) q = q.where('seller_id', '=', filter.sellerId);
  if (filter.orderId) q = q.where('order_id', '=', filter.orderId);
  return newestFirst(q, page).execute();
}

/** Open deliveries per agent (ASSIGNED, PICKED_UP, IN_TRANSIT): each agent's load. */
export async function openLoads(db: Db, storeId: string, agentIds: string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await t(db)
    .selectFrom('shipments')
    .select(['delivery_agent_id', sql<string>`count(*)`.as('open')])
    .where('store_id', '=', storeId)
    .where('delivery_agent_id', 'in', agentIds)
    .where('status', 'in', ['ASSIGNED', 'PICKED_UP', 'IN_TRANSIT'])
    .groupBy('delivery_agent_id')
    .execute();
  return new Map(rows.map((r) => [r.delivery_agent_id!, Number(r.open)]));
}

/**
 * A location point of the track, and the shipment's last location when it is newer than what the
 * shipment holds, in one statement: only for a shipment on the road with this agent. Returns
 * whether the point was taken (false: not this agent's, or not on the road).
 */
export async function recordLocation(
  db: Db,
  point: {
    id: string;
    storeId: string;
    shipmentId: string;
    agentId: string;
    lat: number;
    lng: number;
    accuracy: number | null;
    at: Date;
  },
): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH s AS (
      SELECT id FROM shipments
      WHERE store_id = ${point.storeId} AND id = ${point.shipmentId}
        AND delivery_agent_id = ${point.agentId} AND status IN ('PICKED_UP', 'IN_TRANSIT')
    ), p AS (
      INSERT INTO shipment_locations (id, store_id, shipment_id, agent_id, lat, lng, accuracy_m, recorded_at)
      SELECT ${point.id}, ${point.storeId}, s.id, ${point.agentId}, ${point.lat}, ${point.lng},
        ${point.accuracy}, ${point.at} FROM s
      RETURNING shipment_id
    ), u AS (
      UPDATE shipments SET last_lat = ${point.lat}, last_lng = ${point.lng},
        last_accuracy_m = ${point.accuracy}, last_located_at = ${point.at}
      WHERE store_id = ${point.storeId} AND id = ${point.shipmentId} AND EXISTS (SELECT 1 FROM p)
        AND (last_located_at IS NULL OR last_located_at <= ${point.at})
      RETURNING id
    ), a AS (
      UPDATE delivery_agents SET last_lat = ${point.lat}, last_lng = ${point.lng}, last_located_at = ${point.at}
      WHERE store_id = ${point.storeId} AND user_id = ${point.agentId} AND EXISTS (SELECT 1 FROM p)
        AND (last_located_at IS NULL OR last_located_at <= ${point.at})
      RETURNING user_id
    )
    SELECT shipment_id AS id FROM p
  `.execute(db);
  return result.rows.length > 0;
}

/** The shipment's track, oldest point first (at most `limit` newest points). */
export async function trackOf(db: Db, shipmentId: string, limit: number) {
  const rows = await t(db)
    .selectFrom('shipment_locations')
    .select(['lat', 'lng', 'accuracy_m', 'recorded_at'])
    .where('shipment_id', '=', shipmentId)
    .orderBy('recorded_at', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}
