import { createOffer, makeImage } from '../kit/index.ts';
import type { Call } from './calls.ts';
import type { World } from './fixtures.ts';

/**
 * How the matrix calls the product image operations (catalog: images, media): each on a product
 * of the seller's own with one uploaded image, made fresh where the call changes or removes it.
 */

type Uploaded = { productId: string; imageId: string; url: string };

async function upload(w: World, productId: string): Promise<Uploaded> {
  const res = await w.server.app.inject({
    method: 'POST',
    url: `/api/v1/admin/products/${productId}/images`,
    headers: { ...w.callers.seller.headers, 'content-type': 'image/png' },
    payload: await makeImage('png', 200, 100),
  });
  if (res.statusCode !== 201) throw new Error(`setup: image upload answered ${res.statusCode} ${res.body}`);
  return { productId, imageId: res.json().id, url: res.json().url };
}

/** A product of the seller's with one uploaded image. */
async function sellerImage(w: World): Promise<Uploaded> {
  return upload(w, (await createOffer(w.server, { seller: w.callers.seller.user! })).productId);
}

/** The one image every reader of the files reads (made once, on first use). */
async function readable(w: World): Promise<Uploaded> {
  const key = 'media: the one read';
  if (!w.fresh.has(key)) w.fresh.set(key, await sellerImage(w));
  return w.fresh.get(key) as Uploaded;
}

const onImage = (body?: unknown): Call<Uploaded> => ({
  fresh: sellerImage,
  request: (_w, _who, made) => ({ params: { id: made.productId, imageId: made.imageId }, body }),
});

export const MEDIA_CALLS: Record<string, Call> = {
  'POST /admin/products/{id}/images': {
    request: async (w) => ({
      params: { id: w.catalog.sellerOffer.productId },
      query: { altText: 'Uploaded by the matrix' },
      raw: { contentType: 'image/png', payload: await makeImage('png', 120, 80) },
    }),
  },
  'PUT /admin/products/{id}/images/order': {
    fresh: sellerImage,
    request: (_w, _who, made: Uploaded) => ({
      params: { id: made.productId },
      body: { imageIds: [made.imageId] },
    }),
  },
  'PATCH /admin/products/{id}/images/{imageId}': onImage({ altText: 'Described by the matrix' }),
  'DELETE /admin/products/{id}/images/{imageId}': onImage(),
  'GET /media/{key}': {
    fresh: readable,
    request: (_w, _who, made: Uploaded) => ({ params: { key: made.url.split('/').at(-1)! } }),
  },
};
