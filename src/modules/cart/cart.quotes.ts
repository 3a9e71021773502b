// The cart side of an accepted quote (decision 026): the buyer's active cart takes the quoted lines at
// the quoted unit prices, marked quoted and locked while the quote holds; when the quote ends
// without an order (it lapses, or is declined) the quoted lines leave the cart.
import { randomUUID } from 'node:crypto';
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { CartHoldsQuote } from './cart.errors.ts';
import * as repo from './cart.repository.ts';
import type { CartDeps } from './cart.service.ts';

export interface QuotedCartInput {
  userId: string;
  leadId: string;
  until: Date;
  lines: Array<{ offerId: string; quantity: number; unitPrice: number }>;
}

export class CartQuotes {
  constructor(private readonly deps: Pick<CartDeps, 'currency' | 'ttlSeconds'>) {}

  /**
   * Puts the quote in the user's active cart (made if absent), in `ctx.db`'s transaction: a line of
   * the same offer is replaced by the quoted one; other lines stay. Returns the cart's id; 409
   * `cart-holds-quote` when the cart holds another quote.
   */
  async attach(ctx: Ctx, input: QuotedCartInput): Promise<string> {
    return transaction(ctx.db, async (trx) => {
      let cart = await repo.findActiveCartOfUser(trx, ctx.storeId, input.userId, true);
      if (cart?.lead_id && cart.lead_id !== input.leadId) throw new CartHoldsQuote(cart.lead_id);
      cart ??= await repo.insertCart(trx, {
        id: randomUUID(),
        store_id: ctx.storeId,
        user_id: input.userId,
        currency: await this.deps.currency(trx, ctx.storeId),
        converted_order_id: null,
        expires_at: input.until,
      });
      for (const line of input.lines) {
        await repo.upsertQuotedItem(trx, {
          id: newId(),
          store_id: ctx.storeId,
          cart_id: cart.id,
          offer_id: line.offerId,
          quantity: line.quantity,
          unit_price_amount: line.unitPrice,
        });
      }
      await repo.setCartQuote(trx, cart.id, { leadId: input.leadId, until: input.until });
      await repo.touchCart(trx, cart.id, this.deps.ttlSeconds);
      return cart.id;
    });
  }

  /** The quote of `leadId` ended without an order: its lines leave the active cart holding it. */
  async detach(ctx: Ctx, leadId: string): Promise<void> {
    await transaction(ctx.db, async (trx) => {
      const cart = await repo.findActiveCartOfLead(trx, ctx.storeId, leadId);
      if (!cart) return;
      await repo.deleteQuotedItems(trx, cart.id);
      await repo.setCartQuote(trx, cart.id, null);
    });
  }
}
