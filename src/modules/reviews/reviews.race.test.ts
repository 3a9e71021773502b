import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createCustomer,
  createOffer,
  createOrder,
  storeAdmin,
  type TestOffer,
  type TestUser,
} from '../../../test/kit/index.ts';

// Many buyers review, vote on, change and remove reviews of one product at the same time; the
// aggregates must then equal a recount of the published reviews (PGlite runs one transaction at a
// time, PostgreSQL truly in parallel).

const BUYERS = 50;
let server: TestServer;
let offer: TestOffer;
let buyers: TestUser[];

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, j) => make(start + j));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

beforeAll(async () => {
  server = await createTestServer();
  offer = await createOffer(server, { stock: 500 });
  buyers = await inBatches(BUYERS, 10, async (i) => {
    const buyer = await createCustomer(server, { name: `Buyer ${i} Racer` });
    await createOrder(server, { status: 'DELIVERED', buyer, offerId: offer.offerId });
    return buyer;
  });
}, 600_000);
afterAll(async () => server?.destroy());

type Item = {
  id: string;
  rating: number;
  sellerRating: number | null;
  helpfulCount: number;
  notHelpfulCount: number;
};

async function everyPublished(): Promise<{ items: Item[]; summary: Record<string, unknown> }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let summary: Record<string, unknown> = {};
  do {
    const page: { items: Item[]; nextCursor: string | null; summary: Record<string, unknown> } = (
      await anonymous(server).get(
        `/products/${offer.slug}/reviews?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).json();
    items.push(...page.items);
    summary = page.summary;
    cursor = page.nextCursor;
  } while (cursor);
  return { items, summary };
}

/** The summary a recount of the published reviews gives. */
function recount(items: Item[]) {
  const histogram = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as Record<string, number>;
  for (const r of items) histogram[String(r.rating)]! += 1;
  const sum = items.reduce((s, r) => s + r.rating, 0);
  const average = items.length ? Math.round((sum / items.length) * 100) / 100 : 0;
  return { average, count: items.length, histogram };
}

describe('reviews under concurrency', () => {
  it('keeps the aggregates equal to a recount after 50 concurrent reviews, votes, edits and removals', async () => {
    const made = await Promise.all(
      buyers.map((b, i) =>
        as(b).post(`/products/${offer.slug}/reviews`, {
          rating: (i % 5) + 1,
          sellerRating: ((i * 3) % 5) + 1,
        }),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual(buyers.map(() => 201));
    const ids = made.map((r) => r.json().id as string);

    // every buyer votes on three of the reviews nobody takes down (the last 30), helpful unless the
    // voter's index is odd: 150 votes, on one product, at once
    const votes = buyers.flatMap((b, i) =>
      [1, 2, 3].map((k) => ({ voter: b, review: 20 + ((i + k) % 30), helpful: i % 2 === 0 })),
    );
    const admin = await storeAdmin(server);
    const answers = await Promise.all([
      ...votes.map((v) => as(v.voter).put(`/reviews/${ids[v.review]}/vote`, { helpful: v.helpful })),
      // meanwhile: ten authors change their rating, five remove their review, staff hide five
      ...buyers.slice(0, 10).map((b, i) => as(b).patch(`/reviews/${ids[i]}`, { rating: 5 - (i % 5) })),
      ...buyers.slice(10, 15).map((b, i) => as(b).del(`/reviews/${ids[10 + i]}`)),
      ...ids.slice(15, 20).map((id) => admin.post(`/admin/reviews/${id}/hide`, { reason: 'race' })),
    ]);
    expect(answers.filter((a) => a.statusCode >= 300).map((a) => a.statusCode)).toEqual([]);

    const { items, summary } = await everyPublished();
    expect(items).toHaveLength(BUYERS - 10);
    expect(summary).toEqual(recount(items));
    const page = (await anonymous(server).get(`/products/${offer.slug}`)).json();
    expect({ rating: page.rating, ratingCount: page.ratingCount }).toEqual({
      rating: recount(items).average,
      ratingCount: items.length,
    });
    // the seller's rating, on the offer and in the seller's summary
    const rated = items.filter((r) => r.sellerRating !== null);
    const sellerSum = rated.reduce((s, r) => s + r.sellerRating!, 0);
    const sellerAverage = Math.round((sellerSum / rated.length) * 100) / 100;
    const shown = page.variants.flatMap(
      (v: { offers: Array<{ id: string; rating: number; ratingCount: number }> }) => v.offers,
    );
    expect(shown.find((o: { id: string }) => o.id === offer.offerId)).toMatchObject({
      rating: sellerAverage,
      ratingCount: rated.length,
    });
    const bySeller = (await anonymous(server).get(`/sellers/${offer.sellerId}/reviews`)).json();
    expect(bySeller.summary.sellerRating).toEqual({ average: sellerAverage, count: rated.length });
    // each review's votes are exactly the votes cast on it
    for (const item of items) {
      const cast = votes.filter((v) => ids[v.review] === item.id);
      expect([item.id, item.helpfulCount, item.notHelpfulCount]).toEqual([
        item.id,
        cast.filter((v) => v.helpful).length,
        cast.filter((v) => !v.helpful).length,
      ]);
    }
  });
});
