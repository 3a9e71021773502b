import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, type TestServer } from '../../../test/harness.ts';
import { api, as, createAdmin, createOffer, type TestUser } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { Worker } from '../../platform/jobs/worker.ts';
import { InsufficientStock, RESERVATION_EXPIRY_JOB } from './index.ts';

// Races are real on PostgreSQL (a pool of connections); PGlite runs one transaction at a time, so
// there the same tests check that serialized execution gives the same answers.
const JWT_SECRET = 'concurrency-test-secret-0123456789abcdef';
let server: TestServer;
let admin: TestUser;
let storeId: string;

const inventory = () => server.modules.inventory.service;
const db = () => server.database.db;
const system = () => systemCtx(db(), storeId, server.log);
const ref = () => ({ type: 'ORDER', id: newId() });

/** A real catalog offer (a product of its own) with `quantity` units in the default warehouse. */
async function stockedOffer(quantity: number) {
  const { offerId, productId, sellerId } = await createOffer(server);
  await inventory().receive(system(), { offerId, productId, sellerId, quantity });
  return offerId;
}

async function totals(offerId: string) {
  const stock = await inventory().reports.offerStock(system(), offerId);
  return { onHand: stock.onHand, reserved: stock.reserved, available: stock.available };
}

beforeAll(async () => {
  server = await createTestServer({ config: { JWT_SECRET, DATABASE_POOL_MAX: 20 } });
  storeId = server.modules.tenancy.defaultStore().id;
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

/** Runs all attempts at once; returns how many succeeded and fails on anything but a stock shortage. */
async function race(attempts: (() => Promise<unknown>)[]) {
  const results = await Promise.allSettled(attempts.map((a) => a()));
  const unexpected = results.filter(
    (r) => r.status === 'rejected' && !(r.reason instanceof InsufficientStock),
  );
  expect(unexpected).toEqual([]);
  return results.filter((r) => r.status === 'fulfilled').length;
}

describe('reservations under contention', () => {
  it('lets exactly 10 of 100 concurrent one-unit reservations through for 10 units', async () => {
    const offerId = await stockedOffer(10);
    const won = await race(
      Array.from(
        { length: 100 },
        () => () => inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] }),
      ),
    );
    expect(won).toBe(10);
    expect(await totals(offerId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    expect(await inventory().reports.check(system())).toEqual([]);
  });

  it('lets exactly 10 of 100 concurrent HTTP holds through for 10 units', async () => {
    const offerId = await stockedOffer(10);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        as(admin).post('/admin/inventory/reservations', {
          reference: ref(),
          lines: [{ offerId, quantity: 1 }],
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(90);
    expect(await totals(offerId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
  });

  it('never deadlocks or oversells when orders lock the same offers in different orders', async () => {
    const x = await stockedOffer(20);
    const y = await stockedOffer(20);
    const won = await race(
      Array.from({ length: 60 }, (_, i) => () => {
        const lines =
          i % 2 === 0
            ? [
                { offerId: x, quantity: 1 },
                { offerId: y, quantity: 1 },
              ]
            : [
                { offerId: y, quantity: 1 },
                { offerId: x, quantity: 1 },
              ];
        return inventory().reserve(system(), { reference: ref(), lines });
      }),
    );
    expect(won).toBe(20);
    expect(await totals(x)).toMatchObject({ reserved: 20, available: 0 });
    expect(await totals(y)).toMatchObject({ reserved: 20, available: 0 });
  });

  it('confirms, releases and reserves at once without losing or doubling a unit', async () => {
    const offerId = await stockedOffer(30);
    const held = [];
    for (let i = 0; i < 20; i++) {
      const reference = ref();
      await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] });
      held.push(reference);
    }
    const won = await race([
      ...held.slice(0, 10).map((r) => () => inventory().confirm(system(), r)),
      ...held.slice(10).map((r) => () => inventory().release(system(), r, 'cancelled')),
      ...Array.from(
        { length: 30 },
        () => () => inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] }),
      ),
    ]);
    const { rows } = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM inventory_reservations
      WHERE reference_id = ANY(${held.map((r) => r.id)}) GROUP BY status ORDER BY status`.execute(db());
    expect(rows).toEqual([
      { status: 'CONFIRMED', n: 10 },
      { status: 'RELEASED', n: 10 },
    ]);
    // 10 sold, 20 left on hand. The racing holds get the 10 units free at the start, and as many
    // of the 10 released ones as they find: on PostgreSQL a hold may run before a release and lose.
    // Whatever they won is reserved, no more and no less.
    const holds = won - 20;
    expect(holds).toBeGreaterThanOrEqual(10);
    expect(holds).toBeLessThanOrEqual(20);
    expect(await totals(offerId)).toEqual({ onHand: 20, reserved: holds, available: 20 - holds });
    if (!onPostgres) expect(holds).toBe(20); // run one at a time, every release precedes the later holds
    expect(await inventory().reports.check(system())).toEqual([]);
  });

  it.skipIf(!onPostgres)('lets exactly 10 of 100 through when two servers share one database', async () => {
    const second = await createTestServer({ schema: server.schema, config: { JWT_SECRET } });
    try {
      const offerId = await stockedOffer(10);
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          api(i % 2 === 0 ? server : second).post(
            '/admin/inventory/reservations',
            { reference: ref(), lines: [{ offerId, quantity: 1 }] },
            admin.headers,
          ),
        ),
      );
      const codes = responses.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(10);
      expect(codes.filter((c) => c === 409)).toHaveLength(90);
      expect(await totals(offerId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    } finally {
      await second.close(); // the schema belongs to the first server
    }
  });
});

describe('reservation expiry with several workers', () => {
  it('returns the stock of each expired reservation exactly once', async () => {
    const offerId = await stockedOffer(40);
    const references = [];
    for (let i = 0; i < 40; i++) {
      const reference = ref();
      await inventory().reserve(system(), {
        reference,
        lines: [{ offerId, quantity: 1 }],
        ttlSeconds: 60,
      });
      references.push(reference);
    }
    expect((await totals(offerId)).available).toBe(0);
    const ids = references.map((r) => r.id);
    await sql`UPDATE inventory_reservations SET expires_at = now() - interval '1 second'
      WHERE reference_id = ANY(${ids})`.execute(db());
    const workers = [1, 2].map(
      (n) => new Worker({ db: db(), jobs: server.jobs, log: server.log, id: `expiry-${n}`, concurrency: 2 }),
    );
    for (let i = 0; i < 4; i++) {
      await server.jobs.enqueue(db(), { queue: RESERVATION_EXPIRY_JOB, dedupeKey: newId() });
    }
    const [, , direct] = await Promise.all([
      workers[0]!.drain(),
      workers[1]!.drain(),
      inventory().expireReservations(db(), 7),
    ]);
    expect(direct).toBeLessThanOrEqual(40);
    expect(await totals(offerId)).toEqual({ onHand: 40, reserved: 0, available: 40 });
    const { rows } = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM inventory_reservations WHERE reference_id = ANY(${ids})
      GROUP BY status`.execute(db());
    expect(rows).toEqual([{ status: 'EXPIRED', n: 40 }]);
    const dead = await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs
      WHERE queue = ${RESERVATION_EXPIRY_JOB} AND status <> 'succeeded'`.execute(db());
    expect(dead.rows[0]!.n).toBe(0);
    expect(await inventory().reports.check(system())).toEqual([]);
  });

  it('lets confirm and expiry race on the same reservations with one winner each', async () => {
    const offerId = await stockedOffer(20);
    const references = [];
    for (let i = 0; i < 20; i++) {
      const reference = ref();
      await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] });
      references.push(reference);
    }
    await sql`UPDATE inventory_reservations SET expires_at = now() - interval '1 second'
      WHERE reference_id = ANY(${references.map((r) => r.id)})`.execute(db());
    const outcomes = await Promise.allSettled([
      inventory().expireReservations(db(), 5),
      ...references.map((r) => inventory().confirm(system(), r)),
      inventory().expireReservations(db(), 5),
    ]);
    const confirmed = outcomes.filter((o) => o.status === 'fulfilled' && typeof o.value === 'object').length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.every((o) => (o as PromiseRejectedResult).reason.code === 'reservation-expired')).toBe(
      true,
    );
    expect(confirmed + refused.length).toBe(20);
    const stock = await totals(offerId);
    expect(stock).toEqual({ onHand: 20 - confirmed, reserved: 0, available: 20 - confirmed });
    expect(await inventory().reports.check(system())).toEqual([]);
  });
});
