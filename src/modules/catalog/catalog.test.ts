import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createProduct,
  createStore,
  createUser,
  inr,
  serviceCtx,
  sku,
  type TestUser,
} from '../../../test/kit/index.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { postgresSearch } from './catalog.search.repository.ts';
import { PRODUCT_TRANSITIONS } from './catalog.status.ts';
import { CatalogService, getOffers } from './index.ts';

let server: TestServer;
let admin: TestUser;
let sellerA: TestUser;
let sellerB: TestUser;
let customer: TestUser;
let storeId: string;

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  [admin, sellerA, sellerB, customer] = await Promise.all([
    createAdmin(server),
    createUser(server, { roles: ['SELLER'] }),
    createUser(server, { roles: ['SELLER'] }),
    createCustomer(server),
  ]);
});
afterAll(async () => server?.destroy());

describe('the fixed product calls', () => {
  it('creates a product as an admin and shows it by id and by slug', async () => {
    await as(admin).post('/admin/categories', { name: 'Phones', slug: 'phones' });
    const res = await as(admin).post('/admin/products', {
      name: 'iPhone 15',
      description: 'Latest iPhone model',
      categorySlug: 'phones',
      variants: [
        {
          sku: 'IP15-128-BLK',
          options: { storage: '128GB', colour: 'black' },
          price: inr(7_999_900),
          stock: 5,
        },
        { sku: 'IP15-256-BLK', options: { storage: '256GB', colour: 'black' }, price: inr(8_999_900) },
      ],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      slug: 'iphone-15',
      name: 'iPhone 15',
      description: 'Latest iPhone model',
      status: 'ACTIVE',
      category: { slug: 'phones' },
      price: inr(7_999_900),
      inStock: true,
    });
    expect(created.variants).toHaveLength(2);
    expect(created.variants[0]).toMatchObject({
      sku: 'IP15-128-BLK',
      options: { storage: '128GB', colour: 'black' },
      offers: [
        { sellerId: storeId, price: inr(7_999_900), available: true, availableQuantity: 5, best: true },
      ],
    });
    expect(created.variants[1].offers[0]).toMatchObject({ available: false, availableQuantity: 0 });

    const byId = await anonymous(server).get(`/products/${created.id}`);
    const bySlug = await anonymous(server).get('/products/iphone-15');
    expect(byId.statusCode).toBe(200);
    expect(bySlug.json()).toEqual(byId.json());
    expect(byId.json()).toEqual(created);
  });

  it('makes the seller the offers’ seller when a seller creates a product', async () => {
    const product = await createProduct(server, sellerA, { name: 'Seller Lamp' });
    expect(product.variants[0]!.offers[0]!.sellerId).toBe(sellerA.id);
    const list = await anonymous(server).get(`/products?seller=${sellerA.id}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(product.id);
  });

  it('generates a free slug from the name when none is given', async () => {
    const a = await createProduct(server, admin, { name: 'Crème Brûlée Torch!' });
    const b = await createProduct(server, admin, { name: 'Crème Brûlée Torch!' });
    expect(a.slug).toBe('creme-brulee-torch');
    expect(b.slug).toBe('creme-brulee-torch-2');
    // /products/suggest is a fixed path: no product may take that slug
    expect((await createProduct(server, admin, { name: 'Suggest' })).slug).toBe('suggest-2');
    const reserved = await as(admin).post('/admin/products', {
      name: 'X',
      slug: 'suggest',
      variants: [{ sku: sku(), price: inr(1) }],
    });
    expect(reserved.statusCode).toBe(409);
  });

  it('answers 404 for unknown ids of any format and for products that are not ACTIVE', async () => {
    for (const ref of [newId(), 'no-such-product', '12345', 'x'.repeat(90)]) {
      expect((await anonymous(server).get(`/products/${ref}`)).statusCode).toBe(404);
    }
    const draft = await createProduct(server, admin, { status: 'DRAFT' });
    expect((await anonymous(server).get(`/products/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous(server).get(`/products/${draft.slug}`)).statusCode).toBe(404);
    expect((await as(admin).get(`/admin/products/${draft.id}`)).json().status).toBe('DRAFT');
  });

  it('refuses a duplicate SKU with 409, across products and within one request', async () => {
    const code = sku('DUP');
    const first = await as(admin).post('/admin/products', {
      name: 'One',
      variants: [{ sku: code, price: inr(100) }],
    });
    expect(first.statusCode).toBe(201);
    const again = await as(sellerA).post('/admin/products', {
      name: 'Two',
      variants: [{ sku: code, price: inr(100) }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/sku-taken');
    const twice = await as(admin).post('/admin/products', {
      name: 'Three',
      variants: [
        { sku: 'TWICE-1', price: inr(1), options: { a: '1' } },
        { sku: 'TWICE-1', price: inr(1), options: { a: '2' } },
      ],
    });
    expect(twice.statusCode).toBe(409);
    expect((await anonymous(server).get('/products?q=Three')).json().items).toHaveLength(0);
  });

  it('lets exactly one of many concurrent creates with the same SKU win', async () => {
    const code = sku('RACE');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        as(admin).post('/admin/products', { name: `Race ${i}`, variants: [{ sku: code, price: inr(100) }] }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
  });

  it('rejects bad input with 400 and JSON pointers, writing nothing', async () => {
    const res = await as(admin).post('/admin/products', {
      name: 'x'.repeat(10_000),
      variants: [{ sku: '', price: { amount: -5, currency: 'INR' } }],
    });
    expect(res.statusCode).toBe(400);
    const pointers = res
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(['/name', '/variants/0/price/amount', '/variants/0/sku']);

    const wrongCurrency = await as(admin).post('/admin/products', {
      name: 'USD thing',
      variants: [{ sku: sku(), price: { amount: 5, currency: 'USD' } }],
    });
    expect(wrongCurrency.statusCode).toBe(400);
    expect(wrongCurrency.json().errors[0].pointer).toBe('/variants/0/price/currency');

    const noVariants = await as(admin).post('/admin/products', { name: 'Nothing', variants: [] });
    expect(noVariants.statusCode).toBe(400);
    const unknownCategory = await as(admin).post('/admin/products', {
      name: 'Lost',
      categorySlug: 'nope',
      variants: [{ sku: sku(), price: inr(1) }],
    });
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().errors[0].pointer).toBe('/categorySlug');

    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'sort=bogus',
      'cursor=garbage',
      'minPrice=-1',
      'minPrice=10&maxPrice=5',
    ]) {
      const list = await anonymous(server).get(`/products?${query}`);
      expect(list.statusCode, query).toBe(400);
      expect(list.json().errors.length, query).toBeGreaterThan(0);
    }
    const forged = Buffer.from(JSON.stringify({ s: 'newest', k: 'not a time', id: newId() })).toString(
      'base64url',
    );
    expect((await anonymous(server).get(`/products?cursor=${forged}`)).statusCode).toBe(400);
    const otherSort = (await anonymous(server).get('/products?limit=1&sort=price_asc')).json().nextCursor;
    expect((await anonymous(server).get(`/products?sort=newest&cursor=${otherSort}`)).statusCode).toBe(400);
  });
});

describe('the read cache', () => {
  it('serves product pages and first list pages from cache but never stale after a write here', async () => {
    const product = await createProduct(server, admin, { name: 'Cached Vase' });
    expect((await anonymous(server).get(`/products/${product.slug}`)).json().name).toBe('Cached Vase');
    expect((await anonymous(server).get('/products?q=vase')).json().items[0].name).toBe('Cached Vase');
    await as(admin).patch(`/admin/products/${product.id}`, { name: 'Cached Vase Two' });
    expect((await anonymous(server).get(`/products/${product.slug}`)).json().name).toBe('Cached Vase Two');
    expect((await anonymous(server).get('/products?q=vase')).json().items[0].name).toBe('Cached Vase Two');
    await as(admin).patch(`/admin/products/${product.id}`, { status: 'INACTIVE' });
    expect((await anonymous(server).get(`/products/${product.slug}`)).statusCode).toBe(404);
    expect((await anonymous(server).get('/products?q=vase')).json().items).toEqual([]);
  });
});

describe('the product life cycle', () => {
  it('is a transition table that every move is checked against', async () => {
    const product = await createProduct(server, admin, { status: 'DRAFT' });
    const all = ['DRAFT', 'ACTIVE', 'INACTIVE', 'ARCHIVED'] as const;
    for (const from of all) {
      for (const to of all) {
        await sql`UPDATE products SET status = ${from}, published_at = now() WHERE id = ${product.id}`.execute(
          server.database.db,
        );
        const res = await as(admin).patch(`/admin/products/${product.id}`, { status: to });
        const allowed = from === to || PRODUCT_TRANSITIONS[from].includes(to);
        expect(res.statusCode, `${from} → ${to}`).toBe(allowed ? 200 : 409);
      }
    }
  });

  it('publishes on first activation and hides the product again when it is deactivated', async () => {
    const product = await createProduct(server, admin, { status: 'DRAFT' });
    expect((await as(admin).get(`/admin/products/${product.id}`)).json().publishedAt).toBeNull();
    const active = await as(admin).patch(`/admin/products/${product.id}`, { status: 'ACTIVE' });
    expect(active.json().publishedAt).toEqual(expect.any(String));
    expect((await anonymous(server).get(`/products/${product.id}`)).statusCode).toBe(200);
    await as(admin).patch(`/admin/products/${product.id}`, { status: 'INACTIVE' });
    expect((await anonymous(server).get(`/products/${product.id}`)).statusCode).toBe(404);
  });

  it('soft-deletes a product: gone from the public, the admin and the lists, rows kept', async () => {
    const product = await createProduct(server, admin, { name: 'Doomed Kettle' });
    expect((await as(admin).del(`/admin/products/${product.id}`)).statusCode).toBe(204);
    expect((await anonymous(server).get(`/products/${product.id}`)).statusCode).toBe(404);
    expect((await as(admin).get(`/admin/products/${product.id}`)).statusCode).toBe(404);
    expect((await anonymous(server).get('/products?q=Doomed')).json().items).toHaveLength(0);
    const { rows } = await sql`SELECT deleted_at FROM products WHERE id = ${product.id}`.execute(
      server.database.db,
    );
    expect(rows).toHaveLength(1);
  });
});

describe('editing products, variants and images', () => {
  it('updates fields, specifications, ordered images with a primary one, and the thumbnail', async () => {
    const product = await createProduct(server, admin);
    const res = await as(admin).patch(`/admin/products/${product.id}`, {
      name: 'Renamed',
      brand: 'Acme',
      tags: ['new', 'sale'],
      attributes: { origin: 'India', warrantyYears: 2 },
      specs: [
        { name: 'RAM', value: '8GB' },
        { name: 'Colour', value: 'Red' },
      ],
      images: [
        { url: 'https://img.example/a.jpg', altText: 'front' },
        { url: 'https://img.example/b.jpg', altText: 'back', primary: true },
      ],
      weightGrams: 250,
      dimensions: { length: 10, width: 5, height: 2, unit: 'cm' },
      rewardPercentBp: 250,
      seoTitle: 'Renamed | Shop',
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      name: 'Renamed',
      brand: 'Acme',
      tags: ['new', 'sale'],
      attributes: { origin: 'India', warrantyYears: 2 },
      specs: [
        { name: 'RAM', value: '8GB' },
        { name: 'Colour', value: 'Red' },
      ],
      thumbnail: 'https://img.example/b.jpg',
      weightGrams: 250,
      rewardPercentBp: 250,
    });
    expect(view.images.map((i: { position: number; primary: boolean }) => [i.position, i.primary])).toEqual([
      [1, false],
      [2, true],
    ]);
    const cleared = await as(admin).patch(`/admin/products/${product.id}`, { brand: null, images: [] });
    expect(cleared.json()).toMatchObject({ brand: null, images: [], thumbnail: null });
  });

  it('adds, changes and deletes variants, keeping at least one', async () => {
    const product = await createProduct(server, admin, {
      variants: [{ sku: sku(), options: { size: 'S' }, price: inr(500) }],
    });
    const added = await as(admin).post(`/admin/products/${product.id}/variants`, {
      sku: sku(),
      options: { size: 'L' },
      price: inr(500),
      stock: 3,
    });
    expect(added.statusCode).toBe(201);
    const variants = added.json().variants;
    expect(variants).toHaveLength(2);
    const clash = await as(admin).post(`/admin/products/${product.id}/variants`, {
      sku: variants[0].sku,
      options: { size: 'XL' },
      price: inr(1),
    });
    expect(clash.statusCode).toBe(409);
    const sameOptions = await as(admin).post(`/admin/products/${product.id}/variants`, {
      sku: sku(),
      options: { size: 'L' },
      price: inr(1),
    });
    expect(sameOptions.statusCode).toBe(409);
    const changed = await as(admin).patch(`/admin/variants/${variants[1].id}`, {
      barcode: '8901234567890',
      options: { size: 'M' },
    });
    expect(changed.json().variants[1]).toMatchObject({ barcode: '8901234567890', options: { size: 'M' } });
    expect((await as(admin).del(`/admin/variants/${variants[1].id}`)).statusCode).toBe(200);
    const last = await as(admin).del(`/admin/variants/${variants[0].id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().type).toBe('/problems/last-variant');
  });
});

describe('seller offers', () => {
  it('lists every offer on the product page and marks the cheapest available one as best', async () => {
    const product = await createProduct(server, sellerA, {
      name: 'Shared Kettle',
      price: 2_000,
      stock: 4,
    });
    const variantId = product.variants[0]!.id;
    const cheaper = await as(sellerB).post(`/admin/variants/${variantId}/offers`, {
      price: inr(1_500),
      sellerProductName: 'Kettle (B)',
      stock: 2,
    });
    expect(cheaper.statusCode).toBe(201);
    const cheapestButOut = await as(admin).post(`/admin/variants/${variantId}/offers`, {
      price: inr(1_000),
      available: false,
      stock: 9,
    });
    expect(cheapestButOut.statusCode).toBe(201);
    const page = (await anonymous(server).get(`/products/${product.id}`)).json();
    const offers = page.variants[0].offers;
    expect(offers).toHaveLength(3);
    const best = offers.filter((o: { best: boolean }) => o.best);
    expect(best).toHaveLength(1);
    expect(best[0]).toMatchObject({ sellerId: sellerB.id, price: inr(1_500), available: true });
    expect(page.price).toEqual(inr(1_500));
    const again = await as(sellerB).post(`/admin/variants/${variantId}/offers`, { price: inr(1_400) });
    expect(again.statusCode).toBe(409);
  });

  it('keeps price and in-stock of the listing in step with offer and availability changes', async () => {
    const product = await createProduct(server, admin, {
      name: 'Stepping Stool',
      price: 900,
      stock: 1,
    });
    const offerId = product.variants[0]!.offers[0]!.id;
    const listed = async () => (await anonymous(server).get('/products?q=Stepping')).json().items[0];
    expect(await listed()).toMatchObject({ price: inr(900), inStock: true });
    await server.modules.catalog.service.offers.setAvailability(serviceCtx(server), offerId, 0);
    expect(await listed()).toMatchObject({ inStock: false });
    expect((await anonymous(server).get('/products?q=Stepping&inStock=true')).json().items).toHaveLength(0);
    await server.modules.catalog.service.offers.setAvailability(serviceCtx(server), offerId, 7);
    await as(admin).patch(`/admin/offers/${offerId}`, { price: inr(850) });
    expect(await listed()).toMatchObject({ price: inr(850), inStock: true });
    await expect(
      server.modules.catalog.service.offers.setAvailability(serviceCtx(server), newId(), 1),
    ).rejects.toThrow();
    await expect(
      server.modules.catalog.service.offers.setAvailability(serviceCtx(server), offerId, -1),
    ).rejects.toThrow();
  });

  it('keeps in-stock right when two offers of one product sell out in concurrent transactions', async () => {
    const res = await as(admin).post('/admin/products', {
      name: 'Racing Offers',
      variants: [
        { sku: sku(), options: { v: '1' }, price: inr(100), stock: 1 },
        { sku: sku(), options: { v: '2' }, price: inr(100), stock: 1 },
      ],
    });
    const [a, b] = res.json().variants.map((v: { offers: Array<{ id: string }> }) => v.offers[0]!.id);
    for (let round = 0; round < 5; round++) {
      await server.modules.catalog.service.offers.setAvailability(serviceCtx(server), a, 1);
      await server.modules.catalog.service.offers.setAvailability(serviceCtx(server), b, 1);
      await Promise.all(
        [a, b].map((offerId) =>
          transaction(server.database.db, async (trx) => {
            await server.modules.catalog.service.offers.setAvailability(
              withDb(serviceCtx(server), trx),
              offerId,
              0,
            );
          }),
        ),
      );
      const { rows } = await sql<{
        in_stock: boolean;
      }>`SELECT in_stock FROM products WHERE id = ${res.json().id}`.execute(server.database.db);
      expect(rows[0]!.in_stock).toBe(false);
    }
  });

  it('gives the cart and checkout offer snapshots, leaving unknown and foreign ids out', async () => {
    const product = await createProduct(server, admin, {
      name: 'Snapshot Mug',
      price: 499,
      stock: 12,
      weightGrams: 300,
    });
    const offerId = product.variants[0]!.offers[0]!.id;
    const [snapshot, ...rest] = await getOffers(serviceCtx(server), [offerId, newId(), 'garbage']);
    expect(rest).toHaveLength(0);
    expect(snapshot).toMatchObject({
      offerId,
      productId: product.id,
      variantId: product.variants[0]!.id,
      sellerId: storeId,
      productName: 'Snapshot Mug',
      price: inr(499),
      purchasable: true,
      availableQuantity: 12,
      weightGrams: 300,
      requiresShipping: true,
      rewardPercentBp: 0,
    });
    await as(admin).patch(`/admin/products/${product.id}`, { status: 'INACTIVE' });
    expect((await getOffers(serviceCtx(server), [offerId]))[0]!.purchasable).toBe(false);
  });

  it('books initial stock through the stock port in the same transaction when one is wired', async () => {
    const calls: Array<{ inTransaction: boolean; offerId: string; quantity: number }> = [];
    const service = new CatalogService({
      jobs: server.jobs,
      search: postgresSearch,
      storeCurrency: async () => 'INR',
      stock: {
        async receive(ctx, input) {
          calls.push({
            inTransaction: ctx.db.isTransaction,
            offerId: input.offerId,
            quantity: input.quantity,
          });
          await server.modules.catalog.service.offers.setAvailability(
            withDb(serviceCtx(server), ctx.db),
            input.offerId,
            input.quantity,
          );
          if (input.quantity === 13) throw new Error('warehouse closed');
        },
      },
    });
    const view = await service.products.create(serviceCtx(server, admin), {
      name: 'Ported',
      variants: [{ sku: sku(), price: inr(100), stock: 4 }],
    });
    expect(calls).toEqual([{ inTransaction: true, offerId: view.variants[0]!.offers[0]!.id, quantity: 4 }]);
    expect(view.inStock).toBe(true);
    const failing = sku();
    await expect(
      service.products.create(serviceCtx(server, admin), {
        name: 'Rolled back',
        variants: [{ sku: failing, price: inr(100), stock: 13 }],
      }),
    ).rejects.toThrow('warehouse closed');
    const { rows } = await sql`SELECT 1 FROM variants WHERE sku = ${failing}`.execute(server.database.db);
    expect(rows).toHaveLength(0);
  });
});

describe('authorization', () => {
  it('lets only admins and sellers create products', async () => {
    const body = { name: 'Nope', variants: [{ sku: sku(), price: inr(1) }] };
    expect((await anonymous(server).post('/admin/products', body)).statusCode).toBe(401);
    expect((await as(customer).post('/admin/products', body)).statusCode).toBe(403);
  });

  it('keeps sellers to their own products and offers: 403 on public ones, 404 on hidden ones', async () => {
    const active = await createProduct(server, sellerA, { name: 'A public' });
    const draft = await createProduct(server, sellerA, { name: 'A draft', status: 'DRAFT' });
    const offerId = active.variants[0]!.offers[0]!.id;
    expect((await as(sellerB).patch(`/admin/products/${active.id}`, { name: 'Hijack' })).statusCode).toBe(
      403,
    );
    expect((await as(sellerB).del(`/admin/products/${active.id}`)).statusCode).toBe(403);
    expect((await as(sellerB).patch(`/admin/offers/${offerId}`, { price: inr(1) })).statusCode).toBe(403);
    expect((await as(sellerB).del(`/admin/offers/${offerId}`)).statusCode).toBe(403);
    expect((await as(sellerB).patch(`/admin/products/${draft.id}`, { name: 'Hijack' })).statusCode).toBe(404);
    expect((await as(sellerB).get(`/admin/products/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await as(sellerB).post(`/admin/variants/${draft.variants[0]!.id}/offers`, { price: inr(1) }))
        .statusCode,
    ).toBe(404);
    expect((await as(customer).patch(`/admin/products/${active.id}`, { name: 'Mine' })).statusCode).toBe(403);
    // the owner and any admin may
    expect((await as(sellerA).patch(`/admin/products/${draft.id}`, { name: 'Still mine' })).statusCode).toBe(
      200,
    );
    expect((await as(admin).patch(`/admin/offers/${offerId}`, { price: inr(2) })).statusCode).toBe(200);
    // customers never see drafts
    expect((await as(customer).get(`/products/${draft.id}`)).statusCode).toBe(404);
    // sellers list only their own products in the admin list
    const mine = (await as(sellerB).get('/admin/products?limit=100')).json().items;
    expect(mine.every((p: { createdBy: string }) => p.createdBy === sellerB.id)).toBe(true);
  });

  it('lists products for admins by status, newest first', async () => {
    const draft = await createProduct(server, admin, { status: 'DRAFT' });
    const res = await as(admin).get('/admin/products?status=DRAFT&limit=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.every((p: { status: string }) => p.status === 'DRAFT')).toBe(true);
    expect(items[0].id).toBe(draft.id);
    expect((await as(customer).get('/admin/products')).statusCode).toBe(403);
  });

  it('hides one store’s catalog from another store', async () => {
    const otherStore = await createStore(server, { name: 'Other' });
    const inB = as(await createAdmin(otherStore));
    const product = await createProduct(server, admin, { name: 'Store A Only Teapot' });
    expect((await anonymous(otherStore).get(`/products/${product.id}`)).statusCode).toBe(404);
    expect((await anonymous(otherStore).get(`/products/${product.slug}`)).statusCode).toBe(404);
    expect((await anonymous(otherStore).get('/products?q=Teapot')).json().items).toHaveLength(0);
    expect((await inB.patch(`/admin/products/${product.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect(
      (await inB.patch(`/admin/offers/${product.variants[0]!.offers[0]!.id}`, { price: inr(1) })).statusCode,
    ).toBe(404);
    expect((await anonymous(otherStore).get('/categories')).json().items).toEqual([]);
    // the same SKU is free in another store
    const sameSku = await inB.post('/admin/products', {
      name: 'Twin',
      variants: [{ sku: product.variants[0]!.sku, price: inr(5) }],
    });
    expect(sameSku.statusCode).toBe(201);
    expect(await getOffers(serviceCtx(server), [sameSku.json().variants[0].offers[0].id])).toEqual([]);
  });
});

describe('categories', () => {
  it('serves the tree, breadcrumbs in one call, and admin create, rename, move, reorder and deactivate', async () => {
    const make = async (name: string, parentId?: string) => {
      const res = await as(admin).post('/admin/categories', { name, ...(parentId ? { parentId } : {}) });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; slug: string };
    };
    const home = await make('Home');
    const kitchen = await make('Kitchen', home.id);
    const cookware = await make('Cookware', kitchen.id);
    const pans = await make('Pans', cookware.id);
    const garden = await make('Garden');

    const crumbs = (await anonymous(server).get(`/categories/${pans.slug}`)).json();
    expect(crumbs.breadcrumbs.map((c: { name: string }) => c.name)).toEqual([
      'Home',
      'Kitchen',
      'Cookware',
      'Pans',
    ]);

    // move Cookware under Garden; its subtree follows, products included
    const product = await createProduct(server, admin, {
      categorySlug: pans.slug,
      name: 'Moved Pan',
    });
    const moved = await as(admin).patch(`/admin/categories/${cookware.id}`, { parentId: garden.id });
    expect(moved.statusCode).toBe(200);
    expect(
      (await anonymous(server).get(`/categories/${pans.slug}`))
        .json()
        .breadcrumbs.map((c: { name: string }) => c.name),
    ).toEqual(['Garden', 'Cookware', 'Pans']);
    expect(
      (await anonymous(server).get(`/products/${product.id}`))
        .json()
        .breadcrumbs.map((c: { name: string }) => c.name),
    ).toEqual(['Garden', 'Cookware', 'Pans']);
    expect(
      (await anonymous(server).get(`/products?category=${garden.slug}`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(product.id);
    expect(
      (await anonymous(server).get(`/products?category=${home.slug}`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(product.id);

    // no cycles
    const cycle = await as(admin).patch(`/admin/categories/${garden.id}`, { parentId: pans.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].pointer).toBe('/parentId');
    expect(
      (await as(admin).patch(`/admin/categories/${garden.id}`, { parentId: garden.id })).statusCode,
    ).toBe(400);

    // rename, and a taken slug is 409
    expect(
      (await as(admin).patch(`/admin/categories/${kitchen.id}`, { name: 'Kitchen & Dining' })).json().name,
    ).toBe('Kitchen & Dining');
    expect((await as(admin).patch(`/admin/categories/${kitchen.id}`, { slug: garden.slug })).statusCode).toBe(
      409,
    );

    // reorder roots
    const roots = (await anonymous(server).get('/categories')).json().items.map((c: { id: string }) => c.id);
    const reversed = [...roots].reverse();
    const reordered = await as(admin).post('/admin/categories/reorder', {
      parentId: null,
      orderedIds: reversed,
    });
    expect(reordered.statusCode).toBe(200);
    expect(
      (await anonymous(server).get('/categories')).json().items.map((c: { id: string }) => c.id),
    ).toEqual(reversed);
    expect(
      (await as(admin).post('/admin/categories/reorder', { parentId: null, orderedIds: [garden.id] }))
        .statusCode,
    ).toBe(400);

    // deactivate hides the subtree from the tree and its page
    await as(admin).patch(`/admin/categories/${cookware.id}`, { isActive: false });
    const tree = JSON.stringify((await anonymous(server).get('/categories')).json());
    expect(tree).not.toContain('Cookware');
    expect(tree).not.toContain('"Pans"');
    expect((await anonymous(server).get(`/categories/${cookware.slug}`)).statusCode).toBe(404);

    // only admins
    expect((await as(sellerA).post('/admin/categories', { name: 'X' })).statusCode).toBe(403);
    expect((await as(admin).patch(`/admin/categories/${newId()}`, { name: 'X' })).statusCode).toBe(404);
  });

  it('manages category filters and lists every category for admins only', async () => {
    const cat = (await as(admin).post('/admin/categories', { name: 'Filtered Things' })).json();
    const body = { key: 'size', label: 'Size', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'size' };
    expect((await as(sellerA).post(`/admin/categories/${cat.id}/filters`, body)).statusCode).toBe(403);
    const created = await as(admin).post(`/admin/categories/${cat.id}/filters`, body);
    expect(created.statusCode).toBe(201);
    expect((await as(admin).post(`/admin/categories/${cat.id}/filters`, body)).statusCode).toBe(409);
    expect(
      (
        await as(admin).post(`/admin/categories/${cat.id}/filters`, {
          ...body,
          key: 'Bad Key',
          kind: 'FUZZY',
        })
      ).statusCode,
    ).toBe(400);
    expect((await as(admin).post(`/admin/categories/${newId()}/filters`, body)).statusCode).toBe(404);
    expect(
      (await anonymous(server).get(`/categories/${cat.slug}`))
        .json()
        .filters.map((f: { key: string }) => f.key),
    ).toEqual(['size']);
    expect((await as(sellerA).del(`/admin/filters/${created.json().id}`)).statusCode).toBe(403);
    expect((await as(admin).del(`/admin/filters/${created.json().id}`)).statusCode).toBe(204);
    expect((await as(admin).del(`/admin/filters/${created.json().id}`)).statusCode).toBe(404);
    expect((await anonymous(server).get(`/categories/${cat.slug}`)).json().filters).toEqual([]);

    await as(admin).patch(`/admin/categories/${cat.id}`, { isActive: false });
    const all = (await as(admin).get('/admin/categories')).json().items;
    expect(all.find((c: { id: string }) => c.id === cat.id)).toMatchObject({ isActive: false, depth: 1 });
    expect((await as(sellerA).get('/admin/categories')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/categories')).statusCode).toBe(401);
  });

  it("lists a category's own filters in order for admins, a hidden category's too", async () => {
    const cat = (
      await as(admin).post('/admin/categories', { name: 'Listed Filters', isActive: false })
    ).json();
    const other = (await as(admin).post('/admin/categories', { name: 'Other Filters' })).json();
    const filter = { label: 'F', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'f' };
    await as(admin).post(`/admin/categories/${cat.id}/filters`, { ...filter, key: 'second', position: 2 });
    await as(admin).post(`/admin/categories/${cat.id}/filters`, { ...filter, key: 'first', position: 1 });
    await as(admin).post(`/admin/categories/${other.id}/filters`, { ...filter, key: 'elsewhere' });
    const listed = await as(admin).get(`/admin/categories/${cat.id}/filters`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((f: { key: string }) => f.key)).toEqual(['first', 'second']);
    expect(listed.json().items[0]).toMatchObject({ categoryId: cat.id, label: 'F', kind: 'ENUM' });
    expect((await as(sellerA).get(`/admin/categories/${cat.id}/filters`)).statusCode).toBe(403);
    expect((await as(admin).get(`/admin/categories/${newId()}/filters`)).statusCode).toBe(404);
  });

  it('returns the tree shape of the fixed API', async () => {
    const res = await anonymous(server).get('/categories');
    expect(res.statusCode).toBe(200);
    for (const node of res.json().items) {
      expect(node).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          slug: expect.any(String),
          name: expect.any(String),
          children: expect.any(Array),
        }),
      );
    }
  });
});
