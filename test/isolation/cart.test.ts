import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  api,
  as,
  type Client,
  checkout,
  createCart,
  createCustomer,
  createOffer,
  createStorePair,
  ok,
  type TestOffer,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store A's carts and wishlists are reached only from store A: in store B their ids are "not
// found", store A's offers cannot be put in them, and nothing sent there changes them.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let customerA: TestUser;
let customerB: TestUser;
let offerA: TestOffer;
let offerB: TestOffer;
let cartA: string;
let guestCartA: string;
let wishlistA: { id: string; items: Array<{ id: string }> };

interface CartView {
  id: string;
  items: Array<{ id: string; offerId: string; quantity: number }>;
}

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA } = await createStorePair(server));
  [customerA, customerB, offerA, offerB] = await Promise.all([
    createCustomer(storeA),
    createCustomer(storeB),
    createOffer(server, { storeId: storeA.id, price: 4_000, stock: 10 }),
    createOffer(server, { storeId: storeB.id, price: 4_000, stock: 10 }),
  ]);
  cartA = await createCart(customerA, [{ offerId: offerA.offerId, quantity: 2 }]);
  guestCartA = await createCart(storeA, [{ offerId: offerA.offerId, quantity: 1 }]);
  const list = await ok<{ id: string }>(as(customerA).post('/me/wishlists', { name: 'A list' }));
  wishlistA = await ok(as(customerA).post(`/me/wishlists/${list.id}/items`, { offerId: offerA.offerId }));
});
afterAll(async () => server?.destroy());

/** A cart of store A as its owner (or, for a guest cart, anyone in store A) sees it. */
async function cartInStoreA(id: string, owner: Client = as(customerA)) {
  const cart = await ok<CartView>(owner.get(`/carts/${id}`));
  return cart.items.map((i) => ({ offerId: i.offerId, quantity: i.quantity }));
}

async function availableInStoreA() {
  const product = await ok(anonymous(storeA).get(`/products/${offerA.slug}`));
  return product.variants[0].offers[0].availableQuantity as number;
}

describe('carts across stores', () => {
  it("answers 404 in store B for store A's carts, to guests and customers alike", async () => {
    for (const id of [cartA, guestCartA]) {
      expect((await anonymous(storeB).get(`/carts/${id}`)).statusCode).toBe(404);
      expect((await as(customerB).get(`/carts/${id}`)).statusCode).toBe(404);
    }
    expect((await anonymous(storeA).get(`/carts/${guestCartA}`)).statusCode).toBe(200);
  });

  it("does not take store A's customer token as a session in store B", async () => {
    const inB = { ...customerA.headers, 'x-store-id': storeB.id };
    expect([401, 403, 404]).toContain((await api(server).get(`/carts/${cartA}`, inB)).statusCode);
    expect([401, 403]).toContain((await api(server).get('/me/wishlists', inB)).statusCode);
    // a token of another store is no session here: the cart it opens is a guest's, not customer A's
    const opened = await ok<{ userId: string | null }>(api(server).post('/carts', undefined, inB));
    expect(opened.userId).toBeNull();
  });

  it("does not put store A's offer in a cart of store B", async () => {
    const cartB = await createCart(customerB);
    const added = await as(customerB).post(`/carts/${cartB}/items`, { offerId: offerA.offerId, quantity: 1 });
    expect(added.json()).toMatchObject({ status: 404, type: '/problems/offer-not-found' });
    expect((await ok<CartView>(as(customerB).get(`/carts/${cartB}`))).items).toEqual([]);
    const guestB = await createCart(storeB);
    const guestAdded = await anonymous(storeB).post(`/carts/${guestB}/items`, {
      offerId: offerA.offerId,
      quantity: 1,
    });
    expect(guestAdded.statusCode).toBe(404);
  });

  it("does not let store B add to, change, empty or re-price store A's carts", async () => {
    const line = (await ok<CartView>(as(customerA).get(`/carts/${cartA}`))).items[0]!;
    const guestLine = (await ok<CartView>(anonymous(storeA).get(`/carts/${guestCartA}`))).items[0]!;
    for (const [cart, item] of [
      [cartA, line.id],
      [guestCartA, guestLine.id],
    ] as const) {
      for (const caller of [anonymous(storeB), as(customerB)]) {
        const answers = await Promise.all([
          caller.post(`/carts/${cart}/items`, { offerId: offerB.offerId, quantity: 1 }),
          caller.post(`/carts/${cart}/items`, { offerId: offerA.offerId, quantity: 1 }),
          caller.patch(`/carts/${cart}/items/${item}`, { quantity: 5 }),
          caller.del(`/carts/${cart}/items/${item}`),
          caller.post(`/carts/${cart}/accept-prices`, {}),
        ]);
        expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
      }
    }
    // nor by naming store A's line under a cart of store B
    const cartB = await createCart(customerB, [{ offerId: offerB.offerId, quantity: 1 }]);
    expect((await as(customerB).patch(`/carts/${cartB}/items/${line.id}`, { quantity: 5 })).statusCode).toBe(
      404,
    );
    expect((await as(customerB).del(`/carts/${cartB}/items/${line.id}`)).statusCode).toBe(404);
    expect(await cartInStoreA(cartA)).toEqual([{ offerId: offerA.offerId, quantity: 2 }]);
    expect(await cartInStoreA(guestCartA, anonymous(storeA))).toEqual([
      { offerId: offerA.offerId, quantity: 1 },
    ]);
  });

  it("does not merge store A's guest cart into a customer's cart in store B", async () => {
    const merged = await as(customerB).post(`/carts/${guestCartA}/merge`, {});
    expect(merged.statusCode).toBe(404);
    expect(await cartInStoreA(guestCartA, anonymous(storeA))).toEqual([
      { offerId: offerA.offerId, quantity: 1 },
    ]);
  });

  it("does not check out store A's cart in store B, and store A's stock and orders stay as they were", async () => {
    const stock = await availableInStoreA();
    expect((await checkout(customerB, cartA)).statusCode).toBe(404);
    expect((await checkout(storeB, guestCartA, { email: 'guest@example.test' })).statusCode).toBe(404);
    expect(await availableInStoreA()).toBe(stock);
    expect((await ok(adminA.get('/admin/orders'))).items).toEqual([]);
    expect((await ok(as(customerA).get('/orders'))).items).toEqual([]);
    expect(await cartInStoreA(cartA)).toEqual([{ offerId: offerA.offerId, quantity: 2 }]);
  });
});

describe('wishlists across stores', () => {
  it("does not show, rename, empty or delete store A's wishlist from store B", async () => {
    const client = as(customerB);
    expect((await ok(client.get('/me/wishlists'))).items).toEqual([]);
    const item = wishlistA.items[0]!.id;
    const answers = await Promise.all([
      client.patch(`/me/wishlists/${wishlistA.id}`, { name: 'Mine now' }),
      client.post(`/me/wishlists/${wishlistA.id}/items`, { offerId: offerB.offerId }),
      client.del(`/me/wishlists/${wishlistA.id}/items/${item}`),
      client.post(`/me/wishlists/${wishlistA.id}/items/${item}/move-to-cart`, {}),
      client.del(`/me/wishlists/${wishlistA.id}`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    const lists = await ok(as(customerA).get('/me/wishlists'));
    expect(lists.items).toEqual([
      expect.objectContaining({
        id: wishlistA.id,
        name: 'A list',
        items: [expect.objectContaining({ offerId: offerA.offerId })],
      }),
    ]);
  });

  it("does not put store A's offer on a wishlist of store B, nor move a line into store A's cart", async () => {
    const list = await ok<{ id: string }>(as(customerB).post('/me/wishlists', { name: 'B list' }));
    const added = await as(customerB).post(`/me/wishlists/${list.id}/items`, { offerId: offerA.offerId });
    expect(added.json()).toMatchObject({ status: 404, type: '/problems/offer-not-found' });
    const own = await ok<{ items: Array<{ id: string }> }>(
      as(customerB).post(`/me/wishlists/${list.id}/items`, { offerId: offerB.offerId }),
    );
    const moved = await as(customerB).post(
      `/me/wishlists/${list.id}/items/${own.items[0]!.id}/move-to-cart`,
      {
        cartId: cartA,
      },
    );
    expect(moved.statusCode).toBe(404);
    expect(await cartInStoreA(cartA)).toEqual([{ offerId: offerA.offerId, quantity: 2 }]);
  });
});
