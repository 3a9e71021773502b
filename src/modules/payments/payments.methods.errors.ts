import { BadRequest, NotFound } from '../../platform/http/errors.ts';

/** Unknown, removed, or another buyer's: all answer the same. */
export class SavedMethodNotFound extends NotFound {
  constructor() {
    super('payment method', 'payment-method-not-found');
  }
}

export class SavedMethodsUnavailable extends BadRequest {
  constructor(provider: string) {
    super(
      `Cards cannot be saved with "${provider}" in this store.`,
      [{ pointer: '/provider', in: 'body', detail: 'Unknown provider, or one that keeps no saved cards.' }],
      'payment-method-provider-unavailable',
    );
  }
}

/** The setup named did not finish, or its card is not on the buyer's customer at the provider. */
export class SetupNotVerified extends BadRequest {
  constructor(pointer: string) {
    super(
      'The provider does not show a finished setup of a card for this account.',
      [{ pointer, in: 'body', detail: 'Not a finished setup of this account.' }],
      'payment-method-setup-unverified',
    );
  }
}
