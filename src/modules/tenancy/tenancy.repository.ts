import {
  type ColumnType,
  type Generated,
  type Insertable,
  type RawBuilder,
  type Selectable,
  sql,
} from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { StoreStatus } from './tenancy.schemas.ts';

/** `updated_at`: set by the database on insert, by `now()` on every update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | RawBuilder<Date> | string>;

export type SubscriptionStatus = 'PENDING' | 'ACTIVE' | 'PAST_DUE' | 'PAUSED' | 'CANCELLED' | 'EXPIRED';

export interface TenantsTable {
  id: string;
  business_name: string;
  owner_user_id: string | null;
  plan: Generated<string>;
  subscription_status: Generated<SubscriptionStatus>;
  billing_customer_id: string | null;
  billing_subscription_id: Generated<string | null>;
  max_stores: Generated<number>;
  store_count: Generated<number>;
  current_period_end: Generated<Date | null>;
  grace_until: Generated<Date | null>;
  suspended_at: Generated<Date | null>;
  suspended_reason: Generated<string | null>;
  billing_state_at: Generated<Date | null>;
  stores_suspended: Generated<boolean>;
  provider_plan_id: Generated<string | null>;
  pending_plan: Generated<string | null>;
  pending_provider_plan_id: Generated<string | null>;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface StoresTable {
  id: string;
  tenant_id: string;
  name: string;
  status: Generated<StoreStatus>;
  store_type: Generated<string>;
  prompt: string | null;
  /** jsonb: written as JSON text. */
  config: ColumnType<Record<string, unknown>, string | undefined, string>;
  language: Generated<string>;
  currency: Generated<string>;
  domain: string | null;
  custom_domain: string | null;
  live_url: string | null;
  preview_url: string | null;
  is_default: Generated<boolean>;
  published_at: Date | null;
  status_reason: Generated<string | null>;
  suspended_from: Generated<StoreStatus | null>;
  preview_token: Generated<string | null>;
  custom_domain_token: Generated<string | null>;
  custom_domain_verified_at: Generated<Date | null>;
  custom_domain_checked_at: Generated<Date | null>;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

interface TenancyTables {
  tenants: TenantsTable;
  stores: StoresTable;
}

const t = (db: Db) => tables<TenancyTables>(db);

const STORE_COLUMNS = [
  'id',
  'tenant_id',
  'name',
  'status',
  'store_type',
  'config',
  'language',
  'currency',
  'domain',
  'custom_domain',
  'is_default',
  'published_at',
  'prompt',
  'status_reason',
  'suspended_from',
  'preview_token',
  'preview_url',
  'live_url',
  'custom_domain_verified_at',
  'created_at',
] as const;

export type StoreRow = Pick<Selectable<StoresTable>, (typeof STORE_COLUMNS)[number]>;

export function findDefaultStore(db: Db) {
  return t(db).selectFrom('stores').select(STORE_COLUMNS).where('is_default', '=', true).executeTakeFirst();
}

export function findDefaultTenant(db: Db) {
  return t(db).selectFrom('tenants').select(['id']).where('is_default', '=', true).executeTakeFirst();
}

export function findStoreById(db: Db, id: string) {
  return t(db).selectFrom('stores').select(STORE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findStoreByHost(db: Db, host: string, subdomain: string | null) {
  return t(db)
    .selectFrom('stores')
    .select(STORE_COLUMNS)
    .where((eb) => {
      // a custom domain answers once its owner proved it (tenancy.domains.ts)
      const custom = eb.and([
        eb('custom_domain', '=', host),
        eb('custom_domain_verified_at', 'is not', null),
      ]);
      return subdomain ? eb.or([custom, eb('domain', '=', subdomain)]) : custom;
    })
    .executeTakeFirst();
}

/** The default tenant, unless one exists already (safe to race). */
export async function insertTenant(db: Db, row: Insertable<TenantsTable>) {
  await t(db)
    .insertInto('tenants')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

type StoreInsert = Omit<Insertable<StoresTable>, 'config'> & { config?: Record<string, unknown> };

/** The default store, unless one exists already (safe to race). */
export async function insertStore(db: Db, row: StoreInsert) {
  await t(db)
    .insertInto('stores')
    .values({ ...row, config: JSON.stringify(row.config ?? {}) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A new tenant; fails on a taken id. */
export async function addTenant(db: Db, row: Insertable<TenantsTable>) {
  await t(db).insertInto('tenants').values(row).execute();
}

/** A new store, as read back; fails on a taken id, domain or custom domain. */
export function addStore(db: Db, row: StoreInsert) {
  return t(db)
    .insertInto('stores')
    .values({ ...row, config: JSON.stringify(row.config ?? {}) })
    .returning(STORE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function listStoresOfTenant(db: Db, tenantId: string) {
  return t(db)
    .selectFrom('stores')
    .select(STORE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
}

/** The store's whole `config` (undefined for an unknown store). */
export async function findStoreConfig(db: Db, storeId: string): Promise<Record<string, unknown> | undefined> {
  const row = await t(db).selectFrom('stores').select('config').where('id', '=', storeId).executeTakeFirst();
  return row?.config;
}

/** The store's `config.settings` object (undefined for an unknown store). */
export async function findStoreSettings(db: Db, storeId: string): Promise<unknown> {
  const { rows } = await sql<{ settings: unknown }>`
    SELECT config -> 'settings' AS settings FROM stores WHERE id = ${storeId}`.execute(db);
  return rows.length === 0 ? undefined : (rows[0]!.settings ?? {});
}

/** Merges `changes` into the store's `config.settings`, keeping every other key; returns the result. */
export async function mergeStoreSettings(
  db: Db,
  storeId: string,
  changes: Record<string, unknown>,
): Promise<unknown> {
  const { rows } = await sql<{ settings: unknown }>`
    UPDATE stores
    SET config = jsonb_set(config, '{settings}',
          (CASE WHEN jsonb_typeof(config -> 'settings') = 'object' THEN config -> 'settings' ELSE '{}'::jsonb END)
            || ${JSON.stringify(changes)}::jsonb),
        updated_at = now()
    WHERE id = ${storeId}
    RETURNING config -> 'settings' AS settings`.execute(db);
  return rows[0]?.settings;
}

/** The store's row, locked for the rest of the transaction (undefined for an unknown store). */
export function lockStore(db: Db, storeId: string) {
  return t(db)
    .selectFrom('stores')
    .select(STORE_COLUMNS)
    .where('id', '=', storeId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes the store's name, language or currency (the columns given). */
export async function updateStoreProfile(
  db: Db,
  storeId: string,
  changes: { name?: string; language?: string; currency?: string },
) {
  await t(db)
    .updateTable('stores')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', storeId)
    .execute();
}

export async function setLiveUrl(db: Db, storeId: string, liveUrl: string | null) {
  await t(db)
    .updateTable('stores')
    .set({ live_url: liveUrl, updated_at: sql`now()` })
    .where('id', '=', storeId)
    .execute();
}

/**
 * Up to `limit` stores, every column the request context needs (the resolver's directory): all of
 * them, or those changed after `since`; with the database's clock when read.
 */
export async function listStores(db: Db, limit: number, since?: Date) {
  const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db);
  let query = t(db).selectFrom('stores').select(STORE_COLUMNS);
  if (since) query = query.where('updated_at', '>', since);
  return { rows: await query.limit(limit).execute(), readAt: new Date(rows[0]!.now) };
}
