// The prices a quote is made of (decision 034): each item is priced by staff, or by its seller for
// their part, with a validity of its own; the lead is quoted once every item has a price still
// valid, its total the sum and its validity the earliest of its items'.
import { MAX_AMOUNT } from '../../platform/schemas.ts';
import { LeadItemNotYours, QuoteIncomplete } from './quotes.errors.ts';
import type { ItemPrice, LeadItemRow } from './quotes.repository.ts';
import type { QuoteInput, SellerQuoteInput } from './quotes.schemas.ts';

const YEAR_MS = 366 * 86_400_000;

/** A quote's (or a part's) validity: a time in the future, at most a year ahead; 400 otherwise. */
export function validity(text: string): Date {
  const at = new Date(text);
  const ms = at.getTime() - Date.now();
  if (ms <= 0 || ms > YEAR_MS)
    throw new QuoteIncomplete(
      'A quote is valid until a time in the future, at most a year ahead.',
      '/validUntil',
    );
  return at;
}

const sellerPriceHolds = (item: LeadItemRow, now: number) =>
  item.quoted_by_role === 'SELLER' &&
  item.quoted_valid_until !== null &&
  item.quoted_valid_until.getTime() > now;

/** Unit prices given in a body, each for an item among `allowed`, once; 400 or 403 naming what is wrong. */
function given(
  input: { items: Array<{ itemId: string; unitPrice: number }> },
  allowed: Set<string>,
  notAllowed: (index: number) => Error,
): Map<string, number> {
  const prices = new Map<string, number>();
  for (const [i, p] of input.items.entries()) {
    if (!allowed.has(p.itemId)) throw notAllowed(i);
    if (prices.has(p.itemId)) throw new QuoteIncomplete('This item is priced twice.', `/items/${i}/itemId`);
    prices.set(p.itemId, p.unitPrice);
  }
  return prices;
}

/**
 * Staff's prices: any item of the lead, once; every item not priced here must hold a seller's price
 * still valid (staff may leave the sellers' parts as they are, or override them).
 */
export function staffPrices(
  items: LeadItemRow[],
  input: QuoteInput,
  by: string,
  validUntil: Date,
): ItemPrice[] {
  const prices = given(
    input,
    new Set(items.map((i) => i.id)),
    (i) => new QuoteIncomplete('This item is not one of the lead’s.', `/items/${i}/itemId`),
  );
  const now = Date.now();
  if (items.some((i) => !prices.has(i.id) && !sellerPriceHolds(i, now)))
    throw new QuoteIncomplete(
      'Price every item of the lead (a seller’s current price may be left as it is).',
    );
  return [...prices].map(([itemId, unitPrice]) => ({
    itemId,
    unitPrice,
    by,
    role: 'STAFF' as const,
    validUntil,
    notes: null,
  }));
}

/** A seller's prices: every item of theirs in the lead, once, and none of anyone else's (403). */
export function sellerPrices(
  items: LeadItemRow[],
  sellerId: string,
  input: SellerQuoteInput,
  validUntil: Date,
): ItemPrice[] {
  const mine = new Set(items.filter((i) => i.seller_id === sellerId).map((i) => i.id));
  const prices = given(input, mine, () => new LeadItemNotYours());
  if (prices.size !== mine.size) throw new QuoteIncomplete('Price every item of yours in the lead.');
  return [...prices].map(([itemId, unitPrice]) => ({
    itemId,
    unitPrice,
    by: sellerId,
    role: 'SELLER' as const,
    validUntil,
    notes: input.notes ?? null,
  }));
}

/**
 * The lead's quote from its items' prices: the total and the earliest validity, once every item is
 * priced and every price still holds; null otherwise (a partial answer). 400 above an order's maximum.
 */
export function quoteOf(items: LeadItemRow[]): { total: number; validUntil: Date } | null {
  const now = Date.now();
  let total = 0;
  let earliest = Number.POSITIVE_INFINITY;
  for (const i of items) {
    if (i.quoted_unit_amount === null || i.quoted_valid_until === null) return null;
    total += Number(i.quoted_unit_amount) * i.quantity;
    earliest = Math.min(earliest, i.quoted_valid_until.getTime());
  }
  if (earliest <= now) return null;
  if (total > MAX_AMOUNT)
    throw new QuoteIncomplete('The quote’s total is above the largest amount an order may hold.');
  return { total, validUntil: new Date(earliest) };
}
