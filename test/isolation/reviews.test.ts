import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  createCustomer,
  createOffer,
  createOrder,
  createStorePair,
  type TestOffer,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store B's buyers, staff and visitors cannot read, review, vote on, report, answer or moderate
// store A's reviews, nor change its review settings.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let offerA: TestOffer;
let reviewId: string;
let buyerB: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  offerA = await createOffer(server, { storeId: storeA.id, stock: 10 });
  const buyerA = await createCustomer(storeA);
  await createOrder(storeA, { status: 'DELIVERED', buyer: buyerA, offerId: offerA.offerId });
  reviewId = (
    await as(buyerA).post(`/products/${offerA.slug}/reviews`, { rating: 4, body: 'Store A only' })
  ).json().id;
  buyerB = await createCustomer(storeB);
  const allow = { moderation: false, allowUnverified: true, heldWords: [], holdLinks: true, rewardPoints: 0 };
  expect((await adminB.put('/admin/review-settings', allow)).statusCode).toBe(200);
});
afterAll(async () => server?.destroy());

describe('reviews across stores', () => {
  it("answers 404 for store A's product and reviews in store B", async () => {
    expect((await anonymous(storeB).get(`/products/${offerA.slug}/reviews`)).statusCode).toBe(404);
    expect((await anonymous(storeB).get(`/products/${offerA.productId}/reviews`)).statusCode).toBe(404);
    // store B allows unverified reviews, and still cannot reach store A's product
    expect((await as(buyerB).post(`/products/${offerA.productId}/reviews`, { rating: 1 })).statusCode).toBe(
      404,
    );
    expect((await adminB.get(`/admin/reviews/${reviewId}`)).statusCode).toBe(404);
    const queue = (await adminB.get('/admin/reviews?status=PUBLISHED')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).not.toContain(reviewId);
  });

  it("does not let store B's users vote on, report, answer, change or moderate store A's review", async () => {
    expect((await as(buyerB).put(`/reviews/${reviewId}/vote`, { helpful: false })).statusCode).toBe(404);
    expect((await as(buyerB).post(`/reviews/${reviewId}/reports`, { reason: 'spam' })).statusCode).toBe(404);
    expect((await as(buyerB).patch(`/reviews/${reviewId}`, { rating: 1 })).statusCode).toBe(404);
    expect((await as(buyerB).del(`/reviews/${reviewId}`)).statusCode).toBe(404);
    expect((await adminB.put(`/reviews/${reviewId}/reply`, { body: 'Not yours' })).statusCode).toBe(404);
    expect((await adminB.post(`/admin/reviews/${reviewId}/hide`, { reason: 'no' })).statusCode).toBe(404);
    const seen = (await adminA.get(`/admin/reviews/${reviewId}`)).json();
    expect(seen).toMatchObject({
      status: 'PUBLISHED',
      rating: 4,
      helpfulCount: 0,
      notHelpfulCount: 0,
      reportCount: 0,
      reply: null,
    });
  });

  it("keeps each store's review settings and aggregates its own", async () => {
    expect((await adminA.get('/admin/review-settings')).json().allowUnverified).toBe(false);
    expect((await anonymous(storeA).get(`/products/${offerA.slug}/reviews`)).json().summary).toMatchObject({
      average: 4,
      count: 1,
    });
    expect((await anonymous(storeB).get(`/sellers/${storeA.id}/reviews`)).statusCode).toBe(404);
  });
});
