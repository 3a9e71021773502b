import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/platform/db/transaction.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createCart,
  createCustomer,
  createOffer,
  createOrder,
  ok,
  shippingAddress,
} from '../kit/index.ts';

// The business counters of /metrics move once per fact: when the change that records it commits.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

/** A counter's value as /metrics shows it (0 when the series does not exist yet). */
async function scraped(name: string, labels = ''): Promise<number> {
  const res = await server.app.inject({ method: 'GET', url: '/metrics' });
  const line = res.body
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels} `) || l === `${name}${labels}`);
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function counters() {
  return {
    placed: await scraped('orders_placed_total'),
    paid: await scraped('orders_paid_total'),
    cancelled: await scraped('orders_cancelled_total'),
    revenue: await scraped('revenue_minor_total', '{currency="INR"}'),
  };
}

describe('business counters in /metrics', () => {
  it('counts an order placed and paid, with its revenue, once even when the checkout is retried', async () => {
    const before = await counters();
    const buyer = await createCustomer(server);
    const offer = await createOffer(server, { price: 2_500, stock: 5 });
    const cartId = await createCart(buyer, [{ offerId: offer.offerId, quantity: 2 }]);
    const key = { 'idempotency-key': `metrics-${cartId}` };
    const body = { shippingAddress, payment: { provider: 'test', token: 'tok_success' } };
    const placed = await ok(as(buyer).post(`/carts/${cartId}/checkout`, body, key));
    const again = await ok(as(buyer).post(`/carts/${cartId}/checkout`, body, key));
    expect(again.order.id).toBe(placed.order.id);
    const after = await counters();
    expect(after.placed - before.placed).toBe(1);
    expect(after.paid - before.paid).toBe(1);
    expect(after.revenue - before.revenue).toBe(placed.order.totals.total.amount);
  });

  it('counts a declined order as placed, not paid', async () => {
    const before = await counters();
    await createOrder(server, { status: 'PENDING' });
    const after = await counters();
    expect([after.placed - before.placed, after.paid - before.paid]).toEqual([1, 0]);
  });

  it('counts a cancellation once, not the refused second one', async () => {
    const order = await createOrder(server, { status: 'PAID' });
    const before = await counters();
    await ok(as(order.buyer).post(`/orders/${order.order.id}/cancel`, {}));
    expect((await as(order.buyer).post(`/orders/${order.order.id}/cancel`, {})).statusCode).toBe(409);
    expect((await counters()).cancelled - before.cancelled).toBe(1);
  });

  it('counts checkout failures by problem type', async () => {
    const buyer = await createCustomer(server);
    const cartId = await createCart(buyer, []);
    const before = await scraped('checkout_failures_total', '{reason="cart-empty"}');
    expect((await checkout(buyer, cartId)).statusCode).toBe(409);
    expect(await scraped('checkout_failures_total', '{reason="cart-empty"}')).toBe(before + 1);
  });

  it('counts nothing for a fact whose transaction rolled back', async () => {
    const before = await counters();
    const storeId = server.modules.tenancy.defaultStore().id;
    await expect(
      transaction(server.database.db, async (trx) => {
        await server.jobs.publish(trx, { name: 'orders.order.placed', storeId, payload: { orderId: 'x' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await counters()).placed).toBe(before.placed);
  });
});
