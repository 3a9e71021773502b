import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearGeneratedStoreCatalog,
  type StoreGenerationDeps,
  writeGeneratedCatalog,
} from '../../src/flows/store-generation.ts';
import { builtinGenerator, type GeneratedStore } from '../../src/modules/tenancy/index.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  api,
  as,
  checkout,
  createCart,
  createStore,
  createUser,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

let server: TestServer;
let deps: StoreGenerationDeps;

const bakeryInput = {
  businessName: 'Sweet Crumbs',
  description: 'a bakery in Pune selling cakes, breads and cookies',
  city: 'Pune',
  currency: 'INR',
  language: 'en',
};

beforeAll(async () => {
  server = await createTestServer();
  deps = {
    inventory: server.modules.inventory.service,
    catalog: server.modules.catalog.service,
    log: server.log,
  };
});
afterAll(async () => server?.destroy());

/** A fresh store of its own tenant, and its owner's account (who sells the generated offers). */
async function storeWithOwner(fields: { domain?: string; currency?: string } = {}) {
  const store = await createStore(server, { name: 'Sweet Crumbs', ...fields });
  const owner = await createUser(server, { roles: ['ADMIN'], storeId: store.id });
  return { store, owner };
}

async function generate(store: TestStore, owner: TestUser, doc: GeneratedStore, replace?: boolean) {
  return server.database.db.transaction().execute((trx) =>
    writeGeneratedCatalog(trx, deps, {
      storeId: store.id,
      sellerId: owner.id,
      doc,
      ...(replace === undefined ? {} : { replace }),
    }),
  );
}

async function counts(storeId: string) {
  const { rows } = await sql<{ categories: number; products: number; offers: number; stock: number }>`
    SELECT (SELECT count(*)::int FROM categories WHERE store_id = ${storeId}) AS categories,
           (SELECT count(*)::int FROM products WHERE store_id = ${storeId} AND deleted_at IS NULL) AS products,
           (SELECT count(*)::int FROM offers WHERE store_id = ${storeId} AND deleted_at IS NULL) AS offers,
           (SELECT count(*)::int FROM inventory_movements WHERE store_id = ${storeId}) AS stock`.execute(
    server.database.db,
  );
  return rows[0]!;
}

function leafSlugs(nodes: GeneratedStore['categories']): string[] {
  return nodes.flatMap((n) => (n.children.length ? leafSlugs(n.children) : [n.slug]));
}

describe('writing a generated store', () => {
  it('turns the bakery description into a catalog a buyer can browse, search and buy from', async () => {
    const { store, owner } = await storeWithOwner({ domain: 'sweet-crumbs-pune' });
    const doc = await builtinGenerator.generate(bakeryInput);
    const report = await generate(store, owner, doc);
    const variants = doc.products.flatMap((p) => p.variants).length;
    expect(report).toMatchObject({ products: doc.products.length, offers: variants });

    // addressed by its subdomain, as a buyer's browser would
    const byHost = await api(server).get('/categories', { host: 'sweet-crumbs-pune.localhost' });
    expect(byHost.statusCode).toBe(200);
    const tree = byHost.json().items as { slug: string; children: { slug: string }[] }[];
    expect(tree.map((c) => c.slug)).toEqual(doc.categories.map((c) => c.slug));
    expect(tree.flatMap((c) => c.children.map((k) => k.slug))).toEqual(leafSlugs(doc.categories));

    const guest = anonymous(store);
    const found = (await guest.get('/products?q=cake&limit=50')).json();
    expect(found.items.length).toBeGreaterThan(0);
    const cake = found.items[0];
    expect(cake).toMatchObject({ inStock: true, price: { currency: 'INR' } });
    const page = (await guest.get(`/products/${cake.slug}`)).json();
    const generated = doc.products.find((p) => p.slug === cake.slug)!;
    expect(page.images[0].url).toBe(`/placeholders/${generated.image}.svg`);
    expect(page.variants).toHaveLength(generated.variants.length);
    const offer = page.variants[0].offers[0];
    expect(offer).toMatchObject({ sellerId: owner.id, price: { amount: generated.variants[0]!.price } });

    const leaf = leafSlugs(doc.categories)[0]!;
    const inCategory = (await guest.get(`/products?category=${leaf}`)).json();
    expect(inCategory.items.length).toBe(doc.products.filter((p) => p.categorySlug === leaf).length);

    const cart = await createCart(store, [{ offerId: offer.id, quantity: 2 }]);
    const placed = await checkout(store, cart, { email: 'buyer@example.test' });
    expect(placed.statusCode).toBe(201);
    expect(placed.json().order.status).toBe('PAID');
  });

  it('writes nothing when a row is refused half-way', async () => {
    const { store, owner } = await storeWithOwner();
    const doc = await builtinGenerator.generate(bakeryInput);
    // A tampered document (the schema would refuse it): its last product repeats the first's slug.
    const last = doc.products.at(-1)!;
    const tampered = {
      ...doc,
      products: [...doc.products.slice(0, -1), { ...last, slug: doc.products[0]!.slug }],
    };
    await expect(generate(store, owner, tampered)).rejects.toMatchObject({
      code: 'generated-catalog-conflict',
    });
    expect(await counts(store.id)).toEqual({ categories: 0, products: 0, offers: 0, stock: 0 });
  });

  it('refuses a document priced in another currency than the store’s', async () => {
    const { store, owner } = await storeWithOwner({ currency: 'USD' });
    const doc = await builtinGenerator.generate(bakeryInput);
    await expect(generate(store, owner, doc)).rejects.toMatchObject({ code: 'generated-catalog-conflict' });
    expect((await counts(store.id)).products).toBe(0);
  });

  it('replaces the previous generation on regenerating, and keeps what the owner made', async () => {
    const { store, owner } = await storeWithOwner();
    const first = await builtinGenerator.generate(bakeryInput);
    await generate(store, owner, first);
    const admin = as(owner);
    const own = await admin.post('/admin/categories', { name: 'Gift Hampers', slug: 'gift-hampers' });
    expect(own.statusCode).toBe(201);

    const second = await builtinGenerator.generate({
      ...bakeryInput,
      description: 'a cafe in Pune serving coffee and sandwiches',
    });
    const report = await generate(store, owner, second);
    expect(report.replaced).toEqual({ products: first.products.length, categories: expect.any(Number) });

    const guest = anonymous(store);
    const slugs = (await guest.get('/categories')).json().items.map((c: { slug: string }) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining([...second.categories.map((c) => c.slug), 'gift-hampers']));
    expect(slugs).toHaveLength(second.categories.length + 1);
    const listed = (await guest.get('/products?limit=100')).json();
    expect(listed.items.map((p: { slug: string }) => p.slug).sort()).toEqual(
      second.products.map((p) => p.slug).sort(),
    );
    expect((await admin.get('/admin/inventory/check')).json()).toEqual({ healthy: true, mismatches: [] });
    expect((await guest.get(`/products/${first.products[0]!.slug}`)).statusCode).toBe(
      second.products.some((p) => p.slug === first.products[0]!.slug) ? 200 : 404,
    );
  });

  it('adds to the previous generation when told not to replace it', async () => {
    const { store, owner } = await storeWithOwner();
    const doc = await builtinGenerator.generate(bakeryInput);
    await generate(store, owner, doc);
    await expect(generate(store, owner, doc, false)).rejects.toMatchObject({
      code: 'generated-catalog-conflict',
    });
    expect((await counts(store.id)).products).toBe(doc.products.length);
  });

  it('clears a generation without writing another, leaving the store empty to browse', async () => {
    const { store, owner } = await storeWithOwner();
    const doc = await builtinGenerator.generate(bakeryInput);
    await generate(store, owner, doc);
    const cleared = await clearGeneratedStoreCatalog(server.database.db, deps, store.id);
    expect(cleared.products).toBe(doc.products.length);
    expect(await counts(store.id)).toMatchObject({ categories: 0, products: 0, offers: 0 });
    const guest = anonymous(store);
    expect((await guest.get('/products')).json().items).toEqual([]);
    expect((await guest.get('/categories')).json().items).toEqual([]);
  });
});
