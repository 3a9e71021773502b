import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, listAll } from '../../../test/kit/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await server.seed({ demo: true, products: 60, progress: false });
});
afterAll(async () => server?.destroy());

describe('the demo reviews', () => {
  it('put published reviews on demo products, and every rating shown is explained by them', async () => {
    const products = (await listAll(server, '/products?limit=100')) as unknown as Array<{
      slug: string;
      rating: number;
      ratingCount: number;
    }>;
    expect(products.length).toBeGreaterThan(40);
    let reviewed = 0;
    for (const p of products) {
      const { summary } = (await anonymous(server).get(`/products/${p.slug}/reviews`)).json();
      expect([p.slug, p.rating, p.ratingCount]).toEqual([p.slug, summary.average, summary.count]);
      if (summary.count > 0) reviewed++;
    }
    expect(reviewed).toBeGreaterThanOrEqual(30);
  });

  it('seeds them once: a second seed adds none', async () => {
    type Rated = Array<{ ratingCount: number }>;
    const before = (await listAll(server, '/products?limit=100')) as unknown as Rated;
    await server.seed({ demo: true, products: 60, progress: false });
    const after = (await listAll(server, '/products?limit=100')) as unknown as Rated;
    const total = (list: Array<{ ratingCount: number }>) => list.reduce((s, p) => s + p.ratingCount, 0);
    expect(total(after)).toBe(total(before));
  });
});
