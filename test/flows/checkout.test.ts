import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/platform/http/context.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  api,
  as,
  type CartLine,
  createCart,
  createProduct,
  createUser,
  shippingAddress,
  type TestUser,
} from '../kit/index.ts';

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

type H = Record<string, string>;

async function product(price: number, stock: number, headers = admin.headers) {
  const p = await createProduct(server, headers, { price, stock, status: 'ACTIVE' });
  return { productId: p.id, slug: p.slug, offerId: p.variants[0]!.offers[0]!.id };
}

/** A cart holding `lines`: the buyer's, or a guest's. */
function cartWith(lines: CartLine[], buyer?: TestUser) {
  return createCart(buyer ?? server, lines);
}

const checkout = (cartId: string, body: object, headers: H = {}) =>
  api(server).post(
    `/carts/${cartId}/checkout`,
    { shippingAddress, payment: { provider: 'test', token: 'tok_success' }, ...body },
    headers,
  );

async function stockOf(offerId: string) {
  return server.modules.inventory
    .getAvailability(server.database.db, server.modules.tenancy.defaultStore().id, [offerId])
    .then((m) => m.get(offerId));
}

describe('checkout', () => {
  it('turns a cart into a paid order, and a cancellation refunds it and returns the stock', async () => {
    const buyer = await createUser(server);
    const { offerId } = await product(45_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 2 }], buyer);
    const res = await checkout(cartId, {}, buyer.headers);
    expect(res.statusCode).toBe(201);
    const { order, payment } = res.json();
    expect(order).toMatchObject({
      status: 'PAID',
      items: [{ offerId, quantity: 2, unitPrice: { amount: 45_000 }, total: { amount: 90_000 } }],
    });
    expect(order.totals.total.amount).toBe(
      order.totals.subtotal.amount - order.totals.discount.amount + order.totals.shipping.amount,
    );
    expect(payment).toMatchObject({ status: 'CAPTURED', captured: { amount: order.totals.total.amount } });
    expect(await stockOf(offerId)).toBe(3);
    expect((await as(buyer).get(`/carts/${cartId}`)).json().status).toBe('CONVERTED');
    const mine = (await as(buyer).get('/orders')).json();
    expect(mine.items[0].id).toBe(order.id);

    const cancelled = await as(buyer).post(`/orders/${order.id}/cancel`, { reason: 'changed my mind' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'REFUNDED',
      cancelReason: 'changed my mind',
    });
    expect(await stockOf(offerId)).toBe(5);
    expect((await as(buyer).post(`/orders/${order.id}/cancel`, {})).statusCode).toBe(409);
  });

  it('answers with the order exactly as reading it back shows it, paid or declined', async () => {
    const buyer = await createUser(server);
    const plain = await product(1_500, 10);
    const dressed = await createProduct(server, admin.headers, {
      status: 'ACTIVE',
      options: [
        { name: 'Colour', values: ['Red'] },
        { name: 'Size', values: ['M'] },
      ],
      variants: [
        {
          sku: `OPT-${Date.now()}`,
          price: { amount: 2_500, currency: 'INR' },
          stock: 10,
          options: { Colour: 'Red', Size: 'M' },
        },
      ],
    });
    const lines = [
      { offerId: dressed.variants[0]!.offers[0]!.id, quantity: 2 },
      { offerId: plain.offerId, quantity: 1 },
    ];
    for (const token of ['tok_success', 'tok_decline']) {
      const cartId = await cartWith(lines, buyer);
      const res = await checkout(cartId, { payment: { provider: 'test', token } }, buyer.headers);
      expect(res.statusCode).toBe(201);
      const answered = res.json().order;
      expect(answered.items).toHaveLength(2);
      const read = await as(buyer).get(`/orders/${answered.id}`);
      expect(JSON.stringify(answered)).toBe(JSON.stringify(read.json()));
    }
  });

  it('answers a retried checkout with the same Idempotency-Key with the same order', async () => {
    const { offerId } = await product(1_000, 10);
    const cartId = await cartWith([{ offerId, quantity: 1 }]);
    const headers = { 'idempotency-key': `key-${cartId}` };
    const body = { email: 'guest@example.test' };
    const [a, b] = await Promise.all([checkout(cartId, body, headers), checkout(cartId, body, headers)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().order.id).toBe(b.json().order.id);
    const c = await checkout(cartId, body, headers);
    expect(c.json().order.id).toBe(a.json().order.id);
    expect(await stockOf(offerId)).toBe(9);
    expect((await checkout(cartId, body)).statusCode).toBe(409);
  });

  it('places one order when a cart is checked out five times at once; the others are 409 cart-not-active', async () => {
    const { offerId } = await product(1_000, 10);
    const cartId = await cartWith([{ offerId, quantity: 2 }]);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => checkout(cartId, { email: `twice${i}@example.test` })),
    );
    const placed = results.filter((r) => r.statusCode === 201);
    expect(placed).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().type).toMatch(/\/cart-not-active$/);
      expect(r.json().cartStatus).toBe('CONVERTED');
    }
    expect(await stockOf(offerId)).toBe(8);
    const cart = await anonymous(server).get(`/carts/${cartId}`);
    expect(cart.json().status).toBe('CONVERTED');
    const orders = await server.database.db
      .selectFrom('orders')
      .select('id')
      .where('cart_id', '=', cartId)
      .execute();
    expect(orders.map((o) => o.id)).toEqual([placed[0]!.json().order.id]);
  });

  it('leaves the cart ACTIVE when its checkout fails after converting it (the stock ran out meanwhile)', async () => {
    const { offerId } = await product(1_000, 2);
    const cartId = await cartWith([{ offerId, quantity: 2 }]);
    const other = await cartWith([{ offerId, quantity: 1 }]);
    expect((await checkout(other, { email: 'first@example.test' })).statusCode).toBe(201);
    const res = await checkout(cartId, { email: 'late@example.test' });
    expect(res.statusCode).toBe(409);
    expect((await anonymous(server).get(`/carts/${cartId}`)).json().status).toBe('ACTIVE');
  });

  it('leaves a declined order pending and returns its stock when the hold expires', async () => {
    const { offerId } = await product(2_000, 4);
    const cartId = await cartWith([{ offerId, quantity: 3 }]);
    const res = await checkout(cartId, {
      email: 'declined@example.test',
      payment: { provider: 'test', token: 'tok_decline' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().order.status).toBe('PENDING');
    expect(res.json().payment).toMatchObject({ status: 'FAILED', errorCode: 'card_declined' });
    expect(await stockOf(offerId)).toBe(1);
    await server.database.db
      .updateTable('inventory_reservations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('reference_id', '=', res.json().order.id)
      .execute();
    await server.modules.inventory.service.expireReservations(server.database.db);
    expect(await stockOf(offerId)).toBe(4);
  });

  it('sells the last 50 units to exactly 50 of 200 racing buyers', async () => {
    const { offerId } = await product(500, 50);
    const carts = await Promise.all(Array.from({ length: 200 }, () => cartWith([{ offerId, quantity: 1 }])));
    const results = await Promise.all(
      carts.map((id, i) => checkout(id, { email: `racer${i}@example.test` })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(50);
    expect(codes.filter((c) => c === 409)).toHaveLength(150);
    expect(await stockOf(offerId)).toBe(0);
    const stock = await server.modules.inventory.service.reports.offerStock(
      systemCtx(server.database.db, server.modules.tenancy.defaultStore().id, server.log),
      offerId,
    );
    expect(stock).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('gives exactly 10 of 50 racing checkouts a coupon with 10 uses left', async () => {
    const coupon = await as(admin).post('/admin/coupons', {
      code: 'TENOFF',
      type: 'PERCENT',
      value: 1_000,
      usageLimit: 10,
    });
    expect(coupon.statusCode).toBe(201);
    const { offerId } = await product(10_000, 100);
    const carts = await Promise.all(Array.from({ length: 50 }, () => cartWith([{ offerId, quantity: 1 }])));
    const results = await Promise.all(
      carts.map((id, i) => checkout(id, { email: `c${i}@example.test`, couponCode: 'TENOFF' })),
    );
    const won = results.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(10);
    expect(won.every((r) => r.json().order.totals.discount.amount === 1_000)).toBe(true);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().type === '/problems/coupon-usage-limit-reached'),
    ).toBe(true);
    expect(await stockOf(offerId)).toBe(90);
  });

  it('prices tax, shipping, coupon and points into one total', async () => {
    const buyer = await createUser(server);
    await as(admin).post('/admin/tax-rules', { name: 'GST', country: 'IN', rateBp: 1_800, inclusive: true });
    await as(admin).post('/admin/shipping-methods', { code: 'express', name: 'Express', flatAmount: 9_900 });
    await as(admin).post('/admin/coupons', { code: 'FLAT500', type: 'AMOUNT', value: 500 });
    await as(admin).post(`/admin/users/${buyer.id}/rewards`, { points: 20, note: 'welcome' });
    const { offerId } = await product(11_800, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }], buyer);
    const res = await checkout(
      cartId,
      { couponCode: 'FLAT500', redeemPoints: 10, shippingMethod: 'express' },
      buyer.headers,
    );
    expect(res.statusCode).toBe(201);
    const t = res.json().order.totals;
    expect(t.subtotal.amount).toBe(11_800);
    expect(t.discount.amount).toBe(500 + 1_000);
    expect(t.shipping.amount).toBe(9_900);
    expect(t.total.amount).toBe(11_800 - 1_500 + 9_900);
    expect(t.tax.amount).toBe(10_300 - Math.round((10_300 * 10_000) / 11_800));
    expect((await as(buyer).get('/me/rewards')).json().balance).toBe(10);
    expect((await as(buyer).get('/me/profile')).json().customer.loyaltyPoints).toBe(10);
    expect(
      (await checkout(await cartWith([{ offerId, quantity: 1 }], buyer), { redeemPoints: 50 }, buyer.headers))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a cart whose prices changed until the buyer accepts them', async () => {
    const { offerId } = await product(3_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }]);
    await server.database.db
      .updateTable('offers')
      .set({ price_amount: 3_300 })
      .where('id', '=', offerId)
      .execute();
    const refused = await checkout(cartId, { email: 'p@example.test' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('/problems/cart-prices-changed');
    await anonymous(server).post(`/carts/${cartId}/accept-prices`);
    const ok = await checkout(cartId, { email: 'p@example.test' });
    expect(ok.json().order.totals.subtotal.amount).toBe(3_300);
  });

  it('rejects bad input with pointers and places nothing', async () => {
    const { offerId } = await product(1_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }]);
    const missing = await anonymous(server).post(`/carts/${cartId}/checkout`, {
      payment: { provider: 'test' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/shippingAddress');
    expect((await checkout(cartId, {})).json().errors[0].pointer).toBe('/email');
    expect(
      (await checkout(cartId, { email: 'x@example.test', payment: { provider: 'bitcoin' } })).json().errors[0]
        .pointer,
    ).toBe('/payment/provider');
    expect(
      (
        await checkout(cartId, {
          email: 'x@example.test',
          shippingAddress: { ...shippingAddress, country: 'India' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await checkout(cartId, { email: 'x@example.test', couponCode: 'NOSUCH' })).json().errors[0].pointer,
    ).toBe('/couponCode');
    expect(await stockOf(offerId)).toBe(5);
    expect((await anonymous(server).get(`/carts/${cartId}`)).json().status).toBe('ACTIVE');
  });
});

describe('after checkout', () => {
  it('keeps a buyer’s order from other buyers and shows a seller only its items', async () => {
    const buyer = await createUser(server);
    const other = await createUser(server);
    const mine = await product(2_000, 5, seller.headers);
    const store = await product(3_000, 5);
    const cartId = await cartWith(
      [
        { offerId: mine.offerId, quantity: 1 },
        { offerId: store.offerId, quantity: 1 },
      ],
      buyer,
    );
    const order = (await checkout(cartId, {}, buyer.headers)).json().order;
    expect((await as(other).get(`/orders/${order.id}`)).statusCode).toBe(404);
    expect((await as(other).post(`/orders/${order.id}/cancel`, {})).statusCode).toBe(404);
    const asSeller = (await as(seller).get(`/orders/${order.id}`)).json();
    expect(asSeller.items.map((i: { offerId: string }) => i.offerId)).toEqual([mine.offerId]);
    expect(
      (await checkout(await cartWith([{ offerId: mine.offerId, quantity: 1 }], buyer), {}, other.headers))
        .statusCode,
    ).toBe(404);
  });

  it('takes cash on delivery: confirmed at once, paid when the cash is recorded', async () => {
    const buyer = await createUser(server);
    const { offerId } = await product(7_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }], buyer);
    const { order, payment } = (
      await checkout(cartId, { payment: { provider: 'cod' } }, buyer.headers)
    ).json();
    expect(order.status).toBe('CONFIRMED');
    expect(payment.status).toBe('PENDING');
    expect(await stockOf(offerId)).toBe(4);
    const collected = await as(admin).post(`/payments/${payment.id}/collect`, {
      amount: payment.amount.amount,
    });
    expect(collected.json().status).toBe('CAPTURED');
    expect((await as(buyer).get(`/orders/${order.id}`)).json().paymentStatus).toBe('CAPTURED');
  });

  it('follows the sellers’ fulfilment to delivery and then earns reward points', async () => {
    const buyer = await createUser(server);
    const { offerId } = await product(20_000, 5, seller.headers);
    // a reward the store pays for on a seller's offer: set by staff
    const reward = await as(admin).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 500 });
    expect(reward.statusCode).toBe(200);
    const cartId = await cartWith([{ offerId, quantity: 1 }], buyer);
    const order = (await checkout(cartId, {}, buyer.headers)).json().order;
    const itemId = order.items[0].id;
    expect(
      (await as(admin).patch(`/seller/orders/${order.id}/items/${itemId}`, { status: 'SHIPPED' })).json()
        .status,
    ).toBe('SHIPPED');
    const other = await createUser(server, { roles: ['SELLER'] });
    expect(
      (await as(other).patch(`/seller/orders/${order.id}/items/${itemId}`, { status: 'DELIVERED' }))
        .statusCode,
    ).toBe(404);
    const delivered = await as(seller).patch(`/seller/orders/${order.id}/items/${itemId}`, {
      status: 'DELIVERED',
    });
    expect(delivered.json().status).toBe('DELIVERED');
    expect((await as(buyer).post(`/orders/${order.id}/cancel`, {})).statusCode).toBe(409);
    await server.worker.drain();
    const points = (await as(buyer).get('/me/rewards')).json();
    const expected = Math.floor((order.items[0].total.amount * 500) / 10_000 / 100);
    expect(points.balance).toBe(expected);
  });

  it('retries a refund that failed after a cancellation instead of taking the failure as done', async () => {
    const buyer = await createUser(server);
    const { offerId } = await product(4_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }], buyer);
    const { order, payment } = (
      await checkout(cartId, { payment: { provider: 'test', token: 'tok_refund_fails' } }, buyer.headers)
    ).json();
    expect(payment.status).toBe('CAPTURED');
    expect((await as(buyer).post(`/orders/${order.id}/cancel`, {})).json().status).toBe('CANCELLED');
    await server.worker.runOnce();
    const db = server.database.db;
    const refunds = await db
      .selectFrom('refunds')
      .select(['status', 'idempotency_key'])
      .where('payment_id', '=', payment.id)
      .execute();
    expect(refunds.map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    expect(new Set(refunds.map((r) => r.idempotency_key)).size).toBe(2);
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('queue', '=', 'orders.refund-cancelled')
      .where('dedupe_key', '=', `cancel:${order.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await as(buyer).get(`/orders/${order.id}`)).json().paymentStatus).toBe('CAPTURED');
  });

  it('finds an order by its payment reference, and a full staff refund makes the order REFUNDED', async () => {
    const buyer = await createUser(server);
    const { offerId } = await product(6_000, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }], buyer);
    const { order, payment } = (await checkout(cartId, {}, buyer.headers)).json();
    const reference = `test_${payment.id}`;
    const found = (await as(admin).get(`/admin/payments?reference=${reference}`)).json();
    expect(found.items.map((p: { orderId: string }) => p.orderId)).toEqual([order.id]);
    expect((await as(buyer).get(`/admin/payments?reference=${reference}`)).statusCode).toBe(403);
    const partial = await as(admin).post(`/admin/payments/${payment.id}/refunds`, {
      amount: 1_000,
      reason: 'scratch',
    });
    expect(partial.statusCode).toBe(201);
    expect((await as(buyer).get(`/orders/${order.id}`)).json()).toMatchObject({
      status: 'PAID',
      paymentStatus: 'PARTIALLY_REFUNDED',
    });
    await as(admin).post(`/admin/payments/${payment.id}/refunds`, { reason: 'the rest' });
    expect((await as(buyer).get(`/orders/${order.id}`)).json()).toMatchObject({
      status: 'REFUNDED',
      paymentStatus: 'REFUNDED',
    });
  });

  it('refuses a destination none of the store’s shipping methods serves', async () => {
    const storeId = server.modules.tenancy.defaultStore().id;
    const { shippingMethodFor } = await import('../../src/modules/orders/index.ts');
    const { systemCtx } = await import('../../src/platform/http/context.ts');
    const inStore = (id: string) => systemCtx(server.database.db, id, server.log);
    const other = '01900000-0000-7000-8000-00000000beef';
    expect(await shippingMethodFor(inStore(other), undefined, 'IN')).toBeNull();
    await server.database.db
      .insertInto('shipping_methods')
      .values({
        id: '01900000-0000-7000-8000-00000000bee1',
        store_id: other,
        code: 'us',
        name: 'US only',
        currency: 'USD',
        countries: ['US'],
      })
      .execute();
    expect(await shippingMethodFor(inStore(other), undefined, 'IN')).toBeUndefined();
    expect((await shippingMethodFor(inStore(other), undefined, 'US'))?.code).toBe('us');
    expect(await shippingMethodFor(inStore(storeId), 'no-such-code', 'IN')).toBeUndefined();
  });

  it('mails the buyer a confirmation through the outbox', async () => {
    const { offerId } = await product(1_500, 5);
    const cartId = await cartWith([{ offerId, quantity: 1 }]);
    const order = (await checkout(cartId, { email: 'mailme@example.test' })).json().order;
    await server.worker.drain();
    const dir = path.join(server.config.dataDir, 'mail');
    const mails = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(mails.some((m) => m.includes('mailme@example.test') && m.includes(order.number))).toBe(true);
  });
});
