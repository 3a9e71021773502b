// The buyer's half of a quote's end (decision 026): accepting it (every quoted item still sellable;
// its stock held until the quote lapses and the buyer's cart at the quoted prices), the order its
// cart becomes (CONVERTED), and an accepted quote that lapses unconverted (EXPIRED, stock freed).
import type { FastifyBaseLogger } from 'fastify';
import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, systemCtx, withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import {
  LeadTransitionNotAllowed,
  QuotedItemsUnavailable,
  QuoteExpired,
  QuoteHasUnlistedItems,
  type UnavailableItem,
} from './quotes.errors.ts';
import { type QuoteHold, type QuotePorts, UnavailableStock } from './quotes.ports.ts';
import type { LeadItemRow, LeadRow } from './quotes.repository.ts';
import * as repo from './quotes.repository.ts';
import type { QuoteStaff } from './quotes.staff.ts';

/** The most one cart line holds (the cart's CHECK): a larger quoted quantity cannot be ordered. */
const MAX_LINE_QUANTITY = 100_000;

const lapsed = (lead: LeadRow) => lead.valid_until === null || lead.valid_until.getTime() <= Date.now();

export class QuoteAcceptance {
  constructor(
    private readonly ports: QuotePorts,
    private readonly staff: QuoteStaff,
  ) {}

  /**
   * The buyer accepts a QUOTED lead still valid: 409 `quote-expired` once lapsed,
   * `lead-transition-not-allowed` once answered, `quote-has-unlisted-items` with items described in
   * words, `quoted-items-unavailable` naming each item no longer sellable. Of racing accepts one
   * wins (the move is conditional on QUOTED); the others get 409 and hold nothing.
   */
  async accept(ctx: Ctx, lead: LeadRow, buyerId: string): Promise<{ lead: LeadRow; cartId: string }> {
    if (lead.status === 'EXPIRED' || (lead.status === 'QUOTED' && lapsed(lead))) throw new QuoteExpired();
    if (lead.status !== 'QUOTED') throw new LeadTransitionNotAllowed(lead.status, 'ACCEPTED');
    const items = await repo.itemsOf(ctx.db, ctx.storeId, lead.id);
    const hold = await this.holdFor(ctx, lead, items, buyerId);
    let cartId = '';
    const moved = await this.staff.move(ctx, lead, 'ACCEPTED', {
      by: 'BUYER',
      fields: { accepted_at: new Date(), user_id: buyerId },
      also: async (trx) => {
        try {
          cartId = await this.ports.hold(withDb(ctx, trx), hold);
        } catch (error) {
          if (error instanceof UnavailableStock) throw unavailable(items, error.shortages);
          throw error;
        }
      },
    });
    return { lead: moved, cartId };
  }

  /**
   * The order from the quote's cart is being placed (in checkout's transaction): the lead moves
   * ACCEPTED → CONVERTED with the order. 409 `quote-expired` when the quote lapsed meanwhile.
   */
  async convert(ctx: Ctx, leadId: string, order: { id: string; number: string }): Promise<void> {
    const lead = await repo.findLead(ctx.db, ctx.storeId, leadId);
    if (!lead || lead.status === 'EXPIRED' || (lead.status === 'ACCEPTED' && lapsed(lead)))
      throw new QuoteExpired();
    await this.staff.move(ctx, lead, 'CONVERTED', {
      by: 'BUYER',
      remarks: `Order ${order.number}`,
      fields: { order_id: order.id, order_number: order.number },
    });
  }

  /**
   * The order a CONVERTED lead became was cancelled before it was paid (in the cancel's
   * transaction; decision 034): the quote is open again, QUOTED while still valid so the buyer may
   * accept it again, else EXPIRED; the order is taken off the lead and named in the history.
   */
  async orderCancelled(ctx: Ctx, order: { id: string; number: string }): Promise<void> {
    const found = await repo.findLeadByOrder(ctx.db, ctx.storeId, order.id);
    if (found?.status !== 'CONVERTED') return;
    const lead = await repo.lockLead(ctx.db, ctx.storeId, found.id);
    if (lead?.status !== 'CONVERTED' || lead.order_id !== order.id) return;
    await this.staff.move(ctx, lead, lapsed(lead) ? 'EXPIRED' : 'QUOTED', {
      by: 'SYSTEM',
      remarks: `Order ${order.number} was cancelled before payment`,
      fields: { order_id: null, order_number: null, accepted_at: null },
    });
  }

  /** Accepted quotes past their validity become EXPIRED, their stock freed and carts emptied of them. */
  async expireAccepted(ctx: { db: Ctx['db']; log: FastifyBaseLogger }, limit: number): Promise<number> {
    return transaction(ctx.db, async (trx) => {
      const due = await repo.claimAcceptedDue(trx, limit);
      for (const lead of due) {
        const system = systemCtx(trx, lead.store_id, ctx.log, { reason: 'quotes.expire' });
        await this.ports.unhold(system, lead.id);
        await repo.moveLead(trx, lead.store_id, lead.id, 'ACCEPTED', { status: 'EXPIRED' });
        await repo.addHistory(trx, {
          id: newId(),
          store_id: lead.store_id,
          lead_id: lead.id,
          status: 'EXPIRED',
          by_user_id: null,
          by_role: 'SYSTEM',
          remarks: 'The accepted quote lapsed before an order; its stock was released.',
        });
      }
      return due.length;
    });
  }

  /** What accepting holds: every item an offer still sellable in the quoted quantity. */
  private async holdFor(ctx: Ctx, lead: LeadRow, items: LeadItemRow[], userId: string): Promise<QuoteHold> {
    const unlisted = items.filter((i) => i.offer_id === null);
    if (unlisted.length)
      throw new QuoteHasUnlistedItems(unlisted.map((i) => ({ itemId: i.id, description: i.description })));
    const offers = new Map(
      (await this.ports.offers(ctx, [...new Set(items.map((i) => i.offer_id!))])).map((o) => [o.offerId, o]),
    );
    const problems = items.flatMap((i): UnavailableItem[] => {
      const offer = offers.get(i.offer_id!);
      const reason = !offer
        ? 'offer-gone'
        : !offer.purchasable
          ? 'not-for-sale'
          : i.quantity > MAX_LINE_QUANTITY
            ? 'above-order-maximum'
            : offer.available < i.quantity
              ? 'not-enough-stock'
              : null;
      return reason ? [itemProblem(i, reason, offer?.purchasable ? offer.available : 0)] : [];
    });
    if (problems.length) throw new QuotedItemsUnavailable(problems);
    return {
      leadId: lead.id,
      userId,
      until: lead.valid_until!,
      lines: items.map((i) => ({
        itemId: i.id,
        offerId: i.offer_id!,
        quantity: i.quantity,
        unitPrice: Number(i.quoted_unit_amount),
      })),
    };
  }
}

function itemProblem(i: LeadItemRow, reason: UnavailableItem['reason'], available: number): UnavailableItem {
  return {
    itemId: i.id,
    offerId: i.offer_id!,
    description: i.description,
    reason,
    requested: i.quantity,
    available,
  };
}

/** Stock taken between the check and the reservation: the same 409, naming the short items. */
function unavailable(items: LeadItemRow[], shortages: Array<{ offerId: string; available: number }>) {
  const short = new Map(shortages.map((s) => [s.offerId, s.available]));
  return new QuotedItemsUnavailable(
    items
      .filter((i) => short.has(i.offer_id!))
      .map((i) => itemProblem(i, 'not-enough-stock', short.get(i.offer_id!)!)),
  );
}
