import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createProduct,
  inr,
  listAll,
  type ProductView,
  type TestUser,
} from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';

let server: TestServer;
let admin: TestUser;
let storeId: string;

/** mulberry32: the same changes on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = ['Acme', 'Globex', 'Initech', null];
const CATEGORIES = ['gadgets', 'phones', 'tablets', null];
const RAM = ['4GB', '8GB', '12GB'];
const PRICES = [9_900, 49_900, 75_000, 300_000, 1_200_000, 12_000_000];

type Row = Record<string, string | number>;

/** Every non-zero rollup row of the store, in one order. */
async function rollups(): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT category_id::text, facet, key, value, count::int AS n, in_stock::int AS s
    FROM product_facet_counts
    WHERE store_id = ${storeId} AND (count <> 0 OR in_stock <> 0)
    ORDER BY 1, 2, 3, 4`.execute(server.database.db);
  return rows;
}

/** The same counted from the products themselves, by plain GROUP BYs. */
async function recount(): Promise<Row[]> {
  const { rows } = await sql<Row>`
    WITH l AS (
      SELECT coalesce(p.category_id, '00000000-0000-0000-0000-000000000000')::text AS cat, p.*
      FROM products p WHERE store_id = ${storeId} AND listable
    ), e AS (
      SELECT cat, 'total' AS facet, '' AS key, '' AS value, in_stock FROM l
      UNION ALL SELECT cat, 'brand', '', brand, in_stock FROM l WHERE brand IS NOT NULL
      UNION ALL SELECT cat, 'price', '',
        width_bucket(best_price_amount, '{0,50000,100000,250000,500000,1000000,2500000,5000000,10000000}'::bigint[])::text,
        in_stock FROM l
      UNION ALL SELECT cat, 'spec', s.key, s.value, in_stock FROM l, jsonb_each_text(l.specs) s
      UNION ALL SELECT cat, 'attribute', a.key, a.value, in_stock FROM l, jsonb_each_text(l.attributes) a
    )
    SELECT cat AS category_id, facet, key, value, count(*)::int AS n, (count(*) FILTER (WHERE in_stock))::int AS s
    FROM e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`.execute(server.database.db);
  return rows;
}

function productBody(rand: () => number, n: number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const category = pick(CATEGORIES);
  const brand = pick(BRANDS);
  return {
    name: `Rollup Item ${n}`,
    price: pick(PRICES),
    stock: rand() < 0.3 ? 0 : 4,
    status: rand() < 0.8 ? 'ACTIVE' : 'DRAFT',
    ...(brand ? { brand } : {}),
    ...(category ? { categorySlug: category } : {}),
    specs: [{ name: 'RAM', value: pick(RAM) }],
    attributes: { fiveG: rand() < 0.5 },
  };
}

/** One random change of a product: what it is, where it is, whether it sells, or that it is gone. */
async function change(rand: () => number, product: ProductView): Promise<boolean> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const offer = product.variants[0]!.offers[0]!;
  const roll = rand();
  const patch = (body: object) => as(admin).patch(`/admin/products/${product.id}`, body);
  let res: { statusCode: number };
  if (roll < 0.15) res = await patch({ brand: pick(BRANDS) });
  else if (roll < 0.3) res = await patch({ categorySlug: pick(CATEGORIES) });
  else if (roll < 0.45) res = await patch({ specs: [{ name: 'RAM', value: pick(RAM) }] });
  else if (roll < 0.55) res = await patch({ status: pick(['ACTIVE', 'INACTIVE', 'ARCHIVED']) });
  else if (roll < 0.65)
    res = await patch({ attributes: { fiveG: rand() < 0.5, origin: pick(['IN', 'DE']) } });
  else if (roll < 0.8) res = await as(admin).patch(`/admin/offers/${offer.id}`, { price: inr(pick(PRICES)) });
  else if (roll < 0.92) res = await as(admin).patch(`/admin/offers/${offer.id}`, { available: rand() < 0.5 });
  else {
    res = await as(admin).del(`/admin/products/${product.id}`);
    return res.statusCode >= 300;
  }
  // 409: a status change the product's lifecycle refuses (from ARCHIVED, say); nothing changed.
  expect(res.statusCode === 409 || res.statusCode < 300).toBe(true);
  return true;
}

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
  storeId = server.modules.tenancy.defaultStore().id;
  const gadgets = (await as(admin).post('/admin/categories', { name: 'Gadgets', slug: 'gadgets' })).json().id;
  for (const slug of ['phones', 'tablets'])
    await as(admin).post('/admin/categories', { name: slug, slug, parentId: gadgets });
  await as(admin).post(`/admin/categories/${gadgets}/filters`, {
    key: 'ram',
    label: 'RAM',
    kind: 'ENUM',
    source: 'SPEC',
    sourceKey: 'RAM',
  });
  await as(admin).post(`/admin/categories/${gadgets}/filters`, {
    key: '5g',
    label: '5G',
    kind: 'BOOLEAN',
    source: 'ATTRIBUTE',
    sourceKey: 'fiveG',
  });
});
afterAll(async () => server?.destroy());

describe('facet rollups', () => {
  it('equal a recount from the products after random creates, edits, price and stock changes and deletes', async () => {
    const rand = random(35);
    const live: ProductView[] = [];
    for (let n = 0; n < 24; n++) live.push(await createProduct(server, admin, productBody(rand, n)));
    expect(await rollups()).toEqual(await recount());
    for (let step = 0; step < 60; step++) {
      const i = Math.floor(rand() * live.length);
      if (!(await change(rand, live[i]!))) live.splice(i, 1);
    }
    expect(await rollups()).toEqual(await recount());
    expect((await rollups()).length).toBeGreaterThan(10);
  });

  it('follow stock moving across zero on an offer', async () => {
    const product = await createProduct(server, admin, {
      name: 'Stocked',
      status: 'ACTIVE',
      brand: 'Acme',
      stock: 2,
    });
    const ctx = systemCtx(server.database.db, storeId, server.log);
    const offerId = product.variants[0]!.offers[0]!.id;
    await server.modules.catalog.service.offers.setAvailability(ctx, offerId, 0);
    expect(await rollups()).toEqual(await recount());
    await server.modules.catalog.service.offers.setAvailability(ctx, offerId, 7);
    expect(await rollups()).toEqual(await recount());
  });

  it('stay equal to a recount when changes to one category race', async () => {
    const rand = random(7);
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        createProduct(server, admin, {
          ...productBody(rand, 100 + n),
          status: 'ACTIVE',
          categorySlug: 'phones',
        }),
      ),
    );
    await Promise.all(
      made.flatMap((p, n) => [
        as(admin).patch(`/admin/products/${p.id}`, { brand: BRANDS[n % 3] }),
        as(admin).patch(`/admin/offers/${p.variants[0]!.offers[0]!.id}`, { available: n % 2 === 0 }),
        as(admin).patch(`/admin/products/${p.id}`, { specs: [{ name: 'RAM', value: RAM[n % 3] }] }),
      ]),
    );
    expect(await rollups()).toEqual(await recount());
  });

  it('give a category page the same facets as counting its products', async () => {
    for (const page of ['category=gadgets', 'category=phones', 'category=tablets', 'limit=1']) {
      const rolled = (await anonymous(server).get(`/products?${page}`)).json().facets;
      // minPrice=0 narrows nothing but makes the list count its matches.
      const counted = (await anonymous(server).get(`/products?${page}&minPrice=0`)).json().facets;
      expect(rolled).toEqual(counted);
      expect(rolled.approximate).toBe(false);
    }
  });

  it('count a filtered list alike from the facet index and from products too large for it', async () => {
    const details = Array.from({ length: 30 }, (_, i) => ({ name: `Detail ${i}`, value: 'x'.repeat(40) }));
    const wide = await createProduct(server, admin, {
      name: 'Wide Phone',
      price: 49_900,
      status: 'ACTIVE',
      brand: 'Acme',
      categorySlug: 'phones',
      specs: [{ name: 'RAM', value: '8GB' }, ...details],
      attributes: { fiveG: true },
    });
    const db = server.database.db;
    const fits = await sql<{ fits: boolean }>`
      SELECT catalog_facets_fit(specs, attributes) AS fits FROM products WHERE id = ${wide.id}`.execute(db);
    expect(fits.rows[0]!.fits).toBe(false);
    const { rows } = await sql<{ n: number; stock: number }>`
      SELECT count(*)::int AS n, (count(*) FILTER (WHERE p.in_stock))::int AS stock
      FROM products p JOIN categories c ON c.id = p.category_id
      WHERE p.store_id = ${storeId} AND p.listable AND c.slug = 'phones' AND p.brand = 'Acme'
        AND p.specs ->> 'RAM' = '8GB'`.execute(db);
    const list = (await anonymous(server).get('/products?category=phones&brand=Acme&f.ram=8GB')).json();
    expect(list.facets).toMatchObject({ total: rows[0]!.n, inStock: rows[0]!.stock, approximate: false });
    expect(list.items.map((p: { id: string }) => p.id)).toContain(wide.id);
    // the unfiltered page from the rollups and the counted one still agree
    const rolled = (await anonymous(server).get('/products?category=phones')).json().facets;
    const counted = (await anonymous(server).get('/products?category=phones&minPrice=0')).json().facets;
    expect(rolled).toEqual(counted);
  });
});

describe('facet counts over many matches', () => {
  let small: TestServer;
  let smallAdmin: TestUser;

  beforeAll(async () => {
    small = await createTestServer({
      config: { CATALOG_FACET_EXACT_LIMIT: 3, CATALOG_SEARCH_CANDIDATES: 20 },
    });
    smallAdmin = await createAdmin(small);
    for (let n = 0; n < 22; n++)
      await createProduct(small, smallAdmin, {
        name: `Widget ${n}`,
        status: 'ACTIVE',
        brand: n % 2 ? 'Acme' : 'Globex',
      });
    await createProduct(small, smallAdmin, { name: 'Sprocket One', status: 'ACTIVE' });
    await createProduct(small, smallAdmin, { name: 'Sprocket Two', status: 'ACTIVE' });
  });
  afterAll(async () => small?.destroy());

  it('are marked approximate, with the total a lower bound, above the exact limit', async () => {
    const facets = (await anonymous(small).get('/products?q=widget')).json().facets;
    expect(facets).toMatchObject({ approximate: true, totalIsLowerBound: true, total: 4 });
    expect(facets.brands.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(4);
  });

  it('are exact up to the limit and on a page the rollups answer', async () => {
    const few = (await anonymous(small).get('/products?q=sprocket')).json().facets;
    expect(few).toMatchObject({ approximate: false, totalIsLowerBound: false, total: 2 });
    const all = (await anonymous(small).get('/products')).json().facets;
    expect(all).toMatchObject({ approximate: false, total: 24 });
  });

  it('ranks only the first candidates of a search matching more', async () => {
    expect(await listAll(small, '/products?q=widget&limit=7')).toHaveLength(20);
    expect(await listAll(small, '/products?q=sprocket&limit=1')).toHaveLength(2);
  });
});
