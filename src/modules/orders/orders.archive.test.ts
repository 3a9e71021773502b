import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  createAdmin,
  createCustomer,
  createOffer,
  createOrder,
  createSeller,
  type TestOrder,
  type TestUser,
} from '../../../test/kit/index.ts';
import { MOVED_COLUMNS } from './orders.archive.repository.ts';
import { ARCHIVE_QUEUE, OrderArchive } from './orders.archive.ts';
import { type BuyerRules, buyerConditions } from './orders.audience.ts';
import { deliveredItemOf } from './orders.delivered.repository.ts';
import { capturedSales } from './orders.sales.repository.ts';

// Old final orders leave the hot tables for the archive (decision 037) and are still read through
// the same calls by those who could read them before; an archived order no longer changes.
let server: TestServer;
let buyer: TestUser;
let stranger: TestUser;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [buyer, stranger, admin] = await Promise.all([
    createCustomer(server),
    createCustomer(server),
    createAdmin(server),
  ]);
});
afterAll(async () => server?.destroy());

const db = () => server.database.db;
const archive = () => server.modules.orders.archive;

/** Back-dates an order's last change (and its placing) by `days`, as if it had happened then. */
async function age(orderId: string, days: number) {
  await sql`UPDATE orders SET updated_at = now() - make_interval(days => ${days}),
                              placed_at = now() - make_interval(days => ${days + 10})
            WHERE id = ${orderId}`.execute(db());
}

async function where(orderId: string) {
  const { rows } = await sql<{ hot: number; archived: number; items: number; history: number }>`
    SELECT (SELECT count(*)::int FROM orders WHERE id = ${orderId}) AS hot,
           (SELECT count(*)::int FROM orders_archive WHERE id = ${orderId}) AS archived,
           (SELECT count(*)::int FROM order_items_archive WHERE order_id = ${orderId}) AS items,
           (SELECT count(*)::int FROM order_status_history_archive WHERE order_id = ${orderId}) AS history
  `.execute(db());
  return rows[0]!;
}

/** An order of the buyer, made final and back-dated past the archive age (one at a time: one cart). */
async function archivedOrder(status: 'DELIVERED' | 'CANCELLED' = 'DELIVERED', days = 800) {
  const placed = await createOrder(server, { status, buyer });
  await age(placed.order.id, days);
  return placed;
}

describe('the archive job', () => {
  let moved: TestOrder;
  let cancelled: TestOrder;
  let recent: TestOrder;
  let paidOld: TestOrder;

  beforeAll(async () => {
    moved = await archivedOrder('DELIVERED');
    cancelled = await archivedOrder('CANCELLED');
    recent = await createOrder(server, { status: 'DELIVERED', buyer });
    await age(recent.order.id, 100);
    paidOld = await createOrder(server, { status: 'PAID', buyer });
    await age(paidOld.order.id, 800);
    await archive().run(db());
  });

  it('moves a final order older than the age with its items and history, out of the hot tables', async () => {
    const history = (await as(buyer).get(`/orders/${moved.order.id}/history`)).json();
    expect(await where(moved.order.id)).toEqual({ hot: 0, archived: 1, items: 1, history: history.length });
    expect(history.length).toBeGreaterThan(1);
    expect((await where(cancelled.order.id)).archived).toBe(1);
  });

  it('leaves a recent order and an old order that is not final where they are', async () => {
    expect(await where(recent.order.id)).toMatchObject({ hot: 1, archived: 0 });
    expect(await where(paidOld.order.id)).toMatchObject({ hot: 1, archived: 0 });
  });

  it('moves in batches of the given size until none is left', async () => {
    const batch = [await archivedOrder(), await archivedOrder(), await archivedOrder()];
    const small = new OrderArchive(730, 2);
    expect((await small.run(db())).moved).toBe(3);
    for (const o of batch) expect((await where(o.order.id)).archived).toBe(1);
  });

  it('keeps hot an old delivered order with a return still open', async () => {
    const kept = await createOrder(server, { status: 'DELIVERED', buyer });
    const asked = await as(buyer).post(`/orders/${kept.order.id}/returns`, {
      items: [{ orderItemId: kept.order.items[0]!.id, quantity: 1 }],
      reason: 'Too small',
    });
    expect(asked.statusCode).toBe(201);
    await age(kept.order.id, 800);
    const run = await archive().run(db());
    expect(run.kept).toBeGreaterThanOrEqual(1);
    expect(await where(kept.order.id)).toMatchObject({ hot: 1, archived: 0 });
  });

  it('moves each order once when it runs twice, or in two processes at once', async () => {
    const more = [await archivedOrder(), await archivedOrder(), await archivedOrder('CANCELLED')];
    const runs = await Promise.all([archive().run(db()), archive().run(db())]);
    expect(runs.reduce((n, r) => n + r.moved, 0)).toBe(3);
    expect((await archive().run(db())).moved).toBe(0);
    for (const o of more)
      expect(await where(o.order.id)).toEqual({ hot: 0, archived: 1, items: 1, history: expect.any(Number) });
  });

  it('does nothing when archival is off (0 days)', async () => {
    const old = await archivedOrder();
    expect(await new OrderArchive(0).run(db())).toEqual({ moved: 0, kept: 0 });
    expect((await where(old.order.id)).hot).toBe(1);
  });

  it('runs as the scheduled orders.archive job through the worker', async () => {
    const old = await archivedOrder();
    expect(server.jobs.scheduleList().map((s) => s.queue)).toContain(ARCHIVE_QUEUE);
    await server.jobs.enqueue(db(), { queue: ARCHIVE_QUEUE });
    await server.worker.drain();
    expect((await where(old.order.id)).archived).toBe(1);
  });
});

describe('an archived order', () => {
  let old: TestOrder;
  let older: TestOrder;
  let hot: TestOrder;

  beforeAll(async () => {
    older = await archivedOrder();
    old = await archivedOrder();
    await archive().run(db());
    hot = await createOrder(server, { status: 'DELIVERED', buyer });
  });

  it('is read by its buyer and staff as before: detail, history and invoice', async () => {
    for (const user of [buyer, admin]) {
      const detail = await as(user).get(`/orders/${old.order.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({
        id: old.order.id,
        number: old.order.number,
        status: 'DELIVERED',
      });
      expect(detail.json().items).toHaveLength(1);
      const history = await as(user).get(`/orders/${old.order.id}/history`);
      expect(history.json().map((h: { to: string }) => h.to)).toContain('DELIVERED');
      const invoice = await as(user).get(`/orders/${old.order.id}/invoice`);
      expect(invoice.statusCode).toBe(200);
      expect(invoice.headers['content-type']).toContain('application/pdf');
    }
  });

  it('is in the lists with hot orders, newest first, paged across both', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : '?limit=1';
      const page = (await as(buyer).get(`/orders${q}`)).json();
      ids.push(...page.items.map((o: { id: string }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf(hot.order.id)).toBeLessThan(ids.indexOf(old.order.id));
    expect(ids.indexOf(old.order.id)).toBeLessThan(ids.indexOf(older.order.id));
    const staff = (await as(admin).get('/admin/orders?status=DELIVERED&limit=100')).json();
    expect(staff.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([old.order.id, hot.order.id]),
    );
    const byNumber = (await as(admin).get(`/admin/orders?number=${old.order.number}`)).json();
    expect(byNumber.items.map((o: { id: string }) => o.id)).toEqual([old.order.id]);
  });

  it("is in its seller's order items, and its seller reads its part", async () => {
    const seller = await createSeller(server);
    const { offerId } = await createOffer(server, { seller, stock: 5 });
    const sold = await createOrder(server, { status: 'DELIVERED', buyer, offerId });
    await age(sold.order.id, 800);
    await archive().run(db());
    expect((await where(sold.order.id)).archived).toBe(1);
    const items = (await as(seller).get('/seller/order-items')).json().items;
    expect(items.map((i: { orderId: string }) => i.orderId)).toContain(sold.order.id);
    expect((await as(seller).get(`/orders/${sold.order.id}`)).statusCode).toBe(200);
    expect((await as(seller).get(`/orders/${sold.order.id}/invoice`)).statusCode).toBe(200);
  });

  it('is not found by another buyer, as a hot order is not', async () => {
    for (const path of ['', '/history', '/invoice'])
      expect((await as(stranger).get(`/orders/${old.order.id}${path}`)).statusCode).toBe(404);
    expect((await as(stranger).get('/orders')).json().items).toEqual([]);
    expect((await as(stranger).post(`/orders/${old.order.id}/cancel`, {})).statusCode).toBe(404);
  });

  it('refuses a status change, cancel, return or refund with 409 order-archived', async () => {
    const attempts = [
      as(admin).post(`/admin/orders/${old.order.id}/status`, { status: 'RETURNED', reason: 'late' }),
      as(buyer).post(`/orders/${old.order.id}/cancel`, {}),
      as(admin).post(`/orders/${old.order.id}/cancel`, {}),
      as(buyer).post(`/orders/${old.order.id}/returns`, {
        items: [{ orderItemId: old.order.items[0]!.id, quantity: 1 }],
        reason: 'Broken',
      }),
      as(admin).post(`/admin/payments/${old.payment.id}/refunds`, { reason: 'goodwill' }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.statusCode).toBe(409);
      expect(answer.json()).toMatchObject({ type: '/problems/order-archived' });
    }
    expect(await where(old.order.id)).toMatchObject({ hot: 0, archived: 1 });
  });

  it("is still counted by analytics' recount of sales", async () => {
    const storeId = server.modules.tenancy.defaultStore().id;
    const sales = await capturedSales(db(), storeId, { ids: [old.order.id] });
    expect(sales.map((sale) => [sale.orderId, sale.lines.length])).toEqual([[old.order.id, 1]]);
  });

  it('still makes its delivered items verified purchases for reviews', async () => {
    const { rows } = await sql<{ id: string; product_id: string }>`
      SELECT id, product_id FROM order_items_archive WHERE order_id = ${old.order.id}`.execute(db());
    const storeId = server.modules.tenancy.defaultStore().id;
    const found = await deliveredItemOf(db(), storeId, buyer.id, rows[0]!.product_id);
    expect(found).toMatchObject({ orderId: old.order.id, orderItemId: rows[0]!.id });
    expect(await deliveredItemOf(db(), storeId, stranger.id, rows[0]!.product_id)).toBeUndefined();
  });

  it("still counts toward a campaign's buyer rules: what the buyer spent, and an order since a date", async () => {
    const customer = await createCustomer(server);
    const old = await createOrder(server, { status: 'DELIVERED', buyer: customer });
    await age(old.order.id, 800);
    await archive().run(db());
    expect((await where(old.order.id)).archived).toBe(1);
    const { rows } = await sql<{ total: number }>`
      SELECT total_amount::int AS total FROM orders_archive WHERE id = ${old.order.id}`.execute(db());
    const total = rows[0]!.total;
    const storeId = server.modules.tenancy.defaultStore().id;
    const holds = async (rules: BuyerRules) => {
      const conditions = buyerConditions(storeId, sql`${customer.id}::uuid`, rules);
      const answer = await sql<{ ok: boolean }>`SELECT ${sql.join(conditions, sql` AND `)} AS ok`.execute(
        db(),
      );
      return answer.rows[0]!.ok;
    };
    expect(await holds({ spentOver: total - 1 })).toBe(true);
    expect(await holds({ spentOver: total })).toBe(false);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    expect(await holds({ noOrderSince: daysAgo(1_000) })).toBe(false);
    expect(await holds({ noOrderSince: daysAgo(700) })).toBe(true);
  });

  it('keeps its number: the store goes on numbering after it', async () => {
    const next = await createOrder(server, { status: 'PAID', buyer });
    expect(Number(next.order.number)).toBeGreaterThan(Number(old.order.number));
  });
});

describe('the archive tables', () => {
  it('have every column of their hot tables, all moved, and when they moved', async () => {
    for (const [table, moved] of Object.entries(MOVED_COLUMNS)) {
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = ${server.schema} AND table_name IN (${table}, ${`${table}_archive`})`.execute(
        db(),
      );
      const hot = rows.filter((r) => r.table_name === table).map((r) => r.column_name);
      const cold = rows.filter((r) => r.table_name !== table).map((r) => r.column_name);
      expect([...moved].sort()).toEqual([...hot].sort());
      expect(cold.sort()).toEqual([...hot, 'archived_at'].sort());
    }
  });
});
