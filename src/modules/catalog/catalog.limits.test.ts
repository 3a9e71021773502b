import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createProduct } from '../../../test/kit/index.ts';

// Limits on the public catalog: strict list parameters, a cache key that attackers cannot vary,
// a per-address rate limit on search, and bounded snippet work.
let server: TestServer;
let admin: TestUser;

const PER_MINUTE = 15;
let address = 0;
/** Every test browses from addresses of its own, so the rate limit of one does not touch another. */
const nextAddress = () => `198.51.100.${++address}`;

/** The catalog's read cache in the test server. */
const cache = () => server.modules.catalog.service.cache;

function get(url: string, remoteAddress = nextAddress(), headers: Record<string, string> = {}) {
  return server.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress, headers });
}

beforeAll(async () => {
  server = await createTestServer({ config: { RATE_LIMIT_CATALOG_PER_MINUTE: PER_MINUTE } });
  admin = await createUser(server, { roles: ['ADMIN'] });
  await createProduct(server, admin.headers, { name: 'Studio Headphones', brand: 'Sony', status: 'ACTIVE' });
  await createProduct(server, admin.headers, { name: 'Bass Buds', brand: 'boAt', status: 'ACTIVE' });
  await createProduct(server, admin.headers, {
    name: 'Long Read Lamp',
    status: 'ACTIVE',
    description: `${'Plain words about a lamp. '.repeat(3000)} Zephyrine appears only here.`,
  });
});
afterAll(async () => server?.destroy());

describe('list parameters', () => {
  it('refuses an unknown query key on the product list with a pointer to it', async () => {
    const res = await get('/products?zz=42');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([{ pointer: '/zz', in: 'query', detail: expect.any(String) }]);
  });

  it('refuses unknown keys on suggestions and on admin lists too', async () => {
    const suggest = await get('/products/suggest?q=stu&zz=1');
    expect(suggest.statusCode).toBe(400);
    expect(suggest.json().errors[0]).toMatchObject({ pointer: '/zz', in: 'query' });
    const adminList = await get('/admin/products?status=ACTIVE&zz=1', undefined, admin.headers);
    expect(adminList.statusCode).toBe(400);
  });

  it('still takes category filters as f.<key>, and refuses a malformed one', async () => {
    const malformed = await get('/products?f.=1');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ pointer: '/f.', in: 'query' });
    const unknownFilter = await get('/products?f.colour=red');
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().errors[0]).toMatchObject({ pointer: '/f.colour' });
  });

  it('answers the same list from one cache entry however its parameters are spelled', async () => {
    const before = cache().size;
    const first = await get('/products?brand=Sony,boAt&limit=10');
    expect(first.statusCode).toBe(200);
    for (const url of [
      '/products?brand=boAt,Sony&limit=10',
      '/products?limit=10&brand=boAt&brand=Sony',
      '/products?brand=%20Sony%20,boAt&limit=10',
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(first.json());
    }
    expect(cache().size).toBe(before + 1);
  });

  it('keeps no cache entry for a product that does not exist', async () => {
    const before = cache().size;
    expect(before).toEqual(expect.any(Number));
    for (let i = 0; i < 30; i++) expect((await get(`/products/no-such-product-${i}`)).statusCode).toBe(404);
    expect(cache().size).toBe(before);
  });
});

describe('search work', () => {
  it('builds description snippets from the first 5,000 characters only', async () => {
    const res = await get('/products?q=zephyrine');
    expect(res.statusCode).toBe(200);
    const [hit] = res.json().items;
    expect(hit.name).toBe('Long Read Lamp');
    expect(hit.highlight.description).not.toContain('<mark>');
  });

  it('limits browsing and suggestions per client address', async () => {
    for (const path of ['/products?limit=5', '/products/suggest?q=bas']) {
      const from = nextAddress();
      for (let i = 0; i < PER_MINUTE; i++) expect((await get(path, from)).statusCode).toBe(200);
      const limited = await get(path, from);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await get(path, nextAddress())).statusCode).toBe(200);
    }
  });
});
