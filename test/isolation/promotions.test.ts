import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  type Client,
  checkout,
  createCart,
  createCoupon,
  createCustomer,
  createOffer,
  createStorePair,
  type TestStore,
} from '../kit/index.ts';

// Store B's staff and customers cannot read, change or redeem store A's coupons and points.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let coupon: { id: string; code: string };

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  coupon = await createCoupon(storeA, { type: 'PERCENT', value: 5_000 });
});
afterAll(async () => server?.destroy());

describe('promotions across stores', () => {
  it("leaves store A's coupons out of store B's list and answers 404 for them", async () => {
    const list = await adminB.get('/admin/coupons');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(coupon.id);
    expect((await adminB.get(`/admin/coupons/${coupon.id}`)).statusCode).toBe(404);
  });

  it("does not let store B's admin change or deactivate store A's coupon", async () => {
    const changed = await adminB.patch(`/admin/coupons/${coupon.id}`, { active: false, value: 9_000 });
    expect(changed.statusCode).toBe(404);
    expect((await adminA.get(`/admin/coupons/${coupon.id}`)).json()).toMatchObject({
      active: true,
      value: 5_000,
    });
  });

  it("does not redeem store A's coupon code at a checkout in store B", async () => {
    const buyer = await createCustomer(storeB);
    const { offerId } = await createOffer(server, { storeId: storeB.id, price: 4_000, stock: 5 });
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const res = await checkout(buyer, cartId, { couponCode: coupon.code });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/couponCode');
    expect((await adminA.get(`/admin/coupons/${coupon.id}`)).json().usedCount).toBe(0);
  });

  it("does not let store B's admin grant points to store A's customers", async () => {
    const buyerA = await createCustomer(storeA);
    const granted = await adminB.post(`/admin/users/${buyerA.id}/rewards`, {
      points: 500,
      note: 'not yours',
    });
    expect(granted.statusCode).toBe(404);
    expect((await as(buyerA).get('/me/rewards')).json().balance).toBe(0);
  });
});
