import type { Ctx } from '../../platform/http/context.ts';

/** An offer as a lead records it: what it is, whose, and its catalog price. */
export interface QuotedOffer {
  offerId: string;
  productId: string;
  sellerId: string;
  description: string;
  price: { amount: number; currency: string };
  /** Can be sold at all now (product active, offer live); quantity aside. */
  purchasable: boolean;
  /** Units the store can sell now. */
  available: number;
}

/** An accepted quote's hold: its lines' stock reserved and the buyer's cart at the quoted prices. */
export interface QuoteHold {
  leadId: string;
  userId: string;
  until: Date;
  lines: Array<{ itemId: string; offerId: string; quantity: number; unitPrice: number }>;
}

/** What quotes needs of other modules, wired by the composition root. */
export interface QuotePorts {
  /** The store's offers among `offerIds` (absent ones are not the store's). */
  offers(ctx: Ctx, offerIds: string[]): Promise<QuotedOffer[]>;
  /** The signed-in caller's name, email and phone, for a lead's contact. */
  caller(ctx: Ctx): Promise<{ name: string; email: string | null; phone: string | null }>;
  /** Whether the user is staff (an ADMIN) of the store. */
  isStaff(ctx: Ctx, userId: string): Promise<boolean>;
  /** The store's currency, which leads are quoted in. */
  currency(ctx: Ctx): Promise<string>;
  /**
   * Holds an accepted quote in `ctx.db`'s transaction: reserves its stock until it lapses and puts
   * it in the buyer's cart; returns the cart's id. Throws `UnavailableStock` naming short offers.
   */
  hold(ctx: Ctx, hold: QuoteHold): Promise<string>;
  /** The accepted quote ended without an order (lapsed, declined): frees its stock, leaves the cart. */
  unhold(ctx: Ctx, leadId: string): Promise<void>;
  /** The signed-in caller's email if verified (a guest's lead is claimed by it), else null. */
  verifiedEmail(ctx: Ctx): Promise<string | null>;
}

/** The offers a hold could not reserve, with what is available of each (from the inventory). */
export class UnavailableStock extends Error {
  constructor(readonly shortages: Array<{ offerId: string; available: number }>) {
    super('quoted stock unavailable');
  }
}
