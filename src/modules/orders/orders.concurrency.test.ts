import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, type TestServer } from '../../../test/harness.ts';
import {
  createAdmin,
  createSeller,
  createStore,
  serviceCtx,
  shippingAddress,
  type TestUser,
} from '../../../test/kit/index.ts';
import type { Trx } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { priceOrder } from './orders.pricing.ts';

// Races are real on PostgreSQL (a pool of connections); PGlite runs one transaction at a time, so
// there the same calls run serialized and must give the same kind of answers.
let server: TestServer;
let admin: TestUser;
let sellerA: TestUser;
let sellerB: TestUser;

beforeAll(async () => {
  server = await createTestServer({ config: { DATABASE_POOL_MAX: 20 } });
  [admin, sellerA, sellerB] = await Promise.all([
    createAdmin(server),
    createSeller(server),
    createSeller(server),
  ]);
});
afterAll(async () => server?.destroy());

const orders = () => server.modules.orders.service;

/** A cash-on-delivery order (CONFIRMED) with one item of seller A and one of seller B. */
async function confirmedOrder(storeId?: string) {
  const items = [sellerA, sellerB].map((s) => ({
    offerId: newId(),
    productId: newId(),
    variantId: newId(),
    sellerId: s.id,
    name: 'Thing',
    sku: `SKU-${newId().slice(-8)}`,
    options: {},
    imageUrl: null,
    categoryId: null,
    unitPrice: 1_000,
    quantity: 1,
    rewardPercentBp: 0,
    weightGrams: null,
  }));
  const totals = priceOrder({
    lines: items.map((i) => ({ key: i.offerId, ...i, requiresShipping: true })),
    pointsToRedeem: 0,
    pointValue: 100,
    destination: { country: shippingAddress.country, region: shippingAddress.state },
    taxRules: [],
    shipping: null,
  });
  const ctx = serviceCtx(server, admin, storeId);
  const number = await orders().nextOrderNumber(ctx);
  const order = await transaction(server.database.db, (trx) =>
    orders().createOrder(withDb(ctx, trx), {
      id: newId(),
      number,
      userId: null,
      email: 'buyer@example.test',
      currency: 'INR',
      paymentProvider: 'cod',
      status: 'CONFIRMED',
      totals,
      couponCode: null,
      shippingMethod: null,
      shippingAddress,
      billingAddress: shippingAddress,
      cartId: null,
      items,
    }),
  );
  const itemOf = (s: TestUser) => order.items.find((i) => i.sellerId === s.id)!.id;
  return { id: order.id, number: order.number, itemA: itemOf(sellerA), itemB: itemOf(sellerB) };
}

/** One attempt, never retried: a deadlock surfaces as its 40P01 error instead of healing. */
const once = <T>(work: (trx: Trx) => Promise<T>) => transaction(server.database.db, work, { retries: 0 });

const sellerMoves = (user: TestUser, orderId: string, itemId: string) =>
  once((trx) =>
    orders().updateItemStatus(withDb(serviceCtx(server, user), trx), orderId, itemId, 'PROCESSING'),
  );
const adminMoves = (orderId: string) =>
  once((trx) => orders().transition(withDb(serviceCtx(server, admin), trx), orderId, 'PROCESSING'));

/** Every failure must be a business answer (a 409 for a move already made), never a deadlock. */
function expectNoDeadlock(results: PromiseSettledResult<unknown>[]) {
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  expect(failures.filter((e) => e?.code === '40P01')).toEqual([]);
  for (const e of failures) expect(e).toMatchObject({ status: 409 });
}

/** Waits until `count` backends wait, directly or behind another waiter, on the lock `holder` holds. */
async function waitForWaiters(holder: number, count: number) {
  for (let i = 0; i < 500; i++) {
    const { rows } = await sql<{ n: number }>`
      WITH RECURSIVE queue (pid) AS (
        SELECT ${holder}::int
        UNION
        SELECT a.pid FROM pg_stat_activity a JOIN queue q ON q.pid = ANY (pg_blocking_pids(a.pid))
      )
      SELECT count(*)::int - 1 AS n FROM queue`.execute(server.database.db);
    if (rows[0]!.n >= count) return;
    await sleep(10);
  }
  throw new Error(`never saw ${count} transactions waiting on ${holder}`);
}

describe('lock order of orders and their items', () => {
  it('lets a seller’s item move and an order transition that wait on each other finish without a deadlock', async () => {
    const order = await confirmedOrder();
    if (!onPostgres) {
      expectNoDeadlock(
        await Promise.allSettled([adminMoves(order.id), sellerMoves(sellerA, order.id, order.itemA)]),
      );
      return;
    }
    // Hold the order's row so that the transition queues first, then the seller's item move: each
    // must then take the order before touching an item, or the two wait on each other for good.
    const blocker = await server.database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [order.id]);
      const holder = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const transition = adminMoves(order.id);
      transition.catch(() => undefined); // judged below
      await waitForWaiters(holder, 1);
      const itemMove = sellerMoves(sellerA, order.id, order.itemA);
      itemMove.catch(() => undefined);
      await waitForWaiters(holder, 2);
      await blocker.query('COMMIT');
      const results = await Promise.allSettled([transition, itemMove]);
      expectNoDeadlock(results);
      expect(results[0]!.status).toBe('fulfilled');
    } finally {
      blocker.release();
    }
  });

  it('runs many concurrent item moves and order transitions without a deadlock', async () => {
    const placed = await Promise.all(Array.from({ length: 8 }, () => confirmedOrder()));
    const results = await Promise.allSettled(
      placed.flatMap((o) => [
        sellerMoves(sellerA, o.id, o.itemA),
        adminMoves(o.id),
        sellerMoves(sellerB, o.id, o.itemB),
      ]),
    );
    expectNoDeadlock(results);
    for (const o of placed) {
      const { order, items } = await orders().load(serviceCtx(server, admin), o.id);
      expect(order.status).toBe('PROCESSING');
      expect(items.map((i) => i.fulfillment_status)).toEqual(['PROCESSING', 'PROCESSING']);
    }
  });
});

describe('order numbers', () => {
  const newStore = async () => (await createStore(server, { name: 'Another' })).id;

  it('numbers each store’s orders from a sequence of its own', async () => {
    const [storeA, storeB] = [await newStore(), await newStore()];
    const a1 = await confirmedOrder(storeA);
    const b1 = await confirmedOrder(storeB);
    const a2 = await confirmedOrder(storeA);
    const b2 = await confirmedOrder(storeB);
    expect([a1.number, a2.number]).toEqual(['100001', '100002']);
    expect([b1.number, b2.number]).toEqual(['100001', '100002']);
  });

  it('gives concurrent checkouts in one store distinct, consecutive numbers', async () => {
    const store = await newStore();
    const placed = await Promise.all(Array.from({ length: 20 }, () => confirmedOrder(store)));
    const numbers = placed.map((o) => Number(o.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 100_001 + i));
  });
});
