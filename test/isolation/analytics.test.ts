import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/modules/analytics/index.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  type Client,
  createOffer,
  createOrder,
  createStorePair,
  type TestOffer,
  type TestStore,
} from '../kit/index.ts';

// Store A's sales, views and searches show in store A's dashboards only; store B's admin reads
// zeros, and a recount of store B leaves store A's rollups as they were.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let offerA: TestOffer;

const day = () => dayIn(new Date(), 'UTC');
const range = () => `from=${day()}&to=${day()}`;
const REPORTS = [
  'sales',
  'top-products',
  'top-categories',
  'sellers',
  'payment-methods',
  'funnel',
  'searches',
];
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36' };

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  offerA = await createOffer(server, { storeId: storeA.id, stock: 10 });
  await createOrder(storeA, { offerId: offerA.offerId });
  await anonymous(storeA).get(`/products/${offerA.slug}`, BROWSER);
  await anonymous(storeA).get('/products?q=only-in-store-a', BROWSER);
  await server.worker.drain();
  await server.modules.analytics.recorder.flush();
});
afterAll(async () => server?.destroy());

describe('analytics across stores', () => {
  it("shows store A's numbers to store A's admin and none of them to store B's", async () => {
    expect((await adminA.get(`/admin/analytics/sales?${range()}`)).json().totals.orders).toBe(1);
    expect((await adminA.get(`/admin/analytics/funnel?${range()}`)).json().views).toBe(1);
    for (const report of REPORTS) {
      const res = await adminB.get(`/admin/analytics/${report}?${range()}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(offerA.productId);
      expect(res.body).not.toContain('only-in-store-a');
    }
    expect((await adminB.get(`/admin/analytics/sales?${range()}`)).json().totals).toEqual({
      orders: 0,
      revenue: 0,
    });
    expect((await adminB.get(`/admin/analytics/funnel?${range()}`)).json().views).toBe(0);
  });

  it("leaves store A's rollups alone when store B is recounted", async () => {
    const ctx = {
      db: server.database.db,
      storeId: storeB.id,
      tenantId: storeB.tenantId,
      actor: null,
      requestId: 'test',
      log: server.log,
    };
    await server.modules.analytics.rollups.rebuild(ctx, { from: day(), to: day() });
    expect((await adminA.get(`/admin/analytics/sales?${range()}`)).json().totals.orders).toBe(1);
  });
});
