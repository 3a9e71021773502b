import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createProduct,
  createUser,
  inr,
  listAll,
  sku,
  type TestUser,
} from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';

let server: TestServer;
let admin: TestUser;
let seller: TestUser;

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

beforeAll(async () => {
  server = await createTestServer();
  [admin, seller] = await Promise.all([createAdmin(server), createUser(server, { roles: ['SELLER'] })]);
  // Electronics > Phones, Electronics > Audio; Kitchen
  const cat = async (name: string, slug: string, parentId?: string) =>
    (await as(admin).post('/admin/categories', { name, slug, ...(parentId ? { parentId } : {}) })).json()
      .id as string;
  const electronics = await cat('Electronics', 'electronics');
  const phones = await cat('Phones', 'phones', electronics);
  await cat('Audio', 'audio', electronics);
  await cat('Kitchen', 'kitchen');
  await as(admin).post(`/admin/categories/${phones}/filters`, {
    key: 'ram',
    label: 'RAM',
    kind: 'ENUM',
    source: 'SPEC',
    sourceKey: 'RAM',
  });
  await as(admin).post(`/admin/categories/${phones}/filters`, {
    key: 'screen',
    label: 'Screen',
    kind: 'RANGE',
    source: 'SPEC',
    sourceKey: 'Screen',
  });
  await as(admin).post(`/admin/categories/${phones}/filters`, {
    key: '5g',
    label: '5G',
    kind: 'BOOLEAN',
    source: 'ATTRIBUTE',
    sourceKey: 'fiveG',
  });
  const phone = (
    name: string,
    brand: string,
    price: number,
    ram: string,
    screen: string,
    fiveG: boolean,
    stock = 3,
  ) =>
    createProduct(server, admin, {
      name,
      brand,
      price,
      stock,
      categorySlug: 'phones',
      specs: [
        { name: 'RAM', value: ram },
        { name: 'Screen', value: screen },
      ],
      attributes: { fiveG },
    });
  await phone('Galaxy S24', 'Samsung', 7_999_900, '8GB', '6.2', true);
  await phone('Galaxy A15', 'Samsung', 1_599_900, '4GB', '6.5', false);
  await phone('Pixel 8', 'Google', 6_999_900, '8GB', '6.2', true, 0);
  await phone('Nokia 105', 'Nokia', 129_900, '4GB', '1.8', false);
  await phone('Moto G84', 'Motorola', 1_899_900, '12GB', '6.55', true);
  await createProduct(server, admin, {
    name: 'Bass Buds',
    brand: 'boAt',
    price: 149_900,
    categorySlug: 'audio',
  });
  await createProduct(server, seller, {
    name: 'Studio Monitor Headphones',
    brand: 'Sony',
    price: 999_900,
    categorySlug: 'audio',
  });
  await createProduct(server, admin, {
    name: 'Cast Iron Pan',
    brand: 'Meyer',
    price: 249_900,
    categorySlug: 'kitchen',
  });
  await createProduct(server, admin, {
    name: 'Hidden Draft Phone',
    brand: 'Samsung',
    price: 100,
    categorySlug: 'phones',
    status: 'DRAFT',
  });
  const ctx = systemCtx(server.database.db, server.modules.tenancy.defaultStore().id, server.log);
  const rated = (await anonymous(server).get('/products?category=phones&limit=100')).json().items as Array<{
    id: string;
  }>;
  for (const [i, p] of rated.entries()) {
    await server.modules.catalog.service.ratings.set(ctx, {
      productId: p.id,
      product: { average: 5 - i * 0.5, count: 10 + i },
    });
  }
});
afterAll(async () => server?.destroy());

describe('browse', () => {
  it('lists ACTIVE products newest first with the fixed item shape', async () => {
    const res = await anonymous(server).get('/products');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(8);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        slug: expect.any(String),
        name: 'Cast Iron Pan',
        price: inr(249_900),
        rating: 0,
        inStock: true,
      }),
    );
    expect(body.items.map((i: { name: string }) => i.name)).not.toContain('Hidden Draft Phone');
  });

  it('includes the descendants of a category', async () => {
    const names = (await listAll(server, '/products?category=electronics&limit=3')).map((i) => i.name);
    expect(names).toHaveLength(7);
    expect(names).not.toContain('Cast Iron Pan');
    expect((await anonymous(server).get('/products?category=nowhere')).statusCode).toBe(404);
  });

  it('sorts by price both ways, by rating and by newest', async () => {
    const prices = (await listAll(server, '/products?sort=price_asc&limit=3')).map(
      (i) => (i.price as { amount: number }).amount,
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = (await listAll(server, '/products?sort=price_desc&limit=2')).map(
      (i) => (i.price as { amount: number }).amount,
    );
    expect(desc).toEqual([...prices].reverse());
    const ratings = (await listAll(server, '/products?sort=rating&limit=2')).map((i) => i.rating as number);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    expect(ratings[0]).toBe(5);
  });

  it('filters by price range, brand, seller, minimum rating and stock', async () => {
    const names = async (q: string) => (await listAll(server, `/products?${q}`)).map((i) => i.name).sort();
    expect(await names('minPrice=900000&maxPrice=7000000')).toEqual(
      ['Galaxy A15', 'Moto G84', 'Pixel 8', 'Studio Monitor Headphones'].sort(),
    );
    expect(await names('brand=Samsung')).toEqual(['Galaxy A15', 'Galaxy S24']);
    expect(await names('brand=Samsung,Nokia')).toEqual(['Galaxy A15', 'Galaxy S24', 'Nokia 105']);
    expect(await names('brand=Samsung&brand=Google')).toEqual(['Galaxy A15', 'Galaxy S24', 'Pixel 8']);
    expect(await names(`seller=${seller.id}`)).toEqual(['Studio Monitor Headphones']);
    expect(await names('minRating=4')).toHaveLength(3);
    expect(await names('category=phones&inStock=true')).not.toContain('Pixel 8');
  });

  it('applies category filters on specs and attributes, and refuses unknown or malformed ones', async () => {
    const names = async (q: string) =>
      (await listAll(server, `/products?category=phones&${q}`)).map((i) => i.name).sort();
    expect(await names('f.ram=8GB')).toEqual(['Galaxy S24', 'Pixel 8']);
    expect(await names('f.ram=8GB,12GB')).toEqual(['Galaxy S24', 'Moto G84', 'Pixel 8']);
    expect(await names('f.screen=6.3..6.6')).toEqual(['Galaxy A15', 'Moto G84']);
    expect(await names('f.screen=..2')).toEqual(['Nokia 105']);
    expect(await names('f.5g=true')).toEqual(['Galaxy S24', 'Moto G84', 'Pixel 8']);
    expect(await names('f.5g=false&f.ram=4GB')).toEqual(['Galaxy A15', 'Nokia 105']);
    for (const bad of ['f.colour=red', 'f.screen=big', 'f.screen=..', 'f.5g=maybe']) {
      const res = await anonymous(server).get(`/products?category=phones&${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0].pointer).toBe(`/${bad.split('=')[0]}`);
    }
    expect((await anonymous(server).get('/products?f.ram=8GB')).statusCode).toBe(400);
  });

  it('returns facet counts that equal the counts of the filtered lists', async () => {
    const base = 'category=phones';
    const res = await anonymous(server).get(`/products?${base}&limit=1`);
    const facets = res.json().facets;
    expect(facets.total).toBe(5);
    expect(facets.inStock).toBe(4);
    const count = async (q: string) => (await listAll(server, `/products?${base}&${q}&limit=2`)).length;
    for (const b of facets.brands)
      expect(await count(`brand=${encodeURIComponent(b.value)}`), b.value).toBe(b.count);
    for (const p of facets.price) {
      const range = `minPrice=${p.min}${p.max === null ? '' : `&maxPrice=${p.max - 1}`}`;
      expect(await count(range), range).toBe(p.count);
    }
    const ram = facets.filters.find((f: { key: string }) => f.key === 'ram');
    for (const v of ram.values) expect(await count(`f.ram=${v.value}`), v.value).toBe(v.count);
    const fiveG = facets.filters.find((f: { key: string }) => f.key === '5g');
    for (const v of fiveG.values) expect(await count(`f.5g=${v.value}`)).toBe(v.count);
    const screen = facets.filters.find((f: { key: string }) => f.key === 'screen');
    expect(screen).toMatchObject({ min: 1.8, max: 6.55 });
    expect(await count('inStock=true')).toBe(facets.inStock);

    // facets follow the query: with a brand chosen, the RAM counts are of that brand only
    const narrowed = (await anonymous(server).get(`/products?${base}&brand=Samsung`)).json().facets;
    expect(narrowed.total).toBe(2);
    const narrowedRam = narrowed.filters.find((f: { key: string }) => f.key === 'ram');
    for (const v of narrowedRam.values) expect(await count(`brand=Samsung&f.ram=${v.value}`)).toBe(v.count);
  });

  it('serves a seller’s products and the admin’s status listing', async () => {
    const mine = (await as(seller).get('/admin/products')).json().items;
    expect(mine.map((p: { name: string }) => p.name)).toEqual(['Studio Monitor Headphones']);
    const drafts = (await as(admin).get('/admin/products?status=DRAFT')).json().items;
    expect(drafts.map((p: { name: string }) => p.name)).toEqual(['Hidden Draft Phone']);
  });

  it('finds products for the staff by words of their name or brand, or their SKU, drafts too', async () => {
    const names = async (query: string, user = admin) => {
      const answer = await as(user).get(`/admin/products?${query}`);
      expect(answer.statusCode).toBe(200);
      return answer
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
    };
    expect(await names('q=galaxy')).toEqual(['Galaxy A15', 'Galaxy S24']);
    expect(await names('q=SAMSUNG')).toEqual(['Galaxy A15', 'Galaxy S24', 'Hidden Draft Phone']);
    expect(await names('q=samsung&status=DRAFT')).toEqual(['Hidden Draft Phone']);
    const sku = (await as(admin).get('/admin/products?q=Cast%20Iron')).json().items[0];
    const page = (await anonymous(server).get(`/products/${sku.slug}`)).json();
    expect(await names(`q=${encodeURIComponent(page.variants[0].sku)}`)).toEqual(['Cast Iron Pan']);
    expect(await names('q=100%25')).toEqual([]);
    expect(await names('q=monitor', seller)).toEqual(['Studio Monitor Headphones']);
    expect(await names('q=galaxy', seller)).toEqual([]);
    const empty = await as(admin).get('/admin/products?q=');
    expect(empty.statusCode).toBe(400);
  });
});

describe('keyset pagination', () => {
  for (const sort of ['newest', 'price_asc', 'price_desc', 'rating', 'relevance'] as const) {
    it(`never skips or repeats an item while products are added (${sort})`, async () => {
      const word = `Paginated${sort.replace('_', '')}`;
      const q = sort === 'relevance' ? `q=${word}&` : '';
      const original = [];
      for (let i = 0; i < 9; i++) {
        original.push(
          await createProduct(server, admin, {
            name: `${word} item ${i}`,
            price: 1_000 + ((i * 7919) % 97) * 100,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const url: string = `/products?${q}sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await anonymous(server).get(url);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        seen.push(...ids(body.items));
        cursor = body.nextCursor;
        // products arrive between page fetches, at every price
        for (let k = 0; k < 2; k++) {
          await createProduct(server, admin, {
            name: `${word} late ${round}-${k}`,
            price: 500 + round * 1_300 + k * 4_000,
          });
        }
        round++;
      } while (cursor && round < 100);
      expect(new Set(seen).size).toBe(seen.length);
      for (const p of original) expect(seen).toContain(p.id);
    });
  }

  it('lets concurrent creates and reads run together without losing anything', async () => {
    const word = 'Concurrentcase';
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createProduct(server, admin, {
          name: `${word} ${i}`,
          variants: [{ sku: sku(), price: inr(100 + i) }],
        }),
      ),
    );
    const found = await listAll(server, `/products?q=${word}&limit=3`);
    expect(new Set(ids(found))).toEqual(new Set(ids(created)));
  });
});
