import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  createProduct,
  createSeller,
  createStorePair,
  makeImage,
  ok,
  type ProductView,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// An image uploaded in store A is served only by store A: store B's host answers 404 for it and its
// variants, even when store B holds the very same bytes, and nothing store B uploads, edits or
// deletes changes store A's images or their files.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let sellerB: TestUser;
let productA: ProductView;
let productB: ProductView;
let bytes: Buffer;
let imageA: Image;

interface Image {
  id: string;
  url: string;
  srcset: string | null;
  altText: string | null;
  primary: boolean;
}

const upload = (client: Client, productId: string, body: Buffer) =>
  client.post(`/admin/products/${productId}/images`, body, { 'content-type': 'image/png' });

/** The path under /api/v1 of a URL an image view shows. */
const apiPath = (url: string) => url.replace(/^\/api\/v1/, '');

/** Every file an image's views name: the original and each resized variant. */
const filesOf = (image: Image) => [
  apiPath(image.url),
  ...(image.srcset ?? '').split(', ').map((entry) => apiPath(entry.split(' ')[0]!)),
];

async function imagesInStoreA(): Promise<Image[]> {
  return (await ok<{ images: Image[] }>(adminA.get(`/admin/products/${productA.id}`))).images;
}

async function servedInStoreA(image: Image) {
  return Promise.all(filesOf(image).map(async (file) => (await anonymous(storeA).get(file)).statusCode));
}

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  [productA, productB, sellerB, bytes] = await Promise.all([
    createProduct(server, storeA, { status: 'ACTIVE' }),
    createProduct(server, storeB, { status: 'ACTIVE' }),
    createSeller(storeB),
    makeImage('png', 600, 300),
  ]);
  imageA = await ok(upload(adminA, productA.id, bytes));
});
afterAll(async () => server?.destroy());

describe('uploaded images across stores', () => {
  it("serves store A's image and its variants in store A only", async () => {
    const files = filesOf(imageA);
    expect(files.length).toBeGreaterThan(1);
    expect(await servedInStoreA(imageA)).toEqual(files.map(() => 200));
    for (const file of files) {
      expect((await anonymous(storeB).get(file)).statusCode).toBe(404);
      expect((await adminB.get(file)).statusCode).toBe(404);
      // not even a "not modified" for a client that names the file's tag
      const etag = `"${file.split('/').pop()}"`;
      expect((await anonymous(storeB).get(file, { 'if-none-match': etag })).statusCode).toBe(404);
      expect((await anonymous(storeA).get(file, { 'if-none-match': etag })).statusCode).toBe(304);
    }
  });

  it("does not let store B's admin or sellers upload to, edit, reorder or delete store A's images", async () => {
    for (const staff of [adminB, as(sellerB)]) {
      const answers = await Promise.all([
        upload(staff, productA.id, await makeImage('png', 40, 40)),
        staff.patch(`/admin/products/${productA.id}/images/${imageA.id}`, { altText: 'Taken' }),
        staff.put(`/admin/products/${productA.id}/images/order`, { imageIds: [imageA.id] }),
        staff.del(`/admin/products/${productA.id}/images/${imageA.id}`),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    }
    // store A's image id under store B's own product is not found either
    const own = await adminB.del(`/admin/products/${productB.id}/images/${imageA.id}`);
    expect(own.statusCode).toBe(404);
    expect(await imagesInStoreA()).toEqual([expect.objectContaining({ id: imageA.id, altText: null })]);
    expect(await servedInStoreA(imageA)).toEqual(filesOf(imageA).map(() => 200));
  });

  it('keeps the same bytes apart: store B stores its own copy, and deleting it leaves store A’s', async () => {
    const copy = await ok<Image>(upload(adminB, productB.id, bytes));
    expect(copy.url).toBe(imageA.url); // named by the bytes' hash, kept per store
    expect((await anonymous(storeB).get(apiPath(copy.url))).statusCode).toBe(200);
    expect((await adminB.del(`/admin/products/${productB.id}/images/${copy.id}`)).statusCode).toBe(204);
    expect((await anonymous(storeB).get(apiPath(copy.url))).statusCode).toBe(404);
    expect(await servedInStoreA(imageA)).toEqual(filesOf(imageA).map(() => 200));
    expect(await imagesInStoreA()).toHaveLength(1);
  });

  it("does not serve store A's image through a store B product that names its address", async () => {
    const named = await adminB.patch(`/admin/products/${productB.id}`, { images: [{ url: imageA.url }] });
    expect(named.statusCode).toBe(200);
    // an address like any other: nothing of store A's upload (its size, its variants) comes with it
    expect(named.json().images).toEqual([
      expect.objectContaining({ url: imageA.url, srcset: null, width: null }),
    ]);
    expect((await anonymous(storeB).get(apiPath(imageA.url))).statusCode).toBe(404);
    // dropping it again forgets store B's files of that name, none of store A's
    expect((await adminB.patch(`/admin/products/${productB.id}`, { images: [] })).statusCode).toBe(200);
    expect(await servedInStoreA(imageA)).toEqual(filesOf(imageA).map(() => 200));
  });
});
