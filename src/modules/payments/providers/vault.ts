import type { ProviderName } from './provider.ts';

/**
 * The saved-methods port (decision 033): what a card provider keeps for a buyer. Only tokens and
 * display fields cross it, never a card number. Calls are made outside database transactions.
 */
export interface SavedCard {
  providerMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** The step the client takes to add a card: Stripe.js confirms the SetupIntent, Razorpay Checkout pays the authorisation order. */
export interface SetupStarted {
  setupId: string;
  clientSecret?: string | undefined;
  nextAction: Record<string, unknown>;
}

/** How the client says which setup finished: the SetupIntent's id (Stripe) or the token (Razorpay). */
export interface SetupReference {
  setupId?: string | undefined;
  token?: string | undefined;
  /** Development and tests only: a test PaymentMethod to confirm the SetupIntent with, as Stripe.js would. */
  testCard?: string | undefined;
}

export interface BuyerProfile {
  name: string;
  email: string | null;
  phone?: string | null | undefined;
}

export interface PaymentMethodVault {
  readonly provider: ProviderName;
  /** Creates the buyer's customer at the provider; `idempotencyKey` makes a retry answer the same one. */
  createCustomer(
    buyer: BuyerProfile & { storeId: string; userId: string },
    idempotencyKey: string,
  ): Promise<string>;
  startSetup(customerId: string, idempotencyKey: string): Promise<SetupStarted>;
  /** The card the finished setup saved on this customer; null when it is not (yet) the customer's. */
  completeSetup(customerId: string, reference: SetupReference): Promise<SavedCard | null>;
  /** Removes the token at the provider; one already gone counts as removed. */
  detach(customerId: string, providerMethodId: string): Promise<void>;
}
