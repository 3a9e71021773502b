import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createOffers, createWarehouse, type TestOffer } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Reference } from './index.ts';

let server: TestServer;
let storeId: string;
let warehouses: string[];

const inventory = () => server.modules.inventory.service;
const db = () => server.database.db;
const ctx = () => systemCtx(db(), storeId, server.log);

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  warehouses = [];
  for (const code of ['P1', 'P2']) warehouses.push((await createWarehouse(server, { code, name: code })).id);
});
afterAll(async () => server?.destroy());

const offer = fc.integer({ min: 0, max: 2 });
const warehouse = fc.integer({ min: 0, max: 1 });
const pick = fc.nat();
const Op = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    offer,
    warehouse,
    quantity: fc.integer({ min: 1, max: 20 }),
    lot: fc.constantFrom(null, 'A', 'B'),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    offer,
    warehouse,
    delta: fc.integer({ min: -10, max: 10 }).filter((d) => d !== 0),
  }),
  fc.record({
    kind: fc.constant('damage' as const),
    offer,
    warehouse,
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    offer,
    from: warehouse,
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('reserve' as const),
    lines: fc.array(fc.record({ offer, quantity: fc.integer({ min: 1, max: 6 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant('confirm' as const), pick }),
  fc.record({ kind: fc.constant('release' as const), pick }),
  fc.record({
    kind: fc.constant('return' as const),
    pick,
    quantity: fc.option(fc.integer({ min: 1, max: 4 })),
    shipped: fc.option(fc.boolean()),
    damaged: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('ship' as const), pick, quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('expireLot' as const), pick }),
  fc.record({ kind: fc.constant('expireReservation' as const), pick }),
  fc.record({ kind: fc.constant('sweep' as const) }),
);
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never;

/** Runs one operation; refusals the API promises (4xx AppErrors) are fine, anything else is a bug. */
async function run(op: Op, product: TestOffer[], refs: Reference[]) {
  const offers = product.map((o) => o.offerId);
  const s = inventory();
  const at = <T>(list: T[], i: number) => list[i % list.length];
  switch (op.kind) {
    case 'receive':
      return s.receive(ctx(), {
        offerId: offers[op.offer]!,
        productId: product[op.offer]!.productId,
        sellerId: product[op.offer]!.sellerId,
        warehouseId: warehouses[op.warehouse]!,
        quantity: op.quantity,
        ...(op.lot
          ? {
              lot: {
                code: op.lot,
                expiresAt: op.lot === 'A' ? '2099-01-01T00:00:00Z' : '2099-02-01T00:00:00Z',
              },
            }
          : {}),
      });
    case 'adjust':
      return s.stock.adjust(ctx(), {
        offerId: offers[op.offer]!,
        warehouseId: warehouses[op.warehouse]!,
        delta: op.delta,
        reason: 'count',
      });
    case 'damage':
      return s.stock.markDamaged(ctx(), {
        offerId: offers[op.offer]!,
        warehouseId: warehouses[op.warehouse]!,
        quantity: op.quantity,
        reason: 'broken',
      });
    case 'transfer':
      return s.stock.transfer(ctx(), {
        offerId: offers[op.offer]!,
        fromWarehouseId: warehouses[op.from]!,
        toWarehouseId: warehouses[1 - op.from]!,
        quantity: op.quantity,
      });
    case 'reserve': {
      const reference = { type: 'ORDER', id: newId() };
      refs.push(reference);
      return s.reserve(ctx(), {
        reference,
        lines: op.lines.map((l) => ({ offerId: offers[l.offer]!, quantity: l.quantity })),
      });
    }
    case 'confirm':
      return refs.length ? s.confirm(ctx(), at(refs, op.pick)!) : undefined;
    case 'release':
      return refs.length ? s.release(ctx(), at(refs, op.pick)!, 'cancelled') : undefined;
    case 'return': {
      if (!refs.length) return;
      const reference = at(refs, op.pick)!;
      const lines =
        op.quantity === null ? undefined : [{ offerId: offers[op.pick % 3]!, quantity: op.quantity }];
      return s.returnStock(ctx(), {
        reference,
        lines,
        ...(op.shipped === null ? {} : { shipped: op.shipped }),
        ...(op.damaged ? { condition: 'DAMAGED' as const } : {}),
      });
    }
    case 'ship': {
      if (!refs.length) return;
      const lines = [{ offerId: offers[op.pick % 3]!, quantity: op.quantity }];
      return s.ship(ctx(), { reference: at(refs, op.pick)!, lines, shipmentId: newId() });
    }
    case 'expireLot':
      // time passes for one lot of these offers
      return sql`UPDATE inventory_lots SET expires_at = now() - interval '1 second' WHERE id = (
        SELECT l.id FROM inventory_lots l JOIN inventory_items i ON i.id = l.item_id
        WHERE i.offer_id = ANY(${offers}) ORDER BY l.id OFFSET ${op.pick % 4} LIMIT 1)`.execute(db());
    case 'expireReservation':
      if (!refs.length) return;
      await sql`UPDATE inventory_reservations SET expires_at = now() - interval '1 second'
        WHERE reference_id = ${at(refs, op.pick)!.id}`.execute(db());
      return s.expireReservations(db());
    case 'sweep':
      return s.expireLots(db());
  }
}

describe('the movement ledger', () => {
  it('keeps on-hand equal to the sum of movements after any sequence of operations', async () => {
    const succeeded = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const product = await createOffers(server, 3); // three offers of one product
        const offers = product.map((o) => o.offerId);
        const refs: Reference[] = [];
        for (const o of product) {
          await inventory().receive(ctx(), {
            offerId: o.offerId,
            productId: o.productId,
            sellerId: o.sellerId,
            warehouseId: warehouses[0]!,
            quantity: 10,
          });
        }
        for (const op of ops) {
          try {
            await run(op, product, refs);
            succeeded.set(op.kind, (succeeded.get(op.kind) ?? 0) + 1);
          } catch (error) {
            if (!(error instanceof AppError) || error.status >= 500) throw error;
          }
        }
        expect(await inventory().reports.check(ctx())).toEqual([]);
        // conservation per offer: what came in minus what went out is what is on hand; committed is
        // what was sold and neither shipped nor returned (a shipped unit returned left it on shipping)
        const { rows } = await sql<Record<string, number>>`
          SELECT i.offer_id, sum(i.on_hand)::int AS on_hand, sum(i.committed)::int AS committed,
            sum(i.total_received + i.total_adjusted + i.total_returned - i.total_sold - i.damaged)::int
              AS expected,
            (sum(i.total_sold - i.total_returned - i.total_shipped) + coalesce((
              SELECT sum(rl.shipped_returned_quantity) FROM inventory_reservation_lines rl
              WHERE rl.offer_id = i.offer_id), 0))::int AS outstanding,
            min(i.available)::int AS min_available
          FROM inventory_items i WHERE i.offer_id = ANY(${offers}) GROUP BY i.offer_id`.execute(db());
        for (const row of rows) {
          expect(row.on_hand).toBe(row.expected);
          expect(row.committed).toBe(row.outstanding);
          expect(row.min_available).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 25 },
    );
    // the sequences exercised the real paths, not only refusals
    for (const kind of [
      'receive',
      'adjust',
      'damage',
      'transfer',
      'reserve',
      'confirm',
      'release',
      'return',
      'ship',
    ]) {
      expect(succeeded.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });
});
