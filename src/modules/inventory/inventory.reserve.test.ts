// The reservation and its confirmation each written by one statement (after the stock rows' lock):
// the edge cases of the set-based allocation, and the catalog's quantity written in the same
// statement. Races are real on PostgreSQL; on PGlite they run one at a time with the same answers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { as, createAdmin, createOffer, type TestUser } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { InsufficientStock, ReservationExists } from './index.ts';

let server: TestServer;
let admin: TestUser;
let storeId: string;

const inventory = () => server.modules.inventory.service;
const db = () => server.database.db;
const system = () => systemCtx(db(), storeId, server.log);
const ref = () => ({ type: 'ORDER', id: newId() });

beforeAll(async () => {
  server = await createTestServer({ config: { DATABASE_POOL_MAX: 20 } });
  storeId = server.modules.tenancy.defaultStore().id;
  admin = await createAdmin(server);
}, 300_000);
afterAll(async () => server?.destroy());

async function offerWith(
  receipts: { quantity: number; lot?: { code: string; expiresAt?: string }; warehouseId?: string }[],
) {
  const offer = await createOffer(server);
  for (const r of receipts) {
    await inventory().receive(system(), {
      offerId: offer.offerId,
      productId: offer.productId,
      sellerId: offer.sellerId,
      quantity: r.quantity,
      ...(r.lot ? { lot: r.lot } : {}),
      ...(r.warehouseId ? { warehouseId: r.warehouseId } : {}),
    });
  }
  return offer;
}

async function totals(offerId: string) {
  const s = await inventory().reports.offerStock(system(), offerId);
  return { onHand: s.onHand, reserved: s.reserved, available: s.available };
}

/** What the catalog says: the offer's sellable quantity and its product's in-stock flag. */
async function catalogOf(offerId: string) {
  const { rows } = await sql<{ quantity: number; in_stock: boolean }>`
    SELECT o.available_quantity::int AS quantity, p.in_stock FROM offers o JOIN products p ON p.id = o.product_id
    WHERE o.id = ${offerId}`.execute(db());
  return rows[0];
}

async function healthy() {
  expect(await inventory().reports.check(system())).toEqual([]);
}

async function lotCodes(offerId: string) {
  const lots = (await inventory().reports.offerStock(system(), offerId)).warehouses.flatMap(
    (w) => w.lots ?? [],
  );
  return (lotId: string) => lots.find((l) => l.id === lotId)?.code ?? null;
}

describe('a reservation in one statement', () => {
  it('lets exactly one of many buyers racing for the last unit win, and never oversells', async () => {
    const { offerId } = await offerWith([{ quantity: 1 }]);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientStock)).toBe(true);
    expect(await totals(offerId)).toEqual({ onHand: 1, reserved: 1, available: 0 });
    expect(await catalogOf(offerId)).toEqual({ quantity: 0, in_stock: false });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_reservation_lines
      WHERE offer_id = ${offerId}`.execute(db());
    expect(rows[0]!.n).toBe(1);
    await healthy();
  });

  it('reserves a quantity exactly equal to what is available, and the catalog sees it sold out', async () => {
    const { offerId } = await offerWith([{ quantity: 5 }]);
    expect(await catalogOf(offerId)).toEqual({ quantity: 5, in_stock: true });
    const view = await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 5 }] });
    expect(view.lines.map((l) => l.quantity)).toEqual([5]);
    expect(await totals(offerId)).toEqual({ onHand: 5, reserved: 5, available: 0 });
    expect(await catalogOf(offerId)).toEqual({ quantity: 0, in_stock: false });
    await expect(
      inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] }),
    ).rejects.toMatchObject({ shortages: [{ offerId, requested: 1, available: 0 }] });
    await healthy();
  });

  it('splits a line across two lots first-expiry-first', async () => {
    const { offerId } = await offerWith([
      { quantity: 5, lot: { code: 'LATER', expiresAt: '2099-09-01T00:00:00Z' } },
      { quantity: 2, lot: { code: 'SOONER', expiresAt: '2099-02-01T00:00:00Z' } },
    ]);
    const view = await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 4 }] });
    const code = await lotCodes(offerId);
    expect(view.lines.map((l) => [code(l.lotId), l.quantity])).toEqual([
      ['SOONER', 2],
      ['LATER', 2],
    ]);
    expect(await catalogOf(offerId)).toEqual({ quantity: 3, in_stock: true });
    await healthy();
  });

  it('takes from two warehouses, and leaves out a deactivated one', async () => {
    const made = await as(admin).post('/admin/warehouses', {
      code: `W-${newId().slice(-6)}`,
      name: 'Second',
    });
    expect(made.statusCode).toBe(201);
    const second = made.json().id as string;
    const { offerId } = await offerWith([{ quantity: 2 }, { quantity: 3, warehouseId: second }]);
    const view = await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 4 }] });
    // no expiry anywhere: the oldest lot first, whichever warehouse holds it
    expect(view.lines.map((l) => l.quantity)).toEqual([2, 2]);
    expect(new Set(view.lines.map((l) => l.lotId)).size).toBe(2);
    expect(await catalogOf(offerId)).toEqual({ quantity: 1, in_stock: true });
    await sql`UPDATE warehouses SET is_active = false WHERE id = ${second}`.execute(db());
    try {
      const { offerId: other } = await offerWith([{ quantity: 1 }, { quantity: 5, warehouseId: second }]);
      await expect(
        inventory().reserve(system(), { reference: ref(), lines: [{ offerId: other, quantity: 2 }] }),
      ).rejects.toMatchObject({ shortages: [{ offerId: other, requested: 2, available: 1 }] });
    } finally {
      await sql`UPDATE warehouses SET is_active = true WHERE id = ${second}`.execute(db());
    }
    await healthy();
  });

  it('does not take from an expired lot, and a shortage leaves nothing behind', async () => {
    const { offerId } = await offerWith([
      { quantity: 3, lot: { code: 'STALE', expiresAt: '2099-01-01T00:00:00Z' } },
      { quantity: 2, lot: { code: 'FRESH', expiresAt: '2099-06-01T00:00:00Z' } },
    ]);
    await sql`UPDATE inventory_lots SET expires_at = now() - interval '1 minute' WHERE lot_code = 'STALE'
      AND item_id IN (SELECT id FROM inventory_items WHERE offer_id = ${offerId})`.execute(db());
    const reference = ref();
    await expect(
      inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 3 }] }),
    ).rejects.toMatchObject({ shortages: [{ offerId, requested: 3, available: 2 }] });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_reservations
      WHERE reference_id = ${reference.id}`.execute(db());
    expect(rows[0]!.n).toBe(0);
    expect(await totals(offerId)).toMatchObject({ onHand: 5, reserved: 0 });
    const view = await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 2 }] });
    const code = await lotCodes(offerId);
    expect(view.lines.map((l) => [code(l.lotId), l.quantity])).toEqual([['FRESH', 2]]);
    await healthy();
  });

  it('names every short offer of a cart and reserves none of its lines', async () => {
    const a = await offerWith([{ quantity: 3 }]);
    const b = await offerWith([{ quantity: 1 }]);
    const c = await offerWith([{ quantity: 1 }]);
    const error = await inventory()
      .reserve(system(), {
        reference: ref(),
        lines: [
          { offerId: a.offerId, quantity: 2 },
          { offerId: b.offerId, quantity: 2 },
          { offerId: c.offerId, quantity: 5 },
        ],
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InsufficientStock);
    expect(new Set(error.shortages.map((s: { offerId: string }) => s.offerId))).toEqual(
      new Set([b.offerId, c.offerId]),
    );
    expect(await totals(a.offerId)).toMatchObject({ reserved: 0 });
  });

  it('refuses a second live reservation of the same reference', async () => {
    const { offerId } = await offerWith([{ quantity: 5 }]);
    const reference = ref();
    await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] });
    await expect(
      inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] }),
    ).rejects.toBeInstanceOf(ReservationExists);
    expect(await totals(offerId)).toMatchObject({ reserved: 1 });
  });
});

describe('a confirmation in one statement', () => {
  it('confirms after another reservation of the same lot was released, with the ledger in step', async () => {
    const { offerId } = await offerWith([
      { quantity: 4, lot: { code: 'A', expiresAt: '2099-02-01T00:00:00Z' } },
      { quantity: 4, lot: { code: 'B', expiresAt: '2099-08-01T00:00:00Z' } },
    ]);
    const released = ref();
    const kept = ref();
    await inventory().reserve(system(), { reference: released, lines: [{ offerId, quantity: 3 }] });
    await inventory().reserve(system(), { reference: kept, lines: [{ offerId, quantity: 3 }] });
    await inventory().release(system(), released, 'cancelled');
    expect(await totals(offerId)).toEqual({ onHand: 8, reserved: 3, available: 5 });
    const view = await inventory().confirm(system(), kept);
    expect(view.status).toBe('CONFIRMED');
    expect(view.lines.reduce((n, l) => n + l.quantity, 0)).toBe(3);
    expect(await totals(offerId)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    const { rows } = await sql<{ before: number; after: number; change: number }>`
      SELECT quantity_before::int AS before, quantity_after::int AS after, quantity_change::int AS change
      FROM inventory_movements WHERE offer_id = ${offerId} AND type = 'OUTBOUND' ORDER BY id`.execute(db());
    expect(rows.reduce((n, r) => n + r.change, 0)).toBe(-3);
    expect(rows[0]!.before).toBe(8);
    expect(rows.at(-1)!.after).toBe(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.before).toBe(rows[i - 1]!.after);
    // idempotent, and a released reservation cannot be sold
    expect((await inventory().confirm(system(), kept)).status).toBe('CONFIRMED');
    expect(await totals(offerId)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    await expect(inventory().confirm(system(), released)).rejects.toMatchObject({
      code: 'reservation-released',
    });
    expect(await catalogOf(offerId)).toEqual({ quantity: 5, in_stock: true });
    await healthy();
  });

  it('confirms many reservations of one offer at once without losing a unit', async () => {
    const { offerId } = await offerWith([{ quantity: 12 }]);
    const references = Array.from({ length: 12 }, ref);
    for (const reference of references) {
      await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] });
    }
    await Promise.all(references.map((r) => inventory().confirm(system(), r)));
    expect(await totals(offerId)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    await healthy();
  });
});
