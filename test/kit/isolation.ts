import type { Server } from '../../src/server.ts';
import { as, type Client } from './http.ts';
import { createStore, type TestStore } from './stores.ts';
import { createAdmin } from './users.ts';

/** Two published stores of different tenants, each with an admin: the setting of a store-isolation test. */
export interface StorePair {
  storeA: TestStore;
  storeB: TestStore;
  adminA: Client;
  adminB: Client;
}

export async function createStorePair(server: Server): Promise<StorePair> {
  const storeA = await createStore(server, { name: 'Store A' });
  const storeB = await createStore(server, { name: 'Store B' });
  return { storeA, storeB, adminA: as(await createAdmin(storeA)), adminB: as(await createAdmin(storeB)) };
}
