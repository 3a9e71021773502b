// The events quotes writes to the outbox (`jobs.publish`), in the transaction of the change; the
// notifications module turns them into messages (LEAD_NEW, LEAD_QUOTED, LEAD_MESSAGE).
import type { Ctx } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { LeadItemRow, LeadRow, MessageRow } from './quotes.repository.ts';

export const QuoteEvents = {
  /** A lead was asked for: `{ leadId, contactName, itemCount, sellerIds }` (the sellers of its items). */
  created: 'quotes.lead.created',
  /**
   * The lead became QUOTED (by staff, or by the seller completing it): `{ leadId, userId,
   * contactName, contactEmail, total, currency, validUntil }` (`userId` null for a guest).
   */
  quoted: 'quotes.lead.quoted',
  /**
   * A message in the lead's thread: `{ leadId, messageId, by, authorId, userId, contactName,
   * contactEmail, sellerIds, body }` (`by`: BUYER, STAFF or SELLER).
   */
  messagePosted: 'quotes.lead.message-posted',
} as const;

const sellersOf = (items: LeadItemRow[]) => [
  ...new Set(items.map((i) => i.seller_id).filter((s): s is string => s !== null)),
];

/** Writes the events of lead changes; without a job system (none wired) it writes nothing. */
export class LeadAnnouncer {
  constructor(private readonly jobs?: Jobs) {}

  async created(ctx: Ctx, trx: Ctx['db'], lead: Pick<LeadRow, 'id' | 'contact_name'>, items: LeadItemRow[]) {
    await this.jobs?.publish(trx, {
      name: QuoteEvents.created,
      storeId: ctx.storeId,
      payload: {
        leadId: lead.id,
        contactName: lead.contact_name,
        itemCount: items.length,
        sellerIds: sellersOf(items),
      },
    });
  }

  async quoted(ctx: Ctx, trx: Ctx['db'], lead: LeadRow) {
    await this.jobs?.publish(trx, {
      name: QuoteEvents.quoted,
      storeId: ctx.storeId,
      payload: {
        leadId: lead.id,
        userId: lead.user_id,
        contactName: lead.contact_name,
        contactEmail: lead.contact_email,
        total: Number(lead.quote_total),
        currency: lead.currency.trim(),
        validUntil: lead.valid_until?.toISOString() ?? null,
      },
    });
  }

  async message(ctx: Ctx, trx: Ctx['db'], lead: LeadRow, items: LeadItemRow[], message: MessageRow) {
    await this.jobs?.publish(trx, {
      name: QuoteEvents.messagePosted,
      storeId: ctx.storeId,
      payload: {
        leadId: lead.id,
        messageId: message.id,
        by: message.author_role,
        authorId: message.author_id,
        userId: lead.user_id,
        contactName: lead.contact_name,
        contactEmail: lead.contact_email,
        sellerIds: sellersOf(items),
        body: message.body,
      },
    });
  }
}
