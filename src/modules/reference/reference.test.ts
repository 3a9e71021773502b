import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createOrder,
  createStore,
  ok,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';

// Lookups: each test works in a store of its own, since a store's first change makes its lists its own.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

async function shop(): Promise<{ store: TestStore; admin: TestUser }> {
  const store = await createStore(server);
  return { store, admin: await createAdmin(store) };
}

const codes = (lookup: { values: Array<{ code: string }> }) => lookup.values.map((v) => v.code);

describe('reading lookups', () => {
  it('answers a built-in type with the shipped defaults until the store changes it', async () => {
    const { store } = await shop();
    const reasons = await ok(anonymous(store).get('/lookups/return-reason'));
    expect(reasons.customized).toBe(false);
    expect(codes(reasons)).toEqual([
      'damaged',
      'wrong-item',
      'not-as-described',
      'does-not-fit',
      'changed-mind',
      'other',
    ]);
    expect(reasons.values[0]).toMatchObject({ label: 'Arrived damaged', labels: { en: 'Arrived damaged' } });
  });

  it('is 404 for a type the store does not have, and for a malformed one', async () => {
    const { store } = await shop();
    const unknown = await anonymous(store).get('/lookups/gift-wrap-style');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('/problems/lookup-not-found');
    const malformed = await anonymous(store).get('/lookups/Not_A_Type');
    expect(malformed.statusCode).toBe(404);
  });

  it('lists the built-in types and the store’s own to staff; changes take settings:manage', async () => {
    const { store, admin } = await shop();
    await ok(as(admin).put('/admin/lookups/gift-wrap-style/kraft', { labels: { en: 'Kraft paper' } }));
    const types = await ok(as(admin).get('/admin/lookups'));
    expect(types.items.map((t: { type: string }) => t.type)).toEqual([
      'business-type',
      'cancellation-reason',
      'delivery-slot',
      'gift-wrap-style',
      'return-reason',
      'unit-of-measure',
    ]);
    expect(types.items.find((t: { type: string }) => t.type === 'gift-wrap-style')).toMatchObject({
      builtIn: false,
      customized: true,
      count: 1,
    });
    const buyer = await createCustomer(store);
    expect((await as(buyer).get('/admin/lookups')).statusCode).toBe(403);
    expect(
      (await as(buyer).put('/admin/lookups/unit-of-measure/crate', { labels: { en: 'Crate' } })).statusCode,
    ).toBe(403);
    const clerk = await createAdmin(store, { permissions: ['orders:refund'] });
    expect((await as(clerk).del('/admin/lookups/unit-of-measure/kg')).statusCode).toBe(403);
  });
});

describe('changing lookups', () => {
  it('makes a built-in list the store’s own on its first change, defaults kept, labels per language', async () => {
    const { store, admin } = await shop();
    const added = await ok(
      as(admin).put('/admin/lookups/delivery-slot/night', {
        labels: { en: 'Night (21:00–23:00)', hi: 'रात (21:00–23:00)' },
        position: 40,
      }),
    );
    expect(added).toMatchObject({ code: 'night', position: 40, active: true });
    const slots = await ok(anonymous(store).get('/lookups/delivery-slot?lang=hi'));
    expect(slots.customized).toBe(true);
    expect(codes(slots)).toEqual(['morning', 'afternoon', 'evening', 'night']);
    expect(slots.values[3].label).toBe('रात (21:00–23:00)');
    // no Hindi label yet: the English one
    expect(slots.values[0].label).toBe('Morning (9:00–12:00)');
  });

  it('hides a value turned off from forms and keeps it for staff; changes keep what was not sent', async () => {
    const { store, admin } = await shop();
    await ok(
      as(admin).put('/admin/lookups/unit-of-measure/box', { labels: { en: 'Carton' }, active: false }),
    );
    expect(codes(await ok(anonymous(store).get('/lookups/unit-of-measure')))).not.toContain('box');
    const forStaff = await ok(as(admin).get('/admin/lookups/unit-of-measure'));
    expect(forStaff.values.find((v: { code: string }) => v.code === 'box')).toMatchObject({
      label: 'Carton',
      active: false,
      position: 30,
    });
  });

  it('refuses bad values with 400 and changes nothing', async () => {
    const { store, admin } = await shop();
    for (const body of [
      { labels: {} },
      { labels: { en: '' } },
      { labels: { english: 'x' } },
      { labels: { en: 'x' }, position: -1 },
      {},
    ]) {
      const res = await as(admin).put('/admin/lookups/unit-of-measure/crate', body);
      expect(res.statusCode, JSON.stringify(body) + res.body).toBe(400);
    }
    // a path naming no possible value (a malformed code) is 404, as every malformed id
    const malformed = await as(admin).put('/admin/lookups/unit-of-measure/no%20spaces', {
      labels: { en: 'x' },
    });
    expect(malformed.statusCode).toBe(404);
    expect((await ok(anonymous(store).get('/lookups/unit-of-measure'))).customized).toBe(false);
  });

  it('deletes a value nothing uses, and is 404 for one that does not exist', async () => {
    const { store, admin } = await shop();
    expect((await as(admin).del('/admin/lookups/business-type/individual')).statusCode).toBe(204);
    expect(codes(await ok(anonymous(store).get('/lookups/business-type')))).not.toContain('individual');
    const gone = await as(admin).del('/admin/lookups/business-type/individual');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().type).toBe('/problems/lookup-value-not-found');
  });

  it('keeps one store’s lists from another store', async () => {
    const a = await shop();
    const b = await shop();
    await ok(as(a.admin).put('/admin/lookups/delivery-slot/night', { labels: { en: 'Night' } }));
    expect(codes(await ok(anonymous(b.store).get('/lookups/delivery-slot')))).not.toContain('night');
    expect((await as(b.admin).del('/admin/lookups/delivery-slot/night')).statusCode).toBe(404);
  });
});

describe('return reasons', () => {
  const returnOf = (buyer: TestUser, order: any, body: object) =>
    as(buyer).post(`/orders/${order.id}/returns`, {
      items: [{ orderItemId: order.items[0].id, quantity: 1 }],
      ...body,
    });

  it('records a return’s reason chosen from the list, its label kept as the reason', async () => {
    const { store } = await shop();
    const { order, buyer } = await createOrder(store, { status: 'DELIVERED' });
    const rma = await ok(returnOf(buyer, order, { reasonCode: 'wrong-item' }));
    expect(rma).toMatchObject({ reasonCode: 'wrong-item', reason: 'Wrong item sent' });
  });

  it('refuses a code that is not an active return reason, and a return with no reason at all', async () => {
    const { store, admin } = await shop();
    await ok(
      as(admin).put('/admin/lookups/return-reason/changed-mind', {
        labels: { en: 'Changed my mind' },
        active: false,
      }),
    );
    const { order, buyer } = await createOrder(store, { status: 'DELIVERED' });
    for (const code of ['no-such-reason', 'changed-mind']) {
      const res = await returnOf(buyer, order, { reasonCode: code });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ type: '/problems/unknown-lookup-code' });
    }
    expect((await returnOf(buyer, order, {})).statusCode).toBe(400);
    expect((await ok(as(buyer).get('/me/returns'))).items).toEqual([]);
  });

  it('refuses to delete a reason a return gives (409), and deletes it once unused elsewhere', async () => {
    const { store, admin } = await shop();
    const { order, buyer } = await createOrder(store, { status: 'DELIVERED' });
    await ok(returnOf(buyer, order, { reasonCode: 'damaged', reason: 'The lid was cracked' }));
    const res = await as(admin).del('/admin/lookups/return-reason/damaged');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: '/problems/lookup-value-in-use', usedBy: 'a return' });
    expect(codes(await ok(anonymous(store).get('/lookups/return-reason')))).toContain('damaged');
    expect((await as(admin).del('/admin/lookups/return-reason/other')).statusCode).toBe(204);
  });

  it('never leaves a return naming a deleted reason when the return and the delete race', async () => {
    const { store, admin } = await shop();
    // the store's own list first, so both sides meet on the value's row
    await ok(as(admin).put('/admin/lookups/return-reason/too-late', { labels: { en: 'Arrived too late' } }));
    const orders = await Promise.all(
      Array.from({ length: 6 }, () => createOrder(store, { status: 'DELIVERED' })),
    );
    const [deleted, ...returns] = await Promise.all([
      as(admin).del('/admin/lookups/return-reason/too-late'),
      ...orders.map(({ order, buyer }) => returnOf(buyer, order, { reasonCode: 'too-late' })),
    ]);
    const made = returns.filter((r) => r.statusCode === 201).length;
    expect(made + returns.filter((r) => r.statusCode === 400).length).toBe(returns.length);
    if (deleted!.statusCode === 204) expect(made).toBe(0);
    else expect([deleted!.statusCode, made > 0]).toEqual([409, true]);
  });
});
