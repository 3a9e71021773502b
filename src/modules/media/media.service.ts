// Stores uploaded images (checked, re-encoded, resized once) in the object store and reads them
// back for serving. Knows nothing of products: the catalog keeps which product shows which image.
import pLimit from 'p-limit';
import type { Ctx } from '../../platform/http/context.ts';
import type { ObjectStore, StoredObject } from '../../platform/storage/object-store.ts';
import { ImageTooLarge } from './media.errors.ts';
import { encode, type ImageLimits, inspect } from './media.images.ts';
import { allNames, contentHash, isMediaName, objectKey, originalName, variantName } from './media.keys.ts';

export interface MediaLimits extends ImageLimits {
  maxBytes: number;
}

/** An image as stored: the original's name, its displayed size and type. */
export interface StoredImage {
  name: string;
  width: number;
  height: number;
  contentType: string;
}

/** Resizing is CPU work on the thread pool: a few images at a time per process, the rest wait. */
const PROCESSING_CONCURRENCY = 2;

export class MediaService {
  private readonly processing = pLimit(PROCESSING_CONCURRENCY);

  constructor(
    private readonly store: ObjectStore,
    readonly limits: MediaLimits,
  ) {}

  /**
   * Checks an uploaded image and stores it with its variants, once: bytes stored before (the same
   * hash, original present) are only checked again. The original is written last, so its presence
   * means every variant is there.
   */
  async putImage(ctx: Ctx, bytes: Buffer): Promise<StoredImage> {
    if (bytes.length > this.limits.maxBytes) throw new ImageTooLarge(this.limits.maxBytes);
    const image = await inspect(bytes, this.limits);
    const hash = contentHash(bytes);
    const name = originalName(hash, image.ext);
    const stored = { name, width: image.width, height: image.height, contentType: image.contentType };
    if (await this.exists(ctx, name)) return stored;
    const files = await this.processing(() => encode(bytes, image, this.limits));
    const original = files.find((f) => f.width === null)!;
    for (const file of files) {
      if (file.width !== null)
        await this.store.put(
          objectKey(ctx.storeId, variantName(hash, file.width)),
          file.bytes,
          file.contentType,
        );
    }
    await this.store.put(objectKey(ctx.storeId, name), original.bytes, original.contentType);
    ctx.log.info({ media: name, variants: files.length - 1 }, 'image stored');
    return stored;
  }

  /** A stored file of the store by its name (an original or a variant), or null. */
  async open(ctx: Ctx, name: string): Promise<StoredObject | null> {
    if (!isMediaName(name)) return null;
    return this.store.get(objectKey(ctx.storeId, name));
  }

  async exists(ctx: Ctx, name: string): Promise<boolean> {
    const file = await this.open(ctx, name);
    file?.body.destroy();
    return file !== null;
  }

  /** Deletes an original and its variants. */
  async remove(ctx: Ctx, original: string): Promise<void> {
    for (const name of allNames(original)) await this.store.delete(objectKey(ctx.storeId, name));
    ctx.log.info({ media: original }, 'image deleted');
  }
}
