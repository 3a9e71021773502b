import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createCustomer,
  createOffer,
  createOrder,
  createSeller,
  storeAdmin,
  type TestOffer,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

/** A product of the store with stock (the store's own unless a seller is given). */
const product = (seller?: TestUser) => createOffer(server, { stock: 100, ...(seller ? { seller } : {}) });

/** A customer named `name` who bought `offer` and had it delivered. */
async function buyer(offer: TestOffer, name = 'Asha Krishnan') {
  const user = await createCustomer(server, { name });
  await createOrder(server, { status: 'DELIVERED', buyer: user, offerId: offer.offerId });
  return user;
}

const review = (user: TestUser, offer: TestOffer, body: Record<string, unknown> = { rating: 5 }) =>
  as(user).post(`/products/${offer.slug}/reviews`, body);

async function settings(changes: Record<string, unknown>) {
  const admin = await storeAdmin(server);
  const current = (await admin.get('/admin/review-settings')).json();
  const res = await admin.put('/admin/review-settings', { ...current, ...changes });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('writing a review', () => {
  it('publishes a delivered buyer’s review at once, verified, under first name and last initial', async () => {
    const offer = await product();
    const user = await buyer(offer);
    const res = await review(user, offer, {
      rating: 4,
      title: 'Good',
      body: 'Works well.',
      deliveryRating: 5,
      sellerRating: 3,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rating: 4, verifiedPurchase: true, status: 'PUBLISHED' });
    const list = (await anonymous(server).get(`/products/${offer.productId}/reviews`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      title: 'Good',
      body: 'Works well.',
      author: { name: 'Asha K.' },
      sellerId: offer.sellerId,
      deliveryRating: 5,
      sellerRating: 3,
      reply: null,
      myVote: null,
    });
    expect(list.summary).toEqual({
      average: 4,
      count: 1,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
    });
  });

  it('refuses a buyer who never received the product (403) and a second review (409)', async () => {
    const offer = await product();
    const stranger = await createCustomer(server);
    const refused = await review(stranger, offer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('/problems/purchase-required');
    const paidOnly = await createCustomer(server);
    await createOrder(server, { status: 'PAID', buyer: paidOnly, offerId: offer.offerId });
    expect((await review(paidOnly, offer)).statusCode).toBe(403);
    const user = await buyer(offer);
    expect((await review(user, offer)).statusCode).toBe(201);
    const again = await review(user, offer, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/review-exists');
  });

  it('refuses ratings outside 1–5, empty and 10,000-character bodies, and changes nothing', async () => {
    const offer = await product();
    const user = await buyer(offer);
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: 5, body: '' },
      { rating: 5, body: 'x'.repeat(10_000) },
      { rating: 5, deliveryRating: 9 },
      { rating: 5, images: ['javascript:alert(1)'] },
      {},
    ]) {
      const res = await review(user, offer, body);
      expect([JSON.stringify(body).slice(0, 40), res.statusCode]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
      ]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await anonymous(server).get(`/products/${offer.slug}/reviews`)).json().summary.count).toBe(0);
  });

  it('keeps HTML as the text it was given', async () => {
    const offer = await product();
    const user = await buyer(offer);
    const body = '<script>alert("x")</script><b>bold</b>';
    expect((await review(user, offer, { rating: 3, body })).statusCode).toBe(201);
    const list = (await anonymous(server).get(`/products/${offer.slug}/reviews`)).json();
    expect(list.items[0].body).toBe(body);
  });

  it('answers 404 for a product that is not in the store', async () => {
    const user = await createCustomer(server);
    expect((await as(user).post('/products/no-such-product/reviews', { rating: 5 })).statusCode).toBe(404);
    expect((await anonymous(server).get('/products/no-such-product/reviews')).statusCode).toBe(404);
  });

  it('ties delivery and seller ratings to the seller of the delivered item', async () => {
    const seller = await createSeller(server);
    const offer = await product(seller);
    const user = await buyer(offer);
    const made = await review(user, offer, { rating: 5, sellerRating: 4, deliveryRating: 2 });
    expect(made.json().sellerId).toBe(seller.id);
    const bySeller = (await anonymous(server).get(`/sellers/${seller.id}/reviews`)).json();
    expect(bySeller.items.map((r: { id: string }) => r.id)).toEqual([made.json().id]);
    expect(bySeller.summary).toEqual({
      sellerRating: { average: 4, count: 1 },
      deliveryRating: { average: 2, count: 1 },
    });
    const page = (await anonymous(server).get(`/products/${offer.slug}`)).json();
    const shown = page.variants.flatMap((v: { offers: Array<{ id: string; rating: number }> }) => v.offers);
    expect(shown.find((o: { id: string }) => o.id === offer.offerId)).toMatchObject({
      rating: 4,
      ratingCount: 1,
    });
  });
});

describe('the product’s rating', () => {
  it('follows published reviews at once on the product page', async () => {
    const offer = await product();
    const first = await buyer(offer);
    const second = await buyer(offer);
    await review(first, offer, { rating: 5 });
    await review(second, offer, { rating: 2 });
    const page = (await anonymous(server).get(`/products/${offer.slug}`)).json();
    expect(page).toMatchObject({ rating: 3.5, ratingCount: 2 });
  });
});

describe('changing and removing one’s review', () => {
  it('moves the aggregates by an edit and takes them back on removal', async () => {
    const offer = await product();
    const user = await buyer(offer);
    const made = (await review(user, offer, { rating: 2, sellerRating: 2 })).json();
    const edited = await as(user).patch(`/reviews/${made.id}`, { rating: 5, body: 'Better after all.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ rating: 5, status: 'PUBLISHED', body: 'Better after all.' });
    let list = (await anonymous(server).get(`/products/${offer.slug}/reviews`)).json();
    expect(list.summary).toMatchObject({ average: 5, count: 1, histogram: { '2': 0, '5': 1 } });
    expect((await as(user).del(`/reviews/${made.id}`)).statusCode).toBe(204);
    list = (await anonymous(server).get(`/products/${offer.slug}/reviews`)).json();
    expect(list).toMatchObject({ items: [], summary: { average: 0, count: 0 } });
    expect((await anonymous(server).get(`/products/${offer.slug}`)).json()).toMatchObject({
      rating: 0,
      ratingCount: 0,
    });
    // removed, it is gone for its author too, and a new review may be written
    expect((await as(user).patch(`/reviews/${made.id}`, { rating: 1 })).statusCode).toBe(404);
    expect((await as(user).get('/me/reviews')).json().items).toEqual([]);
    expect((await review(user, offer, { rating: 4 })).statusCode).toBe(201);
  });

  it('lets nobody else change or remove a review (404)', async () => {
    const offer = await product();
    const user = await buyer(offer);
    const made = (await review(user, offer)).json();
    const other = await createCustomer(server);
    expect((await as(other).patch(`/reviews/${made.id}`, { rating: 1 })).statusCode).toBe(404);
    expect((await as(other).del(`/reviews/${made.id}`)).statusCode).toBe(404);
    expect((await anonymous(server).del(`/reviews/${made.id}`)).statusCode).toBe(401);
    expect((await anonymous(server).get(`/products/${offer.slug}/reviews`)).json().items[0].rating).toBe(5);
  });
});
