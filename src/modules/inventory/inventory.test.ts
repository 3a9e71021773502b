import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createOffer,
  createOffers,
  createSeller,
  createStore,
  type TestOffer,
  type TestUser,
} from '../../../test/kit/index.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { systemCtx, withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import {
  InsufficientStock,
  InventoryService,
  type OfferOwnerLookup,
  RESERVATION_EXPIRY_JOB,
} from './index.ts';

let server: TestServer;
let admin: TestUser;
let sellerA: TestUser;
let sellerB: TestUser;
let customer: TestUser;
let storeId: string;

const inventory = () => server.modules.inventory.service;
const db = () => server.database.db;
const system = () => systemCtx(db(), storeId, server.log);

/** A fresh catalog offer of the store with `quantity` units in the default warehouse. */
async function stockedOffer(quantity: number, options: { lot?: Record<string, unknown> } = {}) {
  const offer = await createOffer(server);
  await inventory().receive(system(), {
    offerId: offer.offerId,
    productId: offer.productId,
    sellerId: offer.sellerId,
    quantity,
    ...(options.lot ? { lot: options.lot as never } : {}),
  });
  return offer;
}

const ref = (id = newId()) => ({ type: 'ORDER', id });

/** The catalog's answer for the offers a test made, for a service built outside the server. */
function ownerOf(offer: TestOffer): OfferOwnerLookup {
  return async (_ctx, offerId) =>
    offerId === offer.offerId ? { sellerId: offer.sellerId, productId: offer.productId } : undefined;
}

async function sellable(offerId: string) {
  return (await inventory().getAvailability(system(), [offerId])).get(offerId);
}

async function healthy() {
  expect(await inventory().reports.check(system())).toEqual([]);
}

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  [admin, sellerA, sellerB, customer] = await Promise.all([
    createAdmin(server),
    createSeller(server),
    createSeller(server),
    createCustomer(server),
  ]);
});
afterAll(async () => server?.destroy());

describe('warehouses', () => {
  it('lets an admin create, read, change, list and delete a warehouse', async () => {
    const created = await as(admin).post('/admin/warehouses', {
      code: 'blr-1',
      name: 'Bengaluru',
      type: 'RETAIL',
      address: { line1: '1 MG Road', city: 'Bengaluru', country: 'IN' },
      latitude: 12.9716,
      longitude: 77.5946,
      timezone: 'Asia/Kolkata',
      operatingHours: { monday: { open: '09:00', close: '18:00' } },
    });
    expect(created.statusCode).toBe(201);
    const w = created.json();
    expect(w).toMatchObject({
      code: 'BLR-1',
      type: 'RETAIL',
      latitude: 12.9716,
      active: true,
      isDefault: false,
    });
    expect((await as(sellerA).get(`/admin/warehouses/${w.id}`)).json().name).toBe('Bengaluru');
    const patched = await as(admin).patch(`/admin/warehouses/${w.id}`, { name: 'Bengaluru North' });
    expect(patched.json().name).toBe('Bengaluru North');
    const list = await as(admin).get('/admin/warehouses?limit=100');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await as(admin).del(`/admin/warehouses/${w.id}`)).statusCode).toBe(204);
    expect((await as(admin).get(`/admin/warehouses/${w.id}`)).statusCode).toBe(404);
  });

  it('refuses a second warehouse with the same code in a store', async () => {
    expect((await as(admin).post('/admin/warehouses', { code: 'DUP', name: 'One' })).statusCode).toBe(201);
    const again = await as(admin).post('/admin/warehouses', { code: 'dup', name: 'Two' });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/warehouse-code-taken');
  });

  it('refuses to delete a warehouse that holds stock', async () => {
    const { offerId } = await stockedOffer(1);
    const stock = await inventory().reports.offerStock(system(), offerId);
    const res = await as(admin).del(`/admin/warehouses/${stock.warehouses[0]!.warehouse.id}`);
    expect(res.statusCode).toBe(409);
  });

  it('answers unknown warehouse ids of any format with 404', async () => {
    for (const id of [newId(), 'not-a-uuid', '12345']) {
      expect((await as(admin).get(`/admin/warehouses/${id}`)).statusCode).toBe(404);
      expect((await as(admin).patch(`/admin/warehouses/${id}`, { name: 'x' })).statusCode).toBe(404);
    }
  });

  it('rejects bad warehouse input with pointers', async () => {
    const res = await as(admin).post('/admin/warehouses', {
      code: 'way-too-long-a-code-for-this',
      name: 'x'.repeat(10_000),
      latitude: 91,
      timezone: 'Mars/Olympus',
      operatingHours: { monday: { open: '9am', close: '18:00' } },
    });
    expect(res.statusCode).toBe(400);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/code', '/name', '/latitude', '/timezone', '/operatingHours/monday/open']),
    );
  });

  it('answers stock settings of an unknown offer or warehouse of any format with 404', async () => {
    const { offerId } = await stockedOffer(1);
    const w = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    for (const [o, wh] of [
      ['not-a-uuid', w],
      [newId(), w],
      [offerId, 'nope'],
      [offerId, newId()],
    ]) {
      const res = await as(admin).patch(`/admin/inventory/offers/${o}/warehouses/${wh}`, {
        reorderPoint: 1,
      });
      expect(res.statusCode).toBe(404);
    }
    for (const url of [
      '/admin/inventory/offers/x',
      '/admin/inventory/offers/x/movements',
      '/admin/inventory/products/x',
    ]) {
      expect((await as(admin).get(url)).statusCode).toBe(404);
    }
  });

  it('checks reservation lines from in-process callers too', async () => {
    for (const lines of [[], [{ offerId: 'x', quantity: 1 }], [{ offerId: newId(), quantity: 0 }]]) {
      await expect(inventory().reserve(system(), { reference: ref(), lines })).rejects.toMatchObject({
        status: 400,
      });
    }
  });

  it('lets only admins change warehouses', async () => {
    expect((await as(sellerA).post('/admin/warehouses', { code: 'S1', name: 'S' })).statusCode).toBe(403);
    expect((await as(customer).get('/admin/warehouses')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/warehouses')).statusCode).toBe(401);
  });

  it('takes stock of an inactive warehouse off sale and tells the listener', async () => {
    const heard: [string, number][] = [];
    const offer = await createOffer(server);
    const { offerId, productId, sellerId } = offer;
    const service = new InventoryService({
      jobs: server.jobs,
      log: server.log,
      reservationTtlSeconds: 900,
      onAvailabilityChange: async (_ctx, offerId, available) => void heard.push([offerId, available]),
      offerOwner: ownerOf(offer),
    });
    const w = (await as(admin).post('/admin/warehouses', { code: 'SIDE', name: 'Side' })).json();
    await service.receive(system(), {
      offerId,
      productId,
      sellerId,
      warehouseId: w.id,
      quantity: 4,
    });
    expect(heard).toEqual([[offerId, 4]]);
    const adminCtx = systemCtx(db(), storeId, server.log, {
      actor: { userId: admin.id, storeId, roles: ['ADMIN' as const] },
    });
    await service.warehouses.update(adminCtx, w.id, { active: false });
    expect(heard.at(-1)).toEqual([offerId, 0]);
    expect(await sellable(offerId)).toBe(0);
    await expect(
      service.reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] }),
    ).rejects.toThrow(InsufficientStock);
    await service.warehouses.update(adminCtx, w.id, { active: true });
    expect(heard.at(-1)).toEqual([offerId, 4]);
  });
});

describe('receiving stock', () => {
  it('creates the default warehouse on the first receipt without one', async () => {
    const { offerId, productId, sellerId } = await createOffer(server);
    const res = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      productId,
      sellerId,
      quantity: 12,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      offerId,
      onHand: 12,
      reserved: 0,
      available: 12,
      sellable: 12,
      warehouse: { code: 'DEFAULT' },
      totals: { received: 12 },
    });
    const warehouses = (await as(admin).get('/admin/warehouses?limit=100')).json().items;
    expect(warehouses.filter((w: { isDefault: boolean }) => w.isDefault)).toHaveLength(1);
  });

  it('takes the seller and product of an offer’s first receipt from the catalog', async () => {
    const seller = await createSeller(server);
    const { offerId, productId } = await createOffer(server, { seller });
    const res = await as(admin).post('/admin/inventory/receipts', { offerId, quantity: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ offerId, productId, sellerId: seller.id });
  });

  it('rejects zero, negative, fractional and huge quantities with a pointer', async () => {
    const { offerId, productId, sellerId } = await createOffer(server);
    for (const quantity of [0, -1, 1.5, 2 ** 31, 1e20, '3']) {
      const res = await as(admin).post('/admin/inventory/receipts', {
        offerId,
        productId,
        sellerId,
        quantity,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/quantity');
    }
  });

  it('answers an unknown warehouse with 404', async () => {
    const { offerId, productId, sellerId } = await createOffer(server);
    const res = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      productId,
      sellerId,
      warehouseId: newId(),
      quantity: 1,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/warehouse-not-found');
  });

  it('receives into lots and refuses a lot code with different dates', async () => {
    const { offerId } = await stockedOffer(1);
    const lot = {
      code: 'LOT-7',
      manufacturedOn: '2025-01-01',
      expiresAt: '2099-01-01T00:00:00Z',
      unitCost: { amount: 1250, currency: 'INR' },
    };
    const first = await as(admin).post('/admin/inventory/receipts', { offerId, quantity: 5, lot });
    expect(first.statusCode).toBe(201);
    const again = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      quantity: 2,
      lot: { code: 'LOT-7' },
    });
    expect(again.json().lots.find((l: { code: string }) => l.code === 'LOT-7')).toMatchObject({
      onHand: 7,
      receivedQuantity: 7,
      unitCost: { amount: 1250, currency: 'INR' },
    });
    const clash = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      quantity: 1,
      lot: { code: 'LOT-7', expiresAt: '2098-01-01T00:00:00Z' },
    });
    expect(clash.statusCode).toBe(409);
    const backwards = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      quantity: 1,
      lot: { code: 'LOT-8', manufacturedOn: '2025-06-01', expiresAt: '2025-01-01T00:00:00Z' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].pointer).toBe('/lot/expiresAt');
  });

  it('refuses a receipt above the maximum level', async () => {
    const { offerId } = await stockedOffer(5);
    const stock = await inventory().reports.offerStock(system(), offerId);
    const w = stock.warehouses[0]!.warehouse.id;
    expect(
      (
        await as(admin).patch(`/admin/inventory/offers/${offerId}/warehouses/${w}`, {
          maxLevel: 8,
          bin: 'B-12',
        })
      ).json(),
    ).toMatchObject({ maxLevel: 8, bin: 'B-12' });
    expect((await as(admin).post('/admin/inventory/receipts', { offerId, quantity: 4 })).statusCode).toBe(
      409,
    );
    expect((await as(admin).post('/admin/inventory/receipts', { offerId, quantity: 3 })).statusCode).toBe(
      201,
    );
  });
});

describe('adjusting, damaging and transferring', () => {
  it('adjusts with a reason and records before and after', async () => {
    const { offerId } = await stockedOffer(10);
    const w = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    const down = await as(admin).post('/admin/inventory/adjustments', {
      offerId,
      warehouseId: w,
      delta: -3,
      reason: 'cycle count',
    });
    expect(down.json()).toMatchObject({ onHand: 7, totals: { adjusted: -3 } });
    const up = await as(admin).post('/admin/inventory/adjustments', {
      offerId,
      warehouseId: w,
      delta: 2,
      reason: 'found',
    });
    expect(up.json()).toMatchObject({ onHand: 9, totals: { adjusted: -1 } });
    const movements = (await as(admin).get(`/admin/inventory/offers/${offerId}/movements`)).json().items;
    expect(
      movements.map((m: any) => [m.type, m.quantityChange, m.quantityBefore, m.quantityAfter, m.reason]),
    ).toEqual([
      ['ADJUSTMENT', 2, 7, 9, 'found'],
      ['ADJUSTMENT', -3, 10, 7, 'cycle count'],
      ['INBOUND', 10, 0, 10, 'received'],
    ]);
    expect(movements[0].actorUserId).toBe(admin.id);
    const bad = await as(admin).post('/admin/inventory/adjustments', {
      offerId,
      warehouseId: w,
      delta: 0,
      reason: '',
    });
    expect(
      bad
        .json()
        .errors.map((e: any) => e.pointer)
        .sort(),
    ).toEqual(['/delta', '/reason']);
  });

  it('never adjusts or damages reserved units', async () => {
    const { offerId } = await stockedOffer(5);
    const w = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 4 }] });
    const res = await as(admin).post('/admin/inventory/adjustments', {
      offerId,
      warehouseId: w,
      delta: -2,
      reason: 'lost',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/insufficient-stock');
    const damaged = await as(admin).post('/admin/inventory/damages', {
      offerId,
      warehouseId: w,
      quantity: 1,
      reason: 'dropped',
    });
    expect(damaged.json()).toMatchObject({ onHand: 4, reserved: 4, damaged: 1, available: 0 });
    await healthy();
  });

  it('transfers lots between warehouses keeping code and expiry', async () => {
    const { offerId } = await stockedOffer(6, { lot: { code: 'B-1', expiresAt: '2099-06-01T00:00:00Z' } });
    const from = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    const to = (
      await as(admin).post('/admin/warehouses', {
        code: `T${Date.now() % 100000}`,
        name: 'Transfer target',
      })
    ).json().id;
    const res = await as(admin).post('/admin/inventory/transfers', {
      offerId,
      fromWarehouseId: from,
      toWarehouseId: to,
      quantity: 4,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.from.onHand).toBe(2);
    expect(body.to.onHand).toBe(4);
    expect(body.to.lots[0]).toMatchObject({ code: 'B-1', expiresAt: '2099-06-01T00:00:00.000Z', onHand: 4 });
    const same = await as(admin).post('/admin/inventory/transfers', {
      offerId,
      fromWarehouseId: to,
      toWarehouseId: to,
      quantity: 1,
    });
    expect(same.json().errors[0].pointer).toBe('/toWarehouseId');
    const tooMany = await as(admin).post('/admin/inventory/transfers', {
      offerId,
      fromWarehouseId: from,
      toWarehouseId: to,
      quantity: 3,
    });
    expect(tooMany.statusCode).toBe(409);
    expect(await sellable(offerId)).toBe(6);
    await healthy();
  });
});

describe('reservations', () => {
  it('reserves all lines or none and names the offers that are short', async () => {
    const a = await stockedOffer(5);
    const b = await stockedOffer(1);
    const err = await inventory()
      .reserve(system(), {
        reference: ref(),
        lines: [
          { offerId: a.offerId, quantity: 2 },
          { offerId: b.offerId, quantity: 3 },
        ],
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientStock);
    expect(err.status).toBe(409);
    expect(err.shortages).toEqual([{ offerId: b.offerId, requested: 3, available: 1 }]);
    expect(await sellable(a.offerId)).toBe(5);
    const res = await as(admin).post('/admin/inventory/reservations', {
      reference: ref(),
      lines: [
        { offerId: a.offerId, quantity: 2 },
        { offerId: b.offerId, quantity: 3 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: '/problems/insufficient-stock',
      offers: [{ offerId: b.offerId, requested: 3, available: 1 }],
    });
  });

  it('leaves nothing behind when a caller catches the shortage inside its own transaction', async () => {
    const { offerId } = await stockedOffer(1);
    const reference = ref();
    await transaction(db(), async (trx) => {
      await expect(
        inventory().reserve(withDb(system(), trx), { reference, lines: [{ offerId, quantity: 2 }] }),
      ).rejects.toThrow(InsufficientStock);
      // the transaction is still usable: the caller goes on with a smaller hold
      await inventory().reserve(withDb(system(), trx), { reference, lines: [{ offerId, quantity: 1 }] });
    });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_reservations
      WHERE reference_id = ${reference.id}`.execute(db());
    expect(rows[0]!.n).toBe(1);
    expect(await sellable(offerId)).toBe(0);
  });

  it('confirms a reservation into a sale and returns stock after cancellation', async () => {
    const { offerId } = await stockedOffer(10);
    const reference = ref();
    const held = await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 3 }] });
    expect(held.status).toBe('ACTIVE');
    expect(new Date(held.expiresAt).getTime() - Date.now()).toBeGreaterThan(800_000);
    expect(await sellable(offerId)).toBe(7);
    const sold = await inventory().confirm(system(), reference);
    expect(sold.status).toBe('CONFIRMED');
    expect(await inventory().confirm(system(), reference)).toMatchObject({ status: 'CONFIRMED' });
    let stock = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!;
    expect(stock).toMatchObject({ onHand: 7, reserved: 0, committed: 3, available: 7, totals: { sold: 3 } });
    await expect(inventory().release(system(), reference, 'changed mind')).rejects.toMatchObject({
      code: 'reservation-confirmed',
    });
    await inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 1 }] });
    await expect(
      inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 3 }] }),
    ).rejects.toMatchObject({
      code: 'return-exceeds-sold',
    });
    const all = await inventory().returnStock(system(), { reference });
    expect(all.lines[0]).toMatchObject({ quantity: 3, returnedQuantity: 3 });
    stock = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!;
    expect(stock).toMatchObject({ onHand: 10, committed: 0, totals: { sold: 3, returned: 3 } });
    const types = (await as(admin).get(`/admin/inventory/offers/${offerId}/movements`))
      .json()
      .items.map((m: any) => m.type);
    expect(types).toEqual(['RETURN', 'RETURN', 'OUTBOUND', 'INBOUND']);
    await healthy();
  });

  it('releases a reservation once and keeps one live reservation per reference', async () => {
    const { offerId } = await stockedOffer(4);
    const reference = ref();
    await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 4 }] });
    const other = (await stockedOffer(1)).offerId;
    await expect(
      inventory().reserve(system(), { reference, lines: [{ offerId: other, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'reservation-exists' });
    expect(await sellable(other)).toBe(1);
    await inventory().release(system(), reference, 'payment declined');
    const again = await inventory().release(system(), reference, 'again');
    expect(again).toMatchObject({ status: 'RELEASED', releaseReason: 'payment declined' });
    expect(await sellable(offerId)).toBe(4);
    await expect(inventory().confirm(system(), reference)).rejects.toMatchObject({
      code: 'reservation-released',
    });
    // a released reference may reserve again
    expect(
      (await inventory().reserve(system(), { reference, lines: [{ offerId, quantity: 1 }] })).status,
    ).toBe('ACTIVE');
    await expect(inventory().confirm(system(), ref())).rejects.toMatchObject({ status: 404 });
    await healthy();
  });

  it('drives holds over HTTP: reserve, read, confirm, return, release', async () => {
    const { offerId } = await stockedOffer(3);
    const created = await as(admin).post('/admin/inventory/reservations', {
      reference: { type: 'QUOTE', id: 'Q-1' },
      lines: [{ offerId, quantity: 2 }],
      ttlSeconds: 60,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await as(admin).get(`/admin/inventory/reservations/${id}`)).json().lines).toHaveLength(1);
    expect((await as(admin).post(`/admin/inventory/reservations/${id}/confirm`)).json().status).toBe(
      'CONFIRMED',
    );
    const returned = await as(admin).post(`/admin/inventory/reservations/${id}/returns`, {
      lines: [{ offerId, quantity: 2 }],
    });
    expect(returned.json().lines[0].returnedQuantity).toBe(2);
    const other = (
      await as(admin).post('/admin/inventory/reservations', {
        reference: { type: 'QUOTE', id: 'Q-2' },
        lines: [{ offerId, quantity: 3 }],
      })
    ).json();
    expect(
      (
        await as(admin).post(`/admin/inventory/reservations/${other.id}/release`, {
          reason: 'quote lapsed',
        })
      ).json().status,
    ).toBe('RELEASED');
    expect((await as(admin).get('/admin/inventory/reservations/nope')).statusCode).toBe(404);
    expect(
      (
        await as(sellerA).post('/admin/inventory/reservations', {
          reference: ref(),
          lines: [{ offerId, quantity: 1 }],
        })
      ).statusCode,
    ).toBe(403);
    const bad = await as(admin).post('/admin/inventory/reservations', {
      reference: { type: 'order', id: '' },
      lines: [{ offerId: 'x', quantity: 0 }],
    });
    expect(
      bad
        .json()
        .errors.map((e: any) => e.pointer)
        .sort(),
    ).toEqual(['/lines/0/offerId', '/lines/0/quantity', '/reference/id', '/reference/type']);
  });

  it('expires reservations in the scheduled job and returns their stock once', async () => {
    const { offerId } = await stockedOffer(5);
    const reference = ref();
    await inventory().reserve(system(), {
      reference,
      lines: [{ offerId, quantity: 5 }],
      ttlSeconds: 60,
    });
    await sql`UPDATE inventory_reservations SET expires_at = now() - interval '1 second' WHERE reference_id = ${reference.id}`.execute(
      db(),
    );
    await server.jobs.enqueue(db(), { queue: RESERVATION_EXPIRY_JOB, dedupeKey: newId() });
    await server.worker.drain();
    expect(await sellable(offerId)).toBe(5);
    await expect(inventory().confirm(system(), reference)).rejects.toMatchObject({
      code: 'reservation-expired',
    });
    expect(await inventory().expireReservations(db())).toBe(0);
    await healthy();
  });
});

describe('lots: FEFO and expiry', () => {
  it('allocates the earliest expiry first, lots without expiry last', async () => {
    const { offerId } = await stockedOffer(2); // unlotted
    const receive = (code: string, quantity: number, expiresAt: string) =>
      inventory().receive(system(), { offerId, quantity, lot: { code, expiresAt } });
    await receive('LATE', 3, '2099-12-01T00:00:00Z');
    await receive('SOON', 2, '2099-01-01T00:00:00Z');
    const view = await inventory().reserve(system(), {
      reference: ref(),
      lines: [{ offerId, quantity: 6 }],
    });
    const lots = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.lots!;
    const code = (lotId: string) => lots.find((l) => l.id === lotId)!.code;
    expect(view.lines.map((l) => [code(l.lotId), l.quantity])).toEqual([
      ['SOON', 2],
      ['LATE', 3],
      [null, 1],
    ]);
  });

  it('does not sell expired lots and sweeps them out once', async () => {
    const { offerId } = await stockedOffer(1, { lot: { code: 'OLD', expiresAt: '2099-01-01T00:00:00Z' } });
    await inventory().receive(system(), {
      offerId,
      quantity: 2,
      lot: { code: 'NEW', expiresAt: '2099-06-01T00:00:00Z' },
    });
    await sql`UPDATE inventory_lots SET expires_at = now() - interval '1 minute' WHERE lot_code = 'OLD'
      AND item_id IN (SELECT id FROM inventory_items WHERE offer_id = ${offerId})`.execute(db());
    expect(await sellable(offerId)).toBe(2);
    await expect(
      inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 3 }] }),
    ).rejects.toThrow(InsufficientStock);
    const held = await inventory().reserve(system(), {
      reference: ref(),
      lines: [{ offerId, quantity: 2 }],
    });
    expect(held.lines).toHaveLength(1);
    const [a, b] = await Promise.all([inventory().expireLots(db()), inventory().expireLots(db())]);
    expect(a + b).toBe(1);
    expect(await inventory().expireLots(db())).toBe(0);
    const stock = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!;
    expect(stock).toMatchObject({ onHand: 2, reserved: 2, damaged: 1 });
    const types = (await as(admin).get(`/admin/inventory/offers/${offerId}/movements?type=EXPIRE`)).json()
      .items;
    expect(types).toHaveLength(1);
    await healthy();
  });
});

describe('low stock and availability', () => {
  it('publishes inventory.stock.low once per crossing of the reorder point', async () => {
    const { offerId } = await stockedOffer(10);
    const w = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    await as(admin).patch(`/admin/inventory/offers/${offerId}/warehouses/${w}`, {
      reorderPoint: 5,
      reorderQuantity: 20,
    });
    const events = async () =>
      (
        await sql<{ payload: any }>`SELECT payload FROM outbox_events WHERE name = 'inventory.stock.low'
          AND payload->>'offerId' = ${offerId} ORDER BY id`.execute(db())
      ).rows.map((r) => r.payload.available);
    const first = ref();
    await inventory().reserve(system(), { reference: first, lines: [{ offerId, quantity: 4 }] });
    expect(await events()).toEqual([]);
    await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 2 }] });
    await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 1 }] });
    expect(await events()).toEqual([4]);
    await inventory().release(system(), first, 'cancelled');
    await inventory().reserve(system(), { reference: ref(), lines: [{ offerId, quantity: 5 }] });
    expect(await events()).toEqual([4, 2]);
    const low = (await as(admin).get(`/admin/inventory/low-stock?limit=100&warehouseId=${w}`)).json().items;
    expect(low.map((s: any) => s.offerId)).toContain(offerId);
  });

  it('tells the availability listener in the same transaction', async () => {
    const heard: [string, number, boolean][] = [];
    const offer = await createOffer(server);
    const { offerId, productId, sellerId } = offer;
    const service = new InventoryService({
      jobs: server.jobs,
      log: server.log,
      reservationTtlSeconds: 900,
      onAvailabilityChange: async (ctx, offerId, available) =>
        void heard.push([offerId, available, ctx.db.isTransaction]),
      offerOwner: ownerOf(offer),
    });
    await service.receive(system(), { offerId, productId, sellerId, quantity: 3 });
    const reference = ref();
    await service.reserve(system(), { reference, lines: [{ offerId, quantity: 2 }] });
    await service.confirm(system(), reference); // sellable does not change
    await service.returnStock(system(), { reference });
    expect(heard).toEqual([
      [offerId, 3, true],
      [offerId, 1, true],
      [offerId, 3, true],
    ]);
    const unknown = newId();
    expect(await service.getAvailability(system(), [offerId, unknown])).toEqual(
      new Map([
        [offerId, 3],
        [unknown, 0],
      ]),
    );
  });

  it('shows a product’s stock across warehouses and offers, and a seller’s stock by page', async () => {
    const three = await createOffers(server, 3, { seller: sellerA });
    const productId = three[0]!.productId;
    const offers = three.map((o) => o.offerId);
    for (const o of three) {
      expect(o.sellerId).toBe(sellerA.id);
      await inventory().receive(system(), {
        offerId: o.offerId,
        productId: o.productId,
        sellerId: o.sellerId,
        quantity: 2,
      });
    }
    const product = (await as(admin).get(`/admin/inventory/products/${productId}`)).json();
    expect(product).toMatchObject({ productId, totalAvailable: 6 });
    expect(product.offers).toHaveLength(3);
    const page1 = (await as(sellerA).get(`/admin/inventory/sellers/${sellerA.id}/stock?limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await as(sellerA).get(`/admin/inventory/sellers/${sellerA.id}/stock?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((s: any) => s.offerId))).toEqual(new Set(offers));
    expect(
      (await as(admin).get(`/admin/inventory/sellers/${sellerA.id}/stock?cursor=garbage`)).statusCode,
    ).toBe(400);
    expect((await as(admin).get(`/admin/inventory/sellers/${sellerA.id}/stock?limit=0`)).statusCode).toBe(
      400,
    );
    expect((await as(admin).get(`/admin/inventory/sellers/${sellerA.id}/stock?limit=101`)).statusCode).toBe(
      400,
    );
  });

  it('answers 404 for the stock of a seller the store does not know', async () => {
    const unknown = await as(admin).get(`/admin/inventory/sellers/${newId()}/stock`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await as(admin).get('/admin/inventory/sellers/not-a-uuid/stock')).statusCode).toBe(404);
    expect((await as(admin).get(`/admin/inventory/sellers/${customer.id}/stock`)).statusCode).toBe(404);
    const known = await as(admin).get(`/admin/inventory/sellers/${sellerB.id}/stock`);
    expect(known.statusCode).toBe(200);
    expect((await as(admin).get(`/admin/inventory/sellers/${storeId}/stock`)).statusCode).toBe(200);
  });

  it('pages an offer’s movements newest first', async () => {
    const { offerId } = await stockedOffer(1);
    for (let i = 0; i < 4; i++) await inventory().receive(system(), { offerId, quantity: 1 });
    const first = (await as(admin).get(`/admin/inventory/offers/${offerId}/movements?limit=3`)).json();
    const second = (
      await as(admin).get(`/admin/inventory/offers/${offerId}/movements?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(first.items.map((m: any) => m.quantityAfter)).toEqual([5, 4, 3]);
    expect(second.items.map((m: any) => m.quantityAfter)).toEqual([2, 1]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('the catalog’s view of stock', () => {
  /** What the public product page says about one offer. */
  async function onProductPage(slug: string, offerId: string) {
    const res = await anonymous(server).get(`/products/${slug}`);
    expect(res.statusCode).toBe(200);
    const product = res.json();
    const offer = product.variants.flatMap((v: any) => v.offers).find((o: any) => o.id === offerId);
    return { inStock: product.inStock, available: offer.available, quantity: offer.availableQuantity };
  }

  it('follows receipts, holds and sales, and refuses stock for an offer the catalog does not know', async () => {
    const { offerId, productId, sellerId, slug } = await createOffer(server);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: false, available: false, quantity: 0 });

    const received = await as(admin).post('/admin/inventory/receipts', {
      offerId,
      productId,
      sellerId,
      quantity: 5,
    });
    expect(received.statusCode).toBe(201);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: true, available: true, quantity: 5 });

    const hold = await as(admin).post('/admin/inventory/reservations', {
      reference: ref(),
      lines: [{ offerId, quantity: 3 }],
    });
    expect(hold.statusCode).toBe(201);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: true, available: true, quantity: 2 });
    const sold = await as(admin).post(`/admin/inventory/reservations/${hold.json().id}/confirm`);
    expect(sold.json().status).toBe('CONFIRMED');
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: true, available: true, quantity: 2 });
    const rest = await as(admin).post('/admin/inventory/reservations', {
      reference: ref(),
      lines: [{ offerId, quantity: 2 }],
    });
    expect(rest.statusCode).toBe(201);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: false, available: false, quantity: 0 });

    const counts = async () =>
      (
        await sql<Record<string, number>>`SELECT
          (SELECT count(*)::int FROM warehouses) AS warehouses,
          (SELECT count(*)::int FROM inventory_items) AS items,
          (SELECT count(*)::int FROM inventory_lots) AS lots,
          (SELECT count(*)::int FROM inventory_movements) AS movements,
          (SELECT count(*)::int FROM outbox_events) AS events`.execute(db())
      ).rows[0];
    const before = await counts();
    const unknown = newId();
    const refused = await as(admin).post('/admin/inventory/receipts', {
      offerId: unknown,
      productId,
      sellerId,
      quantity: 5,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().type).toBe('/problems/offer-not-found');
    expect(await counts()).toEqual(before);
    expect((await as(admin).get(`/admin/inventory/offers/${unknown}`)).statusCode).toBe(404);
    expect(await sellable(unknown)).toBe(0);
  });

  it('takes expired lots off the product page when the sweep moves them out', async () => {
    const { offerId, slug } = await stockedOffer(1, {
      lot: { code: 'GONE', expiresAt: '2099-01-01T00:00:00Z' },
    });
    await inventory().receive(system(), {
      offerId,
      quantity: 2,
      lot: { code: 'KEPT', expiresAt: '2099-06-01T00:00:00Z' },
    });
    expect(await onProductPage(slug, offerId)).toMatchObject({ inStock: true, quantity: 3 });
    const expire = (code: string) =>
      sql`UPDATE inventory_lots SET expires_at = now() - interval '1 minute' WHERE lot_code = ${code}
        AND item_id IN (SELECT id FROM inventory_items WHERE offer_id = ${offerId})`.execute(db());
    await expire('GONE');
    expect(await inventory().expireLots(db())).toBe(1);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: true, available: true, quantity: 2 });
    await expire('KEPT');
    expect(await inventory().expireLots(db())).toBe(2);
    expect(await onProductPage(slug, offerId)).toEqual({ inStock: false, available: false, quantity: 0 });
  });
});

describe('authorization', () => {
  it('keeps customers and anonymous callers out', async () => {
    const { offerId } = await stockedOffer(1);
    expect((await as(customer).get(`/admin/inventory/offers/${offerId}`)).statusCode).toBe(403);
    expect((await as(customer).post('/admin/inventory/receipts', { offerId, quantity: 1 })).statusCode).toBe(
      403,
    );
    expect((await as(sellerA).get('/admin/inventory/check')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/inventory/low-stock')).statusCode).toBe(401);
  });

  it('lets a seller work its own stock and hides another seller’s', async () => {
    const { offerId, productId } = await createOffer(server, { seller: sellerA });
    const own = await as(sellerA).post('/admin/inventory/receipts', { offerId, productId, quantity: 5 });
    expect(own.statusCode).toBe(201);
    expect(own.json().sellerId).toBe(sellerA.id);
    const w = own.json().warehouse.id;
    expect((await as(sellerA).get(`/admin/inventory/offers/${offerId}`)).statusCode).toBe(200);
    expect((await as(sellerB).get(`/admin/inventory/offers/${offerId}`)).statusCode).toBe(404);
    expect((await as(sellerB).get(`/admin/inventory/offers/${offerId}/movements`)).statusCode).toBe(404);
    expect((await as(sellerB).post('/admin/inventory/receipts', { offerId, quantity: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (
        await as(sellerB).post('/admin/inventory/adjustments', {
          offerId,
          warehouseId: w,
          delta: -1,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await as(sellerB).post('/admin/inventory/damages', {
          offerId,
          warehouseId: w,
          quantity: 1,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await as(sellerB).patch(`/admin/inventory/offers/${offerId}/warehouses/${w}`, { reorderPoint: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await as(sellerB).get(`/admin/inventory/sellers/${sellerA.id}/stock`)).statusCode).toBe(403);
    const theirs = await createOffer(server, { seller: sellerA });
    expect(
      (
        await as(sellerB).post('/admin/inventory/receipts', {
          offerId: theirs.offerId,
          productId: theirs.productId,
          sellerId: sellerA.id,
          quantity: 1,
        })
      ).statusCode,
    ).toBe(404);
    const lows = (await as(sellerB).get('/admin/inventory/low-stock?limit=100')).json().items;
    expect(lows.every((s: any) => s.sellerId === sellerB.id)).toBe(true);
    expect((await inventory().reports.offerStock(system(), offerId)).onHand).toBe(5);
  });

  it('a seller cannot receive stock for another seller’s unstocked offer', async () => {
    const victim = await createOffer(server, { seller: sellerB });
    const attempts = [
      { offerId: victim.offerId, productId: victim.productId, quantity: 500 },
      { offerId: victim.offerId, productId: victim.productId, sellerId: sellerA.id, quantity: 500 },
      { offerId: victim.offerId, quantity: 500 },
    ];
    for (const body of attempts) {
      const res = await as(sellerA).post('/admin/inventory/receipts', body);
      expect(res.statusCode).toBe(404);
      expect(res.json().type).toBe('/problems/offer-not-found');
    }
    expect(await sellable(victim.offerId)).toBe(0);
    // the offer's own seller still receives and reads its stock
    const own = await as(sellerB).post('/admin/inventory/receipts', {
      offerId: victim.offerId,
      quantity: 3,
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ sellerId: sellerB.id, productId: victim.productId, onHand: 3 });
    const read = await as(sellerB).get(`/admin/inventory/offers/${victim.offerId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().onHand).toBe(3);
    expect((await as(sellerA).get(`/admin/inventory/offers/${victim.offerId}`)).statusCode).toBe(404);
  });

  it('a seller cannot receive stock for the store’s own unstocked offer', async () => {
    const storeOffer = await createOffer(server);
    expect(storeOffer.sellerId).toBe(storeId);
    const res = await as(sellerA).post('/admin/inventory/receipts', {
      offerId: storeOffer.offerId,
      productId: storeOffer.productId,
      quantity: 500_000,
    });
    expect(res.statusCode).toBe(404);
    expect(await sellable(storeOffer.offerId)).toBe(0);
    const byAdmin = await as(admin).post('/admin/inventory/receipts', {
      offerId: storeOffer.offerId,
      quantity: 2,
    });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ sellerId: storeId, productId: storeOffer.productId, onHand: 2 });
  });

  it('takes the owner of a receipt from the catalog offer, never from the body', async () => {
    const offer = await createOffer(server, { seller: sellerB });
    // an admin may receive on any offer of the store; the stock is still the offer's seller's
    const res = await as(admin).post('/admin/inventory/receipts', {
      offerId: offer.offerId,
      quantity: 4,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sellerId: sellerB.id, productId: offer.productId });
    const other = await createOffer(server, { seller: sellerB });
    for (const wrong of [{ sellerId: sellerA.id }, { productId: newId() }]) {
      const refused = await as(admin).post('/admin/inventory/receipts', {
        offerId: other.offerId,
        quantity: 1,
        ...wrong,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().type).toBe('/problems/offer-mismatch');
    }
    expect(await sellable(other.offerId)).toBe(0);
  });

  it('gives stock recorded for the wrong seller back to the offer’s seller on its next receipt', async () => {
    const offer = await createOffer(server, { seller: sellerB });
    // stock rows written for the wrong seller (as an unchecked first receipt once could)
    await inventory().receive(system(), { offerId: offer.offerId, quantity: 5 });
    await sql`UPDATE inventory_items SET seller_id = ${sellerA.id} WHERE offer_id = ${offer.offerId}`.execute(
      db(),
    );
    expect((await as(sellerB).get(`/admin/inventory/offers/${offer.offerId}`)).statusCode).toBe(404);
    const res = await as(sellerB).post('/admin/inventory/receipts', {
      offerId: offer.offerId,
      quantity: 1,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sellerId: sellerB.id, onHand: 6 });
    expect((await as(sellerA).get(`/admin/inventory/offers/${offer.offerId}`)).statusCode).toBe(404);
  });

  it('keeps another store’s stock and warehouses invisible', async () => {
    const storeB = await createStore(server, { name: 'Store B' });
    const adminB = await createAdmin(storeB);
    const { offerId, productId, sellerId } = await stockedOffer(3);
    const wA = (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!.warehouse.id;
    expect((await as(adminB).get(`/admin/inventory/offers/${offerId}`)).statusCode).toBe(404);
    expect((await as(adminB).get(`/admin/warehouses/${wA}`)).statusCode).toBe(404);
    expect(
      (
        await as(adminB).post('/admin/inventory/adjustments', {
          offerId,
          warehouseId: wA,
          delta: -1,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const holds = await as(adminB).post('/admin/inventory/reservations', {
      reference: ref(),
      lines: [{ offerId, quantity: 1 }],
    });
    expect(holds.statusCode).toBe(409);
    const list = (await as(adminB).get('/admin/warehouses?limit=100')).json().items;
    expect(list.map((w: any) => w.id)).not.toContain(wA);
    // admin A's token does not work in store B
    expect(
      (await as(admin).get(`/admin/inventory/offers/${offerId}`, { 'x-store-id': storeB.id })).statusCode,
    ).toBe(401);
    expect((await inventory().reports.offerStock(system(), offerId)).available).toBe(3);
    // store A's offer is unknown to store B's catalog: no stock for it there
    const foreign = await as(adminB).post('/admin/inventory/receipts', {
      offerId,
      productId,
      sellerId,
      quantity: 1,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await as(adminB).get(`/admin/inventory/offers/${offerId}`)).statusCode).toBe(404);
    // and store B's own offer, stocked there, stays out of store A
    const offerB = await createOffer(server, { seller: adminB });
    expect(offerB.sellerId).toBe(storeB.id);
    const received = await as(adminB).post('/admin/inventory/receipts', {
      offerId: offerB.offerId,
      productId: offerB.productId,
      sellerId: offerB.sellerId,
      quantity: 2,
    });
    expect(received.statusCode).toBe(201);
    expect(received.json().warehouse.id).not.toBe(wA);
    expect((await as(admin).get(`/admin/inventory/offers/${offerB.offerId}`)).statusCode).toBe(404);
    const holdsInA = await as(admin).post('/admin/inventory/reservations', {
      reference: ref(),
      lines: [{ offerId: offerB.offerId, quantity: 1 }],
    });
    expect(holdsInA.statusCode).toBe(409);
  });
});

describe('the ledger check', () => {
  it('reports nothing when healthy and names a corrupted row', async () => {
    const ok = await as(admin).get('/admin/inventory/check');
    expect(ok.json()).toEqual({ healthy: true, mismatches: [] });
    const { offerId } = await stockedOffer(3);
    await sql`UPDATE inventory_items SET on_hand = on_hand + 1 WHERE offer_id = ${offerId}`.execute(db());
    const bad = (await as(admin).get('/admin/inventory/check')).json();
    expect(bad.healthy).toBe(false);
    expect(bad.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'item-on-hand-vs-movements', offerId, expected: 3, actual: 4 }),
        expect.objectContaining({ kind: 'item-on-hand-vs-lots', offerId }),
      ]),
    );
    await sql`UPDATE inventory_items SET on_hand = on_hand - 1 WHERE offer_id = ${offerId}`.execute(db());
    await healthy();
  });
});
