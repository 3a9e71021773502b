// Quotes ↔ inventory and cart (decision 026): an accepted quote's stock is held by a QUOTE
// reservation until the quote lapses and its items go into the buyer's cart at the quoted prices;
// checkout turns that cart's order into the quote's conversion, handing the held units to the order.
import type { CartModule, CartQuotes } from '../modules/cart/index.ts';
import type { CatalogModule } from '../modules/catalog/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';
import {
  InsufficientStock,
  type InventoryModule,
  type InventoryService,
  ReservationNotFound,
} from '../modules/inventory/index.ts';
import {
  createQuotesModule,
  QuoteExpired,
  type QuoteHold,
  type QuotesService,
  UnavailableStock,
} from '../modules/quotes/index.ts';
import { storeCurrency } from '../modules/tenancy/index.ts';
import type { Ctx } from '../platform/http/context.ts';
import type { Platform } from '../platform/module.ts';

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

/** Quotes, with its ports into the catalog (offers asked about) and identity (contacts, staff). */
export function quotesModule(
  platform: Platform,
  m: { catalog: CatalogModule; identity: IdentityModule; cart: CartModule; inventory: InventoryModule },
) {
  const { catalog, identity } = m;
  return createQuotesModule(platform, {
    ...quoteHolds(m.inventory.service, m.cart.quotes),
    offers: async (ctx, ids) =>
      (await catalog.service.offers.snapshots(ctx, ids)).map((o) => ({
        offerId: o.offerId,
        productId: o.productId,
        sellerId: o.sellerId,
        description: describeOffer(o.productName, o.options),
        price: o.price,
        purchasable: o.purchasable,
        available: o.availableQuantity,
      })),
    caller: async (ctx) => {
      const me = await identity.service.me(ctx);
      return { name: me.name, email: me.email ?? null, phone: me.phone ?? null };
    },
    isStaff: (ctx, userId) => identity.service.holdsRole(ctx, userId, 'ADMIN'),
    verifiedEmail: async (ctx) => {
      const me = await identity.service.me(ctx);
      return me.emailVerified ? (me.email ?? null) : null;
    },
    currency: async (ctx) => (await storeCurrency(ctx.db, ctx.storeId)).trim(),
  });
}

/** An offer as a line reads: the product's name and its options ("Tee (Blue, M)"). */
function describeOffer(name: string, options: Record<string, string>): string {
  const values = Object.values(options);
  return (values.length ? `${name} (${values.join(', ')})` : name).slice(0, 500);
}
