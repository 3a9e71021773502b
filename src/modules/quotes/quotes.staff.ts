// Staff's half of leads: the list by status, assignee and days, assignment, recording contact or
// declining, and the quote itself (a unit price per item, validity, terms, notes). Reading leads
// takes an ADMIN; changing them the permission quotes:manage.
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { AssigneeNotStaff, LeadTransitionNotAllowed, QuoteIncomplete } from './quotes.errors.ts';
import type { LeadAnnouncer } from './quotes.events.ts';
import type { QuotePorts } from './quotes.ports.ts';
import { presentLead, presentListed } from './quotes.presenters.ts';
import { quoteOf, staffPrices, validity } from './quotes.pricing.ts';
import type { LeadRow, LeadsTable } from './quotes.repository.ts';
import * as repo from './quotes.repository.ts';
import type { LeadActorRole, LeadStatus, QuoteInput, StaffLeadQuery } from './quotes.schemas.ts';
import { canMove, QUOTABLE } from './quotes.status.ts';

type LoadStaffLead = (ctx: Ctx, id: string) => Promise<LeadRow>;

export class QuoteStaff {
  constructor(
    private readonly ports: QuotePorts,
    private readonly loadLead: LoadStaffLead,
    private readonly announce: LeadAnnouncer,
  ) {}

  /** Leads newest first, by status, assignee and the days they were made in. */
  async list(ctx: Ctx, query: StaffLeadQuery) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const assignedTo = query.assignedTo && isUuid(query.assignedTo) ? query.assignedTo : undefined;
    if (query.assignedTo && !assignedTo) return { items: [], nextCursor: null };
    const rows = await repo.staffLeads(
      ctx.db,
      ctx.storeId,
      { ...query, assignedTo },
      { after, limit: query.limit },
    );
    return toPage(rows, query.limit, presentListed, (r) => ({ id: r.id }));
  }

  /** Gives the lead to a staff member of the store, or to no one. */
  async assign(ctx: Ctx, id: string, userId: string | null) {
    requirePermission(ctx, 'quotes:manage');
    const lead = await this.loadLead(ctx, id);
    if (userId !== null && !(isUuid(userId) && (await this.ports.isStaff(ctx, userId))))
      throw new AssigneeNotStaff();
    const moved = await repo.moveLead(ctx.db, ctx.storeId, lead.id, lead.status, { assigned_to: userId });
    return this.present(ctx, moved ?? (await this.loadLead(ctx, id)));
  }

  /** Staff record that they contacted the buyer, or decline the lead. */
  async setStatus(ctx: Ctx, id: string, status: 'CONTACTED' | 'DECLINED', remarks: string | undefined) {
    requirePermission(ctx, 'quotes:manage');
    const lead = await this.loadLead(ctx, id);
    return this.present(ctx, await this.move(ctx, lead, status, { by: 'STAFF', remarks }));
  }

  /**
   * The quote: a unit price for every item (staff may leave a seller's current price of their items
   * as it is), valid until a time within a year. QUOTED again replaces it.
   */
  async quote(ctx: Ctx, id: string, input: QuoteInput) {
    const actor = requirePermission(ctx, 'quotes:manage');
    const found = await this.loadLead(ctx, id);
    const validUntil = validity(input.validUntil);
    const moved = await transaction(ctx.db, async (trx) => {
      const lead = (await repo.lockLead(trx, ctx.storeId, found.id))!;
      if (!QUOTABLE.includes(lead.status)) throw new LeadTransitionNotAllowed(lead.status, 'QUOTED');
      const items = await repo.itemsOf(trx, ctx.storeId, lead.id);
      await repo.setQuotedPrices(
        trx,
        ctx.storeId,
        lead.id,
        staffPrices(items, input, actor.userId, validUntil),
      );
      const quote = quoteOf(await repo.itemsOf(trx, ctx.storeId, lead.id));
      if (!quote) throw new QuoteIncomplete('Price every item of the lead.');
      return this.move(withDb(ctx, trx), lead, 'QUOTED', {
        by: 'STAFF',
        remarks: input.notes,
        fields: quotedFields(quote, actor.userId, { terms: input.terms ?? null, notes: input.notes ?? null }),
      });
    });
    return this.present(ctx, moved);
  }

  /**
   * Moves the lead to `to` with a history entry, in one transaction, only from the status it was
   * read in: 409 when the move is not allowed or another change got there first.
   */
  async move(
    ctx: Ctx,
    lead: LeadRow,
    to: LeadStatus,
    change: {
      by: LeadActorRole;
      remarks?: string | undefined;
      fields?: Partial<LeadsTable>;
      also?: (trx: Ctx['db']) => Promise<void>;
    },
  ): Promise<LeadRow> {
    if (!canMove(lead.status, to)) throw new LeadTransitionNotAllowed(lead.status, to);
    return transaction(ctx.db, async (trx) => {
      const moved = await repo.moveLead(trx, ctx.storeId, lead.id, lead.status, {
        ...change.fields,
        status: to,
      });
      if (!moved) throw new LeadTransitionNotAllowed(lead.status, to);
      // an accepted quote that ends without its order frees its stock and leaves the buyer's cart
      if (lead.status === 'ACCEPTED' && to !== 'CONVERTED')
        await this.ports.unhold(withDb(ctx, trx), lead.id);
      await change.also?.(trx);
      await repo.addHistory(trx, {
        id: newId(),
        store_id: ctx.storeId,
        lead_id: lead.id,
        status: to,
        by_user_id: ctx.actor?.userId ?? null,
        by_role: change.by,
        remarks: change.remarks ?? null,
      });
      if (to === 'QUOTED') await this.announce.quoted(ctx, trx, moved);
      return moved;
    });
  }

  private async present(ctx: Ctx, lead: LeadRow) {
    const [items, history] = await Promise.all([
      repo.itemsOf(ctx.db, ctx.storeId, lead.id),
      repo.historyOf(ctx.db, ctx.storeId, lead.id),
    ]);
    return presentLead(lead, items, history);
  }
}

/** The lead's columns for a quote made of its items' prices. */
export function quotedFields(
  quote: { total: number; validUntil: Date },
  by: string,
  text?: { terms: string | null; notes: string | null },
): Partial<LeadsTable> {
  return {
    quote_total: quote.total,
    valid_until: quote.validUntil,
    ...(text && { quote_terms: text.terms, quote_notes: text.notes }),
    quoted_by: by,
    quoted_at: new Date(),
  };
}
