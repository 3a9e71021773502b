import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export class LookupNotFound extends NotFound {
  constructor() {
    super('lookup', 'lookup-not-found');
  }
}

export class LookupValueNotFound extends NotFound {
  constructor() {
    super('lookup value', 'lookup-value-not-found');
  }
}

/** A value something of the store refers to (a return's reason, an order's cancellation reason). */
export class LookupValueInUse extends Conflict {
  constructor(type: string, code: string, usedBy: string) {
    super(
      `${code} is used by ${usedBy}; turn it off (active: false) instead of deleting it.`,
      'lookup-value-in-use',
      { type, code, usedBy },
    );
  }
}

/** A code sent in a form that is not an active value of its list. */
export class UnknownLookupCode extends BadRequest {
  constructor(type: string, pointer: string) {
    super(
      `Not one of the store's ${type} values.`,
      [{ pointer, in: 'body', detail: `An active ${type} code (GET /lookups/${type}).` }],
      'unknown-lookup-code',
    );
  }
}
