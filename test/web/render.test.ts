import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createOffer, ok } from '../kit/index.ts';

// Storefront pages are the same for every visitor: identical requests arriving together share
// one render, and a request never gets a page rendered before it arrived.
let server: TestServer;
let apiCalls: string[];

beforeAll(async () => {
  server = await createTestServer();
  const inject = server.app.inject.bind(server.app);
  apiCalls = [];
  // the pages call the API in process through inject: count those calls
  server.app.inject = ((options: InjectOptions) => {
    if (typeof options === 'object' && typeof options.url === 'string') apiCalls.push(options.url);
    return inject(options);
  }) as typeof server.app.inject;
});
afterAll(() => server?.destroy());

/** The calls for a product itself (its page also reads its reviews). */
const productCalls = () =>
  apiCalls.filter((url) => url.startsWith('/api/v1/products/') && !url.includes('/reviews'));

const page = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

describe('storefront rendering', () => {
  it('renders identical page requests arriving together once', async () => {
    const { slug } = await createOffer(server, { stock: 3 });
    await page(`/products/${slug}`);
    apiCalls.length = 0;
    const answers = await Promise.all(Array.from({ length: 8 }, () => page(`/products/${slug}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(productCalls()).toHaveLength(1);
  });

  it('renders each distinct page of a batch for its own request', async () => {
    const [a, b] = await Promise.all([createOffer(server, { stock: 1 }), createOffer(server, { stock: 1 })]);
    const [first, second, missing] = await Promise.all([
      page(`/products/${a.slug}`),
      page(`/products/${b.slug}`),
      page('/products/no-such-product'),
    ]);
    expect(first.body).toContain(`/products/${a.slug}`);
    expect(first.body).not.toContain(`/products/${b.slug}"`);
    expect(second.body).toContain(`/products/${b.slug}`);
    expect(missing.statusCode).toBe(404);
  });

  it('renders separately for another language or store header', async () => {
    const { slug } = await createOffer(server, { stock: 1 });
    apiCalls.length = 0;
    await Promise.all([page(`/products/${slug}`), page(`/products/${slug}`, { 'accept-language': 'hi-IN' })]);
    expect(productCalls()).toHaveLength(2);
  });

  it('shows a change made before the request arrived', async () => {
    const admin = await createAdmin(server);
    const { slug, productId } = await createOffer(server, { stock: 1 });
    const before = page(`/products/${slug}`);
    await ok(as(admin).patch(`/admin/products/${productId}`, { name: 'Renamed brass lamp' }));
    const after = await page(`/products/${slug}`);
    await before;
    expect(after.body).toContain('Renamed brass lamp');
  });
});
