import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { as, createAdmin, ok, serviceCtx } from '../../../test/kit/index.ts';
import { dayIn } from './index.ts';

// The demo history: past orders written set-based, the rollups recounted over them. Its 70 days
// hold at least one whole month, which the rankings read from the monthly rollups.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await server.seed({ demo: true, products: 30, history: { days: 70, orders: 600 } });
});
afterAll(async () => server?.destroy());

describe('the demo history', () => {
  it('writes paid past orders over the days asked for, and the sales call counts them all', async () => {
    const storeId = server.modules.tenancy.defaultStore().id;
    const { rows } = await sql<{ n: number; total: string; oldest: Date; payments: number }>`
      SELECT count(*)::int AS n, sum(total_amount)::text AS total, min(placed_at) AS oldest,
        (SELECT count(*)::int FROM payments p WHERE p.store_id = ${storeId} AND p.status = 'CAPTURED') AS payments
      FROM orders WHERE store_id = ${storeId} AND number LIKE 'H%'`.execute(server.database.db);
    expect(rows[0]).toMatchObject({ n: 600, payments: 600 });
    expect(Date.now() - new Date(rows[0]!.oldest).getTime()).toBeLessThanOrEqual(70 * 86_400_000);
    const admin = await createAdmin(server);
    const to = dayIn(new Date(), 'UTC');
    const from = dayIn(new Date(Date.now() - 71 * 86_400_000), 'UTC');
    const report = await ok(as(admin).get(`/admin/analytics/sales?from=${from}&to=${to}`));
    expect(report.totals).toEqual({ orders: 600, revenue: Number(rows[0]!.total) });
    const top = await ok(as(admin).get(`/admin/analytics/top-products?from=${from}&to=${to}&limit=5`));
    expect(top.items).toHaveLength(5);
    const again = await server.modules.analytics.rollups.rebuild(serviceCtx(server, null, storeId), {
      from,
      to,
    });
    expect(again.orders).toBe(600);
    expect((await ok(as(admin).get(`/admin/analytics/sales?from=${from}&to=${to}`))).totals.orders).toBe(600);
  });

  it('ranks over whole months and partial ones as the daily rollups sum, the months equal to their days', async () => {
    const storeId = server.modules.tenancy.defaultStore().id;
    const admin = await createAdmin(server);
    const day = (ago: number) => dayIn(new Date(Date.now() - ago * 86_400_000), 'UTC');
    const db = server.database.db;
    for (const [table, monthly, key] of [
      ['analytics_daily_product', 'analytics_monthly_product', 'product_id'],
      ['analytics_daily_category', 'analytics_monthly_category', 'category_id'],
      ['analytics_daily_seller', 'analytics_monthly_seller', 'seller_id'],
    ] as const) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM (
          SELECT date_trunc('month', day::timestamp)::date AS month, ${sql.ref(key)} AS k, sum(orders) AS o,
                 sum(units) AS u, sum(revenue) AS r
          FROM ${sql.table(table)} WHERE store_id = ${storeId} GROUP BY 1, 2 HAVING sum(orders) > 0
          EXCEPT SELECT month, ${sql.ref(key)}, orders, units, revenue FROM ${sql.table(monthly)} WHERE store_id = ${storeId}
        ) differ`.execute(db);
      expect(rows[0]!.n).toBe(0);
    }
    for (const [from, to] of [
      [day(71), day(0)],
      [day(65), day(3)],
      [day(10), day(2)],
    ] as const) {
      const { rows } = await sql<{ id: string; orders: number; units: number; revenue: number }>`
        SELECT product_id::text AS id, sum(orders)::int AS orders, sum(units)::int AS units, sum(revenue)::int AS revenue
        FROM analytics_daily_product WHERE store_id = ${storeId} AND day BETWEEN ${from} AND ${to}
        GROUP BY product_id HAVING sum(orders) > 0 ORDER BY sum(revenue) DESC, sum(orders) DESC, product_id LIMIT 100`.execute(
        db,
      );
      const top = await ok(as(admin).get(`/admin/analytics/top-products?from=${from}&to=${to}&limit=100`));
      expect(top.items.map(({ name: _, ...r }: { name: string }) => r)).toEqual(rows);
    }
  });

  it('refuses a recount whose from is after its to', async () => {
    const ctx = serviceCtx(server, null, server.modules.tenancy.defaultStore().id);
    await expect(
      server.modules.analytics.rollups.rebuild(ctx, { from: '2026-02-02', to: '2026-02-01' }),
    ).rejects.toThrow(/from is after to/);
  });
});
