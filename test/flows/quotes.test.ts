// A buyer asks for a quote on 200 units, staff quote, the buyer accepts and pays (issue 18's "Done
// when"): the order is charged the quoted prices with tax and shipping as any order, the lead is
// CONVERTED with the order, and the stock leaves once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCustomer,
  createOffer,
  createSeller,
  type TestOffer,
  type TestUser,
} from '../kit/index.ts';

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  staff = await createAdmin(server);
  await as(staff).post('/admin/tax-rules', { name: 'GST', country: 'IN', rateBp: 1_800, inclusive: true });
  await as(staff).post('/admin/shipping-methods', { code: 'freight', name: 'Freight', flatAmount: 9_900 });
});
afterAll(async () => server?.destroy());

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

async function stock(offer: TestOffer) {
  return (await as(staff).get(`/admin/inventory/offers/${offer.offerId}`)).json();
}

async function askAndQuote(buyer: TestUser, offer: TestOffer, quantity: number, unitPrice: number) {
  const lead = (await as(buyer).post('/leads', { items: [{ offerId: offer.offerId, quantity }] })).json();
  const quoted = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
    items: [{ itemId: lead.items[0].id, unitPrice }],
    validUntil: inAWeek(),
    terms: 'Net 30',
  });
  expect(quoted.statusCode).toBe(200);
  return lead as { id: string };
}

describe('a quote from request to order', () => {
  it('asks on 200 units, is quoted, accepted and paid at the quoted price; CONVERTED; stock out once', async () => {
    const offer = await createOffer(server, { stock: 500, price: 9_900 });
    const buyer = await createCustomer(server);
    const lead = await askAndQuote(buyer, offer, 200, 8_000);
    // the catalog price moves after the quote: the quote still holds
    await as(staff).patch(`/admin/offers/${offer.offerId}`, { price: { amount: 12_000, currency: 'INR' } });

    const accepted = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    const { cartId } = accepted.json();
    expect(await stock(offer)).toMatchObject({ onHand: 500, reserved: 200, available: 300 });

    const res = await checkout(buyer, cartId, { shippingMethod: 'freight' });
    expect(res.statusCode).toBe(201);
    const { order, payment } = res.json();
    expect(order.items).toMatchObject([
      { offerId: offer.offerId, quantity: 200, unitPrice: { amount: 8_000 }, total: { amount: 1_600_000 } },
    ]);
    const t = order.totals;
    expect(t.subtotal.amount).toBe(1_600_000);
    expect(t.shipping.amount).toBe(9_900);
    expect(t.tax.amount).toBeGreaterThan(0);
    expect(t.total.amount).toBe(1_600_000 - t.discount.amount + 9_900);
    expect(payment).toMatchObject({ status: 'CAPTURED', captured: { amount: t.total.amount } });

    const converted = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(converted).toMatchObject({ status: 'CONVERTED', order: { id: order.id, number: order.number } });
    expect(converted.history.map((h: { status: string }) => h.status)).toEqual([
      'NEW',
      'QUOTED',
      'ACCEPTED',
      'CONVERTED',
    ]);
    expect(converted.history.at(-1).remarks).toBe(`Order ${order.number}`);
    expect((await as(staff).get(`/leads/${lead.id}`)).json().order.number).toBe(order.number);

    // sold once: 200 left on-hand, nothing still held for the quote, the ledger consistent
    expect(await stock(offer)).toMatchObject({ onHand: 300, reserved: 0, available: 300 });
    expect((await as(staff).get('/admin/inventory/check')).json()).toMatchObject({ healthy: true });
    expect((await as(buyer).get(`/carts/${cartId}`)).json().status).toBe('CONVERTED');
    // the quote is spent: neither accepted nor swept again
    expect((await as(buyer).post(`/leads/${lead.id}/accept`)).statusCode).toBe(409);
    await server.modules.quotes.service.expireDue({ db: server.database.db, log: server.log });
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().status).toBe('CONVERTED');
  });

  it('charges the quoted lines at the quoted price and other lines at the catalog price', async () => {
    const quotedOffer = await createOffer(server, { stock: 50, price: 5_000 });
    const other = await createOffer(server, { stock: 5, price: 1_000 });
    const buyer = await createCustomer(server);
    const lead = await askAndQuote(buyer, quotedOffer, 10, 4_000);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    await as(buyer).post(`/carts/${cartId}/items`, { offerId: other.offerId, quantity: 1 });
    const res = await checkout(buyer, cartId, { shippingMethod: 'freight' });
    expect(res.statusCode).toBe(201);
    expect(res.json().order.totals.subtotal.amount).toBe(10 * 4_000 + 1_000);
    expect((await stock(quotedOffer)).onHand).toBe(40);
    expect((await stock(other)).onHand).toBe(4);
  });

  it('accepts a quote its seller priced into the cart at the seller’s price, and orders it', async () => {
    const seller = await createSeller(server);
    const offer = await createOffer(server, { stock: 30, price: 6_000, seller });
    const buyer = await createCustomer(server);
    const lead = (
      await as(buyer).post('/leads', { items: [{ offerId: offer.offerId, quantity: 20 }] })
    ).json();
    const priced = await as(seller).post(`/seller/leads/${lead.id}/quote`, {
      items: [{ itemId: lead.items[0].id, unitPrice: 5_200 }],
      validUntil: inAWeek(),
    });
    expect(priced.json().status).toBe('QUOTED');
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    const res = await checkout(buyer, cartId, { shippingMethod: 'freight' });
    expect(res.statusCode).toBe(201);
    expect(res.json().order.items).toMatchObject([{ quantity: 20, unitPrice: { amount: 5_200 } }]);
    expect((await as(buyer).get(`/leads/${lead.id}`)).json().status).toBe('CONVERTED');
  });
});

describe('a converted quote whose order is cancelled', () => {
  async function convertedUnpaid(buyer: TestUser, offer: TestOffer) {
    const lead = await askAndQuote(buyer, offer, 10, 7_000);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    const res = await checkout(buyer, cartId, {
      shippingMethod: 'freight',
      payment: { provider: 'test', token: 'tok_decline' },
    });
    expect(res.statusCode).toBe(201);
    const { order } = res.json();
    expect(order.status).toBe('PENDING');
    return { lead, order: order as { id: string; number: string } };
  }

  it('opens the quote again when its order is cancelled before payment, to be accepted and ordered again', async () => {
    const offer = await createOffer(server, { stock: 40, price: 9_000 });
    const buyer = await createCustomer(server);
    const { lead, order } = await convertedUnpaid(buyer, offer);
    expect(
      (await as(buyer).post(`/orders/${order.id}/cancel`, { reasonCode: 'changed-mind' })).statusCode,
    ).toBe(200);
    const reopened = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(reopened).toMatchObject({ status: 'QUOTED', order: null, acceptedAt: null });
    expect(reopened.history.at(-1)).toMatchObject({
      status: 'QUOTED',
      by: 'SYSTEM',
      remarks: `Order ${order.number} was cancelled before payment`,
    });
    expect(await stock(offer)).toMatchObject({ onHand: 40, reserved: 0 });

    const again = await as(buyer).post(`/leads/${lead.id}/accept`);
    expect(again.statusCode).toBe(200);
    const res = await checkout(buyer, again.json().cartId, { shippingMethod: 'freight' });
    expect(res.statusCode).toBe(201);
    expect(res.json().order.items).toMatchObject([{ quantity: 10, unitPrice: { amount: 7_000 } }]);
    const converted = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(converted).toMatchObject({ status: 'CONVERTED', order: { id: res.json().order.id } });
    expect(converted.history.map((h: { status: string }) => h.status)).toEqual([
      'NEW',
      'QUOTED',
      'ACCEPTED',
      'CONVERTED',
      'QUOTED',
      'ACCEPTED',
      'CONVERTED',
    ]);
  });

  it('expires the quote instead once it lapsed, and staff cannot quote a converted lead', async () => {
    const offer = await createOffer(server, { stock: 40 });
    const buyer = await createCustomer(server);
    const { lead, order } = await convertedUnpaid(buyer, offer);
    const requote = await as(staff).post(`/admin/leads/${lead.id}/quote`, {
      items: (await as(staff).get(`/leads/${lead.id}`)).json().items.map((i: { id: string }) => ({
        itemId: i.id,
        unitPrice: 1,
      })),
      validUntil: inAWeek(),
    });
    expect(requote.statusCode).toBe(409);
    await server.database.pool.query(
      `UPDATE ${server.database.schema}.leads SET valid_until = now() - interval '1 minute' WHERE id = $1`,
      [lead.id],
    );
    expect(
      (await as(staff).post(`/admin/orders/${order.id}/status`, { status: 'CANCELLED' })).statusCode,
    ).toBe(200);
    const expired = (await as(buyer).get(`/leads/${lead.id}`)).json();
    expect(expired).toMatchObject({ status: 'EXPIRED', order: null });
    expect(expired.history.at(-1)).toMatchObject({ status: 'EXPIRED', by: 'SYSTEM' });
    expect((await as(buyer).post(`/leads/${lead.id}/accept`)).json().type).toBe('/problems/quote-expired');
  });

  it('leaves the lead CONVERTED when a paid order is cancelled and refunded', async () => {
    const offer = await createOffer(server, { stock: 40 });
    const buyer = await createCustomer(server);
    const lead = await askAndQuote(buyer, offer, 5, 8_000);
    const { cartId } = (await as(buyer).post(`/leads/${lead.id}/accept`)).json();
    const { order } = (await checkout(buyer, cartId, { shippingMethod: 'freight' })).json();
    expect((await as(buyer).post(`/orders/${order.id}/cancel`, {})).statusCode).toBe(200);
    expect((await as(buyer).get(`/leads/${lead.id}`)).json()).toMatchObject({
      status: 'CONVERTED',
      order: { id: order.id },
    });
  });
});
