import { BadRequest, Conflict, Forbidden, NotFound } from '../../platform/http/errors.ts';
import type { ReviewStatus } from './reviews.schemas.ts';

export class ReviewNotFound extends NotFound {
  constructor() {
    super('review', 'review-not-found');
  }
}

export class ReviewedProductNotFound extends NotFound {
  constructor() {
    super('product', 'product-not-found');
  }
}

export class SellerNotFound extends NotFound {
  constructor() {
    super('seller', 'seller-not-found');
  }
}

/** Only a buyer who received the product may review it, unless the store allows unverified reviews. */
export class PurchaseRequired extends Forbidden {
  constructor() {
    super('Only a buyer who has received this product may review it.', 'purchase-required');
  }
}

export class ReviewExists extends Conflict {
  constructor(reviewId: string) {
    super('You have already reviewed this product; change that review instead.', 'review-exists', {
      reviewId,
    });
  }
}

export class AlreadyReported extends Conflict {
  constructor() {
    super('You have already reported this review.', 'already-reported');
  }
}

/** Votes and reports are about other people's reviews. */
export class OwnReview extends BadRequest {
  constructor(what: string) {
    super(`You cannot ${what} your own review.`, [], 'own-review');
  }
}

export class ReviewTransitionNotAllowed extends Conflict {
  constructor(from: ReviewStatus, to: ReviewStatus) {
    super(`A ${from} review cannot become ${to}.`, 'review-transition-not-allowed', { from, to });
  }
}
