import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCategory,
  createCoupon,
  createCustomer,
  createDeliveryAgent,
  createOrder,
  createProduct,
  createSeller,
  createStore,
  createWarehouse,
} from './index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

describe('the test kit', () => {
  it('opens a published store that answers anonymous callers by its id', async () => {
    const store = await createStore(server, { name: 'Kit Store' });
    const res = await anonymous(store).get('/store');
    expect(res.json()).toMatchObject({ id: store.id, name: 'Kit Store', status: 'PUBLISHED' });
  });

  it('signs users in with their roles, in their own store', async () => {
    const store = await createStore(server);
    const customer = await createCustomer(store);
    const agent = await createDeliveryAgent(store);
    const seller = await createSeller(store);
    for (const [user, role] of [
      [customer, 'CUSTOMER'],
      [agent, 'DELIVERY_AGENT'],
      [seller, 'SELLER'],
    ] as const) {
      const me = await as(user).get('/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().roles).toContain(role);
    }
    const product = await createProduct(server, seller, { status: 'ACTIVE' });
    expect(product.variants[0]!.offers[0]!.sellerId).toBe(seller.id);
  });

  it('gives an administrator exactly the permissions asked for', async () => {
    const admin = await createAdmin(server, { permissions: ['orders:refund'] });
    const profile = await as(admin).get(`/admin/users/${admin.id}/admin-profile`);
    expect(profile.json().permissions).toEqual(['orders:refund']);
  });

  it('makes categories, warehouses and coupons through the store administrator', async () => {
    const store = await createStore(server);
    const category = await createCategory(server, store, { name: 'Shoes' });
    expect(category).toMatchObject({ name: 'Shoes' });
    expect((await createWarehouse(store)).id).toBeTruthy();
    expect((await createCoupon(store)).code).toMatch(/^SAVE/);
  });

  it('brings an order to each status through checkout and the order calls', async () => {
    const store = await createStore(server);
    for (const status of ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const) {
      const { order, buyer } = await createOrder(store, { status });
      const read = await as(buyer).get(`/orders/${order.id}`);
      expect(read.json().status).toBe(status);
    }
  });
});
