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

export interface LocationPoint {
  id: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  at: Date;
}

/**
 * Location points of the track, and the shipment's (and agent's) last location when the newest of
 * them is not older than what is held, in one statement: only for a shipment on the road with
 * this agent. The guarded UPDATE re-checks the row after waiting for a concurrent writer, so the
 * newest point wins whatever order reports arrive in. Returns how many points were taken (0: not
 * this agent's shipment, or not on the road).
 */
export async function recordLocations(
  db: Db,
  target: { storeId: string; shipmentId: string; agentId: string },
  points: LocationPoint[],
): Promise<number> {
  const { storeId, shipmentId, agentId } = target;
  const result = await sql<{ taken: number }>`
    WITH s AS (
      SELECT id FROM shipments
      WHERE store_id = ${storeId} AND id = ${shipmentId}
        AND delivery_agent_id = ${agentId} AND status IN ('PICKED_UP', 'IN_TRANSIT')
    ), pts AS (
      SELECT * FROM unnest(${points.map((p) => p.id)}::uuid[], ${points.map((p) => p.lat)}::float8[],
        ${points.map((p) => p.lng)}::float8[], ${points.map((p) => p.accuracy)}::real[],
        ${points.map((p) => p.at.toISOString())}::timestamptz[]) AS t (id, lat, lng, accuracy, at)
    ), p AS (
      INSERT INTO shipment_locations (id, store_id, shipment_id, agent_id, lat, lng, accuracy_m, recorded_at)
      SELECT pts.id, ${storeId}, s.id, ${agentId}, pts.lat, pts.lng, pts.accuracy, pts.at FROM s, pts
      RETURNING shipment_id
    ), newest AS (
      SELECT lat, lng, accuracy, at FROM pts WHERE EXISTS (SELECT 1 FROM s) ORDER BY at DESC LIMIT 1
    ), u AS (
      UPDATE shipments SET last_lat = n.lat, last_lng = n.lng, last_accuracy_m = n.accuracy, last_located_at = n.at
      FROM newest n
      WHERE shipments.store_id = ${storeId} AND shipments.id = ${shipmentId}
        AND (shipments.last_located_at IS NULL OR shipments.last_located_at <= n.at)
      RETURNING shipments.id
    ), a AS (
      UPDATE delivery_agents SET last_lat = n.lat, last_lng = n.lng, last_located_at = n.at
      FROM newest n
      WHERE delivery_agents.store_id = ${storeId} AND delivery_agents.user_id = ${agentId}
        AND (delivery_agents.last_located_at IS NULL OR delivery_agents.last_located_at <= n.at)
      RETURNING user_id
    )
    SELECT count(*)::int AS taken FROM p
  `.execute(db);
  return result.rows[0]?.taken ?? 0;
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
