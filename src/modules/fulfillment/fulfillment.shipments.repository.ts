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

/** One agent's report of points for one shipment. */
export interface LocationReport {
  storeId: string;
  shipmentId: string;
  agentId: string;
  points: LocationPoint[];
}

/**
 * Location reports in one statement, however many shipments they are for: each report's points
 * join the track only when its shipment is on the road with its agent, and the newest point per
 * shipment (and per agent) becomes the last location unless a newer one is held. The guarded
 * UPDATEs re-check the row after waiting for a concurrent writer, so the newest point wins whatever
 * order reports arrive in. Answers, per report in order, whether it was taken.
 */
export async function recordReports(db: Db, reports: readonly LocationReport[]): Promise<boolean[]> {
  const points = reports.flatMap((r, k) => r.points.map((p) => ({ k, ...p })));
  const result = await sql<{ k: number }>`
    WITH r AS (
      SELECT * FROM unnest(${reports.map((_, k) => k)}::int[], ${reports.map((r) => r.storeId)}::uuid[],
        ${reports.map((r) => r.shipmentId)}::uuid[], ${reports.map((r) => r.agentId)}::uuid[])
        AS r (k, store_id, shipment_id, agent_id)
    ), s AS (
      SELECT r.* FROM r JOIN shipments sh
        ON sh.store_id = r.store_id AND sh.id = r.shipment_id AND sh.delivery_agent_id = r.agent_id
      WHERE sh.status IN ('PICKED_UP', 'IN_TRANSIT')
    ), pts AS (
      SELECT * FROM unnest(${points.map((p) => p.k)}::int[], ${points.map((p) => p.id)}::uuid[],
        ${points.map((p) => p.lat)}::float8[], ${points.map((p) => p.lng)}::float8[],
        ${points.map((p) => p.accuracy)}::real[], ${points.map((p) => p.at.toISOString())}::timestamptz[])
        AS t (k, id, lat, lng, accuracy, at)
    ), ok AS (
      SELECT s.store_id, s.shipment_id, s.agent_id, pts.id, pts.lat, pts.lng, pts.accuracy, pts.at
      FROM s JOIN pts ON pts.k = s.k
    ), p AS (
      INSERT INTO shipment_locations (id, store_id, shipment_id, agent_id, lat, lng, accuracy_m, recorded_at)
      SELECT id, store_id, shipment_id, agent_id, lat, lng, accuracy, at FROM ok
    ), ns AS (
      SELECT DISTINCT ON (shipment_id) store_id, shipment_id, lat, lng, accuracy, at
      FROM ok ORDER BY shipment_id, at DESC
    ), u AS (
      UPDATE shipments SET last_lat = n.lat, last_lng = n.lng, last_accuracy_m = n.accuracy, last_located_at = n.at
      FROM ns n
      WHERE shipments.store_id = n.store_id AND shipments.id = n.shipment_id
        AND (shipments.last_located_at IS NULL OR shipments.last_located_at <= n.at)
    ), na AS (
      SELECT DISTINCT ON (agent_id) store_id, agent_id, lat, lng, at
      FROM ok ORDER BY agent_id, at DESC
    ), a AS (
      UPDATE delivery_agents SET last_lat = n.lat, last_lng = n.lng, last_located_at = n.at
      FROM na n
      WHERE delivery_agents.store_id = n.store_id AND delivery_agents.user_id = n.agent_id
        AND (delivery_agents.last_located_at IS NULL OR delivery_agents.last_located_at <= n.at)
    )
    SELECT k FROM s
  `.execute(db);
  const taken = new Set(result.rows.map((row) => row.k));
  return reports.map((_, k) => taken.has(k));
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
