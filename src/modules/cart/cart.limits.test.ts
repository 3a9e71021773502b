import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  type Client,
  createProduct,
  createUser,
  type TestUser,
} from '../../../test/kit/index.ts';
import { RETENTION_QUEUES } from '../../platform/jobs/retention.ts';

let server: TestServer;
/** Calls without a session, to the default store. */
let guest: Client;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer({
    config: {
      CART_MAX_LINES: 2,
      WISHLISTS_MAX_PER_USER: 2,
      WISHLIST_MAX_ITEMS: 2,
      RETENTION_GUEST_CARTS_DAYS: 30,
    },
  });
  admin = await createUser(server, { roles: ['ADMIN'] });
  guest = anonymous(server);
});
afterAll(async () => server?.destroy());

async function offers(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await createProduct(server, admin.headers, { price: 1_000, stock: 50, status: 'ACTIVE' });
    ids.push(p.variants[0]!.offers[0]!.id);
  }
  return ids;
}

describe('caps on what a buyer keeps', () => {
  it('refuses a cart line beyond the cap (409), while existing lines still change', async () => {
    const [a, b, c] = await offers(3);
    const cart = (await guest.post('/carts')).json();
    for (const offerId of [a, b])
      expect((await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 })).statusCode).toBe(201);
    const third = await guest.post(`/carts/${cart.id}/items`, { offerId: c, quantity: 1 });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ type: '/problems/cart-too-many-lines', limit: 2 });
    expect((await guest.post(`/carts/${cart.id}/items`, { offerId: a, quantity: 2 })).statusCode).toBe(201);
  });

  it('refuses to merge a guest cart into a user cart beyond the cap', async () => {
    const [a, b, c] = await offers(3);
    const user = await createUser(server);
    const mine = (await as(user).post('/carts')).json();
    await as(user).post(`/carts/${mine.id}/items`, { offerId: a, quantity: 1 });
    await as(user).post(`/carts/${mine.id}/items`, { offerId: b, quantity: 1 });
    const guestCart = (await guest.post('/carts')).json();
    await guest.post(`/carts/${guestCart.id}/items`, { offerId: c, quantity: 1 });
    const merged = await as(user).post(`/carts/${guestCart.id}/merge`);
    expect(merged.statusCode).toBe(409);
    expect(merged.json().type).toBe('/problems/cart-too-many-lines');
  });

  it('refuses a wishlist or a wishlist item beyond the caps, and pages the wishlists', async () => {
    const [a, b, c] = await offers(3);
    const user = await createUser(server);
    const lists = [];
    for (const name of ['One', 'Two']) lists.push((await as(user).post('/me/wishlists', { name })).json());
    const third = await as(user).post('/me/wishlists', { name: 'Three' });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ type: '/problems/too-many-wishlists', limit: 2 });

    const list = lists[0].id;
    for (const offerId of [a, b])
      expect((await as(user).post(`/me/wishlists/${list}/items`, { offerId })).statusCode).toBe(201);
    const full = await as(user).post(`/me/wishlists/${list}/items`, { offerId: c });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ type: '/problems/wishlist-full', limit: 2 });
    expect((await as(user).post(`/me/wishlists/${list}/items`, { offerId: a })).statusCode).toBe(201);

    const first = (await as(user).get('/me/wishlists?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await as(user).get(`/me/wishlists?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((l: { name: string }) => l.name)).not.toEqual(
      first.items.map((l: { name: string }) => l.name),
    );
    expect(second.nextCursor).toBeNull();
  });
});

describe('guest cart retention', () => {
  it('deletes abandoned and merged guest carts with their lines past retention, and nothing else', async () => {
    const [a] = await offers(1);
    const user = await createUser(server);
    const guestCart = async () => {
      const cart = (await guest.post('/carts')).json();
      await guest.post(`/carts/${cart.id}/items`, { offerId: a, quantity: 1 });
      return cart.id as string;
    };
    const oldAbandoned = await guestCart();
    const oldMerged = await guestCart();
    const recentAbandoned = await guestCart();
    const oldConverted = await guestCart();
    const userCart = (await as(user).post('/carts')).json().id as string;
    const age = async (id: string, status: string, days: number) =>
      sql`UPDATE carts SET status = ${status}, updated_at = now() - make_interval(days => ${days}) WHERE id = ${id}`.execute(
        server.database.db,
      );
    await age(oldAbandoned, 'ABANDONED', 31);
    await age(oldMerged, 'MERGED', 31);
    await age(recentAbandoned, 'ABANDONED', 29);
    await age(oldConverted, 'CONVERTED', 31);
    await age(userCart, 'ABANDONED', 31);

    await server.jobs.enqueue(server.database.db, { queue: RETENTION_QUEUES.cart });
    await server.worker.drain();

    const all = [oldAbandoned, oldMerged, recentAbandoned, oldConverted, userCart];
    const carts = await server.database.db.selectFrom('carts').select('id').where('id', 'in', all).execute();
    expect(carts.map((c) => c.id).sort()).toEqual([recentAbandoned, oldConverted, userCart].sort());
    const lines = await server.database.db
      .selectFrom('cart_items')
      .select('cart_id')
      .where('cart_id', 'in', [oldAbandoned, oldMerged])
      .execute();
    expect(lines).toEqual([]);
  });
});
