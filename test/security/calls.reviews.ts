import { createCustomer, createOffer } from '../kit/index.ts';
import type { Call } from './calls.ts';
import { send, unique, type World } from './fixtures.ts';

/**
 * How the matrix calls the review operations. The store allows unverified reviews here (set once,
 * before the first review), so any signed-in principal may write one; the reviews the others act
 * on are written by buyers who are none of the principals, on the store's product or the seller's.
 */

type Made = { id: string };

/** Unverified reviews on, as the settings call also leaves them. */
export const MATRIX_SETTINGS = {
  moderation: false,
  allowUnverified: true,
  heldWords: ['matrixword'],
  holdLinks: true,
  rewardPoints: 0,
};

async function allowUnverified(w: World) {
  const key = 'reviews: settings';
  if (w.fresh.has(key)) return;
  await send(w.server, 'PUT', '/admin/review-settings', MATRIX_SETTINGS, w.callers.admin.headers);
  w.fresh.set(key, true);
}

/** A new product of the store (one review per buyer and product). */
async function freshProduct(w: World) {
  await allowUnverified(w);
  return createOffer(w.server, { storeId: w.storeId, stock: 5 });
}

/** A review by a buyer who is none of the principals; with a link in it, it waits for staff. */
async function byStranger(w: World, options: { pending?: boolean; seller?: boolean } = {}): Promise<Made> {
  const offer = options.seller ? w.catalog.sellerOffer : await freshProduct(w);
  await allowUnverified(w);
  const buyer = await createCustomer(w.server);
  const body = options.pending ? 'Details at www.example.com' : 'Fine.';
  return send(
    w.server,
    'POST',
    `/products/${offer.slug}/reviews`,
    { rating: 4, body, sellerRating: 5 },
    buyer.headers,
  );
}

/** A review by the matrix's customer (the owner of what the author may change). */
async function byCustomer(w: World): Promise<Made> {
  const offer = await freshProduct(w);
  return send(w.server, 'POST', `/products/${offer.slug}/reviews`, { rating: 3 }, w.callers.customer.headers);
}

/** One published review every reader, voter and reporter uses (made once). */
async function shared(w: World, seller = false): Promise<Made> {
  const key = `reviews: the one ${seller ? "on the seller's offer" : 'read'}`;
  if (!w.fresh.has(key)) w.fresh.set(key, await byStranger(w, { seller }));
  return w.fresh.get(key) as Made;
}

const onReview = (make: (w: World) => Promise<Made>, body?: unknown): Call<Made> => ({
  fresh: make,
  request: (_w, _who, made) => ({ params: { id: made.id }, ...(body !== undefined ? { body } : {}) }),
});

const onShared = (body?: unknown, seller = false): Call => ({
  request: async (w) => ({
    params: { id: (await shared(w, seller)).id },
    ...(body !== undefined ? { body } : {}),
  }),
});

export const REVIEW_CALLS: Record<string, Call> = {
  'POST /products/{idOrSlug}/reviews': {
    fresh: async (w) => {
      const key = 'reviews: the product everyone reviews';
      if (!w.fresh.has(key)) w.fresh.set(key, await freshProduct(w));
      return w.fresh.get(key);
    },
    request: (_w, _who, offer: { slug: string }) => ({
      params: { idOrSlug: offer.slug },
      body: { rating: 5, title: unique('matrix') },
    }),
  },
  'GET /products/{idOrSlug}/reviews': {
    request: (w) => ({ params: { idOrSlug: w.catalog.storeOffers[0].productId } }),
  },
  'PATCH /reviews/{id}': onReview(byCustomer, { rating: 4 }),
  'DELETE /reviews/{id}': onReview(byCustomer),
  'GET /me/reviews': {},
  'PUT /reviews/{id}/vote': onShared({ helpful: true }),
  'DELETE /reviews/{id}/vote': { ...onShared(), phase: 'write' },
  'POST /reviews/{id}/reports': onShared({ reason: 'spam' }),
  'PUT /reviews/{id}/reply': onShared({ body: 'Thank you.' }, true),
  'DELETE /reviews/{id}/reply': onReview((w) => byStranger(w, { seller: true })),
  'GET /sellers/{sellerId}/reviews': {
    request: (w) => ({ params: { sellerId: w.callers.seller.user!.id } }),
  },
  'GET /seller/reviews': {},
  'GET /admin/reviews': { request: () => ({ query: { status: 'PENDING' } }) },
  'GET /admin/reviews/{id}': onShared(),
  'POST /admin/reviews/{id}/approve': onReview((w) => byStranger(w, { pending: true })),
  'POST /admin/reviews/{id}/reject': onReview((w) => byStranger(w, { pending: true }), { reason: 'matrix' }),
  'POST /admin/reviews/{id}/hide': onReview((w) => byStranger(w), { reason: 'matrix' }),
  'GET /admin/review-settings': {},
  'PUT /admin/review-settings': { request: () => ({ body: MATRIX_SETTINGS }) },
};
