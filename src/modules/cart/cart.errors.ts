import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export class CartNotFound extends NotFound {
  constructor() {
    super('cart', 'cart-not-found');
  }
}

export class CartItemNotFound extends NotFound {
  constructor() {
    super('cart item', 'cart-item-not-found');
  }
}

export class CartOfferNotFound extends NotFound {
  constructor() {
    super('offer', 'offer-not-found');
  }
}

export class CartNotActive extends Conflict {
  constructor(status: string) {
    super(`This cart is ${status.toLowerCase()} and can no longer change.`, 'cart-not-active', {
      cartStatus: status,
    });
  }
}

export class NotEnoughStock extends Conflict {
  constructor(offerId: string, available: number) {
    super(
      `Only ${available} of this item ${available === 1 ? 'is' : 'are'} available.`,
      'insufficient-stock',
      {
        offerId,
        available,
      },
    );
  }
}

export class LineQuantityTooLarge extends BadRequest {
  constructor(max: number, pointer = '/quantity') {
    super(
      `At most ${max} of one item per cart.`,
      [{ pointer, in: 'body', detail: `Must be at most ${max}.` }],
      'quantity-too-large',
    );
  }
}

export class WishlistNotFound extends NotFound {
  constructor() {
    super('wishlist', 'wishlist-not-found');
  }
}

export class WishlistNameTaken extends Conflict {
  constructor() {
    super('You already have a wishlist with this name.', 'wishlist-name-taken');
  }
}

export class CartTooManyLines extends Conflict {
  constructor(limit: number) {
    super(`A cart holds at most ${limit} different items.`, 'cart-too-many-lines', { limit });
  }
}

export class TooManyWishlists extends Conflict {
  constructor(limit: number) {
    super(`You can keep at most ${limit} wishlists.`, 'too-many-wishlists', { limit });
  }
}

export class WishlistFull extends Conflict {
  constructor(limit: number) {
    super(`A wishlist holds at most ${limit} items.`, 'wishlist-full', { limit });
  }
}

/** A line of an accepted quote keeps its price and quantity while the quote holds (decision 026). */
export class QuotedLineLocked extends Conflict {
  constructor(offerId: string) {
    super(
      'This item is in your cart at a quoted price and quantity, which cannot change while the quote holds; decline the quote to drop it.',
      'quoted-line-locked',
      { offerId },
    );
  }
}

export class CartHoldsQuote extends Conflict {
  constructor(leadId: string) {
    super(
      'Your cart already holds another accepted quote; check it out or decline it first.',
      'cart-holds-quote',
      { leadId },
    );
  }
}
