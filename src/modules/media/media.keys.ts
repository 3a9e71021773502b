// How stored images are named: by the SHA-256 of the uploaded bytes, so the same file is stored
// once and its names never change (which is what lets them be cached for a year).
import { createHash } from 'node:crypto';
import { VARIANT_WIDTHS, variantWidths } from './media.images.ts';

/** An original (`<hash>.<ext>`) or a WebP variant (`<hash>-<width>w.webp`). */
export const MEDIA_NAME = /^([0-9a-f]{64})(?:\.(jpg|png|webp|avif)|-(\d{2,4})w\.webp)$/;
/** What a product image row keeps: the original's name. */
export const ORIGINAL_NAME = /^[0-9a-f]{64}\.(jpg|png|webp|avif)$/;

/** Where the files are served, below the API prefix. */
export const MEDIA_ROUTE = '/media';
const PUBLIC_PREFIX = `/api/v1${MEDIA_ROUTE}/`;

export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const originalName = (hash: string, ext: string) => `${hash}.${ext}`;
export const variantName = (hash: string, width: number) => `${hash}-${width}w.webp`;

/** A store's files live under its id: a store's host serves only that store's images. */
export const objectKey = (storeId: string, name: string) => `${storeId}/${name}`;

export function isMediaName(name: string): boolean {
  const m = MEDIA_NAME.exec(name);
  return m !== null && (m[3] === undefined || (VARIANT_WIDTHS as readonly number[]).includes(Number(m[3])));
}

/** The names of an original and every variant it may have (for deletion). */
export function allNames(original: string): string[] {
  const hash = original.slice(0, 64);
  return [original, ...VARIANT_WIDTHS.map((w) => variantName(hash, w))];
}

/** The public path of an original image (what a product image's `url` is). */
export const mediaUrl = (name: string) => `${PUBLIC_PREFIX}${name}`;

/** The original's name from its public path, or null for any other URL. */
export function mediaNameOf(url: string): string | null {
  if (!url.startsWith(PUBLIC_PREFIX)) return null;
  const name = url.slice(PUBLIC_PREFIX.length);
  return ORIGINAL_NAME.test(name) ? name : null;
}

/** `srcset` for an image `width` pixels wide: its variants, then the original at its own width. */
export function mediaSrcset(original: string, width: number): string {
  const hash = original.slice(0, 64);
  const variants = variantWidths(width).map((w) => `${mediaUrl(variantName(hash, w))} ${w}w`);
  return [...variants, `${mediaUrl(original)} ${width}w`].join(', ');
}

/** The variant a list shows as a thumbnail: 480 pixels wide, or the original when it is narrower. */
export function mediaThumbnail(original: string, width: number): string {
  return width > 480 ? mediaUrl(variantName(original.slice(0, 64), 480)) : mediaUrl(original);
}
