import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ORDER_EXPIRY_QUEUE } from '../../src/flows/order-lifecycle.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { api, as, createProduct, createUser, shippingAddress, type TestUser } from '../kit/index.ts';

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer({ config: { ORDER_PENDING_TTL_MINUTES: 30 } });
  admin = await createUser(server, { roles: ['ADMIN'] });
});
afterAll(async () => server?.destroy());

type H = Record<string, string>;
async function product(price: number, stock: number) {
  const p = await createProduct(server, admin.headers, { price, stock, status: 'ACTIVE' });
  return p.variants[0]!.offers[0]!.id as string;
}

async function cartWith(offerId: string, headers: H = {}, quantity = 1) {
  const cart = (await api(server).post('/carts', undefined, headers)).json();
  const res = await api(server).post(`/carts/${cart.id}/items`, { offerId, quantity }, headers);
  if (res.statusCode !== 201) throw new Error(`add: ${res.statusCode} ${res.body}`);
  return cart.id as string;
}

const checkout = (cartId: string, body: object, headers: H = {}) =>
  api(server).post(
    `/carts/${cartId}/checkout`,
    { shippingAddress, payment: { provider: 'test', token: 'tok_success' }, ...body },
    headers,
  );

async function placed(offerId: string, body: object, headers: H = {}) {
  const res = await checkout(await cartWith(offerId, headers), body, headers);
  if (res.statusCode !== 201) throw new Error(`checkout: ${res.statusCode} ${res.body}`);
  return res.json() as {
    order: { id: string; status: string; totals: { total: { amount: number } } };
    payment: { id: string; status: string };
  };
}

const stockOf = async (offerId: string) =>
  (
    await server.modules.inventory.getAvailability(
      server.database.db,
      server.modules.tenancy.defaultStore().id,
      [offerId],
    )
  ).get(offerId);

const retry = (paymentId: string, body: object, headers: H = {}) =>
  api(server).post(`/payments/${paymentId}/retry`, body, headers);

/** Makes the order's stock hold look as if it ran out `minutesAgo` minutes ago, placed long before. */
async function ageHold(orderId: string, minutesAgo: number) {
  const db = server.database.db;
  await db
    .updateTable('inventory_reservations')
    .set({ expires_at: new Date(Date.now() - minutesAgo * 60_000) })
    .where('reference_id', '=', orderId)
    .execute();
  await db
    .updateTable('orders')
    .set({ placed_at: new Date(Date.now() - (minutesAgo + 60) * 60_000) })
    .where('id', '=', orderId)
    .execute();
}

async function runExpiry() {
  await server.jobs.enqueue(server.database.db, { queue: ORDER_EXPIRY_QUEUE });
  await server.worker.drain();
}

describe('retrying a payment', () => {
  it('charges a declined order again with a new token and a new attempt key', async () => {
    const buyer = await createUser(server);
    const other = await createUser(server);
    const offerId = await product(3_000, 5);
    const { order, payment } = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_decline' } },
      buyer.headers,
    );
    expect(payment.status).toBe('FAILED');
    expect((await retry(payment.id, { token: 'tok_success' }, other.headers)).statusCode).toBe(404);
    expect((await retry(payment.id, { token: 'tok_success' })).statusCode).toBe(404);
    expect((await retry(payment.id, { token: 'tok_success', extra: 1 }, buyer.headers)).statusCode).toBe(400);
    const res = await retry(payment.id, { token: 'tok_success' }, buyer.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'CAPTURED', captured: { amount: order.totals.total.amount } });
    expect((await as(buyer).get(`/orders/${order.id}`)).json()).toMatchObject({
      status: 'PAID',
      paymentStatus: 'CAPTURED',
    });
    expect(await stockOf(offerId)).toBe(4);
    const again = await retry(payment.id, { token: 'tok_success' }, buyer.headers);
    expect(again.statusCode).toBe(409);
  });

  it('lets a guest holding the payment id retry', async () => {
    const offerId = await product(2_000, 5);
    const { order, payment } = await placed(offerId, {
      email: 'guest-retry@example.test',
      payment: { provider: 'test', token: 'tok_decline' },
    });
    const res = await retry(payment.id, { token: 'tok_success' });
    expect(res.json().status).toBe('CAPTURED');
    const paid = await server.modules.orders.service.load(ctxOf(), order.id);
    expect(paid.order.status).toBe('PAID');
  });

  it('refuses a retry once the order is no longer pending', async () => {
    const buyer = await createUser(server);
    const offerId = await product(2_000, 5);
    const { order, payment } = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_decline' } },
      buyer.headers,
    );
    expect((await as(buyer).post(`/orders/${order.id}/cancel`, {})).statusCode).toBe(200);
    const res = await retry(payment.id, { token: 'tok_success' }, buyer.headers);
    expect(res.statusCode).toBe(409);
    expect(await stockOf(offerId)).toBe(5);
  });

  it('takes the stock hold again after it expired, and refuses when the stock is gone', async () => {
    const buyer = await createUser(server);
    const offerId = await product(2_000, 1);
    const first = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_decline' } },
      buyer.headers,
    );
    await ageHold(first.order.id, 1);
    await server.modules.inventory.service.expireReservations(server.database.db);
    expect(await stockOf(offerId)).toBe(1);
    const second = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_decline' } },
      buyer.headers,
    );
    expect(await stockOf(offerId)).toBe(0);
    const refused = await retry(first.payment.id, { token: 'tok_success' }, buyer.headers);
    expect(refused.statusCode).toBe(409);
    await ageHold(second.order.id, 1);
    await server.modules.inventory.service.expireReservations(server.database.db);
    const ok = await retry(first.payment.id, { token: 'tok_success' }, buyer.headers);
    expect(ok.json().status).toBe('CAPTURED');
    expect(await stockOf(offerId)).toBe(0);
    const order = (await as(buyer).get(`/orders/${first.order.id}`)).json();
    expect(order.status).toBe('PAID');
  });
});

function ctxOf() {
  return {
    db: server.database.db,
    storeId: server.modules.tenancy.defaultStore().id,
    tenantId: '',
    actor: null,
    requestId: 'test',
    log: server.log,
  };
}

describe('abandoned orders', () => {
  it('cancels an order still pending past its hold, giving back stock, coupon and points', async () => {
    const buyer = await createUser(server);
    const code = `ONCE${Date.now()}`;
    await as(admin).post('/admin/coupons', { code, type: 'AMOUNT', value: 100, usageLimit: 1 });
    await as(admin).post(`/admin/users/${buyer.id}/rewards`, { points: 10, note: 'welcome' });
    const offerId = await product(5_000, 3);
    const { order, payment } = await placed(
      offerId,
      { couponCode: code, redeemPoints: 10, payment: { provider: 'test', token: 'tok_decline' } },
      buyer.headers,
    );
    expect((await as(buyer).get('/me/rewards')).json().balance).toBe(0);
    await ageHold(order.id, 31);
    await runExpiry();
    const after = (await as(buyer).get(`/orders/${order.id}`)).json();
    expect(after).toMatchObject({ status: 'CANCELLED', paymentStatus: 'CANCELLED' });
    expect(await stockOf(offerId)).toBe(3);
    expect((await as(buyer).get('/me/rewards')).json().balance).toBe(10);
    const reused = await placed(offerId, { couponCode: code }, buyer.headers);
    expect(reused.order.status).toBe('PAID');
    expect((await retry(payment.id, { token: 'tok_success' }, buyer.headers)).statusCode).toBe(409);
  });

  it('leaves an order alone while its hold has not been gone for the configured time', async () => {
    const offerId = await product(5_000, 3);
    const { order } = await placed(offerId, {
      email: 'fresh@example.test',
      payment: { provider: 'test', token: 'tok_decline' },
    });
    await ageHold(order.id, 29);
    await runExpiry();
    const still = await server.modules.orders.service.load(ctxOf(), order.id);
    expect(still.order.status).toBe('PENDING');
  });

  it('cancels the payment at the provider, so a later confirmation takes no money', async () => {
    const buyer = await createUser(server);
    const offerId = await product(5_000, 3);
    const { order, payment } = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_confirm' } },
      buyer.headers,
    );
    await ageHold(order.id, 45);
    await runExpiry();
    const confirmed = await as(buyer).post(`/payments/${payment.id}/confirm`, { confirmation: 'ok' });
    expect(confirmed.statusCode).toBe(409);
    expect((await as(buyer).get(`/payments/${payment.id}`)).json()).toMatchObject({
      status: 'CANCELLED',
      captured: { amount: 0 },
    });
  });
});

describe('a checkout cut between its commit and the charge', () => {
  it('resumes the charge when the checkout is retried with the same Idempotency-Key', async () => {
    const buyer = await createUser(server);
    const offerId = await product(4_000, 5);
    const cartId = await cartWith(offerId, buyer.headers);
    const headers = { ...buyer.headers, 'idempotency-key': `cut-${cartId}` };
    const charge = vi
      .spyOn(server.modules.payments.service, 'charge')
      .mockRejectedValueOnce(new Error('the process was killed'));
    try {
      const cut = await checkout(
        cartId,
        { payment: { provider: 'test', token: 'tok_a_lost_token' } },
        headers,
      );
      expect(cut.statusCode).toBe(500);
    } finally {
      charge.mockRestore();
    }
    const orders = (await as(buyer).get('/orders')).json().items;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'PENDING', paymentStatus: 'PENDING' });
    const resumed = await checkout(cartId, { payment: { provider: 'test', token: 'tok_success' } }, headers);
    expect(resumed.statusCode).toBe(201);
    expect(resumed.json().order).toMatchObject({ id: orders[0].id, status: 'PAID' });
    expect(resumed.json().payment.status).toBe('CAPTURED');
    expect(await stockOf(offerId)).toBe(4);
  });
});

describe('reward points', () => {
  it('earns no points on a cash-on-delivery order delivered without the cash collected', async () => {
    const buyer = await createUser(server);
    const offerId = await product(20_000, 5);
    await server.database.db
      .updateTable('offers')
      .set({ reward_percent_bp: 1_000 })
      .where('id', '=', offerId)
      .execute();
    const { order, payment } = await placed(offerId, { payment: { provider: 'cod' } }, buyer.headers);
    for (const status of ['PROCESSING', 'SHIPPED', 'DELIVERED'])
      expect((await as(admin).post(`/admin/orders/${order.id}/status`, { status })).statusCode).toBe(200);
    await server.worker.drain();
    expect((await as(buyer).get('/me/rewards')).json().balance).toBe(0);
    const collected = await as(admin).post(`/payments/${payment.id}/collect`, { amount: 20_000 });
    expect(collected.json().status).toBe('CAPTURED');
    await server.worker.drain();
    expect((await as(buyer).get('/me/rewards')).json().balance).toBe(20);
  });
});

describe('refund retries', () => {
  it('keeps retrying a refund the provider refuses, with a long backoff', async () => {
    const buyer = await createUser(server);
    const offerId = await product(4_000, 5);
    const { order } = await placed(
      offerId,
      { payment: { provider: 'test', token: 'tok_refund_fails' } },
      buyer.headers,
    );
    await as(buyer).post(`/orders/${order.id}/cancel`, {});
    await server.worker.runOnce();
    const job = await server.database.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'max_attempts', 'run_at'])
      .where('queue', '=', 'orders.refund-cancelled')
      .where('dedupe_key', '=', `cancel:${order.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.max_attempts).toBeGreaterThanOrEqual(20);
    expect(job.run_at.getTime() - Date.now()).toBeGreaterThan(45_000);
  });
});
