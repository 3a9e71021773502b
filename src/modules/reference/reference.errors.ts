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

export class TermsNotFound extends NotFound {
  constructor(what = 'terms') {
    super(what, 'terms-not-found');
  }
}

/** A published version is kept as it was accepted: only drafts change. */
export class TermsVersionPublished extends Conflict {
  constructor() {
    super(
      'This version is published and cannot change; write a new draft instead.',
      'terms-version-published',
    );
  }
}

/** What must be accepted, as the answer names it: each kind with its current version. */
export interface TermsToAccept {
  kind: string;
  version: number;
  title: string;
  language: string;
}

/** Accepting a version that is not the current one of its kind (it was replaced, or never published). */
export class TermsVersionNotCurrent extends Conflict {
  constructor(kind: string, version: number, current: TermsToAccept[]) {
    super(
      `Version ${version} of ${kind} is not current; read and accept the current version.`,
      'terms-version-not-current',
      { kind, version, current },
    );
  }
}

/** Sign-up or checkout without accepting the current versions the store asks for. */
export class TermsAcceptanceRequired extends Conflict {
  constructor(required: TermsToAccept[]) {
    super(
      `Accept ${required.map((r) => `${r.title} (version ${r.version})`).join(', ')} to continue.`,
      'terms-acceptance-required',
      { required },
    );
  }
}
