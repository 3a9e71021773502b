// Quotes ↔ inventory and cart (decision 026): an accepted quote's stock is held by a QUOTE
// reservation until the quote lapses and its items go into the buyer's cart at the quoted prices;
// checkout turns that cart's order into the quote's conversion, handing the held units to the order.
import type { CartQuotes } from '../modules/cart/index.ts';
import { InsufficientStock, type InventoryService, ReservationNotFound } from '../modules/inventory/index.ts';
import {
  QuoteExpired,
  type QuoteHold,
  type QuotesService,
  UnavailableStock,
} from '../modules/quotes/index.ts';
import type { Ctx } from '../platform/http/context.ts';

const quoteReference = (leadId: string) => ({ type: 'QUOTE', id: leadId });

/** The quotes module's hold and unhold ports. */
export function quoteHolds(inventory: InventoryService, carts: CartQuotes) {
  return {
    async hold(ctx: Ctx, hold: QuoteHold): Promise<string> {
      const ttlSeconds = Math.max(1, Math.ceil((hold.until.getTime() - Date.now()) / 1000));
      try {
        await inventory.reserve(ctx, {
          reference: quoteReference(hold.leadId),
          lines: hold.lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity })),
          ttlSeconds,
        });
      } catch (error) {
        if (error instanceof InsufficientStock)
          throw new UnavailableStock(
            error.shortages.map((s) => ({ offerId: s.offerId, available: s.available })),
          );
        throw error;
      }
      return carts.attach(ctx, {
        userId: hold.userId,
        leadId: hold.leadId,
        until: hold.until,
        lines: hold.lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity, unitPrice: l.unitPrice })),
      });
    },
    async unhold(ctx: Ctx, leadId: string): Promise<void> {
      await releaseQuoteStock(inventory, ctx, leadId, 'the quote ended without an order');
      await carts.detach(ctx, leadId);
    },
  };
}

/** What checkout does with a cart holding an accepted quote. */
export interface QuotedCheckout {
  /**
   * In checkout's transaction, before the order's stock is reserved: 409 `quote-expired` once the
   * quote lapsed; else the lead becomes CONVERTED with the order and the quote's held units are
   * freed for the order's own reservation to take (its row locks are held to the commit, so no
   * one else can take them in between).
   */
  convert(
    ctx: Ctx,
    quote: { leadId: string; until: Date },
    order: { id: string; number: string },
  ): Promise<void>;
}

export function quotedCheckout(quotes: QuotesService, inventory: InventoryService): QuotedCheckout {
  return {
    async convert(ctx, quote, order) {
      if (quote.until.getTime() <= Date.now()) throw new QuoteExpired();
      await quotes.acceptance.convert(ctx, quote.leadId, order);
      await releaseQuoteStock(inventory, ctx, quote.leadId, `ordered as ${order.number}`);
    },
  };
}

async function releaseQuoteStock(inventory: InventoryService, ctx: Ctx, leadId: string, reason: string) {
  try {
    await inventory.release(ctx, quoteReference(leadId), reason);
  } catch (error) {
    if (!(error instanceof ReservationNotFound)) throw error;
  }
}
