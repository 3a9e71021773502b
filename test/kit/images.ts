import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

let hue = 0;

/**
 * An image of the given format and size, different from every other this run makes (so an upload
 * is new unless the test sends the same bytes again). `exif` adds a camera's GPS position.
 */
export async function makeImage(
  format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif',
  width: number,
  height: number,
  options: { exif?: boolean; noise?: boolean } = {},
): Promise<Buffer> {
  hue = (hue + 37) % 360;
  const raw = options.noise
    ? sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    : sharp({
        create: {
          width,
          height,
          channels: 3,
          background: { r: hue % 256, g: (hue * 7) % 256, b: Date.now() % 256 },
        },
      });
  const tagged = options.exif
    ? raw.withExif({
        IFD0: { Artist: 'Camera owner' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '12/1 58/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '77/1 35/1 0/1',
        },
      })
    : raw;
  return tagged.toFormat(format).toBuffer();
}

/** The format, size and metadata of image bytes, as a client decoding them sees. */
export async function imageFacts(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height, exif: meta.exif !== undefined };
}
