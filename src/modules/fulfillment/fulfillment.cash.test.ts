import pg from 'pg';
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
  createStore,
  ok,
  shippingAddress,
  type TestUser,
} from '../../../test/kit/index.ts';
import { reconciliationCsv } from './fulfillment.cash.ts';

// The cash an agent holds: collections at the door, remittances to the store, and the daily report.
let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

type Money = { amount: number; currency: string };

/** A cash-on-delivery order delivered by `agent`, who collects `due + short` (short ≤ 0). */
async function deliverCod(agent: TestUser, short = 0) {
  const buyer = await createCustomer(server);
  const { offerId } = await createOffer(server, { stock: 5, price: 5_000 });
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const { order } = await ok(checkout(buyer, cartId, { payment: { provider: 'cod' }, shippingAddress }));
  const due: Money = order.totals.total;
  const shipment = await ok(
    as(admin).post(`/admin/orders/${order.id}/shipments`, { deliveryAgentId: agent.id }),
  );
  const step = (body: object) => ok(as(agent).post(`/agent/deliveries/${shipment.id}/events`, body));
  await step({ status: 'PICKED_UP' });
  await step({ status: 'IN_TRANSIT' });
  const collected = { amount: due.amount + short, currency: due.currency };
  await step({ status: 'DELIVERED', codCollected: collected });
  return { orderId: order.id as string, shipmentId: shipment.id as string, due, collected };
}

/**
 * Locks an agent's row from a connection of its own (PostgreSQL only), and releases it once every
 * one of `n` requests waits: for that lock (directly or behind another waiter) or for a connection.
 */
async function holdAgentRow(agentId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const schema = server.database.schema;
  await client.query('BEGIN');
  await client.query(`SELECT 1 FROM "${schema}".delivery_agents WHERE user_id = $1 FOR UPDATE`, [agentId]);
  const blocked = async () => {
    // inside a transaction pg_stat_activity keeps its first snapshot unless told to drop it
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(
      `WITH RECURSIVE behind (pid) AS (
         SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))
         UNION SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY (pg_blocking_pids(a.pid)))
       SELECT count(*)::int AS n FROM behind`,
    );
    return rows[0].n as number;
  };
  return {
    async releaseWhenWaiting(n: number) {
      try {
        await vi.waitFor(
          async () => expect((await blocked()) + server.database.poolStats().waiting).toBe(n),
          { timeout: 10_000, interval: 10 },
        );
      } finally {
        await client.query('COMMIT');
        await client.end();
      }
    },
  };
}

const cashOf = (agentId: string) => as(admin).get(`/admin/delivery-agents/${agentId}/cash`);
const remit = (agentId: string, amount: Money, extra: object = {}) =>
  as(admin).post(`/admin/delivery-agents/${agentId}/remittances`, { amount, method: 'CASH', ...extra });
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const report = (query: string, user: TestUser = admin) => as(user).get(`/admin/cod/reconciliation?${query}`);

describe('an agent’s cash balance', () => {
  it('adds up two cash-on-delivery collections per currency', async () => {
    const agent = await createDeliveryAgent(server);
    const a = await deliverCod(agent);
    const b = await deliverCod(agent);
    const cash = await ok(cashOf(agent.id));
    const total = a.collected.amount + b.collected.amount;
    expect(cash).toEqual({
      agentId: agent.id,
      balances: [
        {
          currency: a.due.currency,
          collected: { amount: total, currency: a.due.currency },
          remitted: { amount: 0, currency: a.due.currency },
          outstanding: { amount: total, currency: a.due.currency },
        },
      ],
      discrepancies: [],
    });
  });

  it('lists a short collection as a discrepancy', async () => {
    const agent = await createDeliveryAgent(server);
    const short = await deliverCod(agent, -150);
    const cash = await ok(cashOf(agent.id));
    expect(cash.discrepancies).toEqual([
      {
        shipmentId: short.shipmentId,
        orderId: short.orderId,
        due: short.due,
        collected: short.collected,
        difference: { amount: -150, currency: short.due.currency },
        collectedAt: expect.any(String),
      },
    ]);
    expect(cash.balances[0].outstanding).toEqual(short.collected);
  });

  it('shows an agent its own cash and refuses another agent’s (403) and a customer (403)', async () => {
    const agent = await createDeliveryAgent(server);
    const other = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    expect(await ok(as(agent).get('/agent/cash'))).toMatchObject({
      agentId: agent.id,
      balances: [{ outstanding: d.collected }],
    });
    expect(await ok(as(other).get('/agent/cash'))).toMatchObject({ agentId: other.id, balances: [] });
    expect((await as(other).get(`/admin/delivery-agents/${agent.id}/cash`)).statusCode).toBe(403);
    expect((await as(await createCustomer(server)).get('/agent/cash')).statusCode).toBe(403);
  });

  it('answers 404 for a user who is not a delivery agent of the store', async () => {
    const customer = await createCustomer(server);
    expect((await cashOf(customer.id)).statusCode).toBe(404);
    expect((await cashOf('not-an-id')).statusCode).toBe(404);
    const res = await remit(customer.id, { amount: 100, currency: 'INR' });
    expect(res.statusCode).toBe(404);
  });

  it('hides a store’s agents’ cash from another store’s admin', async () => {
    const agent = await createDeliveryAgent(server);
    await deliverCod(agent);
    const foreign = await createAdmin(await createStore(server));
    expect((await as(foreign).get(`/admin/delivery-agents/${agent.id}/cash`)).statusCode).toBe(404);
    const remitted = await as(foreign).post(`/admin/delivery-agents/${agent.id}/remittances`, {
      amount: { amount: 1, currency: 'INR' },
      method: 'CASH',
    });
    expect(remitted.statusCode).toBe(404);
    const theirs = await ok(report(`from=${today()}&to=${today()}`, foreign));
    expect(theirs.rows).toEqual([]);
  });
});

describe('remittances', () => {
  it('brings the balance to zero and lists the remittances newest first, page by page', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    const part = { amount: 1_000, currency: d.due.currency };
    const first = await remit(agent.id, part, { method: 'UPI', reference: 'UTR-1', note: 'morning' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      agentId: agent.id,
      amount: part,
      method: 'UPI',
      reference: 'UTR-1',
      note: 'morning',
      recordedBy: admin.id,
    });
    const rest = { amount: d.collected.amount - 1_000, currency: d.due.currency };
    const second = await ok(remit(agent.id, rest));
    const cash = await ok(cashOf(agent.id));
    expect(cash.balances[0]).toMatchObject({
      collected: d.collected,
      remitted: d.collected,
      outstanding: { amount: 0, currency: d.due.currency },
    });
    const page1 = await ok(as(admin).get(`/admin/delivery-agents/${agent.id}/remittances?limit=1`));
    expect(page1.items.map((r: any) => r.id)).toEqual([second.id]);
    const page2 = await ok(
      as(admin).get(`/admin/delivery-agents/${agent.id}/remittances?limit=1&cursor=${page1.nextCursor}`),
    );
    expect(page2).toEqual({ items: [expect.objectContaining({ id: first.json().id })], nextCursor: null });
    const { rows } = await server.database.pool.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE name = 'fulfillment.cod.remitted' AND payload->>'agentId' = $1`,
      [agent.id],
    );
    expect(rows[0].n).toBe(2);
  });

  it('takes cash in from a former agent whose role was taken away while it still held some', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    await ok(as(admin).put(`/admin/users/${agent.id}/roles`, { roles: ['CUSTOMER'] }));
    const held = await ok(cashOf(agent.id));
    expect(held.balances[0].outstanding).toEqual(d.collected);
    expect((await remit(agent.id, d.collected)).statusCode).toBe(201);
    expect((await ok(cashOf(agent.id))).balances[0].outstanding.amount).toBe(0);
  });

  it('refuses a remittance above the balance (409) and changes nothing', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    const res = await remit(agent.id, { amount: d.collected.amount + 1, currency: d.due.currency });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: '/problems/remittance-exceeds-balance' });
    const otherCurrency = await remit(agent.id, { amount: 1, currency: 'USD' });
    expect(otherCurrency.statusCode).toBe(409);
    expect((await ok(cashOf(agent.id))).balances[0].remitted.amount).toBe(0);
    const list = await ok(as(admin).get(`/admin/delivery-agents/${agent.id}/remittances`));
    expect(list.items).toEqual([]);
  });

  it('never lets racing remittances together exceed the balance', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    const share = { amount: Math.floor(d.collected.amount * 0.4), currency: d.due.currency };
    // On PostgreSQL the test holds the agent's row until all six wait for it, so they truly race.
    const held = server.database.kind === 'postgres' ? await holdAgentRow(agent.id) : null;
    const racing = Promise.all(Array.from({ length: 6 }, () => remit(agent.id, share)));
    if (held) await held.releaseWhenWaiting(6);
    const answers = await racing;
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    const cash = await ok(cashOf(agent.id));
    expect(cash.balances[0].remitted.amount).toBe(2 * share.amount);
    expect(cash.balances[0].outstanding.amount).toBe(d.collected.amount - 2 * share.amount);
  });

  it('refuses a zero amount or an unknown method (400)', async () => {
    const agent = await createDeliveryAgent(server);
    expect((await remit(agent.id, { amount: 0, currency: 'INR' })).statusCode).toBe(400);
    const res = await remit(agent.id, { amount: 1, currency: 'INR' }, { method: 'CHEQUE' });
    expect(res.statusCode).toBe(400);
  });
});

describe('the reconciliation report', () => {
  it('adds up an agent’s day: due, collected, remitted, discrepancy and the running outstanding', async () => {
    const agent = await createDeliveryAgent(server);
    const earlier = await deliverCod(agent);
    await server.database.pool.query(
      `UPDATE cod_collections SET collected_at = now() - interval '2 days' WHERE shipment_id = $1`,
      [earlier.shipmentId],
    );
    const a = await deliverCod(agent);
    const b = await deliverCod(agent, -200);
    const currency = a.due.currency;
    await ok(remit(agent.id, { amount: 3_000, currency }));
    const m = (amount: number) => ({ amount, currency });
    const res = await ok(report(`from=${daysAgo(2)}&to=${today()}&agentId=${agent.id}`));
    expect(res.rows).toEqual([
      {
        date: daysAgo(2),
        agentId: agent.id,
        currency,
        due: earlier.due,
        collected: earlier.collected,
        remitted: m(0),
        discrepancy: m(0),
        outstanding: earlier.collected,
        deliveries: 1,
      },
      {
        date: today(),
        agentId: agent.id,
        currency,
        due: m(a.due.amount + b.due.amount),
        collected: m(a.collected.amount + b.collected.amount),
        remitted: m(3_000),
        discrepancy: m(-200),
        outstanding: m(earlier.collected.amount + a.collected.amount + b.collected.amount - 3_000),
        deliveries: 2,
      },
    ]);
    expect(res.totals).toEqual([
      {
        currency,
        due: m(earlier.due.amount + a.due.amount + b.due.amount),
        collected: m(earlier.collected.amount + a.collected.amount + b.collected.amount),
        remitted: m(3_000),
        discrepancy: m(-200),
        outstanding: res.rows[1].outstanding,
        deliveries: 3,
      },
    ]);
    const todayOnly = await ok(report(`from=${today()}&to=${today()}&agentId=${agent.id}`));
    expect(todayOnly.rows).toEqual([res.rows[1]]);
  });

  it('shows an agent that holds cash but did nothing in the range on its last day, so the totals miss nothing', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    await server.database.pool.query(
      `UPDATE cod_collections SET collected_at = now() - interval '3 days' WHERE shipment_id = $1`,
      [d.shipmentId],
    );
    const res = await ok(report(`from=${daysAgo(1)}&to=${today()}&agentId=${agent.id}`));
    const none = { amount: 0, currency: d.due.currency };
    expect(res.rows).toEqual([
      {
        date: today(),
        agentId: agent.id,
        currency: d.due.currency,
        due: none,
        collected: none,
        remitted: none,
        discrepancy: none,
        outstanding: d.collected,
        deliveries: 0,
      },
    ]);
    expect(res.totals[0].outstanding).toEqual(d.collected);
    await ok(remit(agent.id, d.collected));
    const settled = await ok(report(`from=${today()}&to=${today()}&agentId=${agent.id}`));
    expect(settled.rows[0]).toMatchObject({ remitted: d.collected, outstanding: none });
  });

  it('gives the same rows as CSV with a header', async () => {
    const agent = await createDeliveryAgent(server);
    const d = await deliverCod(agent);
    const res = await as(admin).get(
      `/admin/cod/reconciliation.csv?from=${today()}&to=${today()}&agentId=${agent.id}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('date,agent_id,currency,due,collected,remitted,discrepancy,outstanding,deliveries');
    expect(lines.slice(1)).toEqual([
      `${today()},${agent.id},${d.due.currency},${d.due.amount},${d.collected.amount},0,0,${d.collected.amount},1`,
    ]);
  });

  it('escapes CSV cells and guards ones a spreadsheet would run as a formula', () => {
    const row = {
      date: '2026-01-02',
      agentId: '=HYPERLINK("x"),y',
      currency: 'INR',
      due: { amount: 100, currency: 'INR' },
      collected: { amount: 90, currency: 'INR' },
      remitted: { amount: 0, currency: 'INR' },
      discrepancy: { amount: -10, currency: 'INR' },
      outstanding: { amount: 90, currency: 'INR' },
      deliveries: 1,
    };
    const [, line] = reconciliationCsv([row]).trim().split('\n');
    expect(line).toBe(`2026-01-02,"'=HYPERLINK(""x""),y",INR,100,90,0,-10,90,1`);
  });

  it('refuses bad dates and ranges with 400 problem+json', async () => {
    for (const query of [
      '',
      `from=${today()}`,
      'from=2026-02-30&to=2026-03-01',
      'from=2026/01/01&to=2026-01-02',
      'from=2026-03-02&to=2026-03-01',
      'from=2026-01-01&to=2026-04-03',
      `from=${today()}&to=${today()}&agentId=nope`,
    ]) {
      const res = await report(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await report('from=2026-01-01&to=2026-04-02')).statusCode).toBe(200);
    const csv = await as(admin).get('/admin/cod/reconciliation.csv?from=2026-01-02&to=2026-01-01');
    expect(csv.statusCode).toBe(400);
  });

  it('is for staff only (403 for an agent)', async () => {
    const agent = await createDeliveryAgent(server);
    expect((await report(`from=${today()}&to=${today()}`, agent)).statusCode).toBe(403);
  });
});
