import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createProduct,
  createUser,
  inr,
  sku,
  type TestUser,
} from '../../../test/kit/index.ts';
import { getOffers } from './index.ts';

let server: TestServer;
let admin: TestUser;
let sellerA: TestUser;
let sellerB: TestUser;
let storeId: string;

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  [admin, sellerA, sellerB] = await Promise.all([
    createAdmin(server),
    createUser(server, { roles: ['SELLER'] }),
    createUser(server, { roles: ['SELLER'] }),
  ]);
});
afterAll(async () => server?.destroy());

const setSellerLimit = async (bp: number) => {
  const res = await as(admin).patch('/admin/store/settings', { sellerMaxRewardBp: bp });
  expect(res.statusCode).toBe(200);
};

/** The reward rate checkout would book for an offer (the snapshot cart and checkout read). */
async function rewardAtCheckout(offerId: string) {
  const [offer] = await getOffers({ db: server.database.db, storeId }, [offerId]);
  return offer!.rewardPercentBp;
}

/** The rate the public product page shows for an offer. */
async function rewardOnPage(productId: string, offerId: string) {
  const page = (await anonymous(server).get(`/products/${productId}`)).json();
  return page.variants.flatMap((v: any) => v.offers).find((o: any) => o.id === offerId).rewardPercentBp;
}

/** A product of `creator` with two variants, and the id of each variant's first offer. */
async function twoVariantProduct(creator: TestUser) {
  const res = await as(creator).post('/admin/products', {
    name: 'Shared Lamp',
    variants: [
      { sku: sku(), options: { colour: 'red' }, price: inr(1_000), stock: 3 },
      { sku: sku(), options: { colour: 'blue' }, price: inr(1_000), stock: 3 },
    ],
  });
  expect(res.statusCode).toBe(201);
  const product = res.json();
  return {
    id: product.id as string,
    variants: product.variants.map((v: any) => v.id) as string[],
    offers: product.variants.map((v: any) => v.offers[0].id) as string[],
  };
}

describe('reward rates sellers may set', () => {
  it('caps a seller’s offer reward at the store’s limit, which is 0 unless the store allows more', async () => {
    const own = await createProduct(server, sellerA, { price: 5_000 });
    const offerId = own.variants[0]!.offers[0]!.id;
    const full = await as(sellerA).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 10_000 });
    expect(full.statusCode).toBe(400);
    expect(full.json().errors[0].pointer).toBe('/rewardPercentBp');
    expect((await as(sellerA).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 1 })).statusCode).toBe(
      400,
    );
    const theirs = await createProduct(server, admin, { price: 5_000 });
    const offered = await as(sellerB).post(`/admin/variants/${theirs.variants[0]!.id}/offers`, {
      price: inr(4_900),
      rewardPercentBp: 500,
    });
    expect(offered.statusCode).toBe(400);
    expect(await rewardAtCheckout(offerId)).toBe(0);

    await setSellerLimit(500);
    expect((await as(sellerA).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 500 })).statusCode).toBe(
      200,
    );
    expect((await as(sellerA).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 501 })).statusCode).toBe(
      400,
    );
    expect(await rewardAtCheckout(offerId)).toBe(500);
    expect(await rewardOnPage(own.id, offerId)).toBe(500);
    await setSellerLimit(0);
  });

  it('lets an admin set any reward on any offer, above the sellers’ limit', async () => {
    const own = await createProduct(server, sellerA, { price: 5_000 });
    const offerId = own.variants[0]!.offers[0]!.id;
    const res = await as(admin).patch(`/admin/offers/${offerId}`, { rewardPercentBp: 2_000 });
    expect(res.statusCode).toBe(200);
    expect(await rewardAtCheckout(offerId)).toBe(2_000);
    // the seller changing its own offer's price leaves the store's rate alone
    expect((await as(sellerA).patch(`/admin/offers/${offerId}`, { price: inr(5_100) })).statusCode).toBe(200);
    expect(await rewardAtCheckout(offerId)).toBe(2_000);
  });

  it('never books a reward above the limit from an offer that carries one already', async () => {
    const own = await createProduct(server, sellerA, { price: 5_000 });
    const offerId = own.variants[0]!.offers[0]!.id;
    // a rate stored before the limit existed (or above a limit lowered since)
    await sql`UPDATE offers SET reward_percent_bp = 10000 WHERE id = ${offerId}`.execute(server.database.db);
    expect(await rewardAtCheckout(offerId)).toBe(0);
    expect(await rewardOnPage(own.id, offerId)).toBe(0);
    await setSellerLimit(300);
    expect(await rewardAtCheckout(offerId)).toBe(300);
    await setSellerLimit(0);
  });

  it('lets only an admin set a product-wide reward', async () => {
    const created = await as(sellerA).post('/admin/products', {
      name: 'Cashback Widget',
      rewardPercentBp: 10_000,
      variants: [{ sku: sku(), price: inr(5_000) }],
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().type).toBe('/problems/reward-staff-only');
    const own = await createProduct(server, sellerA, { price: 5_000 });
    const patched = await as(sellerA).patch(`/admin/products/${own.id}`, { rewardPercentBp: 10_000 });
    expect(patched.statusCode).toBe(403);
    // sending the rate it already has changes nothing and is fine
    expect((await as(sellerA).patch(`/admin/products/${own.id}`, { rewardPercentBp: 0 })).statusCode).toBe(
      200,
    );
    const byAdmin = await as(admin).patch(`/admin/products/${own.id}`, { rewardPercentBp: 300 });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().rewardPercentBp).toBe(300);
    // the creator's own offer earns the rate the store set
    expect(await rewardAtCheckout(own.variants[0]!.offers[0]!.id)).toBe(300);
  });

  it('applies a product-wide reward only to the offers of the product’s owner', async () => {
    const storeProduct = await createProduct(server, admin, { price: 5_000, rewardPercentBp: 500 });
    const storeOffer = storeProduct.variants[0]!.offers[0]!.id;
    const other = await as(sellerB).post(`/admin/variants/${storeProduct.variants[0]!.id}/offers`, {
      price: inr(4_900),
    });
    expect(other.statusCode).toBe(201);
    const sellerOffer = other.json().variants[0].offers.find((o: any) => o.sellerId === sellerB.id).id;
    expect(await rewardAtCheckout(storeOffer)).toBe(500);
    expect(await rewardAtCheckout(sellerOffer)).toBe(0);
    expect(await rewardOnPage(storeProduct.id, sellerOffer)).toBe(0);

    const sellerProduct = await twoVariantProduct(sellerA);
    await as(admin).patch(`/admin/products/${sellerProduct.id}`, { rewardPercentBp: 400 });
    const joined = await as(sellerB).post(`/admin/variants/${sellerProduct.variants[0]}/offers`, {
      price: inr(900),
    });
    const joinedOffer = joined.json().variants[0].offers.find((o: any) => o.sellerId === sellerB.id).id;
    expect(await rewardAtCheckout(sellerProduct.offers[0]!)).toBe(400);
    expect(await rewardAtCheckout(joinedOffer)).toBe(0);
  });
});

describe('shared products', () => {
  it('keeps a product’s creator from renaming, re-optioning or deleting it once another seller offers on it', async () => {
    const p = await twoVariantProduct(sellerA);
    const joined = await as(sellerB).post(`/admin/variants/${p.variants[0]}/offers`, { price: inr(950) });
    expect(joined.statusCode).toBe(201);
    const refused = [
      await as(sellerA).patch(`/admin/products/${p.id}`, { name: 'Renamed' }),
      await as(sellerA).patch(`/admin/products/${p.id}`, { status: 'ARCHIVED' }),
      await as(sellerA).patch(`/admin/variants/${p.variants[0]}`, { options: { colour: 'green' } }),
      await as(sellerA).del(`/admin/variants/${p.variants[1]}`),
      await as(sellerA).del(`/admin/products/${p.id}`),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json().type).toBe('/problems/product-shared');
    }
    const page = (await anonymous(server).get(`/products/${p.id}`)).json();
    expect(page.name).toBe('Shared Lamp');
    expect(page.variants).toHaveLength(2);
    // its own offers stay its own to manage
    expect((await as(sellerA).patch(`/admin/offers/${p.offers[0]}`, { price: inr(1_100) })).statusCode).toBe(
      200,
    );
    // staff still edit the product
    expect((await as(admin).patch(`/admin/products/${p.id}`, { name: 'Shared Lamp 2' })).statusCode).toBe(
      200,
    );
    expect(
      (await as(admin).patch(`/admin/variants/${p.variants[0]}`, { options: { colour: 'crimson' } }))
        .statusCode,
    ).toBe(200);
  });

  it('lets the creator edit again once no other seller offers on it', async () => {
    const p = await twoVariantProduct(sellerA);
    expect((await as(sellerA).patch(`/admin/products/${p.id}`, { name: 'Mine' })).statusCode).toBe(200);
    const joined = await as(sellerB).post(`/admin/variants/${p.variants[1]}/offers`, { price: inr(950) });
    const theirs = joined.json().variants[1].offers.find((o: any) => o.sellerId === sellerB.id).id;
    expect((await as(sellerA).patch(`/admin/products/${p.id}`, { name: 'Still mine?' })).statusCode).toBe(
      403,
    );
    expect((await as(sellerB).del(`/admin/offers/${theirs}`)).statusCode).toBe(204);
    expect((await as(sellerA).patch(`/admin/products/${p.id}`, { name: 'Mine again' })).statusCode).toBe(200);
    expect((await as(sellerA).del(`/admin/variants/${p.variants[1]}`)).statusCode).toBe(200);
    expect((await as(sellerA).del(`/admin/products/${p.id}`)).statusCode).toBe(204);
  });

  it('reports an import row that would change a product another seller offers on', async () => {
    const p = await twoVariantProduct(sellerA);
    await as(sellerB).post(`/admin/variants/${p.variants[0]}/offers`, { price: inr(950) });
    const slug = (await anonymous(server).get(`/products/${p.id}`)).json().slug;
    const csv = [
      'Handle,Title,Variant SKU,Variant Price,Status',
      `${slug},Hijacked Lamp,NEW-${sku()},9.99,active`,
    ].join('\n');
    const res = await as(sellerA).post('/admin/products/import', csv, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([expect.objectContaining({ handle: slug })]);
    expect((await anonymous(server).get(`/products/${p.id}`)).json().name).toBe('Shared Lamp');
  });
});

describe('a seller’s own offers', () => {
  it('lists the caller’s offers with their product and price, none of another seller’s', async () => {
    const [mine, other] = await Promise.all([
      createUser(server, { roles: ['SELLER'] }),
      createUser(server, { roles: ['SELLER'] }),
    ]);
    const own = await createProduct(server, mine, { price: 5_000 });
    const theirs = await createProduct(server, other, { price: 6_000, status: 'ACTIVE' });
    // the seller also offers a variant of the other seller's product
    const offered = await as(mine).post(`/admin/variants/${theirs.variants[0]!.id}/offers`, {
      price: inr(5_900),
    });
    expect(offered.statusCode).toBe(201);
    const res = await as(mine).get('/admin/offers?limit=1');
    expect(res.statusCode).toBe(200);
    const first = res.json();
    expect(first.items).toHaveLength(1);
    const second = (await as(mine).get(`/admin/offers?limit=1&cursor=${first.nextCursor}`)).json();
    const items = [...first.items, ...second.items];
    expect(second.nextCursor).toBeNull();
    expect(items.map((o: { productId: string }) => o.productId)).toEqual([theirs.id, own.id]);
    expect(items[0]).toMatchObject({ price: inr(5_900), productName: theirs.name });
    expect(items[1]).toMatchObject({
      id: own.variants[0]!.offers[0]!.id,
      price: inr(5_000),
      sku: expect.any(String),
    });
    const ids = new Set(items.map((o: { id: string }) => o.id));
    expect(ids.has(theirs.variants[0]!.offers[0]!.id)).toBe(false);
    const others = (await as(other).get('/admin/offers')).json();
    expect(others.items.map((o: { id: string }) => o.id)).toEqual([theirs.variants[0]!.offers[0]!.id]);
  });

  it('refuses a customer and a caller without a session', async () => {
    const customer = await createUser(server);
    expect((await as(customer).get('/admin/offers')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/offers')).statusCode).toBe(401);
  });
});
