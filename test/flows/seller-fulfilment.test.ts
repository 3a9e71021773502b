import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createProduct, createUser, shippingAddress, type TestUser } from '../kit/index.ts';

let server: TestServer;
let admin: TestUser;
let seller: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, seller] = await Promise.all([
    createUser(server, { roles: ['ADMIN'] }),
    createUser(server, { roles: ['SELLER'] }),
  ]);
});
afterAll(async () => server?.destroy());

/** One item of the seller's, bought by a new buyer with the given payment. */
async function orderOfSeller(
  payment: { provider: string; token?: string },
  before?: (offerId: string) => Promise<void>,
) {
  const buyer = await createUser(server);
  const product = await createProduct(server, seller.headers, { price: 5_000, stock: 5, status: 'ACTIVE' });
  await before?.(product.variants[0]!.offers[0]!.id);
  const cart = (await as(buyer).post('/carts')).json();
  const offerId = product.variants[0]!.offers[0]!.id;
  expect((await as(buyer).post(`/carts/${cart.id}/items`, { offerId, quantity: 1 })).statusCode).toBe(201);
  const res = await as(buyer).post(`/carts/${cart.id}/checkout`, { shippingAddress, payment });
  expect(res.statusCode).toBe(201);
  const { order, payment: paid } = res.json();
  return { buyer, order, payment: paid, itemId: order.items[0].id as string };
}

const move = (orderId: string, itemId: string, status: string, user: TestUser = seller) =>
  as(user).patch(`/seller/orders/${orderId}/items/${itemId}`, { status });

async function orderNow(orderId: string) {
  return (await as(admin).get(`/orders/${orderId}`)).json();
}

describe('a seller’s fulfilment', () => {
  it('refuses a seller’s CANCELLED or RETURNED with 400 and leaves the paid order, payment and stock alone', async () => {
    const { order, itemId } = await orderOfSeller({ provider: 'test', token: 'tok_success' });
    expect(order).toMatchObject({ status: 'PAID', paymentStatus: 'CAPTURED' });
    for (const status of ['CANCELLED', 'RETURNED', 'PENDING', 'LOST']) {
      const res = await move(order.id, itemId, status);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const shipped = await move(order.id, itemId, 'SHIPPED');
    expect(shipped.statusCode).toBe(200);
    expect((await move(order.id, itemId, 'RETURNED')).statusCode).toBe(400);
    expect(await orderNow(order.id)).toMatchObject({
      status: 'SHIPPED',
      paymentStatus: 'CAPTURED',
      items: [{ fulfillmentStatus: 'SHIPPED' }],
    });
  });

  it('answers a move the item table refuses with 409', async () => {
    const { order, itemId } = await orderOfSeller({ provider: 'test', token: 'tok_success' });
    const skip = await move(order.id, itemId, 'DELIVERED');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().type).toBe('/problems/order-transition-not-allowed');
    expect((await move(order.id, itemId, 'PROCESSING')).statusCode).toBe(200);
    expect((await move(order.id, itemId, 'PROCESSING')).statusCode).toBe(409);
    expect((await move(order.id, itemId, 'SHIPPED')).statusCode).toBe(200);
    expect((await move(order.id, itemId, 'PROCESSING')).statusCode).toBe(409);
  });

  it('does not let a seller ship or deliver an item whose online payment is not captured', async () => {
    const { order, itemId } = await orderOfSeller({ provider: 'test', token: 'tok_decline' });
    expect(order).toMatchObject({ status: 'PENDING', paymentStatus: 'FAILED' });
    // an order moved on without its money (the table allows PENDING → CONFIRMED)
    const confirmed = await as(admin).post(`/admin/orders/${order.id}/status`, { status: 'CONFIRMED' });
    expect(confirmed.statusCode).toBe(200);
    const shipped = await move(order.id, itemId, 'SHIPPED');
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().type).toBe('/problems/order-not-paid');
    expect((await move(order.id, itemId, 'PROCESSING')).statusCode).toBe(200);
    expect((await move(order.id, itemId, 'SHIPPED')).statusCode).toBe(409);
    expect(await orderNow(order.id)).toMatchObject({ items: [{ fulfillmentStatus: 'PROCESSING' }] });
  });

  it('lets a seller ship a cash-on-delivery item, but deliver it only once the cash is collected', async () => {
    const { order, payment, itemId } = await orderOfSeller({ provider: 'cod' });
    expect(order).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PENDING' });
    expect((await move(order.id, itemId, 'SHIPPED')).statusCode).toBe(200);
    const early = await move(order.id, itemId, 'DELIVERED');
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toBe('/problems/order-not-paid');
    expect(await orderNow(order.id)).toMatchObject({ status: 'SHIPPED', paymentStatus: 'PENDING' });
    const collected = await as(admin).post(`/payments/${payment.id}/collect`, {
      amount: payment.amount.amount,
    });
    expect(collected.json().status).toBe('CAPTURED');
    expect((await move(order.id, itemId, 'DELIVERED')).statusCode).toBe(200);
    expect(await orderNow(order.id)).toMatchObject({ status: 'DELIVERED', paymentStatus: 'CAPTURED' });
  });
});

describe('rewards a seller set', () => {
  it('never books points from a seller’s offer whose reward is above the store’s limit', async () => {
    const db = server.database.db;
    // a 100 % reward stored on the seller's own offer (set before the store's limit existed)
    const { order, itemId } = await orderOfSeller(
      { provider: 'test', token: 'tok_success' },
      async (offerId) => {
        await sql`UPDATE offers SET reward_percent_bp = 10000 WHERE id = ${offerId}`.execute(db);
      },
    );
    const { rows } = await sql<{ reward_percent_bp: number }>`
      SELECT reward_percent_bp FROM order_items WHERE id = ${itemId}`.execute(db);
    expect(rows[0]!.reward_percent_bp).toBe(0);
    expect((await move(order.id, itemId, 'SHIPPED')).statusCode).toBe(200);
    expect((await move(order.id, itemId, 'DELIVERED')).statusCode).toBe(200);
    const delivered = await sql<{ payload: { rewardValue: number } }>`
      SELECT payload FROM outbox_events WHERE name = 'orders.order.delivered' AND payload ->> 'orderId' = ${order.id}`.execute(
      db,
    );
    expect(delivered.rows.map((r) => r.payload.rewardValue)).toEqual([0]);
  });
});
