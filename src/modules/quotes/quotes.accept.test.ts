import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCustomer,
  createOffer,
  createUser,
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
type Lead = { id: string; items: Array<{ id: string }> };

async function quoted(
  buyer: TestUser,
  lines: Array<{ offer: TestOffer; quantity: number }>,
  unitPrice = 8_000,
) {
  const asked = await as(buyer).post('/leads', {
    items: lines.map((l) => ({ offerId: l.offer.offerId, quantity: l.quantity })),
  });
  expect(asked.statusCode).toBe(201);
  const lead: Lead = asked.json();
  const res = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
    items: lead.items.map((i) => ({ itemId: i.id, unitPrice })),
    validUntil: inAWeek(),
  });
  expect(res.statusCode).toBe(200);
  return lead;
}

const available = async (offerId: string) =>
  (
    await server.modules.inventory.getAvailability(
      server.database.db,
      server.modules.tenancy.defaultStore().id,
      [offerId],
    )
  ).get(offerId) ?? 0;

const sqlOn = (statement: string, params: unknown[]) =>
  server.database.pool.query(statement.replaceAll('{s}', server.database.schema), params);

/** The quote lapses (both the lead's validity and the cart's copy of it). */
async function lapse(leadId: string) {
  await sqlOn(`UPDATE {s}.leads SET valid_until = now() - interval '1 minute' WHERE id = $1`, [leadId]);
  await sqlOn(`UPDATE {s}.carts SET quoted_until = now() - interval '1 minute' WHERE lead_id = $1`, [leadId]);
}

const sweep = () => server.modules.quotes.service.expireDue({ db: server.database.db, log: server.log });

describe('accepting a quote', () => {
  it('puts the quoted items in the buyer’s cart at the quoted prices and holds their stock', async () => {
    const offer = await createOffer(server, { stock: 300, price: 9_900 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 200 }]);
    const res = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(res.statusCode).toBe(200);
    const accepted = res.json();
    expect(accepted).toMatchObject({ status: 'ACCEPTED', order: null });
    expect(accepted.acceptedAt).toEqual(expect.any(String));
    expect(accepted.history.map((h: { status: string; by: string }) => `${h.status}:${h.by}`)).toEqual([
      'NEW:BUYER',
      'QUOTED:STAFF',
      'ACCEPTED:BUYER',
    ]);
    const cart = (await as(buyer).get(`/carts/${accepted.cartId}`)).json();
    expect(cart.quote).toEqual({ leadId: lead.id, validUntil: accepted.quote.validUntil });
    expect(cart.items).toMatchObject([
      {
        offerId: offer.offerId,
        quantity: 200,
        quoted: true,
        unitPrice: { amount: 8_000 },
        currentPrice: { amount: 9_900 },
        priceChanged: false,
        available: true,
      },
    ]);
    expect(cart.totals.subtotal.amount).toBe(200 * 8_000);
    expect(cart.needsAttention).toBe(false);
    expect(await available(offer.offerId)).toBe(100);
    // the same cart is the buyer's active one
    expect((await as(buyer).post('/carts')).json().id).toBe(accepted.cartId);
  });

  it('refuses a lapsed, an answered or an unquoted lead with 409, and anyone but its buyer with 404', async () => {
    const offer = await createOffer(server, { stock: 50 });
    const buyer = await createCustomer(server);
    const lapsed = await quoted(buyer, [{ offer, quantity: 5 }]);
    await sqlOn(`UPDATE {s}.leads SET valid_until = now() - interval '1 minute' WHERE id = $1`, [lapsed.id]);
    const expired = await as(buyer).post(`/leads/${lapsed.id}/accept`);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().type).toBe('/problems/quote-expired');

    const declined = await quoted(buyer, [{ offer, quantity: 5 }]);
    await as(buyer).post(`/leads/${declined.id}/decline`, {});
    const fresh = (
      await as(buyer).post('/leads', { items: [{ offerId: offer.offerId, quantity: 5 }] })
    ).json();
    for (const id of [declined.id, fresh.id]) {
      const res = await as(buyer).post(`/leads/${id}/accept`);
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toBe('/problems/lead-transition-not-allowed');
    }

    const lead = await quoted(buyer, [{ offer, quantity: 5 }]);
    for (const other of [await createCustomer(server), staff])
      expect((await as(other).post(`/leads/${lead.id}/accept`)).statusCode).toBe(404);
    expect((await anonymous(server).post(`/leads/${lead.id}/accept`)).statusCode).toBe(401);
    expect((await as(buyer).post(`/leads/${lead.id}/accept`)).statusCode).toBe(200);
    const again = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/lead-transition-not-allowed');
    expect(await available(offer.offerId)).toBe(45);
  });

  it('refuses a quote with items described in words, naming them', async () => {
    const offer = await createOffer(server, { stock: 10 });
    const buyer = await createCustomer(server);
    const lead: Lead = (
      await as(buyer).post('/leads', {
        items: [
          { offerId: offer.offerId, quantity: 2 },
          { description: 'Custom printed cartons', quantity: 50 },
        ],
      })
    ).json();
    await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: lead.items.map((i) => ({ itemId: i.id, unitPrice: 100 })),
      validUntil: inAWeek(),
    });
    const res = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: '/problems/quote-has-unlisted-items',
      items: [{ itemId: lead.items[1]!.id, description: 'Custom printed cartons' }],
    });
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().status).toBe('QUOTED');
    expect(await available(offer.offerId)).toBe(10);
  });

  it('names each quoted item no longer sellable and what changed, and holds nothing', async () => {
    const short = await createOffer(server, { stock: 20 });
    const withdrawn = await createOffer(server, { stock: 20 });
    const fine = await createOffer(server, { stock: 20 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [
      { offer: short, quantity: 15 },
      { offer: withdrawn, quantity: 5 },
      { offer: fine, quantity: 5 },
    ]);
    // another buyer takes stock, and the store stops selling one product
    const other = await createCustomer(server);
    expect(
      (await as(other).post(`/leads/${(await quoted(other, [{ offer: short, quantity: 10 }])).id}/accept`))
        .statusCode,
    ).toBe(200);
    expect(
      (await as(staff).patch(`/admin/products/${withdrawn.productId}`, { status: 'INACTIVE' })).statusCode,
    ).toBe(200);
    const res = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(res.statusCode).toBe(409);
    const problem = res.json();
    expect(problem.type).toBe('/problems/quoted-items-unavailable');
    expect(problem.items).toEqual([
      expect.objectContaining({
        offerId: short.offerId,
        reason: 'not-enough-stock',
        requested: 15,
        available: 10,
      }),
      expect.objectContaining({ offerId: withdrawn.offerId, reason: 'not-for-sale', requested: 5 }),
    ]);
    expect(problem.detail).toContain('not enough in stock');
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().status).toBe('QUOTED');
    expect(await available(fine.offerId)).toBe(20);
  });

  it('lets one of ten racing accepts win, holding the stock once', async () => {
    const offer = await createOffer(server, { stock: 100 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 60 }]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => as(buyer).post(`/leads/${lead.id}/accept`)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    expect(await available(offer.offerId)).toBe(40);
    const history = (await as(buyer).get(`/leads/${lead.id}`)).json().history;
    expect(history.filter((h: { status: string }) => h.status === 'ACCEPTED')).toHaveLength(1);
    const { rows } = await sqlOn(
      `SELECT count(*)::int AS n FROM {s}.inventory_reservations WHERE reference_type = 'QUOTE' AND reference_id = $1`,
      [lead.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('lets a guest who signs in with the lead’s email, verified, accept it', async () => {
    const offer = await createOffer(server, { stock: 10 });
    const email = `guest-${Date.now()}@example.test`;
    const asked = await anonymous(server).post('/leads', {
      items: [{ offerId: offer.offerId, quantity: 3 }],
      contact: { name: 'Guest Buyer', email },
    });
    const lead: Lead = asked.json();
    await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: lead.items.map((i) => ({ itemId: i.id, unitPrice: 500 })),
      validUntil: inAWeek(),
    });
    const account = await createUser(server, { email });
    expect((await as(account).post(`/leads/${lead.id}/accept`)).statusCode).toBe(404);
    await sqlOn(`UPDATE {s}.users SET email_verified_at = now() WHERE id = $1`, [account.id]);
    const res = await as(account).post(`/leads/${lead.id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ACCEPTED', userId: account.id });
    expect((await as(account).get('/me/leads')).json().items.map((l: { id: string }) => l.id)).toEqual([
      lead.id,
    ]);
  });
});

describe('a cart holding an accepted quote', () => {
  it('keeps the quoted lines’ prices and quantities while the quote holds, and takes other items', async () => {
    const offer = await createOffer(server, { stock: 50, price: 9_900 });
    const extra = await createOffer(server, { stock: 5, price: 1_000 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 20 }]);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    const line = (await as(buyer).get(`/carts/${cartId}`)).json().items[0];
    const refused = [
      await as(buyer).patch(`/carts/${cartId}/items/${line.id}`, { quantity: 10 }),
      await as(buyer).del(`/carts/${cartId}/items/${line.id}`),
      await as(buyer).post(`/carts/${cartId}/items`, { offerId: offer.offerId, quantity: 1 }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toBe('/problems/quoted-line-locked');
    }
    expect(
      (await as(buyer).post(`/carts/${cartId}/items`, { offerId: extra.offerId, quantity: 2 })).statusCode,
    ).toBe(201);
    await as(staff).patch(`/admin/offers/${offer.offerId}`, { price: { amount: 7_000, currency: 'INR' } });
    const cart = (await as(buyer).post(`/carts/${cartId}/accept-prices`)).json();
    expect(
      cart.items.map((i: { quantity: number; unitPrice: { amount: number } }) => [
        i.quantity,
        i.unitPrice.amount,
      ]),
    ).toEqual([
      [20, 8_000],
      [2, 1_000],
    ]);
  });

  it('refuses a second accepted quote while the cart holds one', async () => {
    const offer = await createOffer(server, { stock: 50 });
    const buyer = await createCustomer(server);
    const first = await quoted(buyer, [{ offer, quantity: 5 }]);
    const second = await quoted(buyer, [{ offer, quantity: 5 }]);
    expect((await as(buyer).post(`/leads/${first.id}/accept`)).statusCode).toBe(200);
    const res = await as(buyer).post(`/leads/${second.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/cart-holds-quote');
    expect((await as(buyer).get(`/leads/${second.id}`)).json().status).toBe('QUOTED');
    expect(await available(offer.offerId)).toBe(45);
  });

  it('gives the stock back and empties the cart of the quote when the buyer declines it', async () => {
    const offer = await createOffer(server, { stock: 30 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 30 }]);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    expect(await available(offer.offerId)).toBe(0);
    expect((await as(buyer).post(`/leads/${lead.id}/decline`, {})).json().status).toBe('DECLINED');
    expect(await available(offer.offerId)).toBe(30);
    expect((await as(buyer).get(`/carts/${cartId}`)).json()).toMatchObject({ quote: null, items: [] });
  });

  it('lapses unconverted by the sweep: EXPIRED, the stock released, the cart emptied of it', async () => {
    const offer = await createOffer(server, { stock: 40 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 25 }]);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    await lapse(lead.id);
    const refused = await checkout(buyer, cartId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('/problems/quote-expired');
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const expired = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(expired.status).toBe('EXPIRED');
    expect(expired.history.at(-1)).toMatchObject({ status: 'EXPIRED', by: 'SYSTEM' });
    expect(await available(offer.offerId)).toBe(40);
    expect((await as(buyer).get(`/carts/${cartId}`)).json()).toMatchObject({ quote: null, items: [] });
    expect(await sweep()).toBe(0);
  });

  it('lets the buyer remove a lapsed quote’s lines and check out the rest before the sweep', async () => {
    const offer = await createOffer(server, { stock: 10 });
    const extra = await createOffer(server, { stock: 3, price: 2_000 });
    const buyer = await createCustomer(server);
    const lead = await quoted(buyer, [{ offer, quantity: 4 }]);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    await as(buyer).post(`/carts/${cartId}/items`, { offerId: extra.offerId, quantity: 1 });
    await lapse(lead.id);
    const line = (await as(buyer).get(`/carts/${cartId}`))
      .json()
      .items.find((i: { quoted: boolean }) => i.quoted);
    expect((await as(buyer).del(`/carts/${cartId}/items/${line.id}`)).statusCode).toBe(200);
    const placed = await checkout(buyer, cartId);
    expect(placed.statusCode).toBe(201);
    expect(placed.json().order.totals.subtotal.amount).toBe(2_000);
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().status).toBe('ACCEPTED');
  });
});
