// What an uploaded image becomes: its real type read from its bytes (never from a header), its
// size checked against the limits, then the original re-encoded without metadata and resized WebP
// variants, each once.
import sharp, { type Metadata } from 'sharp';
import { ImageDimensions, NotAnImage } from './media.errors.ts';

export interface ImageLimits {
  maxDimension: number;
  maxPixels: number;
}

/** The widths of the WebP variants; an image gets those narrower than itself. */
export const VARIANT_WIDTHS = [160, 480, 960, 1600] as const;

/** The formats taken, as sharp names them, and what the original is kept as. */
const ORIGINALS = {
  jpeg: { ext: 'jpg', type: 'image/jpeg' },
  png: { ext: 'png', type: 'image/png' },
  webp: { ext: 'webp', type: 'image/webp' },
  avif: { ext: 'avif', type: 'image/avif' },
  // a GIF keeps its first frame, as a PNG
  gif: { ext: 'png', type: 'image/png' },
} as const;
type Format = keyof typeof ORIGINALS;

export interface Inspected {
  format: Format;
  /** As displayed: after the EXIF orientation is applied. */
  width: number;
  height: number;
  ext: string;
  contentType: string;
}

export interface Encoded {
  /** The variant's width, or null for the original. */
  width: number | null;
  bytes: Buffer;
  contentType: string;
}

const open = (bytes: Buffer, limits: ImageLimits) =>
  sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' });

/** The image's real format and displayed size; anything else than the five formats is 415. */
export async function inspect(bytes: Buffer, limits: ImageLimits): Promise<Inspected> {
  let meta: Metadata;
  try {
    meta = await open(bytes, limits).metadata();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(limits);
    throw new NotAnImage();
  }
  const format = formatOf(meta);
  if (!format || !meta.width || !meta.height) throw new NotAnImage();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (Math.max(width, height) > limits.maxDimension) {
    throw new ImageDimensions(
      `The image is ${width}×${height} pixels; its sides may be at most ${limits.maxDimension}.`,
    );
  }
  if (width * height > limits.maxPixels) throw tooManyPixels(limits);
  return { format, width, height, ...{ ext: ORIGINALS[format].ext, contentType: ORIGINALS[format].type } };
}

function formatOf(meta: Metadata): Format | null {
  // AVIF is HEIF with AV1 inside; HEIF with HEVC (HEIC) is not taken
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : null;
  return meta.format && meta.format in ORIGINALS ? (meta.format as Format) : null;
}

function tooManyPixels(limits: ImageLimits) {
  return new ImageDimensions(`The image decodes to more than ${limits.maxPixels} pixels.`);
}

/** The variants narrower than the image, in order of width. */
export function variantWidths(width: number): number[] {
  return VARIANT_WIDTHS.filter((w) => w < width);
}

/**
 * The variants and the original, re-encoded upright and without metadata (sharp writes none unless
 * asked: no EXIF, GPS included, no XMP or IPTC; colours converted to sRGB).
 */
export async function encode(bytes: Buffer, image: Inspected, limits: ImageLimits): Promise<Encoded[]> {
  const upright = open(bytes, limits).rotate();
  const variants = variantWidths(image.width).map(async (width) => ({
    width,
    bytes: await upright.clone().resize({ width }).webp({ quality: 80 }).toBuffer(),
    contentType: 'image/webp',
  }));
  const original = upright
    .clone()
    .toFormat(image.format === 'gif' ? 'png' : image.format)
    .toBuffer()
    .then((out) => ({ width: null, bytes: out, contentType: image.contentType }));
  try {
    return await Promise.all([...variants, original]);
  } catch (error) {
    // a body that passed the header read but is broken further in is still the sender's fault
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(limits);
    throw new NotAnImage();
  }
}
