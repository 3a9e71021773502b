import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createProduct } from '../../../test/kit/index.ts';
import { setOfferAvailability } from '../catalog/index.ts';

let server: TestServer;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, alice, bob] = await Promise.all([
    createUser(server, { roles: ['ADMIN'] }),
    createUser(server),
    createUser(server),
  ]);
});
afterAll(async () => server?.destroy());

type H = Record<string, string>;
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: H = {}) =>
  server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(body !== undefined ? { payload: body as object } : {}),
  });

async function offer(price = 10_000, stock = 5) {
  const product = await createProduct(server, admin.headers, { price, stock, status: 'ACTIVE' });
  return product.variants[0]!.offers[0]!.id;
}

async function newCart(headers: H = {}) {
  const res = await call('POST', '/carts', undefined, headers);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; items: unknown[]; totals: { total: { amount: number } } };
}

describe('carts', () => {
  it('creates an empty guest cart with zero totals and an unguessable id', async () => {
    const cart = await newCart();
    expect(cart.items).toEqual([]);
    expect(cart.totals.total.amount).toBe(0);
    expect(cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call('GET', `/carts/${cart.id}`)).statusCode).toBe(200);
  });

  it('gives a signed-in user one active cart and hides it from others', async () => {
    const first = await newCart(alice.headers);
    const again = await newCart(alice.headers);
    expect(again.id).toBe(first.id);
    expect((await call('GET', `/carts/${first.id}`, undefined, bob.headers)).statusCode).toBe(404);
    expect((await call('GET', `/carts/${first.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/carts/${first.id}`, undefined, alice.headers)).statusCode).toBe(200);
  });

  it('adds, sums, changes and removes lines', async () => {
    const offerId = await offer(2_500, 10);
    const cart = await newCart();
    const added = await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 2 });
    expect(added.statusCode).toBe(201);
    const again = (await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 3 })).json();
    expect(again.items).toHaveLength(1);
    expect(again.items[0]).toMatchObject({
      offerId,
      quantity: 5,
      unitPrice: { amount: 2_500 },
      total: { amount: 12_500 },
    });
    expect(again.totals.subtotal.amount).toBe(12_500);
    const itemId = again.items[0].id;
    expect(
      (await call('PATCH', `/carts/${cart.id}/items/${itemId}`, { quantity: 1 })).json().totals.total.amount,
    ).toBe(2_500);
    expect((await call('DELETE', `/carts/${cart.id}/items/${itemId}`)).json().items).toEqual([]);
    expect((await call('DELETE', `/carts/${cart.id}/items/${itemId}`)).statusCode).toBe(404);
  });

  it('refuses zero, more than the line maximum, more than available and unknown offers', async () => {
    const offerId = await offer(1_000, 3);
    const cart = await newCart();
    const zero = await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].pointer).toBe('/quantity');
    expect((await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 1.5 })).statusCode).toBe(400);
    expect((await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 100 })).statusCode).toBe(400);
    const tooMany = await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 4 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ type: '/problems/insufficient-stock', available: 3 });
    expect(
      (
        await call('POST', `/carts/${cart.id}/items`, {
          offerId: '00000000-0000-7000-8000-000000000000',
          quantity: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('POST', `/carts/${cart.id}/items`, { offerId: 'nope', quantity: 1 })).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/carts/not-a-cart')).statusCode).toBe(404);
    expect((await call('GET', `/carts/${cart.id}`)).json().items).toEqual([]);
  });

  it('flags a price change and lost stock instead of changing the line, until the buyer accepts', async () => {
    const offerId = await offer(5_000, 5);
    const cart = await newCart();
    await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 2 });
    await server.database.db
      .updateTable('offers')
      .set({ price_amount: 5_500 })
      .where('id', '=', offerId)
      .execute();
    const changed = (await call('GET', `/carts/${cart.id}`)).json();
    expect(changed.items[0]).toMatchObject({
      unitPrice: { amount: 5_000 },
      currentPrice: { amount: 5_500 },
      priceChanged: true,
    });
    expect(changed.totals.subtotal.amount).toBe(10_000);
    expect(changed.needsAttention).toBe(true);
    const accepted = (await call('POST', `/carts/${cart.id}/accept-prices`)).json();
    expect(accepted.items[0]).toMatchObject({ unitPrice: { amount: 5_500 }, priceChanged: false });
    await setOfferAvailability(server.database.db, server.modules.tenancy.defaultStore().id, offerId, 1);
    const short = (await call('GET', `/carts/${cart.id}`)).json();
    expect(short.items[0]).toMatchObject({ available: false, availableQuantity: 1 });
  });

  it('merges a guest cart into the user’s cart at login', async () => {
    const [a, b] = [await offer(1_000, 10), await offer(2_000, 10)];
    const user = await createUser(server);
    const mine = await newCart(user.headers);
    await call('POST', `/carts/${mine.id}/items`, { offerId: a, quantity: 1 }, user.headers);
    const guest = await newCart();
    await call('POST', `/carts/${guest.id}/items`, { offerId: a, quantity: 2 });
    await call('POST', `/carts/${guest.id}/items`, { offerId: b, quantity: 1 });
    expect((await call('POST', `/carts/${guest.id}/merge`)).statusCode).toBe(401);
    const merged = await call('POST', `/carts/${guest.id}/merge`, undefined, user.headers);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().id).toBe(mine.id);
    const quantities = Object.fromEntries(
      merged.json().items.map((i: { offerId: string; quantity: number }) => [i.offerId, i.quantity]),
    );
    expect(quantities).toEqual({ [a]: 3, [b]: 1 });
    expect((await call('GET', `/carts/${guest.id}`)).json().status).toBe('MERGED');
    expect((await call('POST', `/carts/${guest.id}/items`, { offerId: a, quantity: 1 })).statusCode).toBe(
      409,
    );
  });

  it('marks carts untouched past their expiry as abandoned', async () => {
    const cart = await newCart();
    await server.database.db
      .updateTable('carts')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', cart.id)
      .execute();
    expect(await server.modules.cart.service.expireCarts(server.database.db)).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/carts/${cart.id}`)).json().status).toBe('ABANDONED');
  });

  it('keeps another store’s carts out of reach', async () => {
    const cart = await newCart();
    const other = await server.database.db
      .insertInto('stores')
      .values({
        id: '01900000-0000-7000-8000-0000000000c2',
        tenant_id: server.modules.tenancy.defaultStore().tenant_id,
        name: 'Other',
        status: 'PUBLISHED',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await call('GET', `/carts/${cart.id}`, undefined, { 'x-store-id': other.id })).statusCode).toBe(
      404,
    );
  });
});

describe('wishlists', () => {
  it('keeps several named lists per user and moves an item into the cart', async () => {
    const offerId = await offer(3_000, 5);
    const user = await createUser(server);
    const gifts = await call(
      'POST',
      '/me/wishlists',
      { name: 'Gifts', description: 'For Diwali' },
      user.headers,
    );
    expect(gifts.statusCode).toBe(201);
    expect((await call('POST', '/me/wishlists', { name: 'Later' }, user.headers)).statusCode).toBe(201);
    expect((await call('POST', '/me/wishlists', { name: 'Gifts' }, user.headers)).statusCode).toBe(409);
    const listId = gifts.json().id;
    const withItem = (await call('POST', `/me/wishlists/${listId}/items`, { offerId }, user.headers)).json();
    expect(withItem.items[0]).toMatchObject({ offerId, price: { amount: 3_000 }, available: true });
    const cart = await call(
      'POST',
      `/me/wishlists/${listId}/items/${withItem.items[0].id}/move-to-cart`,
      { quantity: 2 },
      user.headers,
    );
    expect(cart.statusCode).toBe(200);
    expect(cart.json().items[0]).toMatchObject({ offerId, quantity: 2 });
    const lists = (await call('GET', '/me/wishlists', undefined, user.headers)).json().items;
    expect(lists.map((l: { name: string }) => l.name)).toEqual(['Gifts', 'Later']);
    expect(lists[0].items).toEqual([]);
    expect((await call('GET', `/me/wishlists`)).statusCode).toBe(401);
    expect((await call('POST', `/me/wishlists/${listId}/items`, { offerId }, bob.headers)).statusCode).toBe(
      404,
    );
  });

  it('answers a change with nothing to change with the list as it is', async () => {
    const user = await createUser(server);
    const created = (
      await call('POST', '/me/wishlists', { name: 'Unchanged', description: 'Kept' }, user.headers)
    ).json();
    const res = await call('PATCH', `/me/wishlists/${created.id}`, {}, user.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    expect((await call('PATCH', `/me/wishlists/${created.id}`, {}, bob.headers)).statusCode).toBe(404);
  });
});
