import type { Call } from './calls.ts';
import { send, type World } from './fixtures.ts';

/**
 * How the matrix calls the lead operations. Each lead is the customer's, on one of the store's
 * offers and the seller's offer, so its parties are the customer (owner), the seller (an item of
 * theirs) and staff; guests ask with a contact.
 */

type Lead = { id: string; items: Array<{ id: string }> };

const contact = { name: 'Matrix Buyer', email: 'matrix-buyer@example.test' };

/** A new lead of the matrix's customer, with an item of the store's and one of the seller's. */
function customersLead(w: World): Promise<Lead> {
  return send(
    w.server,
    'POST',
    '/leads',
    {
      items: [
        { offerId: w.catalog.storeOffers[0].offerId, quantity: 200 },
        { offerId: w.catalog.sellerOffer.offerId, quantity: 40 },
      ],
      message: 'For the matrix',
    },
    w.callers.customer.headers,
  );
}

/** A new lead of the matrix's customer, quoted by staff (so its buyer may accept it). */
async function quotedLead(w: World): Promise<Lead> {
  const lead = await customersLead(w);
  await send(
    w.server,
    'POST',
    `/admin/leads/${lead.id}/quote`,
    {
      items: lead.items.map((i) => ({ itemId: i.id, unitPrice: 9_000 })),
      validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    w.callers.admin.headers,
  );
  return lead;
}

/** One lead every reader shares (made once). */
async function shared(w: World): Promise<Lead> {
  const key = 'quotes: the lead everyone reads';
  if (!w.fresh.has(key)) w.fresh.set(key, await customersLead(w));
  return w.fresh.get(key) as Lead;
}

const onFresh = (body: (lead: Lead) => unknown): Call<Lead> => ({
  fresh: customersLead,
  request: (_w, _who, lead) => ({ params: { id: lead.id }, body: body(lead) }),
});

const onShared = (body?: unknown): Call => ({
  request: async (w) => ({ params: { id: (await shared(w)).id }, ...(body !== undefined ? { body } : {}) }),
});

export const QUOTE_CALLS: Record<string, Call> = {
  'POST /leads': {
    request: (w) => ({
      body: { items: [{ offerId: w.catalog.storeOffers[1].offerId, quantity: 100 }], contact },
    }),
  },
  'GET /me/leads': {},
  'GET /leads/{id}': onShared(),
  'POST /leads/{id}/decline': onFresh(() => ({ remarks: 'Not now' })),
  'POST /leads/{id}/accept': {
    fresh: quotedLead,
    request: (_w, _who, lead) => ({ params: { id: lead.id } }),
  },
  'GET /leads/{id}/messages': onShared(),
  'POST /leads/{id}/messages': onShared({ body: 'Any update?' }),
  'GET /seller/leads': {},
  // the lead's second item is the matrix seller's
  'POST /seller/leads/{id}/quote': onFresh((lead) => ({
    items: [{ itemId: lead.items[1]!.id, unitPrice: 9_000 }],
    validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  })),
  'GET /admin/leads': {},
  'POST /admin/leads/{id}/assign': onFresh(() => ({ userId: null })),
  'POST /admin/leads/{id}/status': onFresh(() => ({ status: 'CONTACTED' })),
  'POST /admin/leads/{id}/quote': onFresh((lead) => ({
    items: lead.items.map((i) => ({ itemId: i.id, unitPrice: 9_000 })),
    validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  })),
};
