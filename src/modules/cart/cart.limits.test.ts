import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createProduct } from '../../../test/kit/index.ts';
import { RETENTION_QUEUES } from '../../platform/jobs/retention.ts';

let server: TestServer;
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
    const cart = (await call('POST', '/carts')).json();
    for (const offerId of [a, b])
      expect((await call('POST', `/carts/${cart.id}/items`, { offerId, quantity: 1 })).statusCode).toBe(201);
    const third = await call('POST', `/carts/${cart.id}/items`, { offerId: c, quantity: 1 });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ type: '/problems/cart-too-many-lines', limit: 2 });
    expect((await call('POST', `/carts/${cart.id}/items`, { offerId: a, quantity: 2 })).statusCode).toBe(201);
  });

  it('refuses to merge a guest cart into a user cart beyond the cap', async () => {
    const [a, b, c] = await offers(3);
    const user = await createUser(server);
    const mine = (await call('POST', '/carts', undefined, user.headers)).json();
    await call('POST', `/carts/${mine.id}/items`, { offerId: a, quantity: 1 }, user.headers);
    await call('POST', `/carts/${mine.id}/items`, { offerId: b, quantity: 1 }, user.headers);
    const guest = (await call('POST', '/carts')).json();
    await call('POST', `/carts/${guest.id}/items`, { offerId: c, quantity: 1 });
    const merged = await call('POST', `/carts/${guest.id}/merge`, undefined, user.headers);
    expect(merged.statusCode).toBe(409);
    expect(merged.json().type).toBe('/problems/cart-too-many-lines');
  });

  it('refuses a wishlist or a wishlist item beyond the caps, and pages the wishlists', async () => {
    const [a, b, c] = await offers(3);
    const user = await createUser(server);
    const lists = [];
    for (const name of ['One', 'Two'])
      lists.push((await call('POST', '/me/wishlists', { name }, user.headers)).json());
    const third = await call('POST', '/me/wishlists', { name: 'Three' }, user.headers);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ type: '/problems/too-many-wishlists', limit: 2 });

    const list = lists[0].id;
    for (const offerId of [a, b])
      expect((await call('POST', `/me/wishlists/${list}/items`, { offerId }, user.headers)).statusCode).toBe(
        201,
      );
    const full = await call('POST', `/me/wishlists/${list}/items`, { offerId: c }, user.headers);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ type: '/problems/wishlist-full', limit: 2 });
    expect((await call('POST', `/me/wishlists/${list}/items`, { offerId: a }, user.headers)).statusCode).toBe(
      201,
    );

    const first = (await call('GET', '/me/wishlists?limit=1', undefined, user.headers)).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await call('GET', `/me/wishlists?limit=1&cursor=${first.nextCursor}`, undefined, user.headers)
    ).json();
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
      const cart = (await call('POST', '/carts')).json();
      await call('POST', `/carts/${cart.id}/items`, { offerId: a, quantity: 1 });
      return cart.id as string;
    };
    const oldAbandoned = await guestCart();
    const oldMerged = await guestCart();
    const recentAbandoned = await guestCart();
    const oldConverted = await guestCart();
    const userCart = (await call('POST', '/carts', undefined, user.headers)).json().id as string;
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
