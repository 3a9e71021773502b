import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createOffer, createWarehouse } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { ShipExceedsCommitted } from './index.ts';

let server: TestServer;
let storeId: string;

const inventory = () => server.modules.inventory.service;
const system = () => systemCtx(server.database.db, storeId, server.log);
const ref = () => ({ type: 'ORDER', id: newId() });

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
});
afterAll(async () => server?.destroy());

/** An offer with `onHand` units in the default warehouse and a confirmed order of `sold` of them. */
async function soldOrder(onHand: number, sold: number) {
  const offer = await createOffer(server);
  await inventory().receive(system(), { offerId: offer.offerId, quantity: onHand });
  const reference = ref();
  await inventory().reserve(system(), { reference, lines: [{ offerId: offer.offerId, quantity: sold }] });
  await inventory().confirm(system(), reference);
  return { offerId: offer.offerId, reference };
}

async function stockOf(offerId: string) {
  return (await inventory().reports.offerStock(system(), offerId)).warehouses[0]!;
}

async function movementsOf(offerId: string) {
  return (await inventory().reports.movements(system(), offerId, { limit: 50 })).items;
}

async function healthy() {
  expect(await inventory().reports.check(system())).toEqual([]);
}

describe('shipping sold units', () => {
  it('ships part of an order and moves committed to shipped with a SHIPMENT movement', async () => {
    const { offerId, reference } = await soldOrder(10, 3);
    const shipmentId = newId();
    const shipped = await inventory().ship(system(), {
      reference,
      lines: [{ offerId, quantity: 2 }],
      shipmentId,
    });
    const stock = await stockOf(offerId);
    expect(shipped.warehouses).toEqual([stock.warehouse.id]);
    expect(stock).toMatchObject({ onHand: 7, committed: 1, totals: { sold: 3, shipped: 2 } });
    const [movement] = await movementsOf(offerId);
    expect(movement).toMatchObject({
      type: 'SHIPMENT',
      quantityChange: 0,
      committedChange: -2,
      quantityBefore: 7,
      quantityAfter: 7,
      reason: 'shipped',
      reference,
      shipmentId,
    });
    const reservation = await inventory().reservationFor(system(), reference);
    expect(reservation?.lines[0]).toMatchObject({ quantity: 3, shippedQuantity: 2 });
    await healthy();
  });

  it('ships only from the warehouse named', async () => {
    const offer = await createOffer(server);
    const [north, south] = [await createWarehouse(server), await createWarehouse(server)];
    for (const w of [north, south]) {
      await inventory().receive(system(), { offerId: offer.offerId, warehouseId: w.id, quantity: 2 });
    }
    const reference = ref();
    await inventory().reserve(system(), { reference, lines: [{ offerId: offer.offerId, quantity: 4 }] });
    await inventory().confirm(system(), reference);
    const input = { reference, lines: [{ offerId: offer.offerId, quantity: 2 }], warehouseId: south.id };
    expect(await inventory().ship(system(), { ...input, shipmentId: newId() })).toEqual({
      warehouses: [south.id],
    });
    await expect(inventory().ship(system(), { ...input, shipmentId: newId() })).rejects.toBeInstanceOf(
      ShipExceedsCommitted,
    );
    await healthy();
  });

  it('refuses shipping more than is committed and changes nothing', async () => {
    const { offerId, reference } = await soldOrder(10, 3);
    await inventory().ship(system(), { reference, lines: [{ offerId, quantity: 2 }], shipmentId: newId() });
    const before = await stockOf(offerId);
    await expect(
      inventory().ship(system(), { reference, lines: [{ offerId, quantity: 2 }], shipmentId: newId() }),
    ).rejects.toMatchObject({ status: 409, code: 'ship-exceeds-committed' });
    expect(await stockOf(offerId)).toEqual(before);
    expect((await movementsOf(offerId)).filter((m) => m.type === 'SHIPMENT')).toHaveLength(1);
    await healthy();
  });

  it('refuses shipping a reservation that is not confirmed, or none', async () => {
    const offer = await createOffer(server);
    await inventory().receive(system(), { offerId: offer.offerId, quantity: 5 });
    const reference = ref();
    await inventory().reserve(system(), { reference, lines: [{ offerId: offer.offerId, quantity: 2 }] });
    const lines = [{ offerId: offer.offerId, quantity: 1 }];
    await expect(inventory().ship(system(), { reference, lines, shipmentId: newId() })).rejects.toMatchObject(
      {
        status: 409,
        code: 'reservation-active',
      },
    );
    await expect(
      inventory().ship(system(), { reference: ref(), lines, shipmentId: newId() }),
    ).rejects.toMatchObject({ status: 404, code: 'reservation-not-found' });
    expect((await stockOf(offer.offerId)).reserved).toBe(2);
    await healthy();
  });

  it('ships each unit once when shipments race', async () => {
    const { offerId, reference } = await soldOrder(5, 5);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        inventory().ship(system(), { reference, lines: [{ offerId, quantity: 1 }], shipmentId: newId() }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ShipExceedsCommitted);
    }
    expect(await stockOf(offerId)).toMatchObject({ committed: 0, totals: { shipped: 5 } });
    await healthy();
  });
});

describe('returning shipped units', () => {
  it('puts a shipped unit back on hand and leaves committed unchanged', async () => {
    const { offerId, reference } = await soldOrder(10, 3);
    await inventory().ship(system(), { reference, lines: [{ offerId, quantity: 2 }], shipmentId: newId() });
    const view = await inventory().returnStock(system(), {
      reference,
      lines: [{ offerId, quantity: 1 }],
      shipped: true,
    });
    expect(view.lines[0]).toMatchObject({
      returnedQuantity: 1,
      shippedQuantity: 2,
      shippedReturnedQuantity: 1,
    });
    expect(await stockOf(offerId)).toMatchObject({
      onHand: 8,
      committed: 1,
      totals: { returned: 1, shipped: 2 },
    });
    await expect(
      inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 2 }], shipped: true }),
    ).rejects.toMatchObject({ code: 'return-exceeds-sold' });
    await healthy();
  });

  it('takes only unshipped units when shipped is false', async () => {
    const { offerId, reference } = await soldOrder(10, 3);
    await inventory().ship(system(), { reference, lines: [{ offerId, quantity: 2 }], shipmentId: newId() });
    await expect(
      inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 2 }], shipped: false }),
    ).rejects.toMatchObject({ code: 'return-exceeds-sold' });
    await inventory().returnStock(system(), { reference, shipped: false });
    expect(await stockOf(offerId)).toMatchObject({ onHand: 8, committed: 0, totals: { returned: 1 } });
    await healthy();
  });

  it('puts damaged returns into damaged, not on hand', async () => {
    const { offerId, reference } = await soldOrder(10, 3);
    await inventory().ship(system(), { reference, lines: [{ offerId, quantity: 3 }], shipmentId: newId() });
    await inventory().returnStock(system(), {
      reference,
      lines: [{ offerId, quantity: 2 }],
      shipped: true,
      condition: 'DAMAGED',
    });
    expect(await stockOf(offerId)).toMatchObject({
      onHand: 7,
      damaged: 2,
      committed: 0,
      totals: { returned: 2 },
    });
    const [damage, back] = await movementsOf(offerId);
    expect(back).toMatchObject({ type: 'RETURN', quantityChange: 2 });
    expect(damage).toMatchObject({ type: 'DAMAGE', quantityChange: -2, reason: 'returned damaged' });
    await healthy();
  });

  it('returns unshipped units first, then shipped ones, when shipped is not given', async () => {
    const { offerId, reference } = await soldOrder(10, 4);
    await inventory().ship(system(), { reference, lines: [{ offerId, quantity: 3 }], shipmentId: newId() });
    await inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 2 }] });
    expect(await stockOf(offerId)).toMatchObject({ onHand: 8, committed: 0 });
    const view = await inventory().returnStock(system(), { reference });
    expect(view.lines[0]).toMatchObject({ quantity: 4, returnedQuantity: 4, shippedReturnedQuantity: 3 });
    expect(await stockOf(offerId)).toMatchObject({
      onHand: 10,
      committed: 0,
      totals: { sold: 4, returned: 4, shipped: 3 },
    });
    await expect(
      inventory().returnStock(system(), { reference, lines: [{ offerId, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: 'return-exceeds-sold',
    });
    await healthy();
  });
});
