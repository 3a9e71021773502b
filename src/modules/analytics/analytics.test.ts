import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createDeliveryAgent,
  createOffer,
  createOrder,
  createStore,
  ok,
  serviceCtx,
  shippingAddress,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';
import { newId } from '../../platform/ids.ts';
import { dayIn } from './index.ts';

// Rollups fed by payment events, their recount, and the sales and ranking calls read from them.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const today = () => dayIn(new Date(), 'UTC');

async function drain() {
  await server.worker.drain();
}

/** A store of its own (so counts start at zero), its admin, and the store's time zone. */
async function freshStore(timeZone = 'UTC'): Promise<{ store: TestStore; admin: TestUser }> {
  const store = await createStore(server, { config: { settings: { timeZone } } });
  return { store, admin: await createAdmin(store) };
}

const sales = (admin: TestUser, from = today(), to = today()) =>
  as(admin).get(`/admin/analytics/sales?from=${from}&to=${to}`);

/** A cash-on-delivery order of `store`, delivered by an agent who collects the cash. */
async function codOrder(store: TestStore, admin: TestUser, collect: boolean) {
  const buyer = await createCustomer(store);
  const { offerId } = await createOffer(server, { storeId: store.id, stock: 5, price: 7_000 });
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const { order } = await ok(checkout(buyer, cartId, { payment: { provider: 'cod' }, shippingAddress }));
  const agent = await createDeliveryAgent(store);
  const shipment = await ok(
    as(admin).post(`/admin/orders/${order.id}/shipments`, { deliveryAgentId: agent.id }),
  );
  const step = (body: object) => ok(as(agent).post(`/agent/deliveries/${shipment.id}/events`, body));
  await step({ status: 'PICKED_UP' });
  await step({ status: 'IN_TRANSIT' });
  if (collect) await step({ status: 'DELIVERED', codCollected: order.totals.total });
  return { order, total: order.totals.total.amount as number };
}

describe('the sales call', () => {
  it('counts a paid order on the day it was placed, and not an unpaid one', async () => {
    const { store, admin } = await freshStore();
    const paid = await createOrder(store, { price: 12_000 });
    await createOrder(store, { status: 'PENDING' });
    await drain();
    const report = await ok(sales(admin));
    expect(report.days).toEqual([
      {
        date: today(),
        orders: 1,
        revenue: (paid.order.totals as { total: { amount: number } }).total.amount,
      },
    ]);
    expect(report.totals).toEqual({
      orders: 1,
      revenue: (paid.order.totals as { total: { amount: number } }).total.amount,
    });
  });

  it('counts a captured order within 60 seconds with the worker running', async () => {
    const { store, admin } = await freshStore();
    server.worker.start();
    try {
      const paid = await createOrder(store);
      await vi.waitFor(async () => expect((await ok(sales(admin))).totals.orders).toBe(1), {
        timeout: 60_000,
        interval: 50,
      });
      expect((await ok(sales(admin))).totals.revenue).toBe(
        (paid.order.totals as { total: { amount: number } }).total.amount,
      );
    } finally {
      await server.worker.stop();
    }
  });

  it('counts cash on delivery once the cash is collected', async () => {
    const { store, admin } = await freshStore();
    await codOrder(store, admin, false);
    await drain();
    expect((await ok(sales(admin))).totals).toEqual({ orders: 0, revenue: 0 });
    const collected = await codOrder(store, admin, true);
    await drain();
    expect((await ok(sales(admin))).totals).toEqual({ orders: 1, revenue: collected.total });
  });

  it('answers every day of the range, quiet ones at zero', async () => {
    const { admin } = await freshStore();
    const report = await ok(sales(admin, '2026-02-27', '2026-03-02'));
    expect(report.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(report.totals).toEqual({ orders: 0, revenue: 0 });
  });

  it('refuses from after to, ranges over a year and dates that do not exist (400)', async () => {
    const { admin } = await freshStore();
    const reversed = await sales(admin, '2026-03-02', '2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reversed.json().type).toMatch(/range-reversed$/);
    const long = await sales(admin, '2025-01-01', '2026-01-02');
    expect(long.statusCode).toBe(400);
    expect(long.json().type).toMatch(/range-too-long$/);
    expect((await sales(admin, '2025-01-01', '2025-12-31')).statusCode).toBe(200);
    expect((await sales(admin, '2026-02-30', '2026-03-01')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/analytics/sales?from=yesterday&to=today')).statusCode).toBe(400);
  });

  it("keeps each store's numbers to itself", async () => {
    const a = await freshStore();
    const b = await freshStore();
    await createOrder(a.store);
    await drain();
    expect((await ok(sales(a.admin))).totals.orders).toBe(1);
    expect((await ok(sales(b.admin))).totals.orders).toBe(0);
    // A's admin token addresses nothing in B
    const foreign = await as(a.admin).get(`/admin/analytics/sales?from=${today()}&to=${today()}`, {
      'x-store-id': b.store.id,
    });
    expect([401, 403, 404]).toContain(foreign.statusCode);
  });

  it('is for staff: a customer is refused', async () => {
    const { store } = await freshStore();
    const customer = await createCustomer(store);
    expect((await sales(customer)).statusCode).toBe(403);
  });

  it('counts the order on its day in the store’s time zone', async () => {
    // UTC+14: from 10:00 UTC on, it is already tomorrow there
    const { store, admin } = await freshStore('Pacific/Kiritimati');
    await createOrder(store);
    await drain();
    const local = dayIn(new Date(), 'Pacific/Kiritimati');
    const report = await ok(sales(admin, local, local));
    expect(report.totals.orders).toBe(1);
  });
});

describe('the rollups', () => {
  it('add a replayed event once, and a second event for a counted order not at all', async () => {
    const { store, admin } = await freshStore();
    const paid = await createOrder(store);
    await drain();
    const ctx = serviceCtx(server, null, store.id);
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM outbox_events WHERE name = 'payments.payment.captured'
        AND payload ->> 'orderId' = ${paid.order.id}`.execute(server.database.db);
    expect(rows).toHaveLength(1);
    await server.modules.analytics.rollups.captured(ctx, rows[0]!.id, paid.order.id);
    await server.modules.analytics.rollups.captured(
      ctx,
      '01900000-0000-7000-8000-000000000001',
      paid.order.id,
    );
    expect((await ok(sales(admin))).totals.orders).toBe(1);
  });

  it('add a batch of events at once, each event and each order once', async () => {
    const { store } = await freshStore();
    const first = await createOrder(store, { price: 9_000 });
    await createOrder(store, { price: 4_000, offerId: first.offerId });
    await drain(); // both captures: one batch of the store
    const counted = (await snapshot(store.id)).store[0]!;
    expect(counted).toMatchObject({ orders: 2, refunds: 0 });

    const rollups = server.modules.analytics.rollups;
    const ctx = serviceCtx(server, null, store.id);
    const refund = { eventId: newId(), refund: { amount: 500, at: new Date() } };
    await rollups.add(ctx, [
      { eventId: newId(), orderId: first.order.id }, // a counted order announced again
      refund,
      refund, // the same event twice in one batch
      { eventId: newId(), refund: { amount: 250, at: new Date() } },
    ]);
    await rollups.add(ctx, [refund]); // and replayed later
    expect((await snapshot(store.id)).store[0]).toEqual({ ...counted, refunds: 750 });
  });

  it('equal a recount from the orders and refunds themselves', async () => {
    const { store, admin } = await freshStore('Asia/Kolkata');
    const first = await createOrder(store, { price: 9_000 });
    await createOrder(store, { price: 4_000, offerId: first.offerId });
    await createOrder(store, { price: 15_000, status: 'DELIVERED' });
    await codOrder(store, admin, true);
    await ok(
      as(admin).post(`/admin/payments/${first.payment.id}/refunds`, { amount: 1_000, reason: 'damaged' }),
    );
    await drain();
    const before = await snapshot(store.id);
    expect(before.store[0]).toMatchObject({ orders: 4, refunds: 1_000 });
    expect(before.store[0]!.revenue).toBe(await recountRevenue(store.id));
    expect(before.hours.reduce((n, h) => n + Number(h.orders), 0)).toBe(4);
    const day = dayIn(new Date(), 'Asia/Kolkata');
    const result = await server.modules.analytics.rollups.rebuild(serviceCtx(server, null, store.id), {
      from: day,
      to: day,
    });
    expect(result.orders).toBe(4);
    expect(await snapshot(store.id)).toEqual(before);
    expect(before.monthlyProduct.reduce((n, r) => n + Number(r.revenue), 0)).toBe(
      before.product.reduce((n, r) => n + Number(r.revenue), 0),
    );
    expect(before.monthlySeller.length).toBeGreaterThan(0);
  });
});

describe('the answers kept between calls', () => {
  it('show a newly counted order in the next call, never the answer before it', async () => {
    const { store, admin } = await freshStore();
    await createOrder(store, { price: 6_000 });
    await drain();
    const range = `from=${today()}&to=${today()}`;
    for (let i = 0; i < 2; i++) {
      expect((await ok(sales(admin))).totals.orders).toBe(1);
      expect((await ok(as(admin).get(`/admin/analytics/top-products?${range}`))).items).toHaveLength(1);
      expect((await ok(as(admin).get(`/admin/analytics/payment-methods?${range}`))).items[0].orders).toBe(1);
    }
    await createOrder(store, { price: 8_000 });
    await drain();
    expect((await ok(sales(admin))).totals.orders).toBe(2);
    expect((await ok(as(admin).get(`/admin/analytics/top-products?${range}`))).items).toHaveLength(2);
    expect((await ok(as(admin).get(`/admin/analytics/payment-methods?${range}`))).items[0].orders).toBe(2);
    expect((await ok(as(admin).get('/admin/analytics/hours'))).totals.orders).toBe(2);
  });

  it('are asked with the role and range checked first, and kept per store', async () => {
    const { store, admin } = await freshStore();
    const other = await freshStore();
    await createOrder(store, { price: 6_000 });
    await drain();
    expect((await ok(sales(admin))).totals.orders).toBe(1);
    expect((await ok(sales(other.admin))).totals.orders).toBe(0);
    expect((await sales(await createCustomer(store))).statusCode).toBe(403);
    expect((await sales(admin, today(), '2020-01-01')).statusCode).toBe(400);
  });
});

describe('the hourly call', () => {
  it("answers today's sales per hour of the store's clock, every hour present, beside the day before", async () => {
    const { store, admin } = await freshStore('Asia/Kolkata');
    const hourNow = () =>
      Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Kolkata',
          hour: '2-digit',
          hourCycle: 'h23',
        }).format(new Date()),
      );
    const placedFrom = hourNow();
    const a = await createOrder(store, { price: 9_000 });
    const b = await createOrder(store, { price: 4_000 });
    await drain();
    const report = await ok(as(admin).get('/admin/analytics/hours'));
    const total = (o: typeof a) => (o.order.totals as { total: { amount: number } }).total.amount;
    expect(report.day).toBe(dayIn(new Date(), 'Asia/Kolkata'));
    expect(report.hours.map((h: { hour: number }) => h.hour)).toEqual([...Array(24).keys()]);
    expect(report.previous.hours).toHaveLength(24);
    expect(report.totals).toMatchObject({ orders: 2, revenue: total(a) + total(b) });
    const busy: Array<{ hour: number }> = report.hours.filter((h: { orders: number }) => h.orders > 0);
    const placedTo = hourNow();
    for (const h of busy) expect([placedFrom, placedTo]).toContain(h.hour);
    expect(busy.length).toBeGreaterThan(0);
    expect((await as(admin).get('/admin/analytics/hours?day=2026-02-30')).statusCode).toBe(400);
    expect((await as(await createCustomer(store)).get('/admin/analytics/hours')).statusCode).toBe(403);
  });
});

describe('the ranking calls', () => {
  it('rank products, categories and sellers by revenue, and show the payment method mix', async () => {
    const { store, admin } = await freshStore();
    const big = await createOrder(store, { price: 20_000 });
    await createOrder(store, { price: 5_000 });
    await codOrder(store, admin, true);
    await drain();
    const range = `from=${today()}&to=${today()}`;
    const products = await ok(as(admin).get(`/admin/analytics/top-products?${range}&limit=2`));
    expect(products.items).toHaveLength(2);
    expect(products.items[0]).toMatchObject({ orders: 1, units: 1, revenue: 20_000 });
    expect(products.items[0].name).toEqual(expect.any(String));
    expect(products.items[0].revenue).toBeGreaterThanOrEqual(products.items[1].revenue);
    const sellers = await ok(as(admin).get(`/admin/analytics/sellers?${range}`));
    expect(
      sellers.items.reduce((n: number, s: { orders: number }) => n + s.orders, 0),
    ).toBeGreaterThanOrEqual(3);
    const categories = await ok(as(admin).get(`/admin/analytics/top-categories?${range}`));
    expect(categories.items.reduce((n: number, c: { units: number }) => n + c.units, 0)).toBe(3);
    const mix = await ok(as(admin).get(`/admin/analytics/payment-methods?${range}`));
    expect(mix.items.map((m: { provider: string }) => m.provider).sort()).toEqual(['cod', 'test']);
    expect(mix.items.find((m: { provider: string }) => m.provider === 'test').orders).toBe(2);
    expect(big.order.id).toBeTruthy();
  });

  it('answer as CSV with format=csv or Accept: text/csv', async () => {
    const { store, admin } = await freshStore();
    await createOrder(store, { price: 3_000 });
    await drain();
    const range = `from=${today()}&to=${today()}`;
    const byFormat = await as(admin).get(`/admin/analytics/sales?${range}&format=csv`);
    expect(byFormat.statusCode).toBe(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    expect(byFormat.body.split('\n')[0]).toBe('date,orders,revenue');
    expect(byFormat.body.split('\n')[1]).toMatch(new RegExp(`^${today()},1,\\d+$`));
    const byAccept = await as(admin).get(`/admin/analytics/top-products?${range}`, { accept: 'text/csv' });
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byAccept.body.split('\n')[0]).toBe('id,name,orders,units,revenue');
    const mix = await as(admin).get(`/admin/analytics/payment-methods?${range}&format=csv`);
    expect(mix.body.split('\n')[0]).toBe('provider,orders,revenue,share');
  });
});

/** Every rollup row of a store, in a stable order. */
async function snapshot(storeId: string) {
  const db = server.database.db;
  const read = async (table: string, key: string) =>
    (
      await sql<Record<string, unknown>>`
        SELECT day::text AS day, ${sql.raw(key)}::text AS key, orders, units, revenue FROM ${sql.raw(table)}
        WHERE store_id = ${storeId} ORDER BY day, key`.execute(db)
    ).rows.map(numbers);
  const readMonths = async (table: string, key: string) =>
    (
      await sql<Record<string, unknown>>`
        SELECT month::text AS month, ${sql.raw(key)}::text AS key, orders, units, revenue FROM ${sql.raw(table)}
        WHERE store_id = ${storeId} ORDER BY month, key`.execute(db)
    ).rows.map(numbers);
  const store = (
    await sql<Record<string, unknown>>`
      SELECT day::text AS day, orders, revenue, refunds, units FROM analytics_daily_store
      WHERE store_id = ${storeId} ORDER BY day`.execute(db)
  ).rows.map(numbers);
  const payment = (
    await sql<Record<string, unknown>>`
      SELECT day::text AS day, provider, orders, revenue FROM analytics_daily_payment
      WHERE store_id = ${storeId} ORDER BY day, provider`.execute(db)
  ).rows.map(numbers);
  const hours = (
    await sql<Record<string, unknown>>`
      SELECT day::text AS day, hour, orders, revenue, units FROM analytics_hourly_store
      WHERE store_id = ${storeId} ORDER BY day, hour`.execute(db)
  ).rows.map(numbers);
  return {
    store,
    payment,
    hours,
    product: await read('analytics_daily_product', 'product_id'),
    category: await read('analytics_daily_category', 'category_id'),
    seller: await read('analytics_daily_seller', 'seller_id'),
    monthlyProduct: await readMonths('analytics_monthly_product', 'product_id'),
    monthlyCategory: await readMonths('analytics_monthly_category', 'category_id'),
    monthlySeller: await readMonths('analytics_monthly_seller', 'seller_id'),
  };
}

function numbers(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
  ) as Record<string, number | string>;
}

/** The store's captured orders' totals, summed straight from the orders table. */
async function recountRevenue(storeId: string): Promise<number> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(total_amount), 0)::text AS total FROM orders
    WHERE store_id = ${storeId} AND payment_status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')`.execute(
    server.database.db,
  );
  return Number(rows[0]!.total);
}
