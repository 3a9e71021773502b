import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  type Client,
  createCustomer,
  createOrder,
  createSeller,
  createStorePair,
  type TestOrder,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store B's staff and customers meet store A's orders only as "not found".
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

async function statusInStoreA(orderId: string) {
  return (await adminA.get(`/orders/${orderId}`)).json().status;
}

describe('orders across stores', () => {
  it("leaves store A's orders out of store B's lists", async () => {
    const adminList = await adminB.get('/admin/orders');
    expect(adminList.statusCode).toBe(200);
    expect(adminList.json().items.map((o: { id: string }) => o.id)).not.toContain(paid.order.id);
    expect((await as(customerB).get('/orders')).json().items).toEqual([]);
    const seller = await createSeller(storeB);
    expect((await as(seller).get('/seller/order-items')).json().items).toEqual([]);
  });

  it("answers 404 in store B for store A's order, its history and its invoice", async () => {
    for (const path of ['', '/history', '/invoice']) {
      expect((await adminB.get(`/orders/${paid.order.id}${path}`)).statusCode).toBe(404);
      expect((await as(customerB).get(`/orders/${paid.order.id}${path}`)).statusCode).toBe(404);
    }
    expect((await adminA.get(`/orders/${paid.order.id}`)).statusCode).toBe(200);
  });

  it("does not let store B's admin move store A's order or its items along", async () => {
    const moved = await adminB.post(`/admin/orders/${paid.order.id}/status`, { status: 'PROCESSING' });
    expect(moved.statusCode).toBe(404);
    const item = await adminB.patch(`/seller/orders/${paid.order.id}/items/${paid.order.items[0]!.id}`, {
      status: 'SHIPPED',
    });
    expect(item.statusCode).toBe(404);
    expect(await statusInStoreA(paid.order.id)).toBe('PAID');
  });

  it("does not let store B's admin or customers cancel store A's order", async () => {
    const order = await createOrder(storeA, { status: 'PAID' });
    expect((await adminB.post(`/orders/${order.order.id}/cancel`, {})).statusCode).toBe(404);
    expect((await as(customerB).post(`/orders/${order.order.id}/cancel`, {})).statusCode).toBe(404);
    expect(await statusInStoreA(order.order.id)).toBe('PAID');
  });
});
