import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { PolicyNotFound, StoreNotFound } from './tenancy.errors.ts';
import type { StoreRow } from './tenancy.repository.ts';
import * as repo from './tenancy.repository.ts';
import { NewStore, type Store, type StoreView } from './tenancy.schemas.ts';
import { fromStored, POLICY_KINDS, type PolicyKind, storePolicy } from './tenancy.settings.ts';

/** Creates the default tenant and store on first start (a single shop needs no set-up). Safe to race. */
export async function ensureDefaultStore(db: Db, name = 'Bazaar'): Promise<Store> {
  const existing = await repo.findDefaultStore(db);
  if (existing) return toStore(existing);
  await transaction(db, async (trx) => {
    await repo.insertTenant(trx, {
      id: newId(),
      business_name: name,
      is_default: true,
      plan: 'ENTERPRISE',
      max_stores: 1000,
    });
    const tenant = await repo.findDefaultTenant(trx);
    if (!tenant) throw new Error('Default tenant could not be created');
    await repo.insertStore(trx, {
      id: newId(),
      tenant_id: tenant.id,
      name,
      status: 'PUBLISHED',
      domain: 'shop',
      is_default: true,
      published_at: new Date(),
    });
  });
  const created = await repo.findDefaultStore(db);
  if (!created) throw new Error('Default store could not be created');
  return toStore(created);
}

/**
 * Opens a store: of `tenantId`, or of a new tenant named after the store when none is given.
 * DRAFT unless told otherwise; a store opened PUBLISHED is published now.
 */
export async function createStore(db: Db | Ctx, input: NewStore): Promise<Store> {
  const { tenantId, customDomain, ...fields } = NewStore.parse(input);
  return transaction(dbOf(db), async (trx) => {
    const tenant = tenantId ?? newId();
    if (!tenantId) await repo.addTenant(trx, { id: tenant, business_name: fields.name });
    const row = await repo.addStore(trx, {
      ...fields,
      id: newId(),
      tenant_id: tenant,
      custom_domain: customDomain,
      // opened by the operator (CLI, seeds, tests): a custom domain given here is trusted as verified
      custom_domain_verified_at: customDomain ? new Date() : null,
      published_at: fields.status === 'PUBLISHED' ? new Date() : null,
    });
    return toStore(row);
  });
}

export function presentStore(store: StoreRow): StoreView {
  return {
    id: store.id,
    name: store.name,
    status: store.status,
    currency: store.currency.trim(),
    language: store.language,
    domain: store.domain,
    customDomain: store.custom_domain,
    ...publicSettingsOf(store.config),
  };
}

/**
 * What everyone may see of the store's settings: its look, time zone, contact and which policies
 * it has (each unset or unreadable one at its default).
 */
function publicSettingsOf(config: Record<string, unknown> | null) {
  const { logoUrl, accentColor, timeZone, contact, policies } = fromStored(config?.settings);
  return {
    branding: { logoUrl, accentColor },
    timeZone,
    contact,
    policies: POLICY_KINDS.filter((kind) => policies[kind] !== null),
  };
}

/** What everyone may see of a resolved store (its view, without tenant, flags and preview secret). */
export function storeViewOf(store: Store): StoreView {
  const { tenantId: _tenant, isDefault: _default, previewToken: _preview, ...view } = store;
  return view;
}

/** A store row as the request context knows it. */
export function toStore(store: StoreRow): Store {
  return {
    ...presentStore(store),
    status: store.status,
    tenantId: store.tenant_id,
    isDefault: store.is_default,
    previewToken: store.preview_token,
  };
}

/** Whether a request carries the preview secret of a store that is not published yet. */
export function isPreview(store: Store, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !store.previewToken || store.status === 'SUSPENDED') return false;
  const given = Buffer.from(header);
  const known = Buffer.from(store.previewToken);
  return given.length === known.length && timingSafeEqual(given, known);
}

/** A store by id, or undefined. */
export async function findStore(db: Db | Ctx, id: string): Promise<StoreView | undefined> {
  const store = await repo.findStoreById(dbOf(db), id);
  return store && presentStore(store);
}

/** The store the request addresses; 404 if it went away. */
export async function currentStore(ctx: Ctx): Promise<StoreView> {
  const store = await findStore(ctx, ctx.storeId);
  if (!store) throw new StoreNotFound();
  return store;
}

/** The store's currency (ISO 4217), INR for an unknown store: what prices default to. */
export async function storeCurrency(db: Db | Ctx, storeId: string): Promise<string> {
  return (await findStore(db, storeId))?.currency ?? DEFAULT_CURRENCY;
}

const DEFAULT_CURRENCY = 'INR';

const dbOf = (db: Db | Ctx): Db => ('storeId' in db ? db.db : db);

const POLICY_TITLES: Record<PolicyKind, string> = {
  terms: 'Terms of service',
  privacy: 'Privacy policy',
  returns: 'Returns policy',
  shipping: 'Shipping policy',
};

/** One of the store's policies as text; 404 for an unknown kind or one the store has not set. */
export async function policyOf(ctx: Ctx, kind: string) {
  const known = POLICY_KINDS.find((k) => k === kind);
  const text = known ? await storePolicy(ctx, known) : null;
  if (!known || text === null) throw new PolicyNotFound();
  return { kind: known, title: POLICY_TITLES[known], text };
}
