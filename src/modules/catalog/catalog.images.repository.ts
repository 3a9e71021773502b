// SQL for product images: the ordered list, uploads, removal, reordering, and whether a stored
// (uploaded) image is still shown by any product of the store.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type ProductImagesTable, t } from './catalog.tables.ts';

const imageColumns = [
  'id',
  'url',
  'alt_text',
  'position',
  'is_primary',
  'media_name',
  'width',
  'height',
] as const;

/** A product image as the catalog reads it. */
export type ImageRow = Pick<Selectable<ProductImagesTable>, (typeof imageColumns)[number]>;

export function listImages(db: Db, storeId: string, productId: string): Promise<ImageRow[]> {
  return t(db)
    .selectFrom('product_images')
    .select(imageColumns)
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

export interface NewImage {
  id: string;
  url: string;
  altText?: string | null | undefined;
  primary: boolean;
  media?: { name: string; width: number; height: number } | null | undefined;
}

const imageRow = (storeId: string, productId: string, img: NewImage, position: number) => ({
  id: img.id,
  store_id: storeId,
  product_id: productId,
  url: img.url,
  alt_text: img.altText ?? null,
  position,
  is_primary: img.primary,
  media_name: img.media?.name ?? null,
  width: img.media?.width ?? null,
  height: img.media?.height ?? null,
});

export async function insertImage(
  db: Db,
  storeId: string,
  productId: string,
  img: NewImage,
  position: number,
) {
  await t(db)
    .insertInto('product_images')
    .values(imageRow(storeId, productId, img, position))
    .execute();
}

/**
 * Replaces a product's images in the given order. An uploaded image's URL given back (from this
 * product or another of the store) keeps its stored file and size. Returns the stored files the
 * product showed and no longer does.
 */
export async function replaceImages(db: Db, storeId: string, productId: string, images: NewImage[]) {
  const before = await listImages(db, storeId, productId);
  const urls = images.map((i) => i.url);
  const known = urls.length
    ? await t(db)
        .selectFrom('product_images')
        .select(['url', 'media_name', 'width', 'height'])
        .where('store_id', '=', storeId)
        .where('media_name', 'is not', null)
        .where('url', 'in', urls)
        .execute()
    : [];
  const media = new Map(
    known.map((k) => [k.url, { name: k.media_name!, width: k.width!, height: k.height! }]),
  );
  await t(db).deleteFrom('product_images').where('product_id', '=', productId).execute();
  if (images.length > 0) {
    await t(db)
      .insertInto('product_images')
      .values(
        images.map((img, i) => imageRow(storeId, productId, { ...img, media: media.get(img.url) }, i + 1)),
      )
      .execute();
  }
  const kept = new Set([...media.values()].map((m) => m.name));
  return before.flatMap((b) => (b.media_name && !kept.has(b.media_name) ? [b.media_name] : []));
}

export async function deleteImage(db: Db, storeId: string, productId: string, imageId: string) {
  return t(db)
    .deleteFrom('product_images')
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .where('id', '=', imageId)
    .returning(imageColumns)
    .executeTakeFirst();
}

/**
 * Puts the images in the given order (positions 1…n) with `primaryId` the primary one. Positions
 * and the primary flag are unique per product, checked row by row: they are moved aside first.
 */
export async function writeImageOrder(
  db: Db,
  storeId: string,
  productId: string,
  ids: string[],
  primaryId: string | null,
) {
  await sql`UPDATE product_images SET position = position + 100000, is_primary = false
            WHERE store_id = ${storeId} AND product_id = ${productId}`.execute(db);
  await sql`UPDATE product_images i SET position = o.pos, is_primary = (i.id = ${primaryId})
            FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, pos)
            WHERE i.store_id = ${storeId} AND i.product_id = ${productId} AND i.id = o.id`.execute(db);
}

export async function setImageAltText(db: Db, storeId: string, imageId: string, altText: string | null) {
  await t(db)
    .updateTable('product_images')
    .set({ alt_text: altText })
    .where('store_id', '=', storeId)
    .where('id', '=', imageId)
    .execute();
}

/**
 * Serializes the writes that add or drop a product's use of one stored image in a store, so a
 * deletion that finds it unused cannot race an upload of the same bytes to another product.
 */
export async function lockMediaName(db: Db, storeId: string, name: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`catalog.media:${storeId}:${name}`}, 0))`.execute(
    db,
  );
}

/** Whether any product of the store (deleted ones included) still shows this stored image. */
export async function mediaInUse(db: Db, storeId: string, name: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('product_images')
    .select('id')
    .where('store_id', '=', storeId)
    .where('media_name', '=', name)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
