// The store's terms at checkout (decision 031): what the checkout flow asks of them.
import type { Ctx } from '../platform/http/context.ts';

export interface AcceptedTerm {
  kind: string;
  version: number;
}

/** The store's terms at checkout (src/flows/terms.ts): asked before the transaction, recorded in it. */
export interface CheckoutTerms {
  /** What to record with the order (null: nothing); 409 when the buyer must accept and has not. */
  before(ctx: Ctx, buyer: Holder, accepted: AcceptedTerm[] | undefined): Promise<AcceptedTerm[] | null>;
  record(ctx: Ctx, buyer: Holder, accepted: AcceptedTerm[], orderId: string): Promise<void>;
}

interface Holder {
  userId: string | null;
  email: string | null;
}
