import type { ZodApp } from '../../platform/http/app.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { AppError, BadRequest } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/schemas.ts';
import { ImageTooLarge } from '../media/index.ts';
import {
  ImageList,
  ImageParams,
  ImageView,
  ReorderImagesBody,
  UpdateImageBody,
  UploadImageQuery,
} from './catalog.schemas.ts';
import type { CatalogService } from './catalog.service.ts';

const admin = { tags: ['catalog admin'], security: [{ bearer: [] }] };

/** The content types an upload may be sent as; what the bytes really are is read from them. */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'];

/**
 * The upload in a scope of its own: the only route that takes an image body (raw bytes, not
 * multipart), up to MEDIA_MAX_BYTES; it takes no JSON. The caller must be staff or a seller, and a
 * declared length within the limit, before a byte is read.
 */
async function uploadRoute(app: ZodApp, catalog: CatalogService, maxBytes: number) {
  await app.register(async (plain) => {
    const scope = plain as unknown as ZodApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      IMAGE_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: maxBytes },
      (_req, body, done) => done(null, body),
    );
    scope.addHook('onRequest', async (req) => {
      requireRole(req.ctx, 'ADMIN', 'SELLER');
      if (Number(req.headers['content-length']) > maxBytes) throw new ImageTooLarge(maxBytes);
    });
    // a refusal before the body is read leaves it unread: close the connection rather than read it
    scope.addHook('onError', async (_req, reply, error) => {
      if (error instanceof AppError && error.status === 413) reply.header('connection', 'close');
    });
    scope.post(
      '/admin/products/:id/images',
      {
        schema: {
          ...admin,
          summary: `Upload an image of the product (the body is the image: JPEG, PNG, WebP, AVIF or GIF, up to ${maxBytes} bytes)`,
          params: IdParams,
          querystring: UploadImageQuery,
          response: { 200: ImageView, 201: ImageView },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new BadRequest('Send the image as the request body.');
        const { image, created } = await catalog.images.upload(req.ctx, req.params.id, req.body, {
          altText: req.query.altText,
          primary: req.query.primary === 'true',
        });
        return reply.code(created ? 201 : 200).send(image);
      },
    );
  });
}

export function imageRoutes(catalog: CatalogService, limits: { maxImageBytes: number }) {
  return async (app: ZodApp) => {
    await uploadRoute(app, catalog, limits.maxImageBytes);
    app.put(
      '/admin/products/:id/images/order',
      {
        schema: {
          ...admin,
          summary: 'Put the product’s images in this order (every image once)',
          params: IdParams,
          body: ReorderImagesBody,
          response: { 200: ImageList },
        },
      },
      async (req) => ({ items: await catalog.images.order(req.ctx, req.params.id, req.body.imageIds) }),
    );
    app.patch(
      '/admin/products/:id/images/:imageId',
      {
        schema: {
          ...admin,
          summary: 'Change an image’s alt text, or make it the primary one',
          params: ImageParams,
          body: UpdateImageBody,
          response: { 200: ImageView },
        },
      },
      async (req) => catalog.images.update(req.ctx, req.params.id, req.params.imageId, req.body),
    );
    app.delete(
      '/admin/products/:id/images/:imageId',
      { schema: { ...admin, summary: 'Remove an image from the product', params: ImageParams } },
      async (req, reply) => {
        await catalog.images.remove(req.ctx, req.params.id, req.params.imageId);
        return reply.code(204).send();
      },
    );
  };
}
