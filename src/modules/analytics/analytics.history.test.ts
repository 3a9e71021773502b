import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { as, createAdmin, ok, serviceCtx } from '../../../test/kit/index.ts';
import { dayIn } from './index.ts';

// The demo history: past orders written set-based, the rollups recounted over them.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await server.seed({ demo: true, products: 30, history: { days: 30, orders: 600 } });
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
    expect(Date.now() - new Date(rows[0]!.oldest).getTime()).toBeLessThanOrEqual(30 * 86_400_000);
    const admin = await createAdmin(server);
    const to = dayIn(new Date(), 'UTC');
    const from = dayIn(new Date(Date.now() - 31 * 86_400_000), 'UTC');
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

  it('refuses a recount whose from is after its to', async () => {
    const ctx = serviceCtx(server, null, server.modules.tenancy.defaultStore().id);
    await expect(
      server.modules.analytics.rollups.rebuild(ctx, { from: '2026-02-02', to: '2026-02-01' }),
    ).rejects.toThrow(/from is after to/);
  });
});
