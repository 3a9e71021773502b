import { type Insertable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { inOrder, type KeysetPage } from '../../platform/db/keyset.ts';
import type {
  AgentRow,
  CarrierRow,
  CarriersTable,
  DeliveryAgentsTable,
  FulfillmentTables,
} from './fulfillment.tables.ts';

const t = (db: Db) => tables<FulfillmentTables>(db);

const AGENT_COLUMNS = [
  'store_id',
  'user_id',
  'vehicle',
  'zone',
  'phone',
  'available',
  'last_lat',
  'last_lng',
  'last_located_at',
  'created_at',
  'updated_at',
] as const;

const CARRIER_COLUMNS = [
  'id',
  'store_id',
  'code',
  'name',
  'tracking_url_template',
  'active',
  'created_at',
  'updated_at',
] as const;

type AgentFields = Pick<Insertable<DeliveryAgentsTable>, 'vehicle' | 'zone' | 'phone' | 'available'>;

/** Creates or changes an agent's profile (the fields given; the others stay). */
export async function upsertAgent(
  db: Db,
  storeId: string,
  userId: string,
  fields: Partial<AgentFields>,
): Promise<AgentRow> {
  return t(db)
    .insertInto('delivery_agents')
    .values({ store_id: storeId, user_id: userId, ...fields })
    .onConflict((oc) =>
      oc.columns(['store_id', 'user_id']).doUpdateSet({ ...fields, updated_at: sql<Date>`now()` }),
    )
    .returning(AGENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findAgent(db: Db, storeId: string, userId: string): Promise<AgentRow | undefined> {
  return t(db)
    .selectFrom('delivery_agents')
    .select(AGENT_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listAgents(
  db: Db,
  storeId: string,
  filter: { zone?: string | undefined; available?: boolean | undefined },
  page: KeysetPage,
): Promise<AgentRow[]> {
  let q = t(db).selectFrom('delivery_agents').select(AGENT_COLUMNS).where('store_id', '=', storeId);
  if (filter.zone) q = q.where(sql<string>`lower(zone)`, '=', filter.zone.toLowerCase());
  if (filter.available !== undefined) q = q.where('available', '=', filter.available);
  return inOrder(q, page, 'user_id').execute();
}

/** Available agents of a zone (every available agent when `zone` is null), at most `limit`. */
export async function availableAgents(db: Db, storeId: string, zone: string | null): Promise<AgentRow[]> {
  let q = t(db)
    .selectFrom('delivery_agents')
    .select(AGENT_COLUMNS)
    .where('store_id', '=', storeId)
    .where('available', '=', true);
  if (zone) q = q.where(sql<string>`lower(zone)`, '=', zone.toLowerCase());
  return q.orderBy('user_id').limit(500).execute();
}

export async function upsertCarrier(
  db: Db,
  row: Omit<Insertable<CarriersTable>, 'created_at' | 'updated_at'>,
): Promise<CarrierRow> {
  const { id: _id, store_id: _store, code: _code, ...changes } = row;
  return t(db)
    .insertInto('carriers')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['store_id', 'code']).doUpdateSet({ ...changes, updated_at: sql<Date>`now()` }),
    )
    .returning(CARRIER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function listCarriers(db: Db, storeId: string): Promise<CarrierRow[]> {
  return t(db)
    .selectFrom('carriers')
    .select(CARRIER_COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('code')
    .limit(200)
    .execute();
}

/** Carriers by name or code (a shipment names its carrier either way). */
export async function carriersNamed(db: Db, storeId: string, names: string[]): Promise<CarrierRow[]> {
  if (names.length === 0) return [];
  const lowered = names.map((n) => n.toLowerCase());
  return t(db)
    .selectFrom('carriers')
    .select(CARRIER_COLUMNS)
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('code', 'in', lowered), eb(sql<string>`lower(name)`, 'in', lowered)]))
    .execute();
}
