import { AppError, BadRequest, NotFound } from '../../platform/http/errors.ts';

/** The body is not a JPEG, PNG, WebP, AVIF or GIF image, whatever its content type said. */
export class NotAnImage extends AppError {
  constructor() {
    super(
      415,
      'unsupported-image-type',
      'Unsupported Media Type',
      'Send a JPEG, PNG, WebP, AVIF or GIF image.',
    );
  }
}

/** More bytes than MEDIA_MAX_BYTES. */
export class ImageTooLarge extends AppError {
  constructor(maxBytes: number) {
    super(413, 'image-too-large', 'Payload Too Large', `The image is larger than ${maxBytes} bytes.`);
  }
}

/** Wider or taller than MEDIA_MAX_DIMENSION, or more pixels than MEDIA_MAX_PIXELS (a decompression bomb). */
export class ImageDimensions extends BadRequest {
  constructor(detail: string) {
    super(detail, [], 'image-dimensions');
  }
}

export class MediaNotFound extends NotFound {
  constructor() {
    super('file', 'media-not-found');
  }
}
