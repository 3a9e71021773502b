import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  checkout,
  createCart,
  createCustomer,
  createDeliveryAgent,
  createOffer,
  createOrder,
  createStorePair,
  ok,
  type TestOrder,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store B's staff and customers meet store A's payments only as "not found".
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let customerB: TestUser;
let paid: TestOrder;

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  paid = await createOrder(storeA, { status: 'PAID' });
  customerB = await createCustomer(storeB);
});
afterAll(async () => server?.destroy());

async function paymentInStoreA(paymentId: string) {
  return ok<{ status: string }>(adminA.get(`/payments/${paymentId}`));
}

describe('payments across stores', () => {
  it("answers 404 in store B for store A's payment", async () => {
    expect((await adminB.get(`/payments/${paid.payment.id}`)).statusCode).toBe(404);
    expect((await as(customerB).get(`/payments/${paid.payment.id}`)).statusCode).toBe(404);
  });

  it("finds none of store A's payments by reference in store B", async () => {
    const reference = `test_${paid.payment.id}`;
    expect((await adminA.get(`/admin/payments?reference=${reference}`)).json().items).toHaveLength(1);
    const found = await adminB.get(`/admin/payments?reference=${reference}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([]);
  });

  it("does not let store B's admin refund store A's payment", async () => {
    const refund = await adminB.post(`/admin/payments/${paid.payment.id}/refunds`, { reason: 'not yours' });
    expect(refund.statusCode).toBe(404);
    expect((await paymentInStoreA(paid.payment.id)).status).toBe('CAPTURED');
  });

  it("does not let store B's staff record cash for store A's cash-on-delivery payment", async () => {
    const buyer = await createCustomer(storeA);
    const { offerId } = await createOffer(server, { storeId: storeA.id, price: 2_000, stock: 5 });
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const { payment } = await ok(checkout(buyer, cartId, { payment: { provider: 'cod' } }));
    const agentB = as(await createDeliveryAgent(storeB));
    const collect = (staff: typeof adminB) =>
      staff.post(`/payments/${payment.id}/collect`, { amount: payment.amount.amount });
    expect((await collect(adminB)).statusCode).toBe(404);
    // agents record cash only with their own delivery's DELIVERED step: the counter call is staff's
    expect((await collect(agentB)).statusCode).toBe(403);
    expect((await paymentInStoreA(payment.id)).status).toBe('PENDING');
  });

  it("does not let a guest of store B retry or confirm store A's failed guest payment", async () => {
    const { offerId } = await createOffer(server, { storeId: storeA.id, price: 3_000, stock: 5 });
    const cartId = await createCart(storeA, [{ offerId, quantity: 1 }]);
    const { payment } = await ok(
      checkout(storeA, cartId, {
        email: 'guest@example.test',
        payment: { provider: 'test', token: 'tok_decline' },
      }),
    );
    expect(payment.status).toBe('FAILED');
    const guestB = anonymous(storeB);
    expect((await guestB.post(`/payments/${payment.id}/retry`, { token: 'tok_success' })).statusCode).toBe(
      404,
    );
    expect((await guestB.post(`/payments/${payment.id}/confirm`, {})).statusCode).toBe(404);
    expect((await paymentInStoreA(payment.id)).status).toBe('FAILED');
  });
});
