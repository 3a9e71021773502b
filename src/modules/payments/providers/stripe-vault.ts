import Stripe from 'stripe';
import { type StripeSettings, stripeClient } from './stripe.ts';
import type { PaymentMethodVault, SavedCard, SetupReference } from './vault.ts';

/** Stripe's test PaymentMethods a development storefront offers in place of card entry. */
const TEST_CARDS = ['pm_card_visa', 'pm_card_mastercard'];

/**
 * Saved cards at Stripe: a Customer per buyer, a SetupIntent (usage `off_session`) that Stripe.js
 * confirms in the browser, then the PaymentMethod it attached; removal detaches it.
 */
export function createStripeVault(
  settings: StripeSettings,
  options: { testCards: boolean },
): PaymentMethodVault {
  const stripe = stripeClient(settings);
  return {
    provider: 'stripe',
    async createCustomer(buyer, idempotencyKey) {
      const customer = await stripe.customers.create(
        {
          name: buyer.name,
          ...(buyer.email ? { email: buyer.email } : {}),
          metadata: { storeId: buyer.storeId, userId: buyer.userId },
        },
        { idempotencyKey },
      );
      return customer.id;
    },
    async startSetup(customerId, idempotencyKey) {
      const intent = await stripe.setupIntents.create(
        { customer: customerId, usage: 'off_session', allowed_payment_method_types: ['card'] },
        { idempotencyKey },
      );
      return {
        setupId: intent.id,
        clientSecret: intent.client_secret ?? undefined,
        nextAction: {
          type: 'stripe_confirm_card_setup',
          setupIntentId: intent.id,
          clientSecret: intent.client_secret,
          // development: the storefront may confirm with one of these instead of Stripe.js
          ...(options.testCards ? { testCards: TEST_CARDS } : {}),
        },
      };
    },
    completeSetup: (customerId, reference) => cardOfSetup(stripe, customerId, reference, options.testCards),
    async detach(_customerId, providerMethodId) {
      try {
        await stripe.paymentMethods.detach(providerMethodId);
      } catch (error) {
        // already detached (or never attached): it is gone, which is what was asked
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
        throw error;
      }
    },
  };
}

/** The SetupIntent's card when it succeeded on this customer. */
async function cardOfSetup(
  stripe: Stripe,
  customerId: string,
  reference: SetupReference,
  testCards: boolean,
): Promise<SavedCard | null> {
  if (!reference.setupId) return null;
  let intent: Stripe.SetupIntent;
  try {
    // development and tests stand in for Stripe.js, which confirms with the card in the browser
    if (reference.testCard && testCards)
      await stripe.setupIntents.confirm(reference.setupId, { payment_method: reference.testCard });
    intent = await stripe.setupIntents.retrieve(reference.setupId, { expand: ['payment_method'] });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) return null; // no such SetupIntent
    throw error;
  }
  const customer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
  const method = intent.payment_method;
  if (intent.status !== 'succeeded' || customer !== customerId || !method || typeof method === 'string')
    return null;
  const card = method.card;
  if (!card) return null;
  return {
    providerMethodId: method.id,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
  };
}
