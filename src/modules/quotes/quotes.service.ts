// The quotes service: a buyer or a guest asks for a quote on items; the buyer, staff and the
// sellers concerned read the lead and write in its thread; the staff half (assignment, contact,
// the quote itself) is in quotes.staff.ts.

import type { FastifyBaseLogger } from 'fastify';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { QuoteAcceptance } from './quotes.acceptance.ts';
import { ContactRequired, LeadNotFound, OffersNotFound } from './quotes.errors.ts';
import { LeadAnnouncer } from './quotes.events.ts';
import type { QuotedOffer, QuotePorts } from './quotes.ports.ts';
import { presentLead, presentListed, presentMessage, presentSellerListed } from './quotes.presenters.ts';
import type { LeadItemRow, LeadRow } from './quotes.repository.ts';
import * as repo from './quotes.repository.ts';
import type { LeadActorRole, LeadInput, PageQuery, SellerQuoteInput } from './quotes.schemas.ts';
import { QuoteSellers } from './quotes.sellers.ts';
import { QuoteStaff } from './quotes.staff.ts';

/** Who is reading or writing a lead: its buyer, staff of the store, or a seller of one of its items. */
export type LeadParty = Exclude<LeadActorRole, 'SYSTEM'>;

export class QuotesService {
  readonly staff: QuoteStaff;
  readonly acceptance: QuoteAcceptance;
  readonly sellers: QuoteSellers;

  private readonly announce: LeadAnnouncer;

  constructor(
    private readonly ports: QuotePorts,
    jobs?: Jobs,
  ) {
    this.announce = new LeadAnnouncer(jobs);
    this.staff = new QuoteStaff(ports, (ctx, id) => this.loadAs(ctx, id, 'STAFF'), this.announce);
    this.acceptance = new QuoteAcceptance(ports, this.staff);
    this.sellers = new QuoteSellers(this.staff, (ctx, id) => this.loadAs(ctx, id, 'SELLER'));
  }

  /** A new lead (NEW), from a signed-in buyer or from a guest who gives a contact. */
  async create(ctx: Ctx, input: LeadInput) {
    if (!ctx.actor && !input.contact) throw new ContactRequired();
    const offers = await this.offersOf(ctx, input);
    const contact = input.contact ?? (await this.ports.caller(ctx));
    const currency = await this.ports.currency(ctx);
    const id = newId();
    const lead = {
      id,
      store_id: ctx.storeId,
      user_id: ctx.actor?.userId ?? null,
      contact_name: contact.name,
      contact_email: contact.email ?? null,
      contact_phone: contact.phone ?? null,
      message: input.message ?? null,
      delivery_location: input.deliveryLocation ?? null,
      wanted_by: input.wantedBy ?? null,
      status: 'NEW' as const,
      currency,
      quote_total: null,
      valid_until: null,
    };
    const items = input.items.map((item, i) => itemRow(ctx.storeId, id, i + 1, item, offers, currency));
    await transaction(ctx.db, async (trx) => {
      await repo.insertLead(trx, lead, items, {
        id: newId(),
        store_id: ctx.storeId,
        lead_id: id,
        status: 'NEW',
        by_user_id: ctx.actor?.userId ?? null,
        by_role: 'BUYER',
        remarks: null,
      });
      await this.announce.created(ctx, trx, lead, items);
    });
    return this.view(ctx, (await repo.findLead(ctx.db, ctx.storeId, id))!, 'BUYER');
  }

  /** One lead with its items and history: its buyer, staff, or a seller of its items (theirs only); 404 for anyone else. */
  async get(ctx: Ctx, id: string) {
    const { lead, party } = await this.load(ctx, id);
    return this.view(ctx, lead, party);
  }

  /** The caller's own leads, newest first. */
  async mine(ctx: Ctx, query: PageQuery) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await repo.customerLeads(ctx.db, ctx.storeId, actor.userId, { after, limit: query.limit });
    return toPage(rows, query.limit, presentListed, (r) => ({ id: r.id }));
  }

  /** The signed-in seller's leads: those with an item of theirs. */
  async forSeller(ctx: Ctx, query: PageQuery) {
    const actor = requireRole(ctx, 'SELLER');
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await repo.sellerLeads(ctx.db, ctx.storeId, actor.userId, { after, limit: query.limit });
    return toPage(rows, query.limit, presentSellerListed, (r) => ({ id: r.id }));
  }

  /** A seller prices their items of the lead; the answer is the lead as the seller reads it. */
  async sellerQuote(ctx: Ctx, id: string, input: SellerQuoteInput) {
    return this.view(ctx, await this.sellers.quote(ctx, id, input), 'SELLER');
  }

  /** The buyer declines: the lead is closed whatever was quoted. */
  async decline(ctx: Ctx, id: string, remarks: string | undefined) {
    const lead = await this.loadAs(ctx, id, 'BUYER');
    const moved = await this.staff.move(ctx, lead, 'DECLINED', { by: 'BUYER', remarks });
    return this.view(ctx, moved, 'BUYER');
  }

  /**
   * The buyer accepts the quote: the answer carries the cart now holding it at the quoted prices.
   * A guest's lead is the buyer's once signed in with the lead's email, verified (decision 026).
   */
  async accept(ctx: Ctx, id: string) {
    const lead = await this.loadAs(ctx, id, 'BUYER');
    const accepted = await this.acceptance.accept(ctx, lead, ctx.actor!.userId);
    return { ...(await this.view(ctx, accepted.lead, 'BUYER')), cartId: accepted.cartId };
  }

  /** The lead's thread, oldest first. */
  async messages(ctx: Ctx, id: string, query: PageQuery) {
    const { lead } = await this.load(ctx, id);
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await repo.messagesOf(ctx.db, ctx.storeId, lead.id, { after, limit: query.limit });
    return toPage(rows, query.limit, presentMessage, (r) => ({ id: r.id }));
  }

  async postMessage(ctx: Ctx, id: string, body: string) {
    const { lead, party } = await this.load(ctx, id);
    const row = await transaction(ctx.db, async (trx) => {
      const message = await repo.insertMessage(trx, {
        id: newId(),
        store_id: ctx.storeId,
        lead_id: lead.id,
        author_id: ctx.actor!.userId,
        author_role: party,
        body,
      });
      // the buyer hears of staff's and sellers' messages; staff and the sellers of the buyer's
      const items = await repo.itemsOf(trx, ctx.storeId, lead.id);
      await this.announce.message(ctx, trx, lead, items, message);
      return message;
    });
    return presentMessage(row);
  }

  /** Quotes past their validity, accepted or not, become EXPIRED (the sweep, across stores). */
  async expireDue(ctx: { db: Ctx['db']; log: FastifyBaseLogger }, limit = 500): Promise<number> {
    const quoted = await repo.expireDue(ctx.db, limit);
    return quoted + (await this.acceptance.expireAccepted(ctx, limit));
  }

  async view(ctx: Ctx, lead: LeadRow, party: LeadParty) {
    const [items, history] = await Promise.all([
      repo.itemsOf(ctx.db, ctx.storeId, lead.id),
      repo.historyOf(ctx.db, ctx.storeId, lead.id),
    ]);
    if (party !== 'SELLER') return presentLead(lead, items, history);
    const mine = items.filter((i) => i.seller_id === ctx.actor?.userId);
    return presentLead(lead, mine, history, { itemCount: items.length });
  }

  /** The lead and the caller's part in it; 404 when the caller has none. */
  private async load(ctx: Ctx, id: string): Promise<{ lead: LeadRow; party: LeadParty }> {
    const actor = requireActor(ctx);
    const lead = isUuid(id) ? await repo.findLead(ctx.db, ctx.storeId, id) : undefined;
    if (!lead) throw new LeadNotFound();
    if (lead.user_id === actor.userId) return { lead, party: 'BUYER' };
    if (hasRole(actor, 'ADMIN')) return { lead, party: 'STAFF' };
    if (hasRole(actor, 'SELLER') && (await sellsIn(ctx, lead.id, actor.userId)))
      return { lead, party: 'SELLER' };
    if (lead.user_id === null && lead.contact_email !== null) {
      const email = await this.ports.verifiedEmail(ctx);
      if (email !== null && email.toLowerCase() === lead.contact_email.toLowerCase())
        return { lead, party: 'BUYER' };
    }
    throw new LeadNotFound();
  }

  /** The lead, if the caller is that party to it (staff: an ADMIN); 404 otherwise. */
  private async loadAs(ctx: Ctx, id: string, party: LeadParty): Promise<LeadRow> {
    const found = await this.load(ctx, id);
    if (found.party !== party && !(party === 'STAFF' && hasRole(ctx.actor, 'ADMIN')))
      throw new LeadNotFound();
    return found.lead;
  }

  private async offersOf(ctx: Ctx, input: LeadInput): Promise<Map<string, QuotedOffer>> {
    const ids = input.items.flatMap((i) => (i.offerId ? [i.offerId] : []));
    const valid = ids.filter(isUuid);
    const offers = valid.length ? await this.ports.offers(ctx, [...new Set(valid)]) : [];
    const byId = new Map(offers.map((o) => [o.offerId, o]));
    const missing = input.items.flatMap((item, i) => (item.offerId && !byId.has(item.offerId) ? [i] : []));
    if (missing.length) throw new OffersNotFound(missing);
    return byId;
  }
}

async function sellsIn(ctx: Ctx, leadId: string, sellerId: string): Promise<boolean> {
  const items = await repo.itemsOf(ctx.db, ctx.storeId, leadId);
  return items.some((i) => i.seller_id === sellerId);
}

function itemRow(
  storeId: string,
  leadId: string,
  position: number,
  item: LeadInput['items'][number],
  offers: Map<string, QuotedOffer>,
  currency: string,
): LeadItemRow {
  const offer = item.offerId ? offers.get(item.offerId) : undefined;
  return {
    id: newId(),
    store_id: storeId,
    lead_id: leadId,
    position,
    offer_id: offer?.offerId ?? null,
    product_id: offer?.productId ?? null,
    seller_id: offer?.sellerId ?? null,
    description: offer?.description ?? item.description!,
    quantity: item.quantity,
    list_unit_amount: offer && offer.price.currency === currency ? offer.price.amount : null,
    quoted_unit_amount: null,
    quoted_by: null,
    quoted_by_role: null,
    quoted_at: null,
    quoted_valid_until: null,
    quoted_notes: null,
  };
}
