import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  api,
  as,
  type Client,
  createProduct,
  createStore,
  createUser,
  type TestUser,
} from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';

let server: TestServer;
/** Calls without a session, to the default store. */
let guest: Client;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  guest = anonymous(server);
  [admin, alice, bob] = await Promise.all([
    createUser(server, { roles: ['ADMIN'] }),
    createUser(server),
    createUser(server),
  ]);
});
afterAll(async () => server?.destroy());

type H = Record<string, string>;

async function offer(price = 10_000, stock = 5) {
  const product = await createProduct(server, admin.headers, { price, stock, status: 'ACTIVE' });
  return product.variants[0]!.offers[0]!.id;
}

async function newCart(headers: H = {}) {
  const res = await api(server).post('/carts', undefined, headers);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; items: unknown[]; totals: { total: { amount: number } } };
}

describe('carts', () => {
  it('creates an empty guest cart with zero totals and an unguessable id', async () => {
    const cart = await newCart();
    expect(cart.items).toEqual([]);
    expect(cart.totals.total.amount).toBe(0);
    expect(cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await guest.get(`/carts/${cart.id}`)).statusCode).toBe(200);
  });

  it('gives a signed-in user one active cart and hides it from others', async () => {
    const first = await newCart(alice.headers);
    const again = await newCart(alice.headers);
    expect(again.id).toBe(first.id);
    expect((await as(bob).get(`/carts/${first.id}`)).statusCode).toBe(404);
    expect((await guest.get(`/carts/${first.id}`)).statusCode).toBe(404);
    expect((await as(alice).get(`/carts/${first.id}`)).statusCode).toBe(200);
  });

  it('adds, sums, changes and removes lines', async () => {
    const offerId = await offer(2_500, 10);
    const cart = await newCart();
    const added = await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 2 });
    expect(added.statusCode).toBe(201);
    const again = (await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 3 })).json();
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
      (await guest.patch(`/carts/${cart.id}/items/${itemId}`, { quantity: 1 })).json().totals.total.amount,
    ).toBe(2_500);
    expect((await guest.del(`/carts/${cart.id}/items/${itemId}`)).json().items).toEqual([]);
    expect((await guest.del(`/carts/${cart.id}/items/${itemId}`)).statusCode).toBe(404);
  });

  it('refuses zero, more than the line maximum, more than available and unknown offers', async () => {
    const offerId = await offer(1_000, 3);
    const cart = await newCart();
    const zero = await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].pointer).toBe('/quantity');
    expect((await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1.5 })).statusCode).toBe(400);
    expect((await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 100 })).statusCode).toBe(400);
    const tooMany = await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 4 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ type: '/problems/insufficient-stock', available: 3 });
    expect(
      (
        await guest.post(`/carts/${cart.id}/items`, {
          offerId: '00000000-0000-7000-8000-000000000000',
          quantity: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await guest.post(`/carts/${cart.id}/items`, { offerId: 'nope', quantity: 1 })).statusCode).toBe(
      404,
    );
    expect((await guest.get('/carts/not-a-cart')).statusCode).toBe(404);
    expect((await guest.get(`/carts/${cart.id}`)).json().items).toEqual([]);
  });

  it('flags a price change and lost stock instead of changing the line, until the buyer accepts', async () => {
    const offerId = await offer(5_000, 5);
    const cart = await newCart();
    await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 2 });
    await server.database.db
      .updateTable('offers')
      .set({ price_amount: 5_500 })
      .where('id', '=', offerId)
      .execute();
    const changed = (await guest.get(`/carts/${cart.id}`)).json();
    expect(changed.items[0]).toMatchObject({
      unitPrice: { amount: 5_000 },
      currentPrice: { amount: 5_500 },
      priceChanged: true,
    });
    expect(changed.totals.subtotal.amount).toBe(10_000);
    expect(changed.needsAttention).toBe(true);
    const accepted = (await guest.post(`/carts/${cart.id}/accept-prices`)).json();
    expect(accepted.items[0]).toMatchObject({ unitPrice: { amount: 5_500 }, priceChanged: false });
    const store = server.modules.tenancy.defaultStore().id;
    await server.modules.catalog.service.offers.setAvailability(
      systemCtx(server.database.db, store, server.log),
      offerId,
      1,
    );
    const short = (await guest.get(`/carts/${cart.id}`)).json();
    expect(short.items[0]).toMatchObject({ available: false, availableQuantity: 1 });
  });

  it('merges a guest cart into the user’s cart at login', async () => {
    const [a, b] = [await offer(1_000, 10), await offer(2_000, 10)];
    const user = await createUser(server);
    const mine = await newCart(user.headers);
    await as(user).post(`/carts/${mine.id}/items`, { offerId: a, quantity: 1 });
    const guestCart = await newCart();
    await guest.post(`/carts/${guestCart.id}/items`, { offerId: a, quantity: 2 });
    await guest.post(`/carts/${guestCart.id}/items`, { offerId: b, quantity: 1 });
    expect((await guest.post(`/carts/${guestCart.id}/merge`)).statusCode).toBe(401);
    const merged = await as(user).post(`/carts/${guestCart.id}/merge`);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().id).toBe(mine.id);
    const quantities = Object.fromEntries(
      merged.json().items.map((i: { offerId: string; quantity: number }) => [i.offerId, i.quantity]),
    );
    expect(quantities).toEqual({ [a]: 3, [b]: 1 });
    expect((await guest.get(`/carts/${guestCart.id}`)).json().status).toBe('MERGED');
    expect((await guest.post(`/carts/${guestCart.id}/items`, { offerId: a, quantity: 1 })).statusCode).toBe(
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
    expect((await guest.get(`/carts/${cart.id}`)).json().status).toBe('ABANDONED');
  });

  it('keeps another store’s carts out of reach', async () => {
    const cart = await newCart();
    const other = await createStore(server, { name: 'Other' });
    expect((await api(server).get(`/carts/${cart.id}`, { 'x-store-id': other.id })).statusCode).toBe(404);
  });
});

describe('wishlists', () => {
  it('keeps several named lists per user and moves an item into the cart', async () => {
    const offerId = await offer(3_000, 5);
    const user = await createUser(server);
    const gifts = await as(user).post('/me/wishlists', { name: 'Gifts', description: 'For Diwali' });
    expect(gifts.statusCode).toBe(201);
    expect((await as(user).post('/me/wishlists', { name: 'Later' })).statusCode).toBe(201);
    expect((await as(user).post('/me/wishlists', { name: 'Gifts' })).statusCode).toBe(409);
    const listId = gifts.json().id;
    const withItem = (await as(user).post(`/me/wishlists/${listId}/items`, { offerId })).json();
    expect(withItem.items[0]).toMatchObject({ offerId, price: { amount: 3_000 }, available: true });
    const cart = await as(user).post(`/me/wishlists/${listId}/items/${withItem.items[0].id}/move-to-cart`, {
      quantity: 2,
    });
    expect(cart.statusCode).toBe(200);
    expect(cart.json().items[0]).toMatchObject({ offerId, quantity: 2 });
    const lists = (await as(user).get('/me/wishlists')).json().items;
    expect(lists.map((l: { name: string }) => l.name)).toEqual(['Gifts', 'Later']);
    expect(lists[0].items).toEqual([]);
    expect((await guest.get(`/me/wishlists`)).statusCode).toBe(401);
    expect((await as(bob).post(`/me/wishlists/${listId}/items`, { offerId })).statusCode).toBe(404);
  });

  it('answers a change with nothing to change with the list as it is', async () => {
    const user = await createUser(server);
    const created = (await as(user).post('/me/wishlists', { name: 'Unchanged', description: 'Kept' })).json();
    const res = await as(user).patch(`/me/wishlists/${created.id}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    expect((await as(bob).patch(`/me/wishlists/${created.id}`, {})).statusCode).toBe(404);
  });
});
