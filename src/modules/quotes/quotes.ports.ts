import type { Ctx } from '../../platform/http/context.ts';

/** An offer as a lead records it: what it is, whose, and its catalog price. */
export interface QuotedOffer {
  offerId: string;
  productId: string;
  sellerId: string;
  description: string;
  price: { amount: number; currency: string };
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
}
