import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, listAll } from '../../../test/kit/index.ts';
import type { DemoAccount } from '../../platform/module.ts';

let server: TestServer;
let twin: TestServer;
const announced: DemoAccount[] = [];

async function fingerprint(s: TestServer) {
  const { rows } = await sql<{
    slug: string;
    name: string;
    price: number;
    in_stock: boolean;
    variants: number;
  }>`
    SELECT p.slug, p.name, p.best_price_amount AS price, p.in_stock,
           (SELECT count(*)::int FROM variants v WHERE v.product_id = p.id) AS variants
    FROM products p ORDER BY p.slug
  `.execute(s.database.db);
  return rows;
}

beforeAll(async () => {
  [server, twin] = await Promise.all([createTestServer(), createTestServer()]);
  await server.seed({
    demo: true,
    products: 250,
    progress: false,
    onDemoAccounts: (accounts) => announced.push(...accounts),
  });
  await twin.seed({ demo: true, products: 250, progress: false });
});
afterAll(async () => {
  await Promise.all([server?.destroy(), twin?.destroy()]);
});

describe('the demo catalog', () => {
  it('seeds the requested number of products with a category tree, offers from several sellers and images', async () => {
    const visitor = anonymous(server);
    const { rows } = await sql<{ products: number; sellers: number; images: number; specs: number }>`
      SELECT (SELECT count(*)::int FROM products WHERE listable) AS products,
             (SELECT count(DISTINCT seller_id)::int FROM offers) AS sellers,
             (SELECT count(*)::int FROM product_images) AS images,
             (SELECT count(*)::int FROM product_specs) AS specs
    `.execute(server.database.db);
    expect(rows[0]!.products).toBe(250);
    expect(rows[0]!.sellers).toBeGreaterThanOrEqual(5);
    expect(rows[0]!.images).toBeGreaterThanOrEqual(500);
    const tree = (await visitor.get('/categories')).json().items;
    expect(tree.map((c: { name: string }) => c.name)).toContain('Electronics');
    const page = (await visitor.get('/products?category=smartphones&limit=5')).json();
    expect(page.items).toHaveLength(5);
    expect(page.facets.filters.map((f: { key: string }) => f.key)).toEqual(['ram', 'screen', '5g']);
    const product = (await visitor.get(`/products/${page.items[0].slug}`)).json();
    expect(product.variants.length).toBeGreaterThan(0);
    expect(product.images.length).toBeGreaterThanOrEqual(2);
    expect(product.specs.length).toBeGreaterThan(0);
    // the denormalised browse summary agrees with the offers
    for (const item of page.items) {
      const p = (await visitor.get(`/products/${item.slug}`)).json();
      const offers = p.variants.flatMap(
        (v: { offers: Array<{ price: { amount: number }; available: boolean }> }) => v.offers,
      );
      const available = offers.filter((o: { available: boolean }) => o.available);
      const pool = available.length ? available : offers;
      expect(item.price.amount).toBe(
        Math.min(...pool.map((o: { price: { amount: number } }) => o.price.amount)),
      );
      expect(item.inStock).toBe(available.length > 0);
    }
    expect((await listAll(server, '/products?limit=100')).length).toBe(250);
  });

  it('gives the demo administrator, agent and each seller a random strong password, announced once, and never a published one', async () => {
    const visitor = anonymous(server);
    expect(announced.map((a) => [a.email, a.role])).toEqual([
      ['admin@demo.bazaar.test', 'ADMIN'],
      ['agent@demo.bazaar.test', 'DELIVERY_AGENT'],
      ...[1, 2, 3, 4, 5].map((n) => [`seller${n}@demo.bazaar.test`, 'SELLER']),
    ]);
    const passwords = new Set(announced.map((a) => a.password));
    expect(passwords.size).toBe(7);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    for (const account of announced) {
      const login = await visitor.post('/auth/login', { email: account.email, password: account.password });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.roles).toEqual([account.role]);
    }
    const published = await visitor.post('/auth/login', {
      email: 'seller1@demo.bazaar.test',
      password: 'bazaar-demo-seller-2025',
    });
    expect(published.statusCode).toBe(401);
  });

  it('is deterministic', async () => {
    expect(await fingerprint(twin)).toEqual(await fingerprint(server));
  });

  it('is skipped when the store already has products', async () => {
    await server.seed({ demo: true, products: 10, progress: false });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM products`.execute(
      server.database.db,
    );
    expect(rows[0]!.n).toBe(250);
  });
});
