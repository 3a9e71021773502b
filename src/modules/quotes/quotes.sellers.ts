// Sellers' half of a quote (decision 034): a seller of some of a lead's items prices those items,
// with a validity and notes of their own. Once every item of the lead has a price still valid, the
// lead is QUOTED by that answer; until then the parts wait for staff and the other sellers.
import { transaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { LeadTransitionNotAllowed } from './quotes.errors.ts';
import { quoteOf, sellerPrices, validity } from './quotes.pricing.ts';
import type { LeadRow } from './quotes.repository.ts';
import * as repo from './quotes.repository.ts';
import type { SellerQuoteInput } from './quotes.schemas.ts';
import { type QuoteStaff, quotedFields } from './quotes.staff.ts';
import { QUOTABLE } from './quotes.status.ts';

type LoadSellerLead = (ctx: Ctx, id: string) => Promise<LeadRow>;

export class QuoteSellers {
  constructor(
    private readonly staff: QuoteStaff,
    private readonly loadLead: LoadSellerLead,
  ) {}

  /**
   * The seller's prices for every item of theirs in the lead (403 `lead-item-not-yours` for anyone
   * else's), while the lead may be quoted. The lead's row is locked first, so of two sellers
   * completing their parts at once the second sees the first's prices and makes the quote.
   */
  async quote(ctx: Ctx, id: string, input: SellerQuoteInput): Promise<LeadRow> {
    const actor = requireRole(ctx, 'SELLER');
    const found = await this.loadLead(ctx, id);
    const validUntil = validity(input.validUntil);
    return transaction(ctx.db, async (trx) => {
      const lead = (await repo.lockLead(trx, ctx.storeId, found.id))!;
      if (!QUOTABLE.includes(lead.status)) throw new LeadTransitionNotAllowed(lead.status, 'QUOTED');
      const items = await repo.itemsOf(trx, ctx.storeId, lead.id);
      await repo.setQuotedPrices(
        trx,
        ctx.storeId,
        lead.id,
        sellerPrices(items, actor.userId, input, validUntil),
      );
      const quote = quoteOf(await repo.itemsOf(trx, ctx.storeId, lead.id));
      if (!quote) return lead;
      return this.staff.move(withDb(ctx, trx), lead, 'QUOTED', {
        by: 'SELLER',
        remarks: 'Every item priced',
        fields: quotedFields(quote, actor.userId),
      });
    });
  }
}
