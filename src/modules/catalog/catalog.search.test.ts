import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createProduct,
  listAll,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;
let admin: TestUser;

const names = (body: { items: Array<{ name: string }> }) => body.items.map((i) => i.name);

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
  const make = (name: string, extra: Record<string, unknown> = {}) =>
    createProduct(server, admin, { name, ...extra });
  await make('Apple iPhone 15 Pro', {
    brand: 'Apple',
    description: 'A titanium phone with a pro camera.',
    price: 13_490_000,
  });
  await make('Trail Runner Shoe', {
    brand: 'Asics',
    description: 'Grippy sole for muddy paths.',
    price: 799_900,
  });
  await make('Hiking Backpack', {
    brand: 'Wildcraft',
    description: 'Carry everything on the trail; fits a trail runner’s kit & more.',
    price: 349_900,
  });
  await make('Leather Wallet', {
    brand: 'Hidesign',
    tags: ['trail'],
    description: 'Slim and classic.',
    price: 199_900,
  });
  await make('Running Socks', { brand: 'Nike', description: 'Cushioned socks for runners.', price: 49_900 });
  await make('Samsung Galaxy S24', { brand: 'Samsung', description: 'Android flagship.', price: 7_999_900 });
  await make('Phone Case for iPhone', {
    brand: 'Spigen',
    description: 'Protects your <b>iPhone</b>.',
    price: 99_900,
  });
});
afterAll(async () => server?.destroy());

describe('search', () => {
  it('ranks a name match above a brand or tag match above a description match', async () => {
    const res = await anonymous(server).get('/products?q=trail');
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toEqual(['Trail Runner Shoe', 'Leather Wallet', 'Hiking Backpack']);
  });

  it('needs every word and stems them', async () => {
    expect(names((await anonymous(server).get('/products?q=trail%20runners')).json())).toEqual([
      'Trail Runner Shoe',
      'Hiking Backpack',
    ]);
    expect(names((await anonymous(server).get('/products?q=cushioned%20sock')).json())).toEqual([
      'Running Socks',
    ]);
  });

  it('tolerates typos through trigram similarity of the name', async () => {
    expect(names((await anonymous(server).get('/products?q=iphnoe')).json())).toContain(
      'Apple iPhone 15 Pro',
    );
    expect(names((await anonymous(server).get('/products?q=samsng%20galxy')).json())).toEqual([
      'Samsung Galaxy S24',
    ]);
  });

  it('pages through typo matches with the cursor remembering the mode', async () => {
    for (const n of [1, 2, 3]) await createProduct(server, admin, { name: `Widgetron Model ${n}` });
    const found = await listAll(server, '/products?q=widgetorn&limit=1');
    expect(found.map((i) => i.name).sort()).toEqual([
      'Widgetron Model 1',
      'Widgetron Model 2',
      'Widgetron Model 3',
    ]);
  });

  it('matches prefixes as the user types', async () => {
    expect(names((await anonymous(server).get('/products?q=iph')).json())).toEqual(
      expect.arrayContaining(['Apple iPhone 15 Pro', 'Phone Case for iPhone']),
    );
    expect(names((await anonymous(server).get('/products?q=hik')).json())).toEqual(['Hiking Backpack']);
  });

  it('highlights the match in escaped snippets', async () => {
    const item = (await anonymous(server).get('/products?q=iphone'))
      .json()
      .items.find((i: { name: string }) => i.name === 'Phone Case for iPhone');
    expect(item.highlight.name).toBe('Phone Case for <mark>iPhone</mark>');
    expect(item.highlight.description).toContain('<mark>iPhone</mark>');
    expect(item.highlight.description).not.toContain('<b>');
    const amp = (await anonymous(server).get('/products?q=kit')).json().items[0];
    expect(amp.highlight.description).toContain('&amp;');
  });

  it('returns facets alongside results and combines search with filters and sorts', async () => {
    const body = (await anonymous(server).get('/products?q=trail')).json();
    expect(body.facets.total).toBe(3);
    expect(body.facets.brands.map((b: { value: string }) => b.value).sort()).toEqual([
      'Asics',
      'Hidesign',
      'Wildcraft',
    ]);
    const cheap = (await anonymous(server).get('/products?q=trail&sort=price_asc&maxPrice=400000')).json();
    expect(names(cheap)).toEqual(['Leather Wallet', 'Hiking Backpack']);
  });

  it('finds nothing, without error, for queries with no words or only stop words', async () => {
    for (const q of ['!!!', 'the', '%27%3B--', '*:']) {
      const res = await anonymous(server).get(`/products?q=${q}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await anonymous(server).get('/products?q=!!!')).json().items).toEqual([]);
    expect((await anonymous(server).get(`/products?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
  });
});

describe('autocomplete', () => {
  it('suggests products by name prefix, with typos, and categories', async () => {
    await as(admin).post('/admin/categories', { name: 'iPhones' });
    const res = await anonymous(server).get('/products/suggest?q=iph');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toContain('Apple iPhone 15 Pro');
    expect(body.items[0].highlight).toContain('<mark>');
    expect(body.categories.map((c: { name: string }) => c.name)).toEqual(['iPhones']);
    const typo = (await anonymous(server).get('/products/suggest?q=iphnoe')).json();
    expect(typo.items.map((i: { name: string }) => i.name)).toContain('Apple iPhone 15 Pro');
    // description words do not suggest
    expect((await anonymous(server).get('/products/suggest?q=titanium')).json().items).toEqual([]);
    expect((await anonymous(server).get('/products/suggest')).statusCode).toBe(400);
    expect((await anonymous(server).get('/products/suggest?q=ip&limit=0')).statusCode).toBe(400);
  });
});
