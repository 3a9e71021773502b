import { createStore as openStore, type StoreStatus } from '../../src/modules/tenancy/index.ts';
import type { Server } from '../../src/server.ts';

export type { StoreStatus };

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
  const { id, tenantId, name, currency } = server.modules.tenancy.defaultStore();
  return { id, tenantId, name, currency, server };
}

let counter = 0;

/**
 * A store of a tenant of its own, through tenancy's door; PUBLISHED unless told otherwise (an
 * unpublished store answers only its staff).
 */
export async function createStore(
  server: Server,
  fields: {
    name?: string;
    status?: StoreStatus;
    domain?: string;
    customDomain?: string;
    currency?: string;
    /** Another store of this tenant (default: a tenant of its own). */
    tenantId?: string;
    /** The store's `config` as stored (settings under `config.settings`). */
    config?: Record<string, unknown>;
  } = {},
): Promise<TestStore> {
  const store = await openStore(server.database.db, {
    ...fields,
    name: fields.name ?? `Store ${++counter}`,
    status: fields.status ?? 'PUBLISHED',
  });
  const { id, tenantId, name, currency } = store;
  return { id, tenantId, name, currency, server };
}
