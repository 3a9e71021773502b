import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  checkout,
  createAdmin,
  createCart,
  createOffer,
  hostClient,
  ok,
  shippingAddress,
  signUpOwner,
} from '../../../test/kit/index.ts';

// A store that is not published yet, through its preview link's cookie (the storefront's
// `bazaar_preview`, which the browser sends with its own calls): the visitor reads the store and
// fills a cart, but places no order; a wrong token, another store's token or a suspended store
// shows nothing (decision 018).
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.close());

let label = 0;

/** A DRAFT store of a new business owner, with one product in stock: its address and preview token. */
async function draftStore() {
  const owner = await signUpOwner(server);
  const subdomain = `peek-${++label}-${Date.now().toString(36)}`;
  const store = await ok<{ id: string; previewUrl: string }>(
    owner.client().post('/platform/stores', { name: `Peek ${label}`, subdomain }),
  );
  const offer = await createOffer(server, { storeId: store.id, stock: 5, price: 25_000 });
  const token = new URL(store.previewUrl).searchParams.get('preview')!;
  return { owner, id: store.id, host: `${subdomain}.bazaar.test`, token, offerId: offer.offerId };
}

const withCookie = (host: string, token: string) =>
  hostClient(server, { host, cookie: `theme=dark; bazaar_preview=${token}` });

async function ordersOf(storeId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM orders WHERE store_id = ${storeId}`.execute(server.database.db);
  return Number(rows[0]!.n);
}

const order = {
  email: 'peek@example.test',
  shippingAddress,
  payment: { provider: 'test', token: 'tok_success' },
};

describe('a store previewed through its cookie', () => {
  it('lets the visitor read the store and fill a cart', async () => {
    const { host, token, offerId } = await draftStore();
    const visitor = withCookie(host, token);
    expect((await visitor.get('/store')).statusCode).toBe(200);
    const cart = await ok<{ id: string }>(visitor.post('/carts'));
    const added = await ok<{ items: Array<{ id: string }> }>(
      visitor.post(`/carts/${cart.id}/items`, { offerId, quantity: 2 }),
    );
    const line = added.items[0]!.id;
    expect(
      (await visitor.patch(`/carts/${cart.id}/items/${line}`, { quantity: 3 })).json().items[0],
    ).toMatchObject({ quantity: 3 });
    expect((await visitor.get(`/carts/${cart.id}`)).statusCode).toBe(200);
    expect((await visitor.del(`/carts/${cart.id}/items/${line}`)).json().items).toEqual([]);
    // the storefront's pages send the same secret as a header
    expect((await hostClient(server, { host, 'x-store-preview': token }).post('/carts')).statusCode).toBe(
      201,
    );
  });

  it('refuses an order with 409 store-not-published, writing none, until the store is published', async () => {
    const { owner, id, host, token, offerId } = await draftStore();
    const visitor = withCookie(host, token);
    const cart = await ok<{ id: string }>(visitor.post('/carts'));
    await ok(visitor.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }));
    const refused = await visitor.post(`/carts/${cart.id}/checkout`, order);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ type: '/problems/store-not-published' });
    expect(refused.json().detail).toContain('not published yet');
    expect(await ordersOf(id)).toBe(0);

    await ok(owner.client().post(`/platform/stores/${id}/publish`));
    const placed = await hostClient(server, { host }).post(`/carts/${cart.id}/checkout`, order);
    expect(placed.statusCode).toBe(201);
    expect(await ordersOf(id)).toBe(1);
  });

  it("refuses the store's own staff an order too, while it is not published", async () => {
    const { owner, id, offerId } = await draftStore();
    const store = { id, tenantId: owner.tenantId, name: 'Peek', currency: 'INR', server };
    const admin = await createAdmin(store);
    const cartId = await createCart(admin, [{ offerId, quantity: 1 }]);
    const refused = await checkout(admin, cartId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('/problems/store-not-published');
    expect(await ordersOf(id)).toBe(0);
  });

  it('answers any other change the visitor asks for with 409 store-not-published', async () => {
    const { host, token } = await draftStore();
    const register = await withCookie(host, token).post('/auth/register', {
      name: 'Peeker',
      email: 'peeker@example.test',
      password: 'a long enough passphrase 9',
    });
    expect(register.statusCode).toBe(409);
    expect(register.json().type).toBe('/problems/store-not-published');
  });

  it('shows nothing to a wrong cookie or to another store’s token (404)', async () => {
    const first = await draftStore();
    const second = await draftStore();
    const wrong = `${first.token.slice(0, -2)}${first.token.endsWith('xx') ? 'yy' : 'xx'}`;
    for (const visitor of [withCookie(first.host, wrong), withCookie(first.host, second.token)]) {
      expect((await visitor.get('/store')).statusCode).toBe(404);
      const made = await visitor.post('/carts');
      expect(made.statusCode).toBe(404);
      expect(made.json().type).toBe('/problems/store-not-found');
    }
    // without any secret the store is not there either
    expect((await hostClient(server, { host: first.host }).post('/carts')).statusCode).toBe(404);
  });

  it('keeps a suspended store closed to its preview link (503)', async () => {
    const { id, host, token } = await draftStore();
    await sql`UPDATE stores SET status = 'SUSPENDED' WHERE id = ${id}`.execute(server.database.db);
    server.modules.tenancy.resolver.invalidate();
    const visitor = withCookie(host, token);
    expect((await visitor.get('/store')).statusCode).toBe(503);
    expect((await visitor.post('/carts')).statusCode).toBe(503);
  });
});
