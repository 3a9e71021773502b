import { BadRequest, Conflict, Forbidden, NotFound } from '../../platform/http/errors.ts';
import type { LeadStatus } from './quotes.schemas.ts';

export class LeadNotFound extends NotFound {
  constructor() {
    super('lead', 'lead-not-found');
  }
}

/** A guest reaches staff only through the contact they give. */
export class ContactRequired extends BadRequest {
  constructor() {
    super(
      'Sign in, or give your contact details to ask for a quote.',
      [{ pointer: '/contact', in: 'body', detail: 'Required without a signed-in account.' }],
      'contact-required',
    );
  }
}

export class OffersNotFound extends BadRequest {
  constructor(indexes: number[]) {
    super(
      'Some items name offers this store does not sell.',
      indexes.map((i) => ({ pointer: `/items/${i}/offerId`, in: 'body' as const, detail: 'No such offer.' })),
      'offer-not-found',
    );
  }
}

export class LeadTransitionNotAllowed extends Conflict {
  constructor(from: LeadStatus, to: LeadStatus) {
    super(`A ${from} lead cannot become ${to}.`, 'lead-transition-not-allowed', { from, to });
  }
}

export class QuoteIncomplete extends BadRequest {
  constructor(detail: string, pointer = '/items') {
    super(detail, [{ pointer, in: 'body', detail }], 'quote-incomplete');
  }
}

export class AssigneeNotStaff extends BadRequest {
  constructor() {
    super(
      'Leads are assigned to staff of this store.',
      [{ pointer: '/userId', in: 'body', detail: 'Not a staff member of this store.' }],
      'assignee-not-staff',
    );
  }
}

export class QuoteExpired extends Conflict {
  constructor() {
    super('This quote has lapsed; ask for a new one in the lead’s thread.', 'quote-expired');
  }
}

/** Items described in words have no offer to put in a cart (decision 026). */
export class QuoteHasUnlistedItems extends Conflict {
  constructor(items: Array<{ itemId: string; description: string }>) {
    super(
      'Items described in words cannot be bought online; ask staff in the lead’s thread to settle them, or ask again for catalog items only.',
      'quote-has-unlisted-items',
      { items },
    );
  }
}

/** Why a quoted item cannot be sold now. */
export interface UnavailableItem {
  itemId: string;
  offerId: string;
  description: string;
  reason: 'offer-gone' | 'not-for-sale' | 'not-enough-stock' | 'above-order-maximum';
  requested: number;
  available: number;
}

const REASONS: Record<UnavailableItem['reason'], string> = {
  'offer-gone': 'no longer offered',
  'not-for-sale': 'not for sale now',
  'not-enough-stock': 'not enough in stock',
  'above-order-maximum': 'more than one order may hold',
};

export class QuotedItemsUnavailable extends Conflict {
  constructor(items: UnavailableItem[]) {
    super(
      `Some quoted items cannot be sold now: ${items.map((i) => `${i.description} (${REASONS[i.reason]})`).join('; ')}.`,
      'quoted-items-unavailable',
      { items },
    );
  }
}

/** A seller prices their own items of a lead only (decision 034). */
export class LeadItemNotYours extends Forbidden {
  constructor() {
    super('You may price only your own items of this lead.', 'lead-item-not-yours');
  }
}
