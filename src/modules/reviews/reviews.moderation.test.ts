import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  type Client,
  createAdmin,
  createCustomer,
  createOffer,
  createOrder,
  createSeller,
  createStore,
  createUser,
  type TestOffer,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

/** A store of its own (its review settings are its own), its admin and a product with stock. */
async function shop(settings: Record<string, unknown> = {}, seller = false) {
  const store = await createStore(server);
  const admin = as(await createAdmin(store));
  const defaults = {
    moderation: false,
    allowUnverified: false,
    heldWords: [],
    holdLinks: true,
    rewardPoints: 0,
  };
  const saved = await admin.put('/admin/review-settings', { ...defaults, ...settings });
  expect(saved.statusCode).toBe(200);
  const owner = seller ? await createSeller(store) : undefined;
  const offer = await createOffer(server, {
    storeId: store.id,
    stock: 100,
    ...(owner ? { seller: owner } : {}),
  });
  return { store, admin, offer, owner };
}

async function buyer(store: TestStore, offer: TestOffer, name = 'Ravi Shankar') {
  const user = await createCustomer(store, { name });
  await createOrder(store, { status: 'DELIVERED', buyer: user, offerId: offer.offerId });
  return user;
}

const write = (user: TestUser, offer: TestOffer, body: Record<string, unknown> = { rating: 5 }) =>
  as(user).post(`/products/${offer.slug}/reviews`, body);

const publicList = async (store: TestStore, offer: TestOffer, query = '') =>
  (await anonymous(store).get(`/products/${offer.slug}/reviews${query}`)).json();

describe('moderation', () => {
  it('holds reviews for staff when the store moderates, and counts them once approved', async () => {
    const { store, admin, offer } = await shop({ moderation: true });
    const first = await buyer(store, offer);
    const second = await buyer(store, offer);
    const a = (await write(first, offer, { rating: 5 })).json();
    const b = (await write(second, offer, { rating: 1 })).json();
    expect([a.status, b.status]).toEqual(['PENDING', 'PENDING']);
    expect(await publicList(store, offer)).toMatchObject({ items: [], summary: { count: 0 } });
    const queue = (await admin.get('/admin/reviews')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([a.id, b.id]); // oldest first
    const approved = await admin.post(`/admin/reviews/${a.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'PUBLISHED', product: { id: offer.productId } });
    const rejected = await admin.post(`/admin/reviews/${b.id}/reject`, { reason: 'Not about the product' });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', rejectionReason: 'Not about the product' });
    expect(await publicList(store, offer)).toMatchObject({ summary: { average: 5, count: 1 } });
    // an edit waits for staff again, and leaves the aggregates until then
    const edited = await as(first).patch(`/reviews/${a.id}`, { rating: 3 });
    expect(edited.json()).toMatchObject({ status: 'PENDING', rating: 3 });
    expect(await publicList(store, offer)).toMatchObject({ summary: { count: 0 } });
    // the author sees it with its status; hiding a pending review is not a move staff can make
    const mine = (await as(second).get('/me/reviews')).json().items;
    expect(mine[0]).toMatchObject({ id: b.id, status: 'REJECTED', product: { slug: offer.slug } });
    expect((await admin.post(`/admin/reviews/${a.id}/hide`, {})).statusCode).toBe(409);
    expect((await admin.post(`/admin/reviews/${a.id}/approve`)).statusCode).toBe(200);
    expect((await admin.post(`/admin/reviews/${a.id}/hide`, { reason: 'Spoilers' })).json().status).toBe(
      'HIDDEN',
    );
    expect(await publicList(store, offer)).toMatchObject({ summary: { count: 0 } });
    expect((await admin.get('/admin/reviews?status=HIDDEN')).json().items[0].id).toBe(a.id);
  });

  it('holds held words as whole words in any case, and links, naming why', async () => {
    const { store, offer } = await shop({ heldWords: ['scam'] });
    const held = async (body: string) => {
      const user = await buyer(store, offer);
      const made = (await write(user, offer, { rating: 4, body })).json();
      return [made.status, made.heldFor];
    };
    expect(await held('What a SCAM, honestly')).toEqual(['PENDING', ['words']]);
    expect(await held('No scams here, and scampi is tasty')).toEqual(['PUBLISHED', []]);
    expect(await held('See https://example.com for more')).toEqual(['PENDING', ['links']]);
    expect(await held('Visit www.example.com, a scam')).toEqual(['PENDING', ['words', 'links']]);
  });

  it('publishes links when the store does not hold them', async () => {
    const { store, offer } = await shop({ holdLinks: false });
    const user = await buyer(store, offer);
    expect((await write(user, offer, { rating: 4, body: 'http://example.com' })).json().status).toBe(
      'PUBLISHED',
    );
  });

  it('lets unverified reviews in only where the store allows them', async () => {
    const { store, offer } = await shop({ allowUnverified: true });
    const visitor = await createCustomer(store);
    const made = await write(visitor, offer, { rating: 2 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ verifiedPurchase: false, status: 'PUBLISHED' });
  });

  it('opens the queue to staff holding reviews:moderate, settings to admins', async () => {
    const { store, admin } = await shop();
    const narrow = await createUser(server, { roles: ['ADMIN'], storeId: store.id });
    const superAdmin = await createUser(server, { roles: ['SUPER_ADMIN'], storeId: store.id });
    const set = await as(superAdmin).put(`/admin/users/${narrow.id}/admin-profile`, { permissions: [] });
    expect(set.statusCode).toBe(200);
    const queue = await as(narrow).get('/admin/reviews');
    expect(queue.statusCode).toBe(403);
    expect(queue.json().type).toBe('/problems/permission-missing');
    expect((await as(narrow).get('/admin/review-settings')).statusCode).toBe(200);
    expect(
      (await as(narrow).put('/admin/review-settings', (await admin.get('/admin/review-settings')).json()))
        .statusCode,
    ).toBe(403);
    const customer = await createCustomer(store);
    expect((await as(customer).get('/admin/reviews')).statusCode).toBe(403);
    expect((await anonymous(store).get('/admin/reviews')).statusCode).toBe(401);
  });

  it('refuses settings out of range', async () => {
    const { admin } = await shop();
    const base = (await admin.get('/admin/review-settings')).json();
    for (const bad of [
      { rewardPoints: -1 },
      { heldWords: Array.from({ length: 501 }, (_, i) => `w${i}`) },
      { moderation: 'yes' },
    ]) {
      expect((await admin.put('/admin/review-settings', { ...base, ...bad })).statusCode).toBe(400);
    }
  });
});

describe('votes, reports and replies', () => {
  let store: TestStore;
  let offer: TestOffer;
  let owner: TestUser;
  let admin: Client;
  let author: TestUser;
  let reviewId: string;

  beforeAll(async () => {
    ({ store, offer, admin, owner } = (await shop({}, true)) as Awaited<ReturnType<typeof shop>> & {
      owner: TestUser;
    });
    author = await buyer(store, offer);
    reviewId = (await write(author, offer, { rating: 4, sellerRating: 5 })).json().id;
  });

  it('counts one vote per user, changeable, and refuses a vote on one’s own review', async () => {
    const voter = await createCustomer(store);
    const own = await as(author).put(`/reviews/${reviewId}/vote`, { helpful: true });
    expect(own.statusCode).toBe(400);
    expect(own.json().type).toBe('/problems/own-review');
    const vote = (helpful: boolean) => as(voter).put(`/reviews/${reviewId}/vote`, { helpful });
    expect((await vote(true)).json()).toEqual({ helpfulCount: 1, notHelpfulCount: 0, myVote: 'helpful' });
    expect((await vote(true)).json()).toEqual({ helpfulCount: 1, notHelpfulCount: 0, myVote: 'helpful' });
    expect((await vote(false)).json()).toEqual({
      helpfulCount: 0,
      notHelpfulCount: 1,
      myVote: 'not_helpful',
    });
    const seen = (await as(voter).get(`/products/${offer.slug}/reviews`)).json().items[0];
    expect(seen).toMatchObject({ myVote: 'not_helpful', notHelpfulCount: 1 });
    expect((await as(voter).del(`/reviews/${reviewId}/vote`)).json()).toEqual({
      helpfulCount: 0,
      notHelpfulCount: 0,
      myVote: null,
    });
  });

  it('takes one report per user to staff, not one’s own', async () => {
    const reporter = await createCustomer(store);
    const made = await as(reporter).post(`/reviews/${reviewId}/reports`, {
      reason: 'fake',
      note: 'Copied text',
    });
    expect(made.statusCode).toBe(201);
    const again = await as(reporter).post(`/reviews/${reviewId}/reports`, { reason: 'spam' });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/already-reported');
    expect((await as(author).post(`/reviews/${reviewId}/reports`, { reason: 'spam' })).statusCode).toBe(400);
    expect((await as(owner).post(`/reviews/${reviewId}/reports`, { reason: 'other' })).statusCode).toBe(201);
    const detail = (await admin.get(`/admin/reviews/${reviewId}`)).json();
    expect(detail.reportCount).toBe(2);
    expect(detail.reports[0]).toMatchObject({ reason: 'fake', note: 'Copied text' });
    const reported = (await admin.get('/admin/reviews?status=PUBLISHED&reported=true')).json();
    expect(reported.items.map((r: { id: string }) => r.id)).toContain(reviewId);
  });

  it('lets the seller of the offer reply once (a second replaces it), staff too, nobody else', async () => {
    const other = await createSeller(store);
    expect((await as(other).put(`/reviews/${reviewId}/reply`, { body: 'Not mine' })).statusCode).toBe(404);
    expect((await as(author).put(`/reviews/${reviewId}/reply`, { body: 'Me' })).statusCode).toBe(404);
    const first = await as(owner).put(`/reviews/${reviewId}/reply`, { body: 'Thank you!' });
    expect(first.statusCode).toBe(200);
    expect(first.json().reply).toMatchObject({ body: 'Thank you!' });
    const unanswered = (await as(owner).get('/seller/reviews?replied=false')).json();
    expect(unanswered.items).toEqual([]);
    const second = await as(owner).put(`/reviews/${reviewId}/reply`, { body: 'Thanks again!' });
    expect(second.json().reply.body).toBe('Thanks again!');
    expect(second.json().reply.createdAt).toBe(first.json().reply.createdAt);
    const answered = (await as(owner).get('/seller/reviews?replied=true')).json();
    expect(answered.items.map((r: { id: string; reply: { body: string } }) => [r.id, r.reply.body])).toEqual([
      [reviewId, 'Thanks again!'],
    ]);
    expect((await admin.put(`/reviews/${reviewId}/reply`, { body: 'From the shop' })).statusCode).toBe(200);
    expect((await as(owner).del(`/reviews/${reviewId}/reply`)).statusCode).toBe(204);
    expect((await publicList(store, offer)).items[0].reply).toBeNull();
  });
});

describe('reward points', () => {
  const balance = async (user: TestUser) => (await as(user).get('/me/rewards')).json().balance as number;

  it('grants them once a verified review is published, and takes them back when it is taken down', async () => {
    const { store, admin, offer } = await shop({ rewardPoints: 50, moderation: true });
    const user = await buyer(store, offer);
    const start = await balance(user);
    const made = (await write(user, offer, { rating: 5 })).json();
    expect(await balance(user)).toBe(start); // pending earns nothing
    await admin.post(`/admin/reviews/${made.id}/approve`);
    expect(await balance(user)).toBe(start + 50);
    await admin.post(`/admin/reviews/${made.id}/approve`); // a repeat is refused (409) and adds nothing
    expect(await balance(user)).toBe(start + 50);
    await admin.post(`/admin/reviews/${made.id}/hide`, {});
    expect(await balance(user)).toBe(start);
    await admin.post(`/admin/reviews/${made.id}/approve`); // published again: never granted twice
    expect(await balance(user)).toBe(start);
    const history = (await as(user).get('/me/rewards')).json().items;
    expect(
      history
        .filter((e: { reason: string }) => e.reason === 'REVIEW')
        .map((e: { points: number }) => e.points)
        .sort(),
    ).toEqual([-50, 50]);
  });

  it('takes them back when the author removes the review, and gives none for an unverified one', async () => {
    const { store, offer } = await shop({ rewardPoints: 20, allowUnverified: true });
    const user = await buyer(store, offer);
    const start = await balance(user);
    const made = (await write(user, offer, { rating: 4 })).json();
    expect(await balance(user)).toBe(start + 20);
    await as(user).del(`/reviews/${made.id}`);
    expect(await balance(user)).toBe(start);
    const visitor = await createCustomer(store);
    await write(visitor, offer, { rating: 4 });
    expect(await balance(visitor)).toBe(0);
  });
});

describe('reading reviews', () => {
  it('sorts by newest, highest, lowest and most helpful, filters by stars and verified, and pages by cursor', async () => {
    const { store, offer } = await shop({ allowUnverified: true });
    const ids: Record<number, string> = {};
    for (const rating of [3, 5, 1, 4, 5]) {
      const user = await buyer(store, offer);
      const id = (await write(user, offer, { rating })).json().id;
      ids[rating] ??= id;
    }
    const visitor = await createCustomer(store);
    const unverified = (await write(visitor, offer, { rating: 2 })).json().id;
    const voter = await createCustomer(store);
    await as(voter).put(`/reviews/${ids[1]}/vote`, { helpful: true });
    const ratings = async (query: string) =>
      (await publicList(store, offer, query)).items.map((r: { rating: number }) => r.rating);
    expect(await ratings('')).toEqual([2, 5, 4, 1, 5, 3]);
    expect(await ratings('?sort=highest')).toEqual([5, 5, 4, 3, 2, 1]);
    expect(await ratings('?sort=lowest')).toEqual([1, 2, 3, 4, 5, 5]);
    expect((await ratings('?sort=helpful'))[0]).toBe(1);
    expect(await ratings('?stars=5')).toEqual([5, 5]);
    expect(
      (await publicList(store, offer, '?verified=true')).items.map((r: { id: string }) => r.id),
    ).not.toContain(unverified);
    expect(
      (await publicList(store, offer, '?verified=false')).items.map((r: { id: string }) => r.id),
    ).toEqual([unverified]);
    for (const sort of ['newest', 'highest', 'lowest', 'helpful']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = await publicList(
          store,
          offer,
          `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect([sort, seen.length, new Set(seen).size]).toEqual([sort, 6, 6]);
    }
    const summary = (await publicList(store, offer)).summary;
    expect(summary).toEqual({
      average: 3.33,
      count: 6,
      histogram: { '1': 1, '2': 1, '3': 1, '4': 1, '5': 2 },
    });
    expect((await publicList(store, offer, '?cursor=nonsense')).status).toBe(400);
    expect((await anonymous(store).get(`/products/${offer.slug}/reviews?limit=51`)).statusCode).toBe(400);
  });

  it('keeps the rating sort of the catalog in step with published reviews', async () => {
    const { store, offer } = await shop({ allowUnverified: true });
    const other = await createOffer(server, { storeId: store.id, stock: 10 });
    const low = await createCustomer(store);
    const high = await createCustomer(store);
    await write(low, offer, { rating: 2 });
    await write(high, other, { rating: 5 });
    const sorted = async () =>
      (await anonymous(store).get('/products?sort=rating')).json().items.map((p: { id: string }) => p.id);
    expect(await sorted()).toEqual([other.productId, offer.productId]);
    const made = (await publicList(store, other)).items[0].id;
    await as(high).del(`/reviews/${made}`);
    await write(await createCustomer(store), offer, { rating: 4 });
    expect(await sorted()).toEqual([offer.productId, other.productId]);
  });
});
