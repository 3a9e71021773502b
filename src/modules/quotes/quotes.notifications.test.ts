// Lead changes reach people through notifications (decision 034): staff who answer leads and the
// sellers concerned hear of a new lead and of the buyer's messages; the buyer of the quote (with
// its validity and a link) and of staff's and sellers' messages; by mail and in the feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createOffer,
  createSeller,
  ok,
  type TestUser,
} from '../../../test/kit/index.ts';
import { sentMails } from '../../../test/mail.ts';

let server: TestServer;
let staff: TestUser;
let narrowAdmin: TestUser;

beforeAll(async () => {
  server = await createTestServer({ env: { PUBLIC_URL: 'http://localhost:3000' } });
  staff = await createAdmin(server);
  narrowAdmin = await createAdmin(server, { permissions: ['orders:refund'] });
});
afterAll(async () => server?.destroy());

async function mailsTo(user: { email: string }, subject: RegExp) {
  await server.worker.drain();
  return (await sentMails(server)).filter(
    (m) => m.to.toLowerCase().includes(user.email.toLowerCase()) && subject.test(m.subject),
  );
}

async function feedOf(user: TestUser, type: string) {
  await server.worker.drain();
  const feed = await ok<{ items: Array<{ type: string; title: string; body: string }> }>(
    as(user).get('/me/notifications'),
  );
  return feed.items.filter((i) => i.type === type);
}

async function leadOf(buyer: TestUser, seller: TestUser) {
  const offer = await createOffer(server, { stock: 10, seller });
  return ok<{ id: string; items: Array<{ id: string }> }>(
    as(buyer).post('/leads', { items: [{ offerId: offer.offerId, quantity: 40 }] }),
  );
}

describe('notifications of lead changes', () => {
  it('tells staff who answer leads and the item’s seller of a new lead (LEAD_NEW), each with their console’s link', async () => {
    const seller = await createSeller(server);
    const buyer = await createCustomer(server, { name: 'Ravi Kumar' });
    const lead = await leadOf(buyer, seller);
    const toStaff = await mailsTo(staff, /a request for a quote from Ravi Kumar/);
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]!.text).toContain(`http://localhost:3000/admin/leads/${lead.id}`);
    const toSeller = await mailsTo(seller, /a request for a quote from Ravi Kumar/);
    expect(toSeller[0]!.text).toContain(`/seller/leads/${lead.id}`);
    expect(await feedOf(staff, 'LEAD_NEW')).not.toHaveLength(0);
    expect((await feedOf(seller, 'LEAD_NEW'))[0]!.title).toBe('Request for a quote from Ravi Kumar');
    // an admin without quotes:manage does not answer leads, and the buyer is not told of their own
    expect(await mailsTo(narrowAdmin, /request for a quote/)).toHaveLength(0);
    expect(await feedOf(buyer, 'LEAD_NEW')).toHaveLength(0);
  });

  it('tells the buyer of the quote (LEAD_QUOTED) with its total, validity and a link, by mail and in the feed', async () => {
    const seller = await createSeller(server);
    const buyer = await createCustomer(server);
    const lead = await leadOf(buyer, seller);
    const validUntil = '2027-01-15T12:00:00.000Z';
    await ok(
      as(staff).post(`/admin/leads/${lead.id}/quote`, {
        items: [{ itemId: lead.items[0]!.id, unitPrice: 25_000 }],
        validUntil: new Date(Math.min(Date.parse(validUntil), Date.now() + 300 * 86_400_000)).toISOString(),
      }),
    );
    const [mail, ...more] = await mailsTo(buyer, /Your quote from/);
    expect(more).toHaveLength(0);
    expect(mail!.text).toMatch(/a quote of \S+ ?10,?000\.00, valid until/);
    expect(mail!.text).toMatch(/valid until \d{1,2} \w{3} 20\d\d/);
    expect(mail!.text).toContain('http://localhost:3000/account/quotes');
    const [item] = await feedOf(buyer, 'LEAD_QUOTED');
    expect(item!.title).toMatch(/^Your quote: \S+ ?10,?000\.00$/);
  });

  it('tells a guest of the quote by mail at the lead’s contact', async () => {
    const offer = await createOffer(server, { stock: 10 });
    const guest = { name: 'Meera Traders', email: 'meera-notified@example.test' };
    const lead = await ok<{ id: string; items: Array<{ id: string }> }>(
      anonymous(server).post('/leads', { items: [{ offerId: offer.offerId, quantity: 5 }], contact: guest }),
    );
    await ok(
      as(staff).post(`/admin/leads/${lead.id}/quote`, {
        items: [{ itemId: lead.items[0]!.id, unitPrice: 1_000 }],
        validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    );
    const mails = await mailsTo(guest, /Your quote from/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Hello Meera Traders');
  });

  it('tells the buyer of staff’s and sellers’ messages, and staff and the seller of the buyer’s (LEAD_MESSAGE)', async () => {
    const seller = await createSeller(server);
    const buyer = await createCustomer(server);
    const lead = await leadOf(buyer, seller);
    await ok(as(staff).post(`/leads/${lead.id}/messages`, { body: 'We can deliver by the 8th.' }));
    const toBuyer = await mailsTo(buyer, /new message about the quote/);
    expect(toBuyer).toHaveLength(1);
    expect(toBuyer[0]!.text).toContain('A message from the store:');
    expect(toBuyer[0]!.text).toContain('We can deliver by the 8th.');
    expect((await feedOf(buyer, 'LEAD_MESSAGE'))[0]!.body).toBe('We can deliver by the 8th.');
    // staff's own message is not sent back to staff
    expect(await feedOf(staff, 'LEAD_MESSAGE')).toHaveLength(0);

    await ok(as(seller).post(`/leads/${lead.id}/messages`, { body: 'Ex works, packed in tens.' }));
    expect((await feedOf(buyer, 'LEAD_MESSAGE')).map((i) => i.title)).toContain(
      'New message from a seller about a quote',
    );

    await ok(as(buyer).post(`/leads/${lead.id}/messages`, { body: 'Can it be the 6th?' }));
    const toStaff = await mailsTo(staff, /new message about the quote/);
    expect(toStaff.at(-1)!.text).toContain('A message from the buyer:');
    expect(toStaff.at(-1)!.text).toContain(`/admin/leads/${lead.id}`);
    expect((await mailsTo(seller, /new message about the quote/)).at(-1)!.text).toContain(
      `/seller/leads/${lead.id}`,
    );
    expect((await feedOf(seller, 'LEAD_MESSAGE')).map((i) => i.body)).toEqual(['Can it be the 6th?']);
    expect(await feedOf(buyer, 'LEAD_MESSAGE')).toHaveLength(2);
  });
});
