import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  api,
  createCustomer,
  createStore,
  hostClient,
  signUpOwner,
} from '../../../test/kit/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.close());

let label = 0;
const sub = (prefix = 'shop') => `${prefix}-${++label}-${Date.now().toString(36)}`;

async function setPlan(tenantId: string, plan: string) {
  await sql`UPDATE tenants SET plan = ${plan} WHERE id = ${tenantId}`.execute(server.database.db);
}

describe('platform sign-up', () => {
  it('makes a business owner with a tenant on plan FREE and signs it in', async () => {
    const res = await api(server).post('/platform/signup', {
      businessName: 'Sweet Crumbs',
      name: 'Asha Rao',
      email: 'asha@sweet.example',
      password: 'a long enough passphrase 1',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.tenant).toMatchObject({
      plan: 'FREE',
      maxStores: 1,
      storeCount: 0,
      platformDomain: 'bazaar.test',
    });
    expect(body.user).toMatchObject({ email: 'asha@sweet.example', roles: ['BUSINESS_OWNER'] });
    expect(body.accessToken).toEqual(expect.any(String));
    const me = await api(server).get('/platform/me', { authorization: `Bearer ${body.accessToken}` });
    expect(me.json()).toMatchObject({ email: 'asha@sweet.example' });
  });

  it('refuses an email already signed up (409) and leaves no second tenant', async () => {
    const owner = await signUpOwner(server);
    const again = await api(server).post('/platform/signup', {
      businessName: 'Copy',
      name: 'Copy',
      email: owner.email,
      password: 'another long passphrase 2',
    });
    expect(again.statusCode).toBe(409);
    const { rows } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM tenants WHERE business_name = 'Copy'`.execute(server.database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('keeps platform accounts apart from store customers with the same email', async () => {
    const owner = await signUpOwner(server);
    const login = await anonymous(server).post('/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(login.statusCode).toBe(401);
    const platformLogin = await api(server).post('/platform/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(platformLogin.statusCode).toBe(200);
  });
});

describe('opening stores', () => {
  it('opens a DRAFT store at {subdomain}.{platform domain}', async () => {
    const owner = await signUpOwner(server);
    const subdomain = sub();
    const res = await owner.client().post('/platform/stores', { name: 'Crumbs', subdomain });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Crumbs',
      status: 'DRAFT',
      domain: `${subdomain}.bazaar.test`,
      storeType: 'general',
      liveUrl: null,
    });
    expect(res.json().previewUrl).toMatch(
      new RegExp(`^http://${subdomain}\\.bazaar\\.test:\\d+/\\?preview=`),
    );
  });

  it('refuses a taken subdomain (409) and a reserved one (409), and an invalid one (400)', async () => {
    const first = await signUpOwner(server);
    const second = await signUpOwner(server);
    const subdomain = sub();
    expect((await first.client().post('/platform/stores', { name: 'A', subdomain })).statusCode).toBe(201);
    const taken = await second.client().post('/platform/stores', { name: 'B', subdomain });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toBe('/problems/subdomain-taken');
    const reserved = await second.client().post('/platform/stores', { name: 'B', subdomain: 'admin' });
    expect(reserved.statusCode).toBe(409);
    expect(reserved.json().type).toBe('/problems/subdomain-reserved');
    const invalid = await second.client().post('/platform/stores', { name: 'B', subdomain: '-bad-' });
    expect(invalid.statusCode).toBe(400);
    const tenant = await second.client().get('/platform/tenant');
    expect(tenant.json().storeCount).toBe(0);
  });

  it("refuses a store past the plan's limit with 402 naming the limit", async () => {
    const owner = await signUpOwner(server);
    expect(
      (await owner.client().post('/platform/stores', { name: 'One', subdomain: sub() })).statusCode,
    ).toBe(201);
    const res = await owner.client().post('/platform/stores', { name: 'Two', subdomain: sub() });
    expect(res.statusCode).toBe(402);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: '/problems/plan-limit-reached',
      limit: 'stores',
      plan: 'FREE',
      max: 1,
    });
  });

  it('keeps store_count exact when many stores are opened at once', async () => {
    const owner = await signUpOwner(server);
    await setPlan(owner.tenantId, 'PRO'); // 3 stores
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        owner.client().post('/platform/stores', { name: `S${i}`, subdomain: sub('race') }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 402)).toHaveLength(9);
    const { rows } = await sql<{ count: number; stores: string }>`
      SELECT t.store_count AS count, (SELECT count(*) FROM stores s WHERE s.tenant_id = t.id) AS stores
      FROM tenants t WHERE t.id = ${owner.tenantId}`.execute(server.database.db);
    expect(rows[0]!.count).toBe(3);
    expect(Number(rows[0]!.stores)).toBe(3);
  });

  it("lists the tenant's own stores only, and answers 404 for another tenant's", async () => {
    const mine = await signUpOwner(server);
    const theirs = await signUpOwner(server);
    const own = (await mine.client().post('/platform/stores', { name: 'Mine', subdomain: sub() })).json();
    const other = (
      await theirs.client().post('/platform/stores', { name: 'Theirs', subdomain: sub() })
    ).json();
    const list = (await mine.client().get('/platform/stores')).json();
    expect(list.map((s: { id: string }) => s.id)).toEqual([own.id]);
    expect((await mine.client().get(`/platform/stores/${other.id}`)).statusCode).toBe(404);
    expect((await mine.client().post(`/platform/stores/${other.id}/publish`)).statusCode).toBe(404);
    expect((await mine.client().get('/platform/stores/not-an-id')).statusCode).toBe(404);
  });

  it('refuses platform calls without a platform token (401) and to a store customer (401)', async () => {
    expect((await api(server).get('/platform/stores')).statusCode).toBe(401);
    const customer = await createCustomer(server);
    expect((await api(server).get('/platform/stores', customer.headers)).statusCode).toBe(401);
  });
});

describe('publishing', () => {
  it('publishes a DRAFT store on plan FREE, which then answers everyone at its address', async () => {
    const owner = await signUpOwner(server);
    const subdomain = sub();
    const store = (await owner.client().post('/platform/stores', { name: 'Loaf', subdomain })).json();
    const host = `${subdomain}.bazaar.test`;
    expect((await hostClient(server, { host }).get('/store')).statusCode).toBe(404);
    const token = new URL(store.previewUrl).searchParams.get('preview')!;
    const preview = await hostClient(server, { host, 'x-store-preview': token }).get('/store');
    expect(preview.statusCode).toBe(200);
    expect((await hostClient(server, { host, 'x-store-preview': 'wrong' }).get('/store')).statusCode).toBe(
      404,
    );

    const published = await owner.client().post(`/platform/stores/${store.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'PUBLISHED', liveUrl: expect.stringContaining(host) });
    expect(published.json().publishedAt).toEqual(expect.any(String));
    const live = await hostClient(server, { host: `${host}:3000` }).get('/store');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ id: store.id, name: 'Loaf' });
    const history = (await owner.client().get(`/platform/stores/${store.id}/history`)).json();
    expect(history.map((h: { to: string }) => h.to)).toEqual(['DRAFT', 'PUBLISHED']);
  });

  it('refuses to publish a store twice (409)', async () => {
    const owner = await signUpOwner(server);
    const store = (await owner.client().post('/platform/stores', { name: 'Twice', subdomain: sub() })).json();
    expect((await owner.client().post(`/platform/stores/${store.id}/publish`)).statusCode).toBe(200);
    const again = await owner.client().post(`/platform/stores/${store.id}/publish`);
    expect(again.statusCode).toBe(409);
  });

  it('asks for payment before publishing on a paid plan without an active subscription (402)', async () => {
    const owner = await signUpOwner(server);
    await setPlan(owner.tenantId, 'PRO');
    await sql`UPDATE tenants SET subscription_status = 'PENDING' WHERE id = ${owner.tenantId}`.execute(
      server.database.db,
    );
    const store = (await owner.client().post('/platform/stores', { name: 'Paid', subdomain: sub() })).json();
    const res = await owner.client().post(`/platform/stores/${store.id}/publish`);
    expect(res.statusCode).toBe(402);
    await sql`UPDATE tenants SET subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
      server.database.db,
    );
    expect((await owner.client().post(`/platform/stores/${store.id}/publish`)).statusCode).toBe(200);
    const history = (await owner.client().get(`/platform/stores/${store.id}/history`)).json();
    expect(history.map((h: { to: string }) => h.to)).toEqual(['DRAFT', 'PAID', 'PUBLISHED']);
  });
});

describe("the owner's token in stores", () => {
  it("acts as ADMIN in its tenant's stores and nowhere else", async () => {
    const owner = await signUpOwner(server);
    const subdomain = sub();
    await owner.client().post('/platform/stores', { name: 'Own', subdomain });
    const own = await owner.client(`${subdomain}.bazaar.test`).get('/admin/store/settings');
    expect(own.statusCode).toBe(200);
    const elsewhere = await createStore(server, { name: 'Elsewhere' });
    const other = await owner.client().get('/admin/store/settings', { 'x-store-id': elsewhere.id });
    expect([401, 403]).toContain(other.statusCode);
    const home = await owner.client().get('/admin/store/settings');
    expect([401, 403]).toContain(home.statusCode);
  });

  it('shows the owner in its store as the ADMIN it acts as there, with every permission', async () => {
    const owner = await signUpOwner(server);
    const subdomain = sub();
    await owner.client().post('/platform/stores', { name: 'Own', subdomain });
    const inStore = owner.client(`${subdomain}.bazaar.test`);
    const me = await inStore.get('/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: owner.userId, email: owner.email, roles: ['ADMIN'] });
    const profile = await inStore.get(`/admin/users/${owner.userId}/admin-profile`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().permissions).toEqual(expect.arrayContaining(['orders:refund', 'settings:manage']));
    const stranger = await createCustomer(server);
    const theirs = await inStore.get(`/admin/users/${stranger.id}/admin-profile`);
    expect(theirs.statusCode).toBe(404);
  });
});

describe('plan limits in the store', () => {
  it("refuses a product past the plan's products per store (402 naming the limit)", async () => {
    await sql`INSERT INTO plans (code, name, max_stores, max_products_per_store) VALUES ('TINY', 'Tiny', 1, 2)
              ON CONFLICT (code) DO NOTHING`.execute(server.database.db);
    const owner = await signUpOwner(server);
    await setPlan(owner.tenantId, 'TINY');
    const subdomain = sub();
    await owner.client().post('/platform/stores', { name: 'Tiny', subdomain });
    const admin = owner.client(`${subdomain}.bazaar.test`);
    const product = (i: number) => ({
      name: `Loaf ${i}`,
      variants: [{ sku: `LOAF-${subdomain}-${i}`, price: { amount: 5000, currency: 'INR' }, stock: 1 }],
    });
    expect((await admin.post('/admin/products', product(1))).statusCode).toBe(201);
    expect((await admin.post('/admin/products', product(2))).statusCode).toBe(201);
    const third = await admin.post('/admin/products', product(3));
    expect(third.statusCode).toBe(402);
    expect(third.json()).toMatchObject({ limit: 'productsPerStore', plan: 'TINY', max: 2 });
  });
});

describe('plans', () => {
  it('lists the plan catalogue to anyone', async () => {
    const plans = (await api(server).get('/platform/plans')).json();
    const codes = plans.map((p: { code: string }) => p.code);
    expect(codes.filter((c: string) => ['FREE', 'PRO', 'ENTERPRISE'].includes(c))).toEqual([
      'FREE',
      'PRO',
      'ENTERPRISE',
    ]);
    expect(plans[0]).toMatchObject({ price: { amount: 0 }, limits: { stores: 1 } });
  });

  it('lets only a SUPER_ADMIN change a plan', async () => {
    const owner = await signUpOwner(server);
    const body = {
      name: 'Pro',
      price: { amount: 149900, currency: 'INR' },
      period: 'monthly',
      limits: { stores: 3, productsPerStore: 5000, staffPerStore: 10, customDomains: 3 },
      transactionFeeBp: 50,
    };
    expect((await owner.client().put('/platform/plans/PRO', body)).statusCode).toBe(403);
  });
});
