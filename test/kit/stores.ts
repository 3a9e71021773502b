import { findStore } from '../../src/modules/tenancy/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';

export type StoreStatus = 'GENERATING' | 'DRAFT' | 'PAID' | 'PUBLISHED' | 'SUSPENDED';

/** A store on a test server; factories and `anonymous(store)` take it to address that store. */
export interface TestStore {
  id: string;
  tenantId: string;
  name: string;
  currency: string;
  server: Server;
}

/** The store every server creates on start, addressed when a request names no other. */
export function defaultStore(server: Server): TestStore {
  const store = server.modules.tenancy.defaultStore();
  return {
    id: store.id,
    tenantId: store.tenant_id,
    name: store.name,
    currency: store.currency.trim(),
    server,
  };
}

let counter = 0;

/**
 * A store of a tenant of its own, PUBLISHED unless told otherwise (an unpublished store answers only
 * its staff). Tenancy has no call that opens a store yet, so this is the one place tests write its
 * tables; it changes to that call once tenancy offers it.
 */
export async function createStore(
  server: Server,
  fields: {
    name?: string;
    status?: StoreStatus;
    domain?: string;
    customDomain?: string;
    currency?: string;
  } = {},
): Promise<TestStore> {
  const name = fields.name ?? `Store ${++counter}`;
  const tenantId = newId();
  const id = newId();
  const db = server.database.db;
  await db
    .insertInto('tenants')
    .values({ id: tenantId, business_name: `${name} Ltd` })
    .execute();
  const status = fields.status ?? 'PUBLISHED';
  await db
    .insertInto('stores')
    .values({
      id,
      tenant_id: tenantId,
      name,
      status,
      domain: fields.domain ?? null,
      custom_domain: fields.customDomain ?? null,
      ...(fields.currency ? { currency: fields.currency } : {}),
      published_at: status === 'PUBLISHED' ? new Date() : null,
    })
    .execute();
  const store = await findStore(db, id);
  if (!store) throw new Error(`store ${id} was not created`);
  return { id, tenantId, name, currency: store.currency.trim(), server };
}
