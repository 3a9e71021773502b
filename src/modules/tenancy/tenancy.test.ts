import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, createStore, createUser } from '../../../test/kit/index.ts';
import { migrate } from '../../platform/db/migrator.ts';
import { newId } from '../../platform/ids.ts';
import {
  ensureDefaultStore,
  findStore,
  createStore as openStore,
  StoreResolver,
  type StoreStatus,
} from './index.ts';

let server: TestServer;

/** A store of a tenant of its own; its id. */
async function addStore(fields: {
  name: string;
  status?: StoreStatus;
  domain?: string;
  customDomain?: string;
}) {
  return (await createStore(server, fields)).id;
}

/** A resolver like the server's, with a bound of its own. */
function resolverWithBound(max: number): StoreResolver {
  return new StoreResolver(server.database.db, 'bazaar.test', { max });
}

let acme: string;
let suspended: string;
const unpublished: Record<string, string> = {};

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test', STORE_CACHE_MAX: 40 } });
  acme = await addStore({ name: 'Acme', domain: 'acme', customDomain: 'shop.acme.example' });
  suspended = await addStore({ name: 'Closed Co', status: 'SUSPENDED', domain: 'closed' });
  for (const status of ['DRAFT', 'GENERATING', 'PAID'] as const) {
    unpublished[status] = await addStore({ name: `${status} Co`, status, domain: status.toLowerCase() });
  }
});
afterAll(async () => server?.destroy());

function getStore(headers: Record<string, string> = {}) {
  return anonymous(server).get('/store', headers);
}

function expectProblem(res: Awaited<ReturnType<typeof getStore>>, status: number, type: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, type: `/problems/${type}` });
}

describe('store resolution', () => {
  it('addresses the default store when nothing names another', async () => {
    const res = await getStore();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: server.modules.tenancy.defaultStore().id, name: 'Bazaar' });
    // the store as resolved, without what only the server knows of it
    for (const secret of ['previewToken', 'tenantId', 'isDefault'])
      expect(res.json()).not.toHaveProperty(secret);
  });

  it('addresses the default store for a host that matches no store', async () => {
    const res = await getStore({ host: 'nobody.bazaar.test' });
    expect(res.json().id).toBe(server.modules.tenancy.defaultStore().id);
  });

  it('selects the store named by X-Store-Id', async () => {
    const res = await getStore({ 'x-store-id': acme });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: acme, name: 'Acme', domain: 'acme' });
  });

  it('answers 404 for an X-Store-Id that names no store', async () => {
    expectProblem(await getStore({ 'x-store-id': newId() }), 404, 'store-not-found');
  });

  it('answers 404 for an X-Store-Id that is not a UUID', async () => {
    expectProblem(await getStore({ 'x-store-id': "1' OR '1'='1" }), 404, 'store-not-found');
  });

  it('selects the store whose custom domain is the Host', async () => {
    const res = await getStore({ host: 'shop.acme.example' });
    expect(res.json().id).toBe(acme);
    expect((await getStore({ host: 'Shop.Acme.Example:8443' })).json().id).toBe(acme);
  });

  it('selects the store whose subdomain of BASE_DOMAIN is the Host', async () => {
    expect((await getStore({ host: 'acme.bazaar.test' })).json().id).toBe(acme);
    expect((await getStore({ host: 'acme.bazaar.test:3000' })).json().id).toBe(acme);
  });

  it('answers 503 "temporarily unavailable" for a suspended store, by host or by header', async () => {
    expectProblem(await getStore({ host: 'closed.bazaar.test' }), 503, 'store-suspended');
    expectProblem(await getStore({ 'x-store-id': suspended }), 503, 'store-suspended');
  });
});

describe('default store', () => {
  it('is created exactly once when several processes start at the same time', async () => {
    const fresh = await createTestServer({ prepare: false });
    try {
      await migrate(fresh.database.pool, fresh.migrationSources);
      const db = fresh.database.db;

      const stores = await Promise.all(Array.from({ length: 6 }, () => ensureDefaultStore(db)));

      expect(new Set(stores.map((s) => s.id)).size).toBe(1);
      const { rows } = await sql<{ tenants: number; stores: number }>`
        SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM stores) AS stores`.execute(
        db,
      );
      expect(rows[0]).toEqual({ tenants: 1, stores: 1 });
      expect(stores[0]).toMatchObject({ isDefault: true, status: 'PUBLISHED' });
    } finally {
      await fresh.destroy();
    }
  });
});

describe('opening a store', () => {
  it('opens a DRAFT store of a tenant of its own, or another store of a given tenant', async () => {
    const db = server.database.db;
    const first = await openStore(db, { name: 'Fresh Co', domain: 'fresh' });
    expect(first).toMatchObject({ name: 'Fresh Co', status: 'DRAFT', currency: 'INR', isDefault: false });
    expect(first.tenantId).not.toBe(server.modules.tenancy.defaultStore().tenantId);
    const second = await openStore(db, { name: 'Fresh Two', tenantId: first.tenantId, currency: 'EUR' });
    expect(second).toMatchObject({ tenantId: first.tenantId, currency: 'EUR', domain: null });
    expect(await findStore(db, second.id)).toMatchObject({ id: second.id, name: 'Fresh Two' });
  });

  it('refuses a subdomain another store has', async () => {
    await expect(openStore(server.database.db, { name: 'Copycat', domain: 'acme' })).rejects.toThrow();
  });
});

describe('stores that are not published', () => {
  it('are not found by X-Store-Id or by host for anonymous callers', async () => {
    for (const [status, id] of Object.entries(unpublished)) {
      expectProblem(await getStore({ 'x-store-id': id }), 404, 'store-not-found');
      expectProblem(await getStore({ host: `${status.toLowerCase()}.bazaar.test` }), 404, 'store-not-found');
      const products = await anonymous(server).get('/products', { 'x-store-id': id });
      expectProblem(products, 404, 'store-not-found');
      const register = await anonymous(server).post(
        '/auth/register',
        { email: `new-${status}@example.test`, password: 'a long enough password 42', name: 'N' },
        { 'x-store-id': id },
      );
      expectProblem(register, 404, 'store-not-found');
    }
  });

  it('are not found for a customer of that store, and open to its staff', async () => {
    const draft = unpublished.DRAFT!;
    const customer = await createUser(server, { storeId: draft, roles: ['CUSTOMER'] });
    const admin = await createUser(server, { storeId: draft, roles: ['ADMIN'] });
    const seller = await createUser(server, { storeId: draft, roles: ['SELLER'] });
    expectProblem(await getStore({ 'x-store-id': draft, ...customer.headers }), 404, 'store-not-found');
    for (const staff of [admin, seller]) {
      const res = await getStore({ 'x-store-id': draft, ...staff.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: draft, status: 'DRAFT' });
      const byHost = await getStore({ host: 'draft.bazaar.test', ...staff.headers });
      expect(byHost.json().id).toBe(draft);
    }
  });

  it("do not open to another store's admin", async () => {
    const other = await createUser(server, { storeId: acme, roles: ['ADMIN'] });
    expectProblem(
      await getStore({ 'x-store-id': unpublished.PAID!, ...other.headers }),
      404,
      'store-not-found',
    );
  });

  it('leave the default store open to everyone', async () => {
    const res = await getStore();
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('PUBLISHED');
  });
});

describe('the store directory', () => {
  const rename = (id: string, name: string) =>
    sql`UPDATE stores SET name = ${name} WHERE id = ${id}`.execute(server.database.db);
  const resolveHost = (resolver: StoreResolver, host: string) =>
    resolver.resolve({ host, storeIdHeader: undefined });

  afterAll(async () => rename(acme, 'Acme'));

  it('serves every store from memory once read, until told of a change', async () => {
    const resolver = resolverWithBound(1_000);
    expect((await resolveHost(resolver, 'acme.bazaar.test')).name).toBe('Acme');
    await rename(acme, 'Acme (renamed)');
    expect((await resolveHost(resolver, 'shop.acme.example')).name).toBe('Acme');
    expect((await resolver.resolve({ host: undefined, storeIdHeader: acme })).name).toBe('Acme');
    resolver.invalidate();
    expect((await resolveHost(resolver, 'acme.bazaar.test')).name).toBe('Acme (renamed)');
    await rename(acme, 'Acme');
  });

  it("moves a store's updated_at on any change, whoever writes it", async () => {
    // in microseconds, as the database keeps it: two writes can fall in the same millisecond
    const stamp = async () =>
      Number(
        (
          await sql<{ at: string }>`SELECT (extract(epoch FROM updated_at) * 1000000)::bigint::text AS at
            FROM stores WHERE id = ${acme}`.execute(server.database.db)
        ).rows[0]!.at,
      );
    const before = await stamp();
    await sql`UPDATE stores SET name = name WHERE id = ${acme}`.execute(server.database.db);
    expect(await stamp()).toBeGreaterThan(before);
  });

  it('reads only what changed: a custom domain taken away stops answering, a new one answers', async () => {
    const resolver = resolverWithBound(1_000);
    expect((await resolveHost(resolver, 'shop.acme.example')).id).toBe(acme);
    const db = server.database.db;
    await sql`UPDATE stores SET custom_domain = 'new.acme.example' WHERE id = ${acme}`.execute(db);
    try {
      resolver.invalidate();
      expect((await resolveHost(resolver, 'shop.acme.example')).isDefault).toBe(true);
      expect((await resolveHost(resolver, 'new.acme.example')).id).toBe(acme);
      expect((await resolveHost(resolver, 'acme.bazaar.test')).id).toBe(acme);
    } finally {
      await sql`UPDATE stores SET custom_domain = 'shop.acme.example' WHERE id = ${acme}`.execute(db);
    }
  });

  it('finds a store opened by another process at once, before the directory is read again', async () => {
    const resolver = resolverWithBound(1_000);
    await resolveHost(resolver, 'acme.bazaar.test');
    const late = await addStore({ name: 'Late Co', domain: `late-${newId().slice(0, 8)}` });
    const found = await resolver.resolve({ host: undefined, storeIdHeader: late });
    expect(found).toMatchObject({ id: late, name: 'Late Co' });
  });

  it('reads the directory again in the background once it is older than its TTL', async () => {
    const resolver = new StoreResolver(server.database.db, 'bazaar.test', { max: 1_000, ttlMs: 0 });
    await resolveHost(resolver, 'acme.bazaar.test');
    await rename(acme, 'Acme (elsewhere)');
    await expect
      .poll(async () => (await resolveHost(resolver, 'acme.bazaar.test')).name)
      .toBe('Acme (elsewhere)');
    await rename(acme, 'Acme');
  });

  it('looks stores up one by one when there are more than it may hold', async () => {
    const resolver = resolverWithBound(2);
    expect((await resolveHost(resolver, 'acme.bazaar.test')).id).toBe(acme);
    expect((await resolveHost(resolver, 'closed.bazaar.test')).id).toBe(suspended);
    expect((await resolveHost(resolver, 'unknown.bazaar.test')).isDefault).toBe(true);
    expect(resolver.size).toBeLessThanOrEqual(2);
  });
});

describe('the store cache', () => {
  it('stays at its bound under a flood of unknown hosts and store ids', async () => {
    const resolver = resolverWithBound(50);
    for (let i = 0; i < 300; i++) {
      await resolver.resolve({ host: `r${i}-${newId()}.example`, storeIdHeader: undefined });
      await resolver.resolve({ host: undefined, storeIdHeader: newId() }).catch(() => undefined);
    }
    expect(resolver.size).toBeGreaterThan(0);
    expect(resolver.size).toBeLessThanOrEqual(50);
    const store = await resolver.resolve({ host: 'acme.bazaar.test', storeIdHeader: undefined });
    expect(store.id).toBe(acme);
  });

  it("keeps the server's own resolver at STORE_CACHE_MAX under requests with random hosts", async () => {
    const resolver = server.modules.tenancy.resolver;
    expect(resolver.max).toBe(40);
    for (let i = 0; i < 100; i++) await getStore({ host: `flood-${i}-${newId()}.example` });
    expect(resolver.size).toBeGreaterThan(0);
    expect(resolver.size).toBeLessThanOrEqual(40);
  });
});
