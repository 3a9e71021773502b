import { type Selectable, sql, type Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { StoresTable, TenantsTable } from './tenancy.repository.ts';
import type { StoreStatus } from './tenancy.schemas.ts';

interface BillingEventsTable {
  event_id: string;
  tenant_id: string | null;
  type: string;
  received_at: Date | undefined;
}

interface BillingTables {
  tenants: TenantsTable;
  stores: StoresTable;
  billing_events: BillingEventsTable;
}

const t = (db: Db) => tables<BillingTables>(db);

const BILLING_COLUMNS = [
  'id',
  'business_name',
  'owner_user_id',
  'plan',
  'subscription_status',
  'billing_customer_id',
  'billing_subscription_id',
  'billing_state_at',
  'grace_until',
  'stores_suspended',
  'current_period_end',
  'provider_plan_id',
  'pending_plan',
  'pending_provider_plan_id',
  'suspended_at',
  'suspended_reason',
  'store_count',
  'created_at',
] as const;

export type BillingRow = Pick<Selectable<TenantsTable>, (typeof BILLING_COLUMNS)[number]>;

/** A tenant's billing columns, locked for the caller's transaction when `lock` is set. */
export function findBilling(db: Db, tenantId: string, lock = false) {
  const query = t(db).selectFrom('tenants').select(BILLING_COLUMNS).where('id', '=', tenantId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export function findBillingBySubscription(db: Db, subscriptionId: string) {
  return t(db)
    .selectFrom('tenants')
    .select(BILLING_COLUMNS)
    .where('billing_subscription_id', '=', subscriptionId)
    .forUpdate()
    .executeTakeFirst();
}

export type BillingChanges = Omit<Updateable<TenantsTable>, 'id' | 'created_at' | 'updated_at'>;

export function updateBilling(db: Db, tenantId: string, changes: BillingChanges) {
  return t(db)
    .updateTable('tenants')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', tenantId)
    .returning(BILLING_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Records a webhook event once: false when it was already recorded (a replay). */
export async function recordEvent(db: Db, event: { eventId: string; tenantId: string | null; type: string }) {
  const row = await t(db)
    .insertInto('billing_events')
    .values({ event_id: event.eventId, tenant_id: event.tenantId, type: event.type, received_at: undefined })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** PAST_DUE tenants whose grace is over and whose stores billing has not suspended yet. */
export function graceOver(db: Db, now: Date, limit: number) {
  return t(db)
    .selectFrom('tenants')
    .select(BILLING_COLUMNS)
    .where('subscription_status', '=', 'PAST_DUE')
    .where('stores_suspended', '=', false)
    .where('grace_until', '<=', now)
    .orderBy('grace_until')
    .limit(limit)
    .execute();
}

/** A tenant's stores, locked, with the status a suspension keeps. */
export function lockStoresOfTenant(db: Db, tenantId: string) {
  return t(db)
    .selectFrom('stores')
    .select(['id', 'status', 'suspended_from'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .forUpdate()
    .execute() as Promise<{ id: string; status: StoreStatus; suspended_from: StoreStatus | null }[]>;
}

/** What a tenant uses of its plan's limits, but products (catalog counts those). */
export async function tenantUsage(db: Db, tenantId: string) {
  const { rows } = await sql<{ stores: number; staff: number; domains: number }>`
    SELECT
      (SELECT count(*) FROM stores WHERE tenant_id = ${tenantId})::int AS stores,
      coalesce((SELECT max(n) FROM (
        SELECT count(*) AS n FROM store_staff ss JOIN stores s ON s.id = ss.store_id
        WHERE s.tenant_id = ${tenantId} GROUP BY ss.store_id) per_store), 0)::int AS staff,
      (SELECT count(*) FROM stores WHERE tenant_id = ${tenantId} AND custom_domain IS NOT NULL)::int AS domains`.execute(
    db,
  );
  return rows[0] ?? { stores: 0, staff: 0, domains: 0 };
}

export function storeIdsOfTenant(db: Db, tenantId: string) {
  return t(db)
    .selectFrom('stores')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** The tenant is suspended (kept from the first suspension; the reason is the latest). */
export function markSuspended(db: Db, tenantId: string, reason: string) {
  return t(db)
    .updateTable('tenants')
    .set({
      suspended_at: sql`coalesce(suspended_at, now())`,
      suspended_reason: reason.slice(0, 1000),
      updated_at: sql`now()`,
    })
    .where('id', '=', tenantId)
    .execute();
}

export function markRestored(db: Db, tenantId: string) {
  return t(db)
    .updateTable('tenants')
    .set({ suspended_at: null, suspended_reason: null, stores_suspended: false, updated_at: sql`now()` })
    .where('id', '=', tenantId)
    .execute();
}
