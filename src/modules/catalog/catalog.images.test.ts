import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createProduct,
  createSeller,
  createStore,
  imageFacts,
  makeImage,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;
let admin: TestUser;
let seller: TestUser;
let otherSeller: TestUser;
let customer: TestUser;

const MAX_BYTES = 64 * 1024;
const MAX_DIMENSION = 4000;
const MAX_PIXELS = 10_000_000;

beforeAll(async () => {
  server = await createTestServer({
    env: {
      MEDIA_MAX_BYTES: String(MAX_BYTES),
      MEDIA_MAX_DIMENSION: String(MAX_DIMENSION),
      MEDIA_MAX_PIXELS: String(MAX_PIXELS),
    },
  });
  [admin, seller, otherSeller, customer] = await Promise.all([
    createAdmin(server),
    createSeller(server),
    createSeller(server),
    createCustomer(server),
  ]);
});
afterAll(async () => server?.destroy());

const upload = (user: TestUser, productId: string, bytes: Buffer, type = 'image/jpeg', query = '') =>
  as(user).post(`/admin/products/${productId}/images${query}`, bytes, { 'content-type': type });

/** Every stored file of the server's local media store (the side files that keep types left out). */
function storedFiles(): string[] {
  const root = path.join(server.config.dataDir, 'media');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => !path.basename(f).startsWith('.') && fs.statSync(path.join(root, f)).isFile())
    .sort();
}

/** The path under /api/v1 of a URL the product view shows. */
const apiPath = (url: string) => url.replace(/^\/api\/v1/, '');

async function productImages(productId: string) {
  return productImagesOf(admin, productId);
}

async function productImagesOf(user: TestUser, productId: string) {
  const view = (await as(user).get(`/admin/products/${productId}`)).json();
  return view.images as Array<{
    id: string;
    url: string;
    srcset: string | null;
    primary: boolean;
    position: number;
  }>;
}

describe('uploading a product image', () => {
  it('stores the image upright without its metadata, with WebP variants, and shows it with srcset', async () => {
    const product = await createProduct(server, admin);
    const res = await upload(
      admin,
      product.id,
      await makeImage('jpeg', 2000, 1000, { exif: true }),
      'image/jpeg',
      '?altText=Front',
    );
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ altText: 'Front', position: 1, primary: true, width: 2000, height: 1000 });
    expect(image.url).toMatch(/^\/api\/v1\/media\/[0-9a-f]{64}\.jpg$/);
    const hash = image.url.slice('/api/v1/media/'.length, -'.jpg'.length);
    expect(image.srcset).toBe(
      [160, 480, 960, 1600]
        .map((w) => `/api/v1/media/${hash}-${w}w.webp ${w}w`)
        .concat(`${image.url} 2000w`)
        .join(', '),
    );
    const view = (await as(admin).get(`/admin/products/${product.id}`)).json();
    expect(view.images).toEqual([image]);
    expect(view.thumbnail).toBe(`/api/v1/media/${hash}-480w.webp`);

    const original = await anonymous(server).get(apiPath(image.url));
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(await imageFacts(original.rawPayload)).toEqual({
      format: 'jpeg',
      width: 2000,
      height: 1000,
      exif: false,
    });
  });

  it('serves every variant publicly with year-long immutable caching, an ETag and nosniff', async () => {
    const product = await createProduct(server, admin);
    const image = (await upload(admin, product.id, await makeImage('png', 1000, 500))).json();
    const urls = (image.srcset as string).split(', ').map((entry) => entry.split(' ') as [string, string]);
    expect(urls.map(([, w]) => w)).toEqual(['160w', '480w', '960w', '1000w']);
    for (const [url, w] of urls) {
      const res = await anonymous(server).get(apiPath(url));
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers.etag).toBe(`"${url.split('/').at(-1)}"`);
      const facts = await imageFacts(res.rawPayload);
      expect(facts.width).toBe(Number.parseInt(w, 10));
      expect(res.headers['content-type']).toBe(facts.format === 'webp' ? 'image/webp' : 'image/png');
      const again = await anonymous(server).get(apiPath(url), {
        'if-none-match': res.headers.etag as string,
      });
      expect(again.statusCode).toBe(304);
    }
  });

  it('goes by what the bytes are, not by the content type they were sent with', async () => {
    const product = await createProduct(server, admin);
    const res = await upload(admin, product.id, await makeImage('png', 300, 200), 'image/jpeg');
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toMatch(/\.png$/);
    expect((await anonymous(server).get(apiPath(res.json().url))).headers['content-type']).toBe('image/png');
    const gif = await upload(admin, product.id, await makeImage('gif', 100, 100), 'image/webp');
    expect(gif.statusCode).toBe(201);
    expect(gif.json().url).toMatch(/\.png$/);
  });

  it('takes AVIF and WebP images', async () => {
    const product = await createProduct(server, admin);
    for (const format of ['avif', 'webp'] as const) {
      const res = await upload(admin, product.id, await makeImage(format, 200, 100), `image/${format}`);
      expect(res.statusCode, format).toBe(201);
      expect(res.json().url.endsWith(`.${format}`)).toBe(true);
    }
  });

  it('answers the existing image when the same bytes are uploaded to the product again', async () => {
    const product = await createProduct(server, admin);
    const bytes = await makeImage('jpeg', 800, 600);
    const first = await upload(admin, product.id, bytes);
    const files = storedFiles();
    const again = await upload(admin, product.id, bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await productImages(product.id)).toHaveLength(1);
    expect(storedFiles()).toEqual(files);
  });
});

describe('uploads refused', () => {
  it('refuses what is not a JPEG, PNG, WebP, AVIF or GIF image with 415, and changes nothing', async () => {
    const product = await createProduct(server, admin);
    const files = storedFiles();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    const tiff = await makeImage('png', 10, 10).then((png) =>
      import('sharp').then((s) => s.default(png).tiff().toBuffer()),
    );
    for (const [bytes, type] of [
      [Buffer.from('not an image at all'), 'image/png'],
      [svg, 'image/png'],
      [tiff, 'image/jpeg'],
      [await makeImage('png', 10, 10), 'image/svg+xml'],
      [await makeImage('png', 10, 10), 'application/octet-stream'],
    ] as const) {
      const res = await upload(admin, product.id, bytes, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const json = await as(admin).post(`/admin/products/${product.id}/images`, {
      url: 'https://x.test/a.jpg',
    });
    expect(json.statusCode).toBe(415);
    expect(await productImages(product.id)).toEqual([]);
    expect(storedFiles()).toEqual(files);
  });

  it('refuses more than MEDIA_MAX_BYTES with 413, declared or not', async () => {
    const product = await createProduct(server, admin);
    const files = storedFiles();
    const big = await makeImage('png', 200, 200, { noise: true });
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const res = await upload(admin, product.id, big, 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
    expect(await productImages(product.id)).toEqual([]);
    expect(storedFiles()).toEqual(files);
  });

  it('refuses an image wider than MEDIA_MAX_DIMENSION or decoding to more than MEDIA_MAX_PIXELS with 400', async () => {
    const product = await createProduct(server, admin);
    const files = storedFiles();
    const wide = await upload(admin, product.id, await makeImage('png', MAX_DIMENSION + 1, 10), 'image/png');
    expect(wide.statusCode).toBe(400);
    expect(wide.json().type).toMatch(/image-dimensions$/);
    // 3,900 × 3,900 is within each side but 15 million pixels: a small file that would decode huge
    const bomb = await makeImage('webp', 3900, 3900);
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const res = await upload(admin, product.id, bomb, 'image/webp');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/pixels/);
    expect(await productImages(product.id)).toEqual([]);
    expect(storedFiles()).toEqual(files);
  });

  it('refuses an unknown query parameter with 400', async () => {
    const product = await createProduct(server, admin);
    const res = await upload(admin, product.id, await makeImage('png', 10, 10), 'image/png', '?size=large');
    expect(res.statusCode).toBe(400);
  });
});

describe('who may upload and delete', () => {
  it('lets a seller manage the images of its own product and no one else’s', async () => {
    const own = await createProduct(server, seller, { status: 'ACTIVE' });
    const bytes = await makeImage('jpeg', 300, 300);
    const mine = await upload(seller, own.id, bytes);
    expect(mine.statusCode).toBe(201);
    expect((await upload(otherSeller, own.id, bytes)).statusCode).toBe(403);
    expect((await upload(customer, own.id, bytes)).statusCode).toBe(403);
    expect(
      (
        await anonymous(server).post(`/admin/products/${own.id}/images`, bytes, {
          'content-type': 'image/jpeg',
        })
      ).statusCode,
    ).toBe(401);
    const storeProduct = await createProduct(server, admin);
    expect((await upload(seller, storeProduct.id, bytes)).statusCode).toBe(403);
    const imagePath = `/admin/products/${own.id}/images/${mine.json().id}`;
    expect((await as(otherSeller).del(imagePath)).statusCode).toBe(403);
    expect((await as(otherSeller).patch(imagePath, { altText: 'Mine now' })).statusCode).toBe(403);
    expect(await productImages(own.id)).toHaveLength(1);
  });

  it("keeps another store's admin away from this store's product images", async () => {
    const product = await createProduct(server, admin);
    const image = (await upload(admin, product.id, await makeImage('png', 50, 50), 'image/png')).json();
    const foreignAdmin = await createAdmin(await createStore(server));
    const bytes = await makeImage('png', 50, 50);
    expect((await upload(foreignAdmin, product.id, bytes, 'image/png')).statusCode).toBe(404);
    expect((await as(foreignAdmin).del(`/admin/products/${product.id}/images/${image.id}`)).statusCode).toBe(
      404,
    );
    // its store's host does not serve this store's files either
    expect((await as(foreignAdmin).get(apiPath(image.url))).statusCode).toBe(404);
    expect(await productImages(product.id)).toHaveLength(1);
  });
});

describe('managing the images of a product', () => {
  it('reorders, changes the primary image and its alt text, and the thumbnail follows', async () => {
    const product = await createProduct(server, admin);
    const ids: string[] = [];
    for (const w of [100, 200, 300]) {
      ids.push((await upload(admin, product.id, await makeImage('png', w, w), 'image/png')).json().id);
    }
    const order = await as(admin).put(`/admin/products/${product.id}/images/order`, {
      imageIds: [ids[2], ids[0], ids[1]],
    });
    expect(order.statusCode).toBe(200);
    expect(
      order
        .json()
        .items.map((i: { id: string; position: number; primary: boolean }) => [i.id, i.position, i.primary]),
    ).toEqual([
      [ids[2], 1, false],
      [ids[0], 2, true],
      [ids[1], 3, false],
    ]);
    const bad = await as(admin).put(`/admin/products/${product.id}/images/order`, {
      imageIds: [ids[0], ids[1]],
    });
    expect(bad.statusCode).toBe(400);
    const patched = await as(admin).patch(`/admin/products/${product.id}/images/${ids[2]}`, {
      primary: true,
      altText: 'Side',
    });
    expect(patched.json()).toMatchObject({ id: ids[2], primary: true, altText: 'Side' });
    const view = (await as(admin).get(`/admin/products/${product.id}`)).json();
    expect(
      view.images.filter((i: { primary: boolean }) => i.primary).map((i: { id: string }) => i.id),
    ).toEqual([ids[2]]);
    expect(view.thumbnail).toBe(view.images[0].url);
  });

  it('deletes the stored files with the last product image that shows them', async () => {
    const [one, two] = [await createProduct(server, admin), await createProduct(server, admin)];
    const bytes = await makeImage('jpeg', 1200, 800);
    const before = storedFiles();
    const first = (await upload(admin, one.id, bytes)).json();
    const second = await upload(admin, two.id, bytes);
    expect(second.statusCode).toBe(201);
    expect(second.json().url).toBe(first.url);
    const added = storedFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(4); // the original and the 160, 480 and 960 variants
    expect((await as(admin).del(`/admin/products/${one.id}/images/${first.id}`)).statusCode).toBe(204);
    expect(storedFiles()).toEqual([...before, ...added].sort());
    expect((await anonymous(server).get(apiPath(first.url))).statusCode).toBe(200);
    expect((await as(admin).del(`/admin/products/${two.id}/images/${second.json().id}`)).statusCode).toBe(
      204,
    );
    expect(storedFiles()).toEqual(before);
    const gone = await anonymous(server).get(apiPath(first.url));
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await as(admin).del(`/admin/products/${two.id}/images/${second.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('keeps an uploaded image through a product edit that lists it, and forgets it when the edit drops it', async () => {
    const product = await createProduct(server, admin);
    const before = storedFiles();
    const image = (await upload(admin, product.id, await makeImage('png', 600, 300), 'image/png')).json();
    const kept = await as(admin).patch(`/admin/products/${product.id}`, {
      images: [{ url: 'https://img.example/side.jpg' }, { url: image.url, altText: 'Front', primary: true }],
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().images[1]).toMatchObject({
      url: image.url,
      srcset: image.srcset,
      width: 600,
      primary: true,
    });
    expect(kept.json().images[0]).toMatchObject({ srcset: null, width: null });
    const dropped = await as(admin).patch(`/admin/products/${product.id}`, {
      images: [{ url: 'https://img.example/side.jpg' }],
    });
    expect(dropped.statusCode).toBe(200);
    expect(storedFiles()).toEqual(before);
  });
});

describe('uploaded images in the product CSV', () => {
  it('exports an uploaded image as its path and imports the file back without a change', async () => {
    const storeAdmin = await createAdmin(await createStore(server));
    const product = await createProduct(server, storeAdmin);
    const image = (await upload(storeAdmin, product.id, await makeImage('jpeg', 900, 600))).json();
    const csv = await as(storeAdmin).get('/admin/products/export');
    expect(csv.body).toContain(image.url);
    const report = await as(storeAdmin).post('/admin/products/import', csv.body, {
      'content-type': 'text/csv',
    });
    expect(report.json()).toMatchObject({ failed: 0, unchanged: 1, updated: 0 });
    expect((await productImagesOf(storeAdmin, product.id))[0]).toMatchObject({
      url: image.url,
      srcset: image.srcset,
    });
  });
});

describe('serving stored files', () => {
  it('answers 404 problem+json for unknown names and for paths that try to leave the store', async () => {
    for (const name of [
      `${'a'.repeat(64)}.jpg`,
      '..%2F..%2Fetc%2Fpasswd',
      '..',
      '%2E%2E',
      'x.jpg',
      `${'a'.repeat(64)}-123w.webp`,
    ]) {
      const res = await anonymous(server).get(`/media/${name}`);
      expect(res.statusCode, name).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
