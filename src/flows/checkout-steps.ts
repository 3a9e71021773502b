// What checkout's steps hand each other (src/flows/checkout.ts).
import type { CheckoutLine } from '../modules/cart/index.ts';
import type { UserGroupView } from '../modules/identity/index.ts';
import type { Totals } from '../modules/orders/index.ts';
import type { Buyer, CouponQuote } from '../modules/promotions/index.ts';
import type { CheckoutInput } from './checkout.ts';
import type { AcceptedTerm } from './checkout-terms.ts';

/** What checkout settles before its transaction: the request, who buys, and the order's number. */
export interface Admitted {
  input: CheckoutInput;
  email: string;
  number: string;
  idempotencyKey: string | undefined;
  /** The terms accepted with the order, checked before the transaction and recorded in it. */
  terms: AcceptedTerm[] | null;
}

/** The cart being checked out: its lines all still purchasable at the prices the buyer saw. */
export interface LoadedCart {
  id: string;
  currency: string;
  lines: CheckoutLine[];
  /** The accepted quote the cart holds: its lines are charged at the quoted prices (decision 026). */
  quote: { leadId: string; until: Date } | null;
}

/** The cart priced for this buyer: totals, the coupon that applies, the shipping method chosen. */
export interface Priced {
  totals: Totals;
  coupon: CouponQuote | null;
  shippingCode: string | null;
  group: UserGroupView | null;
  buyer: Buyer;
}
