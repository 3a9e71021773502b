import type { HistoryRow, LeadItemRow, LeadRow, LeadSummaryRow, MessageRow } from './quotes.repository.ts';
import type { LeadView } from './quotes.schemas.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const money = (amount: string | number | null, currency: string) =>
  amount === null ? null : { amount: Number(amount), currency };

function quoteOf(l: LeadRow) {
  if (l.quote_total === null || l.valid_until === null || l.quoted_at === null) return null;
  return {
    total: { amount: Number(l.quote_total), currency: l.currency.trim() },
    validUntil: iso(l.valid_until),
    terms: l.quote_terms,
    notes: l.quote_notes,
    quotedAt: iso(l.quoted_at),
  };
}

export function presentSummary(l: LeadRow, itemCount: number) {
  return {
    id: l.id,
    status: l.status,
    contact: { name: l.contact_name, email: l.contact_email, phone: l.contact_phone },
    itemCount,
    quote: quoteOf(l),
    assignedTo: l.assigned_to,
    acceptedAt: l.accepted_at === null ? null : iso(l.accepted_at),
    order: l.order_id === null ? null : { id: l.order_id, number: l.order_number ?? '' },
    wantedBy: l.wanted_by === null ? null : String(l.wanted_by).slice(0, 10),
    createdAt: iso(l.created_at),
    updatedAt: iso(l.updated_at),
  };
}

export const presentListed = (l: LeadSummaryRow) => presentSummary(l, Number(l.item_count));

/** A seller's list: no quote total, which holds the other sellers' prices. */
export const presentSellerListed = (l: LeadSummaryRow) => ({ ...presentListed(l), quote: null });

function presentItem(i: LeadItemRow, currency: string) {
  const quoted = money(i.quoted_unit_amount, currency);
  return {
    id: i.id,
    offerId: i.offer_id,
    productId: i.product_id,
    sellerId: i.seller_id,
    description: i.description,
    quantity: i.quantity,
    listUnitPrice: money(i.list_unit_amount, currency),
    quotedUnitPrice: quoted,
    quotedTotal: quoted && { amount: quoted.amount * i.quantity, currency },
    quotedBy: i.quoted_by_role === null ? null : { role: i.quoted_by_role, userId: i.quoted_by },
    quotedValidUntil: i.quoted_valid_until === null ? null : iso(i.quoted_valid_until),
    quotedNotes: i.quoted_notes,
  };
}

/**
 * A lead as its party reads it. A seller sees their own items only and no total, which would tell
 * them the other sellers' prices (decision 034).
 */
export function presentLead(
  l: LeadRow,
  items: LeadItemRow[],
  history: HistoryRow[],
  seller?: { itemCount: number },
): LeadView {
  const currency = l.currency.trim();
  const summary = presentSummary(l, seller?.itemCount ?? items.length);
  return {
    ...summary,
    quote: seller ? null : summary.quote,
    userId: l.user_id,
    message: l.message,
    deliveryLocation: l.delivery_location,
    items: items.map((i) => presentItem(i, currency)),
    history: history.map((h) => ({
      status: h.status,
      at: iso(h.at),
      by: h.by_role,
      byUserId: h.by_user_id,
      remarks: h.remarks,
    })),
  };
}

export function presentMessage(m: MessageRow) {
  return { id: m.id, by: m.author_role, authorId: m.author_id, body: m.body, createdAt: iso(m.created_at) };
}
