import { AppError, BadRequest, Conflict, Forbidden, NotFound } from '../../platform/http/errors.ts';

/** A CSV import over CSV_IMPORT_MAX_BYTES or CSV_IMPORT_MAX_ROWS. */
export class CsvTooLarge extends AppError {
  constructor(detail: string) {
    super(413, 'csv-too-large', 'Payload Too Large', detail);
  }
}

export class ProductNotFound extends NotFound {
  constructor() {
    super('product', 'product-not-found');
  }
}

export class VariantNotFound extends NotFound {
  constructor() {
    super('variant', 'variant-not-found');
  }
}

export class OfferNotFound extends NotFound {
  constructor() {
    super('offer', 'offer-not-found');
  }
}

export class CategoryNotFound extends NotFound {
  constructor() {
    super('category', 'category-not-found');
  }
}

export class FilterNotFound extends NotFound {
  constructor() {
    super('filter', 'filter-not-found');
  }
}

/** Another seller's product or offer that is public anyway: its existence is no secret. */
export class NotYours extends Forbidden {
  constructor(what: string) {
    super(`Only its seller or a store administrator may change this ${what}.`, 'not-owner');
  }
}

export class SkuTaken extends Conflict {
  constructor(sku?: string) {
    super(
      sku ? `The SKU ${sku} is already used in this store.` : 'A SKU is already used in this store.',
      'sku-taken',
      sku ? { sku } : {},
    );
  }
}

export class SlugTaken extends Conflict {
  constructor(slug: string) {
    super(`The slug ${slug} is already used in this store.`, 'slug-taken', { slug });
  }
}

export class FilterKeyTaken extends Conflict {
  constructor(key: string) {
    super(`The category already has a filter ${key}.`, 'filter-key-taken', { key });
  }
}

export class DuplicateOptions extends Conflict {
  constructor() {
    super('Another variant of this product has the same options.', 'duplicate-options');
  }
}

export class OfferExists extends Conflict {
  constructor() {
    super('This seller already offers this variant; change that offer instead.', 'offer-exists');
  }
}

export class LastVariant extends Conflict {
  constructor() {
    super('A product keeps at least one variant; delete the product instead.', 'last-variant');
  }
}

export class InvalidStatusTransition extends Conflict {
  constructor(from: string, to: string) {
    super(`A product cannot go from ${from} to ${to}.`, 'invalid-status-transition', { from, to });
  }
}

export function badField(pointer: string, detail: string, where: 'body' | 'query' = 'body') {
  return new BadRequest(detail, [{ pointer, in: where, detail }]);
}

/** A reward rate the store pays for: only its staff set it (a product-wide rate, or one above the sellers' limit). */
export class RewardStaffOnly extends Forbidden {
  constructor() {
    super('Only store staff set a product’s reward rate.', 'reward-staff-only');
  }
}

/** Other sellers offer on this product: its creator no longer changes it alone. */
export class ProductShared extends Forbidden {
  constructor() {
    super(
      'Other sellers offer on this product, so only store staff may change it; your own offers stay yours to change.',
      'product-shared',
    );
  }
}

export class ImageNotFound extends NotFound {
  constructor() {
    super('image', 'image-not-found');
  }
}

export class TooManyImages extends Conflict {
  constructor(max: number) {
    super(`A product shows at most ${max} images; delete one first.`, 'too-many-images');
  }
}
