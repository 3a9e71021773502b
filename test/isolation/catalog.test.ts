import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  createCategory,
  createProduct,
  createSeller,
  createStorePair,
  inr,
  ok,
  type ProductView,
  sku,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Both stores sell a "Quokka" product of the brand Quokkaco under a category of the same slug:
// every list, search, facet count and suggestion in one store shows that store's alone, and store
// B's staff and sellers meet store A's products, variants, offers, categories and filters only as
// "not found".
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let sellerB: TestUser;
let categoryA: { id: string; slug: string };
let categoryB: { id: string; slug: string };
let hiddenCategoryA: { id: string; slug: string };
let productA: ProductView;
let productB: ProductView;
let draftA: ProductView;
let filterA: { id: string };
const tag = newId().slice(-8);
const slug = `quokka-gear-${tag}`;

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  [categoryA, categoryB, hiddenCategoryA, sellerB] = await Promise.all([
    createCategory(server, storeA, { name: 'Quokka gear', slug }),
    createCategory(server, storeB, { name: 'Quokka gear', slug }),
    createCategory(server, storeA, { name: 'Only in A', slug: `only-a-${tag}` }),
    createSeller(storeB),
  ]);
  const fields = { status: 'ACTIVE', brand: 'Quokkaco', categorySlug: slug, stock: 3 };
  [productA, productB, draftA] = await Promise.all([
    createProduct(server, storeA, { ...fields, name: 'Quokka lantern', price: 2_000 }),
    createProduct(server, storeB, { ...fields, name: 'Quokka kettle', price: 9_000 }),
    createProduct(server, storeA, { name: `Quokka draft ${tag}`, status: 'DRAFT' }),
  ]);
  filterA = await ok(
    adminA.post(`/admin/categories/${categoryA.id}/filters`, {
      key: 'colour',
      label: 'Colour',
      kind: 'ENUM',
      source: 'ATTRIBUTE',
      sourceKey: 'colour',
    }),
  );
});
afterAll(async () => server?.destroy());

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

/** Everything that names the category's tree, flattened. */
function treeIds(nodes: Array<{ id: string; children: unknown[] }>): string[] {
  return nodes.flatMap((n) => [n.id, ...treeIds(n.children as typeof nodes)]);
}

async function productInStoreA() {
  const view = await ok<ProductView & { variants: Array<{ offers: Array<{ price: unknown }> }> }>(
    adminA.get(`/admin/products/${productA.id}`),
  );
  return {
    name: view.name,
    status: view.status,
    variants: view.variants.map((v) => ({ id: v.id, sku: v.sku, offers: v.offers })),
  };
}

describe('catalog browsing across stores', () => {
  it('searches, counts facets and suggests within the store the request addresses', async () => {
    for (const [store, own, other] of [
      [storeA, productA, productB],
      [storeB, productB, productA],
    ] as const) {
      const found = await ok(anonymous(store).get('/products?q=quokka&facets=true'));
      expect(ids(found.items)).toEqual([own.id]);
      expect(found.facets).toMatchObject({ total: 1, inStock: 1, brands: [{ value: 'Quokkaco', count: 1 }] });
      const inCategory = await ok(anonymous(store).get(`/products?category=${slug}&facets=true`));
      expect(ids(inCategory.items)).toEqual([own.id]);
      expect(inCategory.facets.total).toBe(1);
      // store A's category has a colour filter, store B's of the same slug none
      const filters = inCategory.facets.filters.map((f: { key: string }) => f.key);
      expect(filters).toEqual(store === storeA ? ['colour'] : []);
      const all = await ok(anonymous(store).get('/products?limit=100'));
      expect(ids(all.items)).not.toContain(other.id);
      const suggested = await ok(anonymous(store).get('/products/suggest?q=quok'));
      expect(ids(suggested.items)).toEqual([own.id]);
      expect(ids(suggested.categories)).toEqual([store === storeA ? categoryA.id : categoryB.id]);
    }
    // store A's admin-made offers are sold by store A: its id names their seller
    expect((await ok(anonymous(storeB).get(`/products?seller=${storeA.id}`))).items).toEqual([]);
    expect(ids((await ok(anonymous(storeA).get(`/products?seller=${storeA.id}`))).items)).toEqual([
      productA.id,
    ]);
    const priced = await ok(anonymous(storeB).get('/products?minPrice=1000&maxPrice=3000&facets=true'));
    expect(priced.items).toEqual([]);
    expect(priced.facets.total).toBe(0);
  });

  it("shows store B its own category tree, and store A's category only as not found", async () => {
    const tree = treeIds((await ok(anonymous(storeB).get('/categories'))).items);
    expect(tree).toContain(categoryB.id);
    expect(tree).not.toContain(categoryA.id);
    expect(tree).not.toContain(hiddenCategoryA.id);
    expect(await ok(anonymous(storeB).get(`/categories/${slug}`))).toMatchObject({
      id: categoryB.id,
      filters: [],
    });
    expect((await anonymous(storeB).get(`/categories/${hiddenCategoryA.slug}`)).statusCode).toBe(404);
    const byCategory = await anonymous(storeB).get(`/products?category=${hiddenCategoryA.slug}`);
    expect(byCategory.statusCode).toBe(404);
    const adminTree = await ok<{ items: Array<{ id: string }> }>(adminB.get('/admin/categories'));
    expect(ids(adminTree.items)).not.toContain(categoryA.id);
    expect((await adminB.get(`/admin/categories/${categoryA.id}/filters`)).statusCode).toBe(404);
  });

  it("answers 404 in store B for store A's product, by id or slug, to shoppers and staff", async () => {
    for (const ref of [productA.id, productA.slug]) {
      expect((await anonymous(storeB).get(`/products/${ref}`)).statusCode).toBe(404);
      expect((await anonymous(storeA).get(`/products/${ref}`)).statusCode).toBe(200);
    }
    expect((await adminB.get(`/admin/products/${productA.id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/admin/products/${draftA.id}`)).statusCode).toBe(404);
    expect((await as(sellerB).get(`/admin/products/${productA.id}`)).statusCode).toBe(404);
  });

  it("leaves store A's products, drafts and offers out of store B's admin lists, searches and export", async () => {
    const adminList = await ok<{ items: Array<{ id: string }> }>(adminB.get('/admin/products?limit=100'));
    expect(ids(adminList.items)).toContain(productB.id);
    expect(ids(adminList.items)).not.toContain(productA.id);
    expect(ids(adminList.items)).not.toContain(draftA.id);
    const searched = await ok<{ items: Array<{ id: string }> }>(adminB.get('/admin/products?q=quokka'));
    expect(ids(searched.items)).toEqual([productB.id]);
    const creator = (await ok(adminA.get(`/admin/products?q=${productA.slug}`))).items[0].createdBy;
    expect((await ok(adminB.get(`/admin/products?createdBy=${creator}`))).items).toEqual([]);
    const bySku = await ok(adminB.get(`/admin/products?q=${productA.variants[0]!.sku}`));
    expect(bySku.items).toEqual([]);
    const offers = await ok<{ items: Array<{ id: string }> }>(adminB.get('/admin/offers?limit=100'));
    expect(ids(offers.items)).not.toContain(productA.variants[0]!.offers[0]!.id);
    expect((await ok(as(sellerB).get('/admin/offers'))).items).toEqual([]);
    const csv = await adminB.get('/admin/products/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(productB.variants[0]!.sku);
    expect(csv.body).not.toContain(productA.variants[0]!.sku);
    expect(csv.body).not.toContain(draftA.name);
  });
});

describe('catalog changes across stores', () => {
  it("does not let store B's admin or sellers change or delete store A's product, variants or offers", async () => {
    const before = await productInStoreA();
    const variant = productA.variants[0]!;
    const offer = variant.offers[0]!;
    for (const staff of [adminB, as(sellerB)]) {
      const answers = await Promise.all([
        staff.patch(`/admin/products/${productA.id}`, { name: 'Taken', status: 'ARCHIVED' }),
        staff.post(`/admin/products/${productA.id}/variants`, { sku: sku(), price: inr(1), stock: 1 }),
        staff.patch(`/admin/variants/${variant.id}`, { sku: sku('TAKEN') }),
        staff.post(`/admin/variants/${variant.id}/offers`, { price: inr(1), stock: 5 }),
        staff.patch(`/admin/offers/${offer.id}`, { price: inr(1), available: false }),
        staff.del(`/admin/offers/${offer.id}`),
        staff.del(`/admin/variants/${variant.id}`),
        staff.del(`/admin/products/${productA.id}`),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    }
    expect(await productInStoreA()).toEqual(before);
    expect((await anonymous(storeA).get(`/products/${productA.slug}`)).statusCode).toBe(200);
  });

  it("does not let store B's admin change, re-parent, reorder or filter store A's categories", async () => {
    const answers = await Promise.all([
      adminB.patch(`/admin/categories/${categoryA.id}`, { name: 'Taken', isActive: false }),
      adminB.patch(`/admin/categories/${categoryB.id}`, { parentId: categoryA.id }),
      adminB.post('/admin/categories', { name: 'Child of A', parentId: categoryA.id }),
      adminB.post('/admin/categories/reorder', {
        parentId: null,
        orderedIds: [hiddenCategoryA.id, categoryA.id],
      }),
      adminB.post(`/admin/categories/${categoryA.id}/filters`, {
        key: 'size',
        label: 'Size',
        kind: 'ENUM',
        source: 'ATTRIBUTE',
        sourceKey: 'size',
      }),
      adminB.del(`/admin/filters/${filterA.id}`),
    ]);
    const statuses = answers.map((a) => a.statusCode);
    // ids in a path are not found; ids in a body are refused as a made-up id is, with a pointer
    expect(statuses).toEqual([404, 400, 400, 400, 404, 404]);
    expect(answers.slice(1, 4).map((a) => a.json().errors[0].pointer)).toEqual([
      '/parentId',
      '/parentId',
      '/orderedIds',
    ]);
    const inA = await ok<{
      items: Array<{ id: string; name: string; isActive: boolean; parentId: string | null }>;
    }>(adminA.get('/admin/categories'));
    expect(inA.items.find((c) => c.id === categoryA.id)).toMatchObject({
      name: 'Quokka gear',
      isActive: true,
    });
    expect(inA.items.filter((c) => c.parentId === categoryA.id)).toEqual([]);
    const filters = await ok<{ items: Array<{ id: string }> }>(
      adminA.get(`/admin/categories/${categoryA.id}/filters`),
    );
    expect(ids(filters.items)).toEqual([filterA.id]);
    expect(
      (await ok(adminB.get('/admin/categories'))).items.find((c: { id: string }) => c.id === categoryB.id),
    ).toMatchObject({ parentId: null });
  });

  it("does not file a product of store B under store A's category", async () => {
    const res = await adminB.post('/admin/products', {
      name: 'Stray',
      categorySlug: hiddenCategoryA.slug,
      variants: [{ sku: sku(), price: inr(1_000) }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/categorySlug');
    const moved = await adminB.patch(`/admin/products/${productB.id}`, {
      categorySlug: hiddenCategoryA.slug,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].pointer).toBe('/categorySlug');
    expect((await ok(anonymous(storeA).get(`/products?category=${hiddenCategoryA.slug}`))).items).toEqual([]);
  });

  it("imports store A's exported catalog into store B as store B's own copy, leaving store A's as it was", async () => {
    const before = await productInStoreA();
    const exported = (await adminA.get('/admin/products/export')).body;
    expect(exported).toContain(productA.slug);
    const edited = exported.replaceAll('Quokka lantern', 'Quokka lantern (imported)');
    const report = await ok(adminB.post('/admin/products/import', edited, { 'content-type': 'text/csv' }));
    expect(report).toMatchObject({ failed: 0, updated: 0 });
    expect(report.created).toBeGreaterThan(0);
    const copy = await ok(adminB.get(`/admin/products?q=${productA.variants[0]!.sku}`));
    expect(copy.items).toEqual([expect.objectContaining({ name: 'Quokka lantern (imported)' })]);
    expect(copy.items[0].id).not.toBe(productA.id);
    expect(await productInStoreA()).toEqual(before);
    expect((await ok(adminA.get('/admin/products?q=imported'))).items).toEqual([]);
  });
});
