// Staff's half of leads: the list by status, assignee and days, assignment, recording contact or
// declining, and the quote itself (a unit price per item, validity, terms, notes). Reading leads
// takes an ADMIN; changing them the permission quotes:manage.
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { MAX_AMOUNT } from '../../platform/schemas.ts';
import { AssigneeNotStaff, LeadTransitionNotAllowed, QuoteIncomplete } from './quotes.errors.ts';
import type { QuotePorts } from './quotes.ports.ts';
import { presentLead, presentListed } from './quotes.presenters.ts';
import type { LeadRow, LeadsTable } from './quotes.repository.ts';
import * as repo from './quotes.repository.ts';
import type { LeadActorRole, LeadStatus, QuoteInput, StaffLeadQuery } from './quotes.schemas.ts';
import { canMove } from './quotes.status.ts';

const YEAR_MS = 366 * 86_400_000;

type LoadStaffLead = (ctx: Ctx, id: string) => Promise<LeadRow>;

export class QuoteStaff {
  constructor(
    private readonly ports: QuotePorts,
    private readonly loadLead: LoadStaffLead,
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

  /** The quote: a unit price for every item, valid until a time within a year. QUOTED again replaces it. */
  async quote(ctx: Ctx, id: string, input: QuoteInput) {
    const actor = requirePermission(ctx, 'quotes:manage');
    const lead = await this.loadLead(ctx, id);
    const items = await repo.itemsOf(ctx.db, ctx.storeId, lead.id);
    const prices = pricesFor(items, input);
    const validUntil = validity(input.validUntil);
    const total = items.reduce((sum, i) => sum + prices.get(i.id)! * i.quantity, 0);
    if (total > MAX_AMOUNT)
      throw new QuoteIncomplete('The quote’s total is above the largest amount an order may hold.');
    const moved = await this.move(ctx, lead, 'QUOTED', {
      by: 'STAFF',
      remarks: input.notes,
      fields: {
        quote_total: total,
        valid_until: validUntil,
        quote_terms: input.terms ?? null,
        quote_notes: input.notes ?? null,
        quoted_by: actor.userId,
        quoted_at: new Date(),
      },
      also: (trx) =>
        repo.setQuotedPrices(
          trx,
          ctx.storeId,
          lead.id,
          [...prices].map(([itemId, unitPrice]) => ({ itemId, unitPrice })),
        ),
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

/** A unit price for each item of the lead, exactly once; anything else is a 400 naming what is wrong. */
function pricesFor(items: { id: string }[], input: QuoteInput): Map<string, number> {
  const prices = new Map<string, number>();
  for (const [i, p] of input.items.entries()) {
    if (!items.some((item) => item.id === p.itemId))
      throw new QuoteIncomplete('This item is not one of the lead’s.', `/items/${i}/itemId`);
    if (prices.has(p.itemId)) throw new QuoteIncomplete('This item is priced twice.', `/items/${i}/itemId`);
    prices.set(p.itemId, p.unitPrice);
  }
  if (prices.size !== items.length) throw new QuoteIncomplete('Price every item of the lead.');
  return prices;
}

function validity(text: string): Date {
  const at = new Date(text);
  const ms = at.getTime() - Date.now();
  if (ms <= 0 || ms > YEAR_MS)
    throw new QuoteIncomplete(
      'A quote is valid until a time in the future, at most a year ahead.',
      '/validUntil',
    );
  return at;
}
