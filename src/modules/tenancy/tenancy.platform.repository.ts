import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import type { StoresTable, TenantsTable } from './tenancy.repository.ts';

export interface PlansTable {
  code: string;
  name: string;
  price_minor: number;
  currency: string;
  period: 'monthly' | 'yearly';
  max_stores: number | null;
  max_products_per_store: number | null;
  max_staff_per_store: number | null;
  max_custom_domains: number | null;
  transaction_fee_bp: number;
  active: boolean;
  sort: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StoreStatusHistoryTable {
  id: string;
  store_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  reason: string | null;
  at: Generated<Date>;
}

export interface StoreStaffTable {
  store_id: string;
  account_id: string;
  role: StaffRole;
  invited_by: string | null;
  created_at: Generated<Date>;
}

export type StaffRole = 'ADMIN' | 'CATALOG_MANAGER' | 'ORDER_MANAGER' | 'SUPPORT';

interface PlatformTables {
  plans: PlansTable;
  tenants: TenantsTable;
  stores: StoresTable;
  store_status_history: StoreStatusHistoryTable;
  store_staff: StoreStaffTable;
}

const t = (db: Db) => tables<PlatformTables>(db);

export type PlanRow = Selectable<PlansTable>;

const PLAN_COLUMNS = [
  'code',
  'name',
  'price_minor',
  'currency',
  'period',
  'max_stores',
  'max_products_per_store',
  'max_staff_per_store',
  'max_custom_domains',
  'transaction_fee_bp',
  'active',
  'sort',
] as const;

export function listPlans(db: Db) {
  return t(db).selectFrom('plans').select(PLAN_COLUMNS).orderBy('sort').orderBy('code').execute();
}

export function findPlan(db: Db, code: string) {
  return t(db).selectFrom('plans').select(PLAN_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export function upsertPlan(db: Db, row: Omit<PlanRow, 'created_at' | 'updated_at'>) {
  const { code, ...changes } = row;
  return t(db)
    .insertInto('plans')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ ...changes, updated_at: sql`now()` }))
    .returning(PLAN_COLUMNS)
    .executeTakeFirstOrThrow();
}

const TENANT_COLUMNS = [
  'id',
  'business_name',
  'owner_user_id',
  'plan',
  'subscription_status',
  'store_count',
  'grace_until',
  'current_period_end',
  'suspended_at',
  'suspended_reason',
  'pending_plan',
  'is_default',
  'created_at',
] as const;

export type TenantRow = Pick<Selectable<TenantsTable>, (typeof TENANT_COLUMNS)[number]>;

export function findTenant(db: Db, id: string) {
  return t(db).selectFrom('tenants').select(TENANT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findTenantOfOwner(db: Db, ownerId: string) {
  return t(db)
    .selectFrom('tenants')
    .select(TENANT_COLUMNS)
    .where('owner_user_id', '=', ownerId)
    .orderBy('created_at')
    .executeTakeFirst();
}

export function insertTenant(db: Db, row: Insertable<TenantsTable>) {
  return t(db).insertInto('tenants').values(row).returning(TENANT_COLUMNS).executeTakeFirstOrThrow();
}

/** Tenants newest first (by their time-ordered id), `limit + 1` after `after`, the default one left out. */
export function listTenants(db: Db, page: KeysetPage) {
  return newestFirst(
    t(db).selectFrom('tenants').select(TENANT_COLUMNS).where('is_default', '=', false),
    page,
  ).execute();
}

/**
 * Counts one more store for the tenant if its plan allows it: one conditional UPDATE, so tenants
 * opening stores at once never pass the limit and the count stays exact. Undefined when full.
 */
export function takeStoreSlot(db: Db, tenantId: string) {
  return sql<{ store_count: number }>`
    UPDATE tenants SET store_count = store_count + 1, updated_at = now()
    WHERE id = ${tenantId}
      AND store_count < coalesce((SELECT max_stores FROM plans WHERE plans.code = tenants.plan), 2147483647)
    RETURNING store_count`
    .execute(db)
    .then((r) => r.rows[0]);
}

export function setTenantPlan(db: Db, tenantId: string, plan: string) {
  return t(db)
    .updateTable('tenants')
    .set({ plan: plan as never, updated_at: sql`now()` })
    .where('id', '=', tenantId)
    .returning(TENANT_COLUMNS)
    .executeTakeFirst();
}

export function insertHistory(db: Db, row: Insertable<StoreStatusHistoryTable>) {
  return t(db).insertInto('store_status_history').values(row).execute();
}

export function listHistory(db: Db, storeId: string) {
  return t(db)
    .selectFrom('store_status_history')
    .select(['from_status', 'to_status', 'actor_id', 'reason', 'at'])
    .where('store_id', '=', storeId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The role of a platform account in a store: its tenant's owner is ADMIN, invited staff their role. */
export async function findStoreRole(
  db: Db,
  storeId: string,
  accountId: string,
  options: { unlessSuspended?: boolean } = {},
): Promise<StaffRole | undefined> {
  // a suspended store (its tenant suspended) grants nothing through a store-bound token (decision 019)
  const open = options.unlessSuspended ? sql`AND s.status <> 'SUSPENDED'` : sql``;
  const { rows } = await sql<{ role: StaffRole }>`
    SELECT r.role FROM stores s JOIN tenants tn ON tn.id = s.tenant_id
    CROSS JOIN LATERAL (
      SELECT 'ADMIN' AS role WHERE tn.owner_user_id = ${accountId}
      UNION ALL
      SELECT role FROM store_staff WHERE store_id = s.id AND account_id = ${accountId}
      LIMIT 1
    ) r
    WHERE s.id = ${storeId} ${open}
    LIMIT 1`.execute(db);
  return rows[0]?.role;
}

/** The store's staff, each with the address it was invited at (its last accepted invitation). */
export async function listStaff(db: Db, storeId: string) {
  const { rows } = await sql<{ account_id: string; role: string; created_at: Date; email: string | null }>`
    SELECT s.account_id, s.role, s.created_at,
      (SELECT i.email FROM staff_invitations i
        WHERE i.store_id = s.store_id AND i.accepted_by = s.account_id
        ORDER BY i.accepted_at DESC LIMIT 1) AS email
    FROM store_staff s WHERE s.store_id = ${storeId} ORDER BY s.created_at`.execute(db);
  return rows;
}

/** The stores an account is staff of, with its role in each, the earliest joined first. */
export async function listMemberships(db: Db, accountId: string) {
  const { rows } = await sql<{
    store_id: string;
    role: StaffRole;
    created_at: Date;
    name: string;
    status: string;
    domain: string | null;
  }>`
    SELECT m.store_id, m.role, m.created_at, s.name, s.status, s.domain
    FROM store_staff m JOIN stores s ON s.id = m.store_id
    WHERE m.account_id = ${accountId}
    ORDER BY m.created_at, m.store_id`.execute(db);
  return rows;
}

/** Makes the account staff of the store with `role` (a second invitation changes the role). */
export function upsertStaff(db: Db, row: Insertable<StoreStaffTable>) {
  return t(db)
    .insertInto('store_staff')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'account_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function deleteStaff(db: Db, storeId: string, accountId: string): Promise<boolean> {
  const result = await t(db)
    .deleteFrom('store_staff')
    .where('store_id', '=', storeId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// --- custom domains ------------------------------------------------------------------------------

const DOMAIN_COLUMNS = [
  'id',
  'tenant_id',
  'custom_domain',
  'custom_domain_token',
  'custom_domain_verified_at',
  'custom_domain_checked_at',
] as const;

export type DomainRow = Pick<Selectable<StoresTable>, (typeof DOMAIN_COLUMNS)[number]>;

export function findDomain(db: Db, storeId: string) {
  return t(db).selectFrom('stores').select(DOMAIN_COLUMNS).where('id', '=', storeId).executeTakeFirst();
}

/** A new (unverified) custom domain and its token; fails on a domain another store has. */
export function setCustomDomain(db: Db, storeId: string, domain: string | null, token: string | null) {
  return t(db)
    .updateTable('stores')
    .set({
      custom_domain: domain,
      custom_domain_token: token,
      custom_domain_verified_at: null,
      custom_domain_checked_at: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', storeId)
    .returning(DOMAIN_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Records a check of the store's domain: verified since `verifiedAt` (kept if it was), or not. */
export function recordDomainCheck(db: Db, storeId: string, domain: string, verified: boolean) {
  return t(db)
    .updateTable('stores')
    .set({
      custom_domain_checked_at: sql`now()`,
      custom_domain_verified_at: verified ? sql`coalesce(custom_domain_verified_at, now())` : null,
      updated_at: sql`now()`,
    })
    .where('id', '=', storeId)
    .where('custom_domain', '=', domain)
    .returning(DOMAIN_COLUMNS)
    .executeTakeFirst();
}

/** Custom domains of the tenant's stores other than `exceptStoreId`. */
export function countTenantDomains(db: Db, tenantId: string, exceptStoreId: string) {
  return t(db)
    .selectFrom('stores')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('id', '!=', exceptStoreId)
    .where('custom_domain', 'is not', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Verified domains last checked before `before`, oldest check first: the daily re-check's work. */
export function domainsDue(db: Db, before: Date, limit: number) {
  return t(db)
    .selectFrom('stores')
    .select(DOMAIN_COLUMNS)
    .where('custom_domain_verified_at', 'is not', null)
    .where((eb) =>
      eb.or([eb('custom_domain_checked_at', 'is', null), eb('custom_domain_checked_at', '<', before)]),
    )
    .orderBy('custom_domain_checked_at')
    .limit(limit)
    .execute();
}

/** Whether some store answers at `host`: a verified custom domain, or a subdomain label in use. */
export async function hostInUse(db: Db, host: string, subdomain: string | null): Promise<boolean> {
  const row = await t(db)
    .selectFrom('stores')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('custom_domain', '=', host), eb('custom_domain_verified_at', 'is not', null)]),
        ...(subdomain ? [eb('domain', '=', subdomain)] : []),
      ]),
    )
    .executeTakeFirst();
  return !!row;
}
