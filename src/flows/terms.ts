// The store's terms where other modules ask for them: a customer's sign-up (identity) and checkout
// accept the current versions the store asks for, recorded in their own transactions by reference.
import type { IdentityService } from '../modules/identity/index.ts';
import type { TermsAcceptance } from '../modules/reference/index.ts';
import type { StoreResolver } from '../modules/tenancy/index.ts';
import type { Ctx } from '../platform/http/context.ts';
import type { CheckoutTerms } from './checkout-terms.ts';

/** The store's language, as the resolver holds it (no statement once the store is resolved). */
export function storeLanguageOf(resolver: () => StoreResolver) {
  return async (ctx: Ctx) =>
    (await resolver().resolve({ host: undefined, storeIdHeader: ctx.storeId })).language ?? 'en';
}

/** Sign-up asks identity's port: buyer-facing terms that ask for acceptance, in the user's transaction. */
export function wireSignUpTerms(identity: IdentityService, acceptance: TermsAcceptance): void {
  identity.useSignUpTerms((ctx, user, input, client) =>
    acceptance.atSignUp(ctx, { userId: user.id, email: user.email }, input.acceptedTerms, client),
  );
}

/** A seller application asks identity's port: the seller agreement, in the application's transaction. */
export function wireSellerTerms(identity: IdentityService, acceptance: TermsAcceptance): void {
  identity.profiles.useSellerTerms((ctx, userId, accepted) =>
    acceptance.atSignUp(ctx, { userId }, accepted, {}, 'SELLER'),
  );
}

/** Checkout's terms: the terms of sale before the transaction, recorded with the order in it. */
export function checkoutTerms(acceptance: TermsAcceptance): CheckoutTerms {
  return {
    before: (ctx, buyer, accepted) => acceptance.beforeCheckout(ctx, buyer, accepted),
    record: (ctx, buyer, accepted, orderId) =>
      acceptance.atCheckout(ctx, buyer, accepted, orderId, { ip: ctx.ip }),
  };
}
