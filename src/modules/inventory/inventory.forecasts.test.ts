import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  createAdmin,
  createCustomer,
  createOffers,
  createSeller,
  ok,
  sellDaily,
  serviceCtx,
  type TestOffer,
  type TestUser,
} from '../../../test/kit/index.ts';
import { newId } from '../../platform/ids.ts';

let server: TestServer;
let admin: TestUser;
let storeId: string;
/** The day the forecasts are computed for: sales are written on the days before it. */
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

const forecasts = () => server.modules.inventory.forecasts;
const ctx = () => serviceCtx(server, null, storeId);
const days = (n: number, f: (t: number) => number) => Array.from({ length: n }, (_, t) => f(t));

function sell(offer: TestOffer, units: number[], status?: string): Promise<void> {
  return sellDaily(server, offer, units, { today, ...(status ? { status } : {}) });
}

async function forecastOf(offer: TestOffer, user: TestUser = admin) {
  return ok(as(user).get(`/admin/inventory/offers/${offer.offerId}/forecast`));
}

describe('stock forecasts', () => {
  it('forecasts a steady seller: demand, days of cover and the quantity to reorder', async () => {
    const [offer] = await createOffers(server, 1, { stock: 20 });
    await sell(
      offer!,
      days(60, () => 5),
    );
    await forecasts().run(ctx(), { today });
    const f = await forecastOf(offer!);
    expect(f).toMatchObject({ method: 'holt-winters', reason: null, computedOn: today, available: 20 });
    expect(f).toMatchObject({ leadTimeDays: 7, reviewDays: 7, historyDays: 60 });
    expect(f.demand7).toBeCloseTo(35, 0);
    expect(f.demand30).toBeCloseTo(150, 0);
    expect(f.daysOfCover).toBeCloseTo(4, 1);
    // 14 days of 5 units, less the 20 available, plus no safety stock (no spread)
    expect(f.reorderQuantity).toBe(50);
    expect(f.error).toBe(null); // a constant series has no "same day last week" error to scale by
  });

  it('says a new offer has no history instead of inventing numbers', async () => {
    const [offer] = await createOffers(server, 1, { stock: 5 });
    await forecasts().run(ctx(), { today });
    const f = await forecastOf(offer!);
    expect(f).toMatchObject({ method: 'none', reason: 'no sales in the history', historyDays: 0 });
    expect(f).toMatchObject({ demand7: null, demand30: null, daysOfCover: null, reorderQuantity: null });
  });

  it('uses SBA for an offer that sells one day in four, and counts no cancelled order', async () => {
    const [offer] = await createOffers(server, 1, { stock: 100 });
    await sell(
      offer!,
      days(84, (t) => (t % 4 === 0 ? 4 : 0)),
    );
    await sell(
      offer!,
      days(84, () => 9),
      'CANCELLED',
    );
    await forecasts().run(ctx(), { today });
    const f = await forecastOf(offer!);
    expect(f.method).toBe('sba');
    expect(f.zeroShare).toBeCloseTo(0.75, 2);
    expect(f.dailyDemand).toBeGreaterThan(0.7);
    expect(f.dailyDemand).toBeLessThan(1.1);
    expect(f.error).not.toBeNull();
    expect(['high', 'medium', 'low']).toContain(f.confidence);
  });

  it('takes the lead time set on the stock row', async () => {
    const [offer] = await createOffers(server, 1, { stock: 10 });
    await sell(
      offer!,
      days(40, () => 2),
    );
    const stock = await ok(as(admin).get(`/admin/inventory/offers/${offer!.offerId}`));
    const warehouseId = stock.warehouses[0].warehouse.id;
    const row = await ok(
      as(admin).patch(`/admin/inventory/offers/${offer!.offerId}/warehouses/${warehouseId}`, {
        leadTimeDays: 3,
      }),
    );
    expect(row.leadTimeDays).toBe(3);
    await forecasts().run(ctx(), { today });
    expect(await forecastOf(offer!)).toMatchObject({ leadTimeDays: 3, reorderQuantity: 2 * 10 - 10 });
    expect(
      (
        await as(admin).patch(`/admin/inventory/offers/${offer!.offerId}/warehouses/${warehouseId}`, {
          leadTimeDays: 0,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('replaces the day’s forecasts when run again the same day', async () => {
    await forecasts().run(ctx(), { today });
    const first = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM stock_forecasts WHERE store_id = ${storeId} AND computed_on = ${today}`.execute(
      server.database.db,
    );
    const { offers } = await forecasts().run(ctx(), { today });
    const second = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM stock_forecasts WHERE store_id = ${storeId} AND computed_on = ${today}`.execute(
      server.database.db,
    );
    expect(second.rows[0]!.n).toBe(first.rows[0]!.n);
    expect(second.rows[0]!.n).toBe(offers);
  });
});

describe('reorder suggestions', () => {
  it('lists the offers short of lead time + review period, most urgent first, a page at a time', async () => {
    const [urgent, soon, plenty] = await createOffers(server, 3, { stock: 0 });
    const receive = (offerId: string, quantity: number) =>
      ok(as(admin).post('/admin/inventory/receipts', { offerId, quantity }));
    await receive(urgent!.offerId, 10); // 2 days of cover
    await receive(soon!.offerId, 50); // 10 days
    await receive(plenty!.offerId, 500); // 100 days
    for (const offer of [urgent!, soon!, plenty!])
      await sell(
        offer,
        days(56, () => 5),
      );
    await forecasts().run(ctx(), { today });
    const all = await ok(as(admin).get('/admin/inventory/forecasts?limit=100'));
    const ids = all.items.map((f: { offerId: string }) => f.offerId);
    expect(all.day).toBe(today);
    expect(ids.indexOf(urgent!.offerId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(urgent!.offerId)).toBeLessThan(ids.indexOf(soon!.offerId));
    expect(ids).not.toContain(plenty!.offerId);
    for (const f of all.items) expect(f.daysOfCover).toBeLessThan(f.leadTimeDays + f.reviewDays);
    const first = await ok(as(admin).get('/admin/inventory/forecasts?limit=1'));
    const next = await ok(as(admin).get(`/admin/inventory/forecasts?limit=100&cursor=${first.nextCursor}`));
    expect([...first.items, ...next.items].map((f: { offerId: string }) => f.offerId)).toEqual(ids);
  });

  it('exports the list as CSV', async () => {
    const answer = await as(admin).get('/admin/inventory/forecasts?format=csv');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.body.split('\n')[0]).toMatch(/^offer_id,product_id,method,available,daily_demand/);
  });

  it('shows a seller only its own offers, and no one else anything', async () => {
    const seller = await createSeller(server);
    const [own] = await createOffers(server, 1, { seller, stock: 3 });
    const [theirs] = await createOffers(server, 1, { stock: 3 });
    await sell(
      own!,
      days(30, () => 1),
    );
    await sell(
      theirs!,
      days(30, () => 1),
    );
    await forecasts().run(ctx(), { today });
    const list = await ok(as(seller).get('/admin/inventory/forecasts?limit=100'));
    expect(list.items.map((f: { offerId: string }) => f.offerId)).toEqual([own!.offerId]);
    expect((await forecastOf(own!, seller)).offerId).toBe(own!.offerId);
    expect((await as(seller).get(`/admin/inventory/offers/${theirs!.offerId}/forecast`)).statusCode).toBe(
      404,
    );
    const customer = await createCustomer(server);
    expect((await as(customer).get('/admin/inventory/forecasts')).statusCode).toBe(403);
  });

  it('answers 404 for an offer without a forecast and 400 for a bad cursor', async () => {
    expect((await as(admin).get(`/admin/inventory/offers/${newId()}/forecast`)).statusCode).toBe(404);
    expect((await as(admin).get('/admin/inventory/offers/not-an-id/forecast')).statusCode).toBe(404);
    expect((await as(admin).get('/admin/inventory/forecasts?cursor=bogus')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/inventory/forecasts?limit=0')).statusCode).toBe(400);
  });
});

describe('backtest', () => {
  it('reports MASE and MAPE overall and per method over the held-out days', async () => {
    const report = await forecasts().backtest(ctx(), { holdoutDays: 14, today });
    expect(report.holdoutDays).toBe(14);
    expect(report.series).toBeGreaterThan(5);
    expect(report.skipped).toBeGreaterThan(0); // offers without (enough) history
    expect(report.methods.sba?.series).toBeGreaterThanOrEqual(1);
    expect(report.overall.series).toBe(report.series - report.skipped);
    expect(report.methods.sba?.mase).toBeGreaterThan(0);
  });
});
