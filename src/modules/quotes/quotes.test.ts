import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createOffer,
  createSeller,
  type TestOffer,
  type TestUser,
} from '../../../test/kit/index.ts';

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  staff = await createAdmin(server);
});
afterAll(async () => server?.destroy());

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const guestContact = { name: 'Meera Traders', email: 'meera@example.test', phone: '+919812345678' };

async function askFor(user: TestUser, offer: TestOffer, quantity = 200) {
  const res = await as(user).post('/leads', {
    items: [
      { offerId: offer.offerId, quantity },
      { description: 'Custom printed cartons', quantity: 50 },
    ],
    message: 'Monthly supply for our cafes',
    deliveryLocation: 'Pune, MH',
    wantedBy: '2027-01-15',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const quoteAll = (lead: { id: string; items: Array<{ id: string }> }, unitPrice = 8_000, who = staff) =>
  as(who).post(`/admin/leads/${lead.id}/quote`, {
    items: lead.items.map((i) => ({ itemId: i.id, unitPrice })),
    validUntil: inAWeek(),
    terms: 'Net 30',
  });

describe('asking for a quote', () => {
  it('records a buyer’s lead on 200 units as NEW, with the offer described and priced, and its history', async () => {
    const offer = await createOffer(server, { stock: 10, price: 9_900 });
    const buyer = await createCustomer(server, { name: 'Ravi Kumar' });
    const lead = await askFor(buyer, offer);
    expect(lead).toMatchObject({
      status: 'NEW',
      userId: buyer.id,
      contact: { name: 'Ravi Kumar', email: buyer.email },
      wantedBy: '2027-01-15',
      quote: null,
      history: [{ status: 'NEW', by: 'BUYER', byUserId: buyer.id }],
    });
    expect(lead.items).toMatchObject([
      { offerId: offer.offerId, quantity: 200, listUnitPrice: { amount: 9_900 }, quotedUnitPrice: null },
      { offerId: null, description: 'Custom printed cartons', quantity: 50, listUnitPrice: null },
    ]);
    const mine = await as(buyer).get('/me/leads');
    expect(mine.json().items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    expect(mine.json().items[0]).toMatchObject({ itemCount: 2, status: 'NEW' });
  });

  it('takes a guest’s lead with contact details, and refuses one without them', async () => {
    const guest = anonymous(server);
    const refused = await guest.post('/leads', { items: [{ description: 'Pallets', quantity: 10 }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().type).toBe('/problems/contact-required');
    const res = await guest.post('/leads', {
      items: [{ description: 'Pallets', quantity: 10 }],
      contact: guestContact,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'NEW', userId: null, contact: guestContact });
  });

  it('names the items that are not offers of the store, and changes nothing', async () => {
    const buyer = await createCustomer(server);
    const res = await as(buyer).post('/leads', {
      items: [
        { description: 'Boxes', quantity: 5 },
        { offerId: '0190a000-0000-7000-8000-000000000000', quantity: 5 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '/items/1/offerId' })]);
    const both = await as(buyer).post('/leads', { items: [{ quantity: 5 }] });
    expect(both.statusCode).toBe(400);
    expect((await as(buyer).get('/me/leads')).json().items).toEqual([]);
  });

  it('limits requests for a quote per client address and minute with 429', async () => {
    const s = await createTestServer({ config: { RATE_LIMIT_LEADS_PER_MINUTE: 2 } });
    try {
      const ask = (from: string) =>
        anonymous(s, { from }).post('/leads', {
          items: [{ description: 'Sacks', quantity: 9 }],
          contact: guestContact,
        });
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await ask('192.0.2.71')).statusCode);
      expect(codes).toEqual([201, 201, 429]);
      expect((await ask('192.0.2.72')).statusCode).toBe(201);
    } finally {
      await s.destroy();
    }
  });
});

describe('who sees a lead', () => {
  it('shows it to its buyer and staff, to a seller of its items with theirs only, and to no one else', async () => {
    const seller = await createSeller(server);
    const own = await createOffer(server, { stock: 5 });
    const sellers = await createOffer(server, { stock: 5, seller });
    const buyer = await createCustomer(server);
    const res = await as(buyer).post('/leads', {
      items: [
        { offerId: own.offerId, quantity: 20 },
        { offerId: sellers.offerId, quantity: 30 },
      ],
    });
    const lead = res.json();
    expect((await as(staff).get(`/leads/${lead.id}`)).json().items).toHaveLength(2);
    const seen = await as(seller).get(`/leads/${lead.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((i: { offerId: string }) => i.offerId)).toEqual([sellers.offerId]);
    expect((await as(seller).get('/seller/leads')).json().items.map((l: { id: string }) => l.id)).toContain(
      lead.id,
    );
    for (const stranger of [await createCustomer(server), await createSeller(server)])
      expect((await as(stranger).get(`/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await anonymous(server).get(`/leads/${lead.id}`)).statusCode).toBe(401);
    expect((await as(buyer).get('/leads/not-an-id')).statusCode).toBe(404);
  });

  it('lists leads for staff by status, newest first, and to no buyer', async () => {
    const buyer = await createCustomer(server);
    const first = await askFor(buyer, await createOffer(server, { stock: 1 }));
    const second = await askFor(buyer, await createOffer(server, { stock: 1 }));
    await quoteAll(second);
    const fresh = (await as(staff).get('/admin/leads?status=NEW&limit=100'))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(fresh).toContain(first.id);
    expect(fresh).not.toContain(second.id);
    const quoted = (await as(staff).get('/admin/leads?status=QUOTED')).json().items;
    expect(quoted[0]).toMatchObject({ id: second.id, quote: { total: { amount: 8_000 * 250 } } });
    expect((await as(buyer).get('/admin/leads')).statusCode).toBe(403);
  });
});

describe('quoting', () => {
  it('prices every item, totals the quote and keeps each change in the history', async () => {
    const buyer = await createCustomer(server);
    const lead = await askFor(buyer, await createOffer(server, { stock: 1, price: 9_900 }));
    const contacted = await as(staff).post(`/admin/leads/${lead.id}/status`, {
      status: 'CONTACTED',
      remarks: 'Called',
    });
    expect(contacted.json().status).toBe('CONTACTED');
    const res = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: [
        { itemId: lead.items[0].id, unitPrice: 9_000 },
        { itemId: lead.items[1].id, unitPrice: 2_500 },
      ],
      validUntil: inAWeek(),
      terms: 'Net 30',
      notes: 'Bulk price',
    });
    expect(res.statusCode).toBe(200);
    const quoted = res.json();
    expect(quoted.quote).toMatchObject({
      total: { amount: 200 * 9_000 + 50 * 2_500 },
      terms: 'Net 30',
      notes: 'Bulk price',
    });
    expect(quoted.items[0]).toMatchObject({
      quotedUnitPrice: { amount: 9_000 },
      quotedTotal: { amount: 1_800_000 },
    });
    expect(quoted.history.map((h: { status: string; by: string }) => `${h.status}:${h.by}`)).toEqual([
      'NEW:BUYER',
      'CONTACTED:STAFF',
      'QUOTED:STAFF',
    ]);
    // the buyer sees the same quote
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().quote.total.amount).toBe(1_925_000);
  });

  it('refuses a quote that leaves an item unpriced, prices one twice, or lapses in the past', async () => {
    const lead = await askFor(await createCustomer(server), await createOffer(server, { stock: 1 }));
    const [a, b] = lead.items;
    const cases = [
      { items: [{ itemId: a.id, unitPrice: 1 }], validUntil: inAWeek() },
      {
        items: [
          { itemId: a.id, unitPrice: 1 },
          { itemId: a.id, unitPrice: 2 },
        ],
        validUntil: inAWeek(),
      },
      {
        items: [
          { itemId: a.id, unitPrice: 1 },
          { itemId: b.id, unitPrice: 1 },
        ],
        validUntil: '2020-01-01T00:00:00Z',
      },
      {
        items: [
          { itemId: a.id, unitPrice: -1 },
          { itemId: b.id, unitPrice: 1 },
        ],
        validUntil: inAWeek(),
      },
    ];
    for (const body of cases) {
      const res = await as(staff).post(`/admin/leads/${lead.id}/quote`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await as(staff).get(`/leads/${lead.id}`)).json()).toMatchObject({ status: 'NEW', quote: null });
  });

  it('lets the buyer decline, after which nothing moves the lead', async () => {
    const buyer = await createCustomer(server);
    const lead = await askFor(buyer, await createOffer(server, { stock: 1 }));
    await quoteAll(lead);
    const declined = await as(buyer).post(`/leads/${lead.id}/decline`, { remarks: 'Found it cheaper' });
    expect(declined.json()).toMatchObject({ status: 'DECLINED' });
    expect((await as(buyer).post(`/leads/${lead.id}/decline`, {})).statusCode).toBe(409);
    const again = await quoteAll(lead);
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/lead-transition-not-allowed');
    // staff may not decline in the buyer's name through the buyer's call
    const other = await askFor(buyer, await createOffer(server, { stock: 1 }));
    expect((await as(staff).post(`/leads/${other.id}/decline`, {})).statusCode).toBe(404);
  });

  it('moves a lead once when staff race to record contact', async () => {
    const lead = await askFor(await createCustomer(server), await createOffer(server, { stock: 1 }));
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        as(staff).post(`/admin/leads/${lead.id}/status`, { status: 'CONTACTED' }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    const history = (await as(staff).get(`/leads/${lead.id}`)).json().history;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['NEW', 'CONTACTED']);
  });

  it('expires a quote past its validity, by the sweep, with the system in the history', async () => {
    const lead = await askFor(await createCustomer(server), await createOffer(server, { stock: 1 }));
    await quoteAll(lead);
    await server.database.pool.query(
      `UPDATE ${server.database.schema}.leads SET valid_until = now() - interval '1 minute' WHERE id = $1`,
      [lead.id],
    );
    expect(
      await server.modules.quotes.service.expireDue({ db: server.database.db, log: server.log }),
    ).toBeGreaterThanOrEqual(1);
    const expired = (await as(staff).get(`/leads/${lead.id}`)).json();
    expect(expired.status).toBe('EXPIRED');
    expect(expired.history.at(-1)).toMatchObject({ status: 'EXPIRED', by: 'SYSTEM', byUserId: null });
    // quoted again after it lapsed
    expect((await quoteAll(lead)).json().status).toBe('QUOTED');
  });
});

describe('assignment and the thread', () => {
  it('assigns a lead to staff only, and lists a staff member’s leads', async () => {
    const lead = await askFor(await createCustomer(server), await createOffer(server, { stock: 1 }));
    const colleague = await createAdmin(server);
    const notStaff = await createCustomer(server);
    expect((await as(staff).post(`/admin/leads/${lead.id}/assign`, { userId: notStaff.id })).statusCode).toBe(
      400,
    );
    const assigned = await as(staff).post(`/admin/leads/${lead.id}/assign`, { userId: colleague.id });
    expect(assigned.json().assignedTo).toBe(colleague.id);
    const theirs = await as(staff).get(`/admin/leads?assignedTo=${colleague.id}`);
    expect(theirs.json().items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
  });

  it('keeps a thread between the buyer and staff that no one else reads', async () => {
    const buyer = await createCustomer(server);
    const lead = await askFor(buyer, await createOffer(server, { stock: 1 }));
    expect(
      (await as(buyer).post(`/leads/${lead.id}/messages`, { body: 'Can you deliver by the 10th?' }))
        .statusCode,
    ).toBe(201);
    await as(staff).post(`/leads/${lead.id}/messages`, { body: 'Yes, by the 8th.' });
    const thread = (await as(buyer).get(`/leads/${lead.id}/messages`)).json().items;
    expect(thread.map((m: { by: string; body: string }) => `${m.by}: ${m.body}`)).toEqual([
      'BUYER: Can you deliver by the 10th?',
      'STAFF: Yes, by the 8th.',
    ]);
    const stranger = await createCustomer(server);
    expect((await as(stranger).get(`/leads/${lead.id}/messages`)).statusCode).toBe(404);
    expect((await as(stranger).post(`/leads/${lead.id}/messages`, { body: 'hi' })).statusCode).toBe(404);
  });
});
