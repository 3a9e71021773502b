// Sellers quote their own items of a lead (decision 034): staff price the rest or override; the
// lead is QUOTED once every item has a price, valid until the earliest of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  createAdmin,
  createCustomer,
  createOffer,
  createSeller,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  staff = await createAdmin(server);
});
afterAll(async () => server?.destroy());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface Lead {
  id: string;
  status: string;
  items: Array<{ id: string; offerId: string | null; sellerId: string | null }>;
}

/** A lead on one item of each seller, one of the store's own, and one described in words. */
async function leadOn(sellers: TestUser[], extra: Array<{ description: string; quantity: number }> = []) {
  const offers = await Promise.all(sellers.map((seller) => createOffer(server, { stock: 50, seller })));
  const buyer = await createCustomer(server);
  const res = await as(buyer).post('/leads', {
    items: [...offers.map((o, i) => ({ offerId: o.offerId, quantity: 10 * (i + 1) })), ...extra],
  });
  expect(res.statusCode).toBe(201);
  const lead = res.json<Lead>();
  const itemOf = (seller: TestUser) => lead.items.find((i) => i.sellerId === seller.id)!;
  return { lead, buyer, itemOf };
}

const sellerQuote = (
  seller: TestUser,
  leadId: string,
  items: Array<{ itemId: string; unitPrice: number }>,
  days = 7,
) => as(seller).post(`/seller/leads/${leadId}/quote`, { items, validUntil: inDays(days), notes: 'Ex works' });

describe('sellers quoting their items', () => {
  it('keeps a partial answer NEW for staff to see, and staff price the rest into a quote', async () => {
    const seller = await createSeller(server);
    const { lead, buyer, itemOf } = await leadOn([seller], [{ description: 'Custom cartons', quantity: 5 }]);
    const mine = itemOf(seller);
    const answered = await sellerQuote(seller, lead.id, [{ itemId: mine.id, unitPrice: 900 }], 3);
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'NEW', quote: null });
    expect(answered.json().items).toMatchObject([
      {
        id: mine.id,
        quotedUnitPrice: { amount: 900 },
        quotedBy: { role: 'SELLER', userId: seller.id },
        quotedNotes: 'Ex works',
      },
    ]);
    const seen = (await as(staff).get(`/leads/${lead.id}`)).json();
    expect(seen.status).toBe('NEW');
    expect(seen.items[0]).toMatchObject({ quotedUnitPrice: { amount: 900 }, quotedBy: { role: 'SELLER' } });
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().quote).toBeNull();

    // staff price the item in words and leave the seller's price as it is
    const words = lead.items.find((i) => i.offerId === null)!;
    const quoted = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: [{ itemId: words.id, unitPrice: 200 }],
      validUntil: inDays(7),
      terms: 'Net 30',
    });
    expect(quoted.statusCode).toBe(200);
    const body = quoted.json();
    expect(body.status).toBe('QUOTED');
    expect(body.quote.total.amount).toBe(10 * 900 + 5 * 200);
    // the earliest validity: the seller's three days, not staff's seven
    expect(Date.parse(body.quote.validUntil)).toBe(Date.parse(body.items[0].quotedValidUntil));
    expect(Date.parse(body.quote.validUntil)).toBeLessThan(Date.now() + 4 * 86_400_000);
    expect(body.items.map((i: { quotedBy: { role: string } }) => i.quotedBy.role)).toEqual([
      'SELLER',
      'STAFF',
    ]);
  });

  it('quotes the lead when the last seller answers, and shows each seller only their own prices', async () => {
    const [a, b] = [await createSeller(server), await createSeller(server)];
    const { lead, buyer, itemOf } = await leadOn([a, b]);
    expect(
      (await sellerQuote(a, lead.id, [{ itemId: itemOf(a).id, unitPrice: 1_000 }], 5)).json().status,
    ).toBe('NEW');
    const last = await sellerQuote(b, lead.id, [{ itemId: itemOf(b).id, unitPrice: 2_000 }], 9);
    expect(last.json()).toMatchObject({ status: 'QUOTED', quote: null });
    expect(last.json().items.map((i: { id: string }) => i.id)).toEqual([itemOf(b).id]);
    const quoted = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(quoted.quote.total.amount).toBe(10 * 1_000 + 20 * 2_000);
    expect(Date.parse(quoted.quote.validUntil)).toBeLessThan(Date.now() + 6 * 86_400_000);
    expect(quoted.history.at(-1)).toMatchObject({ status: 'QUOTED', by: 'SELLER', byUserId: b.id });
    // neither seller reads the other's price, nor the total that would tell it
    const seenByA = (await as(a).get(`/leads/${lead.id}`)).json();
    expect(seenByA.quote).toBeNull();
    expect(seenByA.items).toHaveLength(1);
    expect(seenByA.items[0].quotedUnitPrice.amount).toBe(1_000);
    const listed = (await as(a).get('/seller/leads'))
      .json()
      .items.find((l: { id: string }) => l.id === lead.id);
    expect(listed).toMatchObject({ status: 'QUOTED', quote: null });
  });

  it('refuses a seller another seller’s item, a lead without theirs, and a part left unpriced', async () => {
    const [a, b] = [await createSeller(server), await createSeller(server)];
    const { lead, itemOf } = await leadOn([a, b]);
    const other = await sellerQuote(a, lead.id, [
      { itemId: itemOf(a).id, unitPrice: 1 },
      { itemId: itemOf(b).id, unitPrice: 1 },
    ]);
    expect(other.statusCode).toBe(403);
    expect(other.json().type).toBe('/problems/lead-item-not-yours');
    const stranger = await createSeller(server);
    expect((await sellerQuote(stranger, lead.id, [{ itemId: itemOf(a).id, unitPrice: 1 }])).statusCode).toBe(
      404,
    );
    // not a seller at all: the seller's call is not theirs
    const buyer = await createCustomer(server);
    expect((await sellerQuote(buyer, lead.id, [{ itemId: itemOf(a).id, unitPrice: 1 }])).statusCode).toBe(
      403,
    );
    const twice = await sellerQuote(a, lead.id, [
      { itemId: itemOf(a).id, unitPrice: 1 },
      { itemId: itemOf(a).id, unitPrice: 2 },
    ]);
    expect(twice.statusCode).toBe(400);
    expect((await sellerQuote(a, lead.id, [{ itemId: itemOf(a).id, unitPrice: 1 }], -1)).statusCode).toBe(
      400,
    );
    expect((await sellerQuote(a, 'not-an-id', [{ itemId: itemOf(a).id, unitPrice: 1 }])).statusCode).toBe(
      404,
    );
    const untouched = (await as(staff).get(`/leads/${lead.id}`)).json();
    expect(untouched.items.every((i: { quotedUnitPrice: unknown }) => i.quotedUnitPrice === null)).toBe(true);
  });

  it('lets staff override a seller’s price, and refuses sellers once the buyer declined', async () => {
    const seller = await createSeller(server);
    const { lead, buyer, itemOf } = await leadOn([seller]);
    await sellerQuote(seller, lead.id, [{ itemId: itemOf(seller).id, unitPrice: 5_000 }]);
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().quote.total.amount).toBe(50_000);
    const overridden = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: [{ itemId: itemOf(seller).id, unitPrice: 4_500 }],
      validUntil: inDays(7),
    });
    expect(overridden.json().items[0]).toMatchObject({
      quotedUnitPrice: { amount: 4_500 },
      quotedBy: { role: 'STAFF' },
    });
    expect(overridden.json().quote.total.amount).toBe(45_000);
    await as(buyer).post(`/leads/${lead.id}/decline`, {});
    const late = await sellerQuote(seller, lead.id, [{ itemId: itemOf(seller).id, unitPrice: 1 }]);
    expect(late.statusCode).toBe(409);
  });

  it('quotes once when two sellers complete their parts at the same time', async () => {
    const [a, b] = [await createSeller(server), await createSeller(server)];
    const { lead, buyer, itemOf } = await leadOn([a, b]);
    const answers = await Promise.all([
      sellerQuote(a, lead.id, [{ itemId: itemOf(a).id, unitPrice: 100 }]),
      sellerQuote(b, lead.id, [{ itemId: itemOf(b).id, unitPrice: 200 }]),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const quoted = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(quoted).toMatchObject({ status: 'QUOTED', quote: { total: { amount: 10 * 100 + 20 * 200 } } });
    expect(quoted.history.map((h: { status: string }) => h.status)).toEqual(['NEW', 'QUOTED']);
  });
});
