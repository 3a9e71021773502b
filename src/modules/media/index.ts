// Media owns the files behind uploaded images: checking what is uploaded (real type, size,
// dimensions), the re-encoded original and its resized variants, stored once by content hash in
// the object store (local disk or S3), and serving them. Which product shows which image is the catalog's.
export { ImageDimensions, ImageTooLarge, NotAnImage } from './media.errors.ts';
export { VARIANT_WIDTHS } from './media.images.ts';
export { mediaNameOf, mediaSrcset, mediaThumbnail, mediaUrl, ORIGINAL_NAME } from './media.keys.ts';
export type { MediaLimits, StoredImage } from './media.service.ts';
export { MediaService } from './media.service.ts';

import path from 'node:path';
import { type Config, mediaStorageProblem } from '../../platform/config.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { localObjectStore } from '../../platform/storage/object-store.local.ts';
import { s3ObjectStore } from '../../platform/storage/object-store.s3.ts';
import type { ObjectStore } from '../../platform/storage/object-store.ts';
import { mediaRoutes } from './media.routes.ts';
import { MediaService } from './media.service.ts';

export interface MediaModule extends BazaarModule {
  service: MediaService;
}

/** The object store the configuration names: DATA_DIR/media, or the S3 bucket. */
export function objectStoreFrom(config: Config): ObjectStore {
  const problem = mediaStorageProblem(config);
  if (problem) throw new Error(`Invalid configuration:\n  ${problem.setting}: ${problem.reason}`);
  if (config.MEDIA_STORAGE === 'local') return localObjectStore(path.join(config.dataDir, 'media'));
  return s3ObjectStore({
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
  });
}

export function createMediaModule(platform: Platform, store = objectStoreFrom(platform.config)): MediaModule {
  const { config } = platform;
  const service = new MediaService(store, {
    maxBytes: config.MEDIA_MAX_BYTES,
    maxDimension: config.MEDIA_MAX_DIMENSION,
    maxPixels: config.MEDIA_MAX_PIXELS,
  });
  return { name: 'media', service, routes: mediaRoutes(service) };
}
