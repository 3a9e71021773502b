// A product's images as staff and sellers manage them one by one: upload (stored through media,
// resized once), alt text and primary, order, deletion. Who may: whoever may edit the product.

import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { type MediaService, mediaUrl, type StoredImage } from '../media/index.ts';
import type { CatalogCore } from './catalog.core.ts';
import { ImageNotFound, TooManyImages } from './catalog.errors.ts';
import { presentImage } from './catalog.presenters.ts';
import * as repo from './catalog.repository.ts';
import { type ImageViewT, MAX_PRODUCT_IMAGES, type UpdateImageInput } from './catalog.schemas.ts';

export interface UploadInput {
  altText?: string | undefined;
  primary?: boolean | undefined;
}

export class ImageService {
  constructor(private readonly core: CatalogCore) {}

  private get media(): MediaService {
    if (!this.core.deps.media) throw new Error('the catalog was built without a media store');
    return this.core.deps.media;
  }

  /**
   * Adds an uploaded image after the product's others. The caller's right to edit the product and
   * the room for one more image are checked before any work on the bytes; the same bytes uploaded
   * again to the product answer its existing image (`created: false`).
   */
  async upload(ctx: Ctx, productId: string, bytes: Buffer, input: UploadInput) {
    await this.core.editable(ctx, productId);
    const before = await repo.listImages(ctx.db, ctx.storeId, productId);
    if (before.length >= MAX_PRODUCT_IMAGES) throw new TooManyImages(MAX_PRODUCT_IMAGES);
    const stored = await this.media.putImage(ctx, bytes);
    try {
      return await this.core.inTransaction(ctx, (tx) => this.attach(tx, productId, stored, bytes, input));
    } catch (error) {
      // refused after the files were written (a race on the last free place): keep no orphans
      await this.core.inTransaction(ctx, (tx) => this.core.forgetUnused(tx, [stored.name]));
      throw error;
    }
  }

  private async attach(tx: Ctx, productId: string, stored: StoredImage, bytes: Buffer, input: UploadInput) {
    await this.core.editable(tx, productId);
    await repo.lockMediaName(tx.db, tx.storeId, stored.name);
    const images = await repo.listImages(tx.db, tx.storeId, productId);
    const same = images.find((i) => i.media_name === stored.name);
    if (same) return { image: presentImage(same), created: false };
    if (images.length >= MAX_PRODUCT_IMAGES) throw new TooManyImages(MAX_PRODUCT_IMAGES);
    // another product's deletion may have removed the files since: store them again
    if (!(await this.media.exists(tx, stored.name))) await this.media.putImage(tx, bytes);
    const id = newId();
    await repo.insertImage(
      tx.db,
      tx.storeId,
      productId,
      {
        id,
        url: mediaUrl(stored.name),
        altText: input.altText ?? null,
        primary: false,
        media: { name: stored.name, width: stored.width, height: stored.height },
      },
      (images.at(-1)?.position ?? 0) + 1,
    );
    const primary = input.primary || images.length === 0 ? id : images.find((i) => i.is_primary)!.id;
    await this.reorder(tx, productId, [...images.map((i) => i.id), id], primary);
    return { image: await this.one(tx, productId, id), created: true };
  }

  /** Alt text, or this image becomes the primary one. */
  async update(ctx: Ctx, productId: string, imageId: string, input: UpdateImageInput): Promise<ImageViewT> {
    return this.core.inTransaction(ctx, async (tx) => {
      await this.core.editable(tx, productId);
      const images = await repo.listImages(tx.db, tx.storeId, productId);
      if (!images.some((i) => i.id === imageId)) throw new ImageNotFound();
      if (input.altText !== undefined) await repo.setImageAltText(tx.db, tx.storeId, imageId, input.altText);
      if (input.primary)
        await this.reorder(
          tx,
          productId,
          images.map((i) => i.id),
          imageId,
        );
      else await this.core.productChanged(tx, productId, ['images']);
      return this.one(tx, productId, imageId);
    });
  }

  /** Puts the product's images in this order; the list must name each of them once. */
  async order(ctx: Ctx, productId: string, imageIds: string[]): Promise<ImageViewT[]> {
    return this.core.inTransaction(ctx, async (tx) => {
      await this.core.editable(tx, productId);
      const images = await repo.listImages(tx.db, tx.storeId, productId);
      const known = new Set(images.map((i) => i.id));
      if (
        imageIds.length !== known.size ||
        new Set(imageIds).size !== known.size ||
        !imageIds.every((id) => known.has(id))
      ) {
        throw new BadRequest('List every image of the product exactly once.', [
          { pointer: '/imageIds', in: 'body', detail: 'must name each image of the product once' },
        ]);
      }
      await this.reorder(tx, productId, imageIds, images.find((i) => i.is_primary)?.id ?? null);
      return (await repo.listImages(tx.db, tx.storeId, productId)).map(presentImage);
    });
  }

  /**
   * Removes an image; the rest close up and the next one becomes primary if it was. Its stored files
   * are deleted when no product of the store shows them any more.
   */
  async remove(ctx: Ctx, productId: string, imageId: string): Promise<void> {
    await this.core.inTransaction(ctx, async (tx) => {
      await this.core.editable(tx, productId);
      const gone = isUuid(imageId)
        ? await repo.deleteImage(tx.db, tx.storeId, productId, imageId)
        : undefined;
      if (!gone) throw new ImageNotFound();
      const rest = await repo.listImages(tx.db, tx.storeId, productId);
      const primary = rest.find((i) => i.is_primary)?.id ?? rest[0]?.id ?? null;
      await this.reorder(
        tx,
        productId,
        rest.map((i) => i.id),
        primary,
      );
      await this.core.forgetUnused(tx, [gone.media_name]);
    });
  }

  /** Replaces every image of a product (the CSV import; PATCH goes through the core directly). */
  replace(tx: Ctx, productId: string, images: repo.NewImage[]): Promise<void> {
    return this.core.replaceImages(tx, productId, images);
  }

  private async reorder(tx: Ctx, productId: string, ids: string[], primary: string | null) {
    await repo.writeImageOrder(tx.db, tx.storeId, productId, ids, primary);
    await this.core.refreshThumbnail(tx, productId);
    await this.core.productChanged(tx, productId, ['images']);
  }

  private async one(tx: Ctx, productId: string, imageId: string): Promise<ImageViewT> {
    const row = (await repo.listImages(tx.db, tx.storeId, productId)).find((i) => i.id === imageId);
    if (!row) throw new ImageNotFound();
    return presentImage(row);
  }
}
