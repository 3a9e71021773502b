import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { MediaNotFound } from './media.errors.ts';
import { MEDIA_ROUTE } from './media.keys.ts';
import type { MediaService } from './media.service.ts';

const MediaParams = z.object({ key: z.string().max(300) });

/** A year: a name is the hash of the bytes it serves, so what a name serves never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function mediaRoutes(media: MediaService) {
  return async (app: ZodApp) => {
    app.get(
      `${MEDIA_ROUTE}/:key`,
      {
        schema: {
          tags: ['media'],
          summary: 'An uploaded image or one of its resized variants (public; cached for a year)',
          params: MediaParams,
        },
      },
      async (req, reply) => {
        const etag = `"${req.params.key}"`;
        const file = await media.open(req.ctx, req.params.key);
        if (!file) throw new MediaNotFound();
        reply
          .header('cache-control', IMMUTABLE)
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff')
          // the storefront (or a CDN) may show them from another origin
          .header('cross-origin-resource-policy', 'cross-origin')
          .header('content-security-policy', "default-src 'none'; sandbox");
        if (req.headers['if-none-match'] === etag) {
          file.body.destroy();
          return reply.code(304).send();
        }
        return reply.type(file.contentType).header('content-length', file.size).send(file.body);
      },
    );
  };
}
