// Messages about leads (quotes): a new lead to the staff who answer leads (holding quotes:manage)
// and the sellers of its items; the quote to the buyer, with its validity and a link to it; a
// message in the thread to the buyer when staff or a seller wrote it, else to staff and sellers.
import { QuoteEvents } from '../quotes/index.ts';
import type { Recipient } from './notifications.channels.ts';
import type { Intent, StoreData } from './notifications.dispatch.ts';
import type { Recipe, RecipeInput } from './notifications.recipes.ts';

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const ids = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const page = (store: StoreData, path: string) => (store.url ? `${store.url}${path}` : '');

/** The lead's buyer: the account when signed in (mail and feed), else the guest's contact (mail). */
async function buyer(input: RecipeInput): Promise<Recipient | null> {
  const userId = str(input.payload.userId);
  if (userId) return input.sources.user(input.ctx, userId);
  const email = str(input.payload.contactEmail);
  return email ? { userId: null, name: str(input.payload.contactName) || null, email, phone: null } : null;
}

/** Staff who answer leads, and the sellers of the lead's items, each once, each with their console's link. */
async function answerers(input: RecipeInput, except: string | null) {
  const leadId = str(input.payload.leadId);
  const staff = await input.sources.staffWith(input.ctx, 'quotes:manage');
  const people: Array<{ recipient: Recipient; url: string }> = staff.map((recipient) => ({
    recipient,
    url: page(input.store, `/admin/leads/${leadId}`),
  }));
  for (const sellerId of ids(input.payload.sellerIds)) {
    if (people.some((p) => p.recipient.userId === sellerId)) continue;
    const seller = await input.sources.user(input.ctx, sellerId);
    if (seller) people.push({ recipient: seller, url: page(input.store, `/seller/leads/${leadId}`) });
  }
  return people.filter((p) => p.recipient.userId === null || p.recipient.userId !== except);
}

const leadCreated: Recipe = async (input) => {
  const lead = {
    contactName: str(input.payload.contactName),
    itemCount: Number(input.payload.itemCount) || 0,
  };
  return (await answerers(input, null)).map(
    ({ recipient, url }): Intent => ({ type: 'LEAD_NEW', recipient, data: { lead: { ...lead, url } } }),
  );
};

/** A day as people read it, e.g. "7 Dec 2026" (UTC). */
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

const leadQuoted: Recipe = async (input) => {
  const recipient = await buyer(input);
  const validUntil = str(input.payload.validUntil);
  if (!recipient || !validUntil) return [];
  const lead = {
    total: Number(input.payload.total),
    currency: str(input.payload.currency),
    validUntil: day(validUntil),
    url: page(input.store, '/account/quotes'),
  };
  return [{ type: 'LEAD_QUOTED', recipient, data: { lead } }];
};

const FROM: Record<string, string> = { BUYER: 'the buyer', STAFF: 'the store', SELLER: 'a seller' };

const messagePosted: Recipe = async (input) => {
  const by = str(input.payload.by);
  const message = { from: FROM[by] ?? 'the store', body: str(input.payload.body) };
  const contactName = str(input.payload.contactName);
  if (by !== 'BUYER') {
    const recipient = await buyer(input);
    if (!recipient) return [];
    const lead = { contactName, url: page(input.store, '/account/quotes') };
    return [{ type: 'LEAD_MESSAGE', recipient, data: { lead, message } }];
  }
  return (await answerers(input, str(input.payload.authorId))).map(
    ({ recipient, url }): Intent => ({
      type: 'LEAD_MESSAGE',
      recipient,
      data: { lead: { contactName, url }, message },
    }),
  );
};

export const LEAD_RECIPES: Record<string, Recipe> = {
  [QuoteEvents.created]: leadCreated,
  [QuoteEvents.quoted]: leadQuoted,
  [QuoteEvents.messagePosted]: messagePosted,
};
