import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createStore,
  ok,
  shippingAddress,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';
import { dayIn, EventRecorder, isBot } from './index.ts';

// Storefront events: taken from the API's answers, batched in memory, bots left out; the funnel.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const today = () => dayIn(new Date(), 'UTC');
const flush = () => server.modules.analytics.recorder.flush();
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36' };

async function freshStore(): Promise<{ store: TestStore; admin: TestUser }> {
  const store = await createStore(server);
  return { store, admin: await createAdmin(store) };
}

const funnel = (admin: TestUser) =>
  ok(as(admin).get(`/admin/analytics/funnel?from=${today()}&to=${today()}`));

describe('event capture', () => {
  it('shows events written since the last funnel call in the next one', async () => {
    const { store, admin } = await freshStore();
    const offer = await createOffer(server, { storeId: store.id, stock: 5, price: 2_500 });
    expect(await funnel(admin)).toMatchObject({ views: 0 });
    expect(await funnel(admin)).toMatchObject({ views: 0 });
    await ok(anonymous(store).get(`/products/${offer.slug}`, BROWSER));
    await flush();
    expect(await funnel(admin)).toMatchObject({ views: 1 });
  });

  it('counts product views, searches, cart adds and checkouts into the funnel', async () => {
    const { store, admin } = await freshStore();
    const offer = await createOffer(server, { storeId: store.id, stock: 5, price: 2_500 });
    const shop = anonymous(store);
    await ok(shop.get(`/products/${offer.slug}`, BROWSER));
    await ok(shop.get(`/products/${offer.productId}`, BROWSER));
    await ok(shop.get('/products?q=nothing-like-this-at-all', BROWSER));
    const buyer = await createCustomer(store);
    const cartId = await createCart(buyer, [{ offerId: offer.offerId, quantity: 1 }]);
    await ok(
      checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_success' }, shippingAddress }),
    );
    await flush();
    expect(await funnel(admin)).toMatchObject({
      views: 2,
      searches: 1,
      zeroResultSearches: 1,
      cartAdds: 1,
      checkoutsStarted: 1,
      checkoutsCompleted: 1,
      rates: { viewToCart: 0.5, cartToCheckout: 1, checkoutToOrder: 1, viewToOrder: 0.5 },
    });
    const { rows } = await sql<{ views: number; cart_adds: number }>`
      SELECT views, cart_adds FROM analytics_daily_product
      WHERE store_id = ${store.id} AND product_id = ${offer.productId}`.execute(server.database.db);
    expect(rows).toEqual([{ views: 2, cart_adds: 1 }]);
    const zero = await ok(
      as(admin).get(`/admin/analytics/searches?from=${today()}&to=${today()}&zeroOnly=true`),
    );
    expect(zero.items).toEqual([{ query: 'nothing-like-this-at-all', searches: 1, zeroResults: 1 }]);
  });

  it('leaves out bots by their user agent, and failed calls', async () => {
    const { store, admin } = await freshStore();
    const offer = await createOffer(server, { storeId: store.id, stock: 5 });
    const shop = anonymous(store);
    await ok(
      shop.get(`/products/${offer.slug}`, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' }),
    );
    await ok(shop.get(`/products/${offer.slug}`, { 'user-agent': 'curl/8.5.0' }));
    expect((await shop.get('/products/no-such-product', BROWSER)).statusCode).toBe(404);
    await flush();
    expect((await funnel(admin)).views).toBe(0);
    expect(isBot(undefined)).toBe(true);
    expect(isBot(BROWSER['user-agent'])).toBe(false);
  });

  it('writes a batch once it holds N events, as one insert, and counts each once', async () => {
    const { store, admin } = await freshStore();
    const offer = await createOffer(server, { storeId: store.id, stock: 5 });
    const recorder = new EventRecorder({
      db: server.database.db,
      log: server.log,
      ports: { timeZone: async () => 'UTC' } as never,
      flushMs: 60_000,
      batchRows: 3,
    });
    const view = {
      storeId: store.id,
      kind: 'view' as const,
      productId: offer.productId,
      categoryId: null,
      sellerId: null,
      query: null,
      results: null,
      occurredAt: new Date(),
    };
    for (let i = 0; i < 3; i++) recorder.record(view);
    // the third event started the write without a timer; flushing waits for it and adds nothing
    await recorder.flush();
    expect((await funnel(admin)).views).toBe(3);
    await recorder.flush();
    expect((await funnel(admin)).views).toBe(3);
  });

  it('answers the funnel as CSV', async () => {
    const { admin } = await freshStore();
    const res = await as(admin).get(`/admin/analytics/funnel?from=${today()}&to=${today()}&format=csv`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\n')[0]).toBe('step,count');
  });
});
