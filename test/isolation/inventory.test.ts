import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  type Client,
  createOffer,
  createSeller,
  createStorePair,
  createWarehouse,
  ok,
  type TestOffer,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store B's staff and sellers meet store A's warehouses, stock, movements and reservations only as
// "not found", and nothing they send moves a unit of store A's stock.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let sellerB: TestUser;
let offerA: TestOffer;
let offerB: TestOffer;
let warehouseA: { id: string; code: string };
let warehouseB: { id: string };
let defaultWarehouseA: string;
let reservationA: string;

interface OfferStock {
  onHand: number;
  reserved: number;
  damaged: number;
  warehouses: Array<{ warehouse: { id: string }; onHand: number; reorderPoint: number }>;
}

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  [offerA, offerB, warehouseA, warehouseB, sellerB] = await Promise.all([
    createOffer(server, { storeId: storeA.id, stock: 10 }),
    createOffer(server, { storeId: storeB.id, stock: 10 }),
    createWarehouse(storeA, { code: 'A-NORTH' }),
    createWarehouse(storeB),
    createSeller(storeB),
  ]);
  const stock = await ok<OfferStock>(adminA.get(`/admin/inventory/offers/${offerA.offerId}`));
  defaultWarehouseA = stock.warehouses[0]!.warehouse.id;
  // below its reorder point, so that it shows in store A's low-stock list
  await ok(
    adminA.patch(`/admin/inventory/offers/${offerA.offerId}/warehouses/${defaultWarehouseA}`, {
      reorderPoint: 50,
    }),
  );
  const hold = await ok<{ id: string }>(
    adminA.post('/admin/inventory/reservations', {
      reference: { type: 'QUOTE', id: newId() },
      lines: [{ offerId: offerA.offerId, quantity: 2 }],
    }),
  );
  reservationA = hold.id;
});
afterAll(async () => server?.destroy());

async function stockInStoreA() {
  const stock = await ok<OfferStock>(adminA.get(`/admin/inventory/offers/${offerA.offerId}`));
  const movements = await ok<{ items: unknown[] }>(
    adminA.get(`/admin/inventory/offers/${offerA.offerId}/movements`),
  );
  return {
    onHand: stock.onHand,
    reserved: stock.reserved,
    damaged: stock.damaged,
    warehouses: stock.warehouses.map((w) => ({
      id: w.warehouse.id,
      onHand: w.onHand,
      reorderPoint: w.reorderPoint,
    })),
    movements: movements.items.length,
  };
}

const ids = (answer: { json(): { items: Array<{ id: string }> } }) => answer.json().items.map((i) => i.id);

describe('inventory across stores', () => {
  it("leaves store A's warehouses and stock out of store B's lists", async () => {
    const warehouses = await adminB.get('/admin/warehouses');
    expect(warehouses.statusCode).toBe(200);
    expect(ids(warehouses)).toContain(warehouseB.id);
    expect(ids(warehouses)).not.toContain(warehouseA.id);
    expect(ids(warehouses)).not.toContain(defaultWarehouseA);
    // store A's admin-made offers are sold by store A: its id names their seller
    const sellerStock = await adminB.get(`/admin/inventory/sellers/${offerA.sellerId}/stock`);
    expect(sellerStock.statusCode).toBe(404);
    const lowIn = async (admin: Client) =>
      (await ok<{ items: Array<{ offerId: string }> }>(admin.get('/admin/inventory/low-stock'))).items.map(
        (s) => s.offerId,
      );
    expect(await lowIn(adminA)).toContain(offerA.offerId);
    expect(await lowIn(adminB)).not.toContain(offerA.offerId);
    expect((await adminB.get(`/admin/inventory/low-stock?warehouseId=${defaultWarehouseA}`)).statusCode).toBe(
      404,
    );
    const check = await ok<{ mismatches: Array<{ itemId: string }> }>(adminB.get('/admin/inventory/check'));
    expect(JSON.stringify(check)).not.toContain(offerA.offerId);
  });

  it("answers 404 in store B for store A's warehouse, offer stock, movements, product and reservation", async () => {
    const paths = [
      `/admin/warehouses/${warehouseA.id}`,
      `/admin/inventory/offers/${offerA.offerId}`,
      `/admin/inventory/offers/${offerA.offerId}/movements`,
      `/admin/inventory/products/${offerA.productId}`,
      `/admin/inventory/reservations/${reservationA}`,
    ];
    for (const path of paths) {
      expect({ path, status: (await adminB.get(path)).statusCode }).toEqual({ path, status: 404 });
      expect((await adminA.get(path)).statusCode).toBe(200);
    }
    const seller = await as(sellerB).get(`/admin/inventory/offers/${offerA.offerId}`);
    expect(seller.statusCode).toBe(404);
  });

  it("does not let store B's admin receive, adjust, damage or transfer store A's stock", async () => {
    const before = await stockInStoreA();
    const writes = [
      adminB.post('/admin/inventory/receipts', { offerId: offerA.offerId, quantity: 5 }),
      adminB.post('/admin/inventory/receipts', {
        offerId: offerA.offerId,
        warehouseId: warehouseB.id,
        quantity: 5,
      }),
      adminB.post('/admin/inventory/adjustments', {
        offerId: offerA.offerId,
        warehouseId: defaultWarehouseA,
        delta: -4,
        reason: 'count',
      }),
      adminB.post('/admin/inventory/damages', {
        offerId: offerA.offerId,
        warehouseId: defaultWarehouseA,
        quantity: 1,
        reason: 'broken',
      }),
      adminB.post('/admin/inventory/transfers', {
        offerId: offerA.offerId,
        fromWarehouseId: defaultWarehouseA,
        toWarehouseId: warehouseA.id,
        quantity: 3,
      }),
      adminB.patch(`/admin/inventory/offers/${offerA.offerId}/warehouses/${defaultWarehouseA}`, {
        reorderPoint: 7,
      }),
    ];
    for (const answer of await Promise.all(writes)) {
      expect({ status: answer.statusCode, body: answer.json() }).toMatchObject({ status: 404 });
    }
    expect(await stockInStoreA()).toEqual(before);
  });

  it("does not let store B move its own offer's stock into store A's warehouse", async () => {
    const before = await stockInStoreA();
    const receipt = await adminB.post('/admin/inventory/receipts', {
      offerId: offerB.offerId,
      warehouseId: warehouseA.id,
      quantity: 5,
    });
    expect(receipt.statusCode).toBe(404);
    const stockB = await ok<OfferStock>(adminB.get(`/admin/inventory/offers/${offerB.offerId}`));
    const transfer = await adminB.post('/admin/inventory/transfers', {
      offerId: offerB.offerId,
      fromWarehouseId: stockB.warehouses[0]!.warehouse.id,
      toWarehouseId: warehouseA.id,
      quantity: 1,
    });
    expect(transfer.statusCode).toBe(404);
    expect((await ok<OfferStock>(adminB.get(`/admin/inventory/offers/${offerB.offerId}`))).onHand).toBe(10);
    expect(await stockInStoreA()).toEqual(before);
  });

  it("does not let store B's admin change or delete store A's warehouse", async () => {
    const renamed = await adminB.patch(`/admin/warehouses/${warehouseA.id}`, {
      name: 'Taken',
      active: false,
    });
    expect(renamed.statusCode).toBe(404);
    expect((await adminB.del(`/admin/warehouses/${warehouseA.id}`)).statusCode).toBe(404);
    expect(await ok(adminA.get(`/admin/warehouses/${warehouseA.id}`))).toMatchObject({
      code: 'A-NORTH',
      active: true,
    });
  });

  it("does not let store B reserve store A's stock nor confirm, release or return its reservation", async () => {
    const before = await stockInStoreA();
    const reserve = await adminB.post('/admin/inventory/reservations', {
      reference: { type: 'QUOTE', id: newId() },
      lines: [{ offerId: offerA.offerId, quantity: 3 }],
    });
    // an offer the store does not stock is simply out of stock there, as a made-up id is
    const madeUp = newId();
    const ghost = await adminB.post('/admin/inventory/reservations', {
      reference: { type: 'QUOTE', id: newId() },
      lines: [{ offerId: madeUp, quantity: 3 }],
    });
    expect(reserve.statusCode).toBe(409);
    expect(reserve.body.replaceAll(offerA.offerId, madeUp)).toBe(ghost.body);
    for (const step of ['confirm', 'release', 'returns']) {
      const answer = await adminB.post(`/admin/inventory/reservations/${reservationA}/${step}`, {});
      expect({ step, status: answer.statusCode }).toEqual({ step, status: 404 });
    }
    expect((await ok(adminA.get(`/admin/inventory/reservations/${reservationA}`))).status).toBe('ACTIVE');
    expect(await stockInStoreA()).toEqual(before);
  });
});
