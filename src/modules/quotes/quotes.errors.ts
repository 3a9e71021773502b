import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';
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
