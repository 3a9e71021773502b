import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createOrder,
  createSeller,
  createStore,
  ok,
  type TestUser,
} from '../../../test/kit/index.ts';
import { sentMails } from '../../../test/mail.ts';
import { PLATFORM_REALM } from '../../platform/http/context.ts';
import { type ChannelPort, quietUntil } from './index.ts';

// Every message comes from an event: these tests publish the events the modules publish (or cause
// them through the API) and look at what leaves on each channel: the mail files of the
// development transport and the in-app feed.
let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer({ env: { PUBLIC_URL: 'http://localhost:3000' } });
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

const db = () => server.database.db;
const storeId = () => server.modules.tenancy.defaultStore().id;

async function publish(name: string, payload: Record<string, unknown>, store = storeId()) {
  await server.worker.drain(); // what earlier steps queued goes first
  const eventId = await server.jobs.publish(db(), { name, storeId: store, payload });
  await server.worker.drain();
  return eventId;
}

async function mailsTo(email: string) {
  return (await sentMails(server)).filter((m) => m.to.toLowerCase().includes(email.toLowerCase()));
}

async function feedOf(user: TestUser) {
  await server.worker.drain();
  return ok<{
    items: Array<{ id: string; type: string; title: string; body: string; readAt: string | null }>;
    unreadCount: number;
  }>(as(user).get('/me/notifications'));
}

const seal = (text: string, aad: string) => ({
  sealed: server.modules.identity.secrets.seal(text, aad),
  aad,
});

async function rowsOf(eventId: string) {
  return db()
    .selectFrom('notifications')
    .select([
      'channel',
      'type',
      'status',
      'recipient',
      'template_version',
      'subject',
      'body',
      'scheduled_at',
      'attempts',
    ])
    .where('event_id', '=', eventId)
    .execute();
}

describe('messages per event type and channel', () => {
  it('confirms a checkout by mail and in the feed (ORDER_PLACED), and tells the seller of their items', async () => {
    const seller = await createSeller(server);
    const { offerId } = await createOffer(server, { seller, stock: 5 });
    const buyer = await createCustomer(server);
    const cart = await createCart(buyer, [{ offerId, quantity: 2 }]);
    const placed = await ok<{ order: { number: string } }>(checkout(buyer, cart));
    const number = placed.order.number;
    const mails = await mailsTo(buyer.email);
    const confirmation = mails.find((m) => m.subject.includes(`order ${number} received`))!;
    expect(confirmation.text).toContain(`Thank you for your order ${number}`);
    expect(confirmation.text).toContain('2 ×');
    expect(confirmation.html).toContain('/api/v1/notifications/open.gif?token=');
    const feed = await feedOf(buyer);
    expect(feed.items.map((i) => i.type)).toContain('ORDER_PLACED');
    expect(feed.items.find((i) => i.type === 'ORDER_PLACED')!.title).toBe(`Order ${number} received`);
    const sellerMail = (await mailsTo(seller.email)).find((m) => m.subject.includes(`new order ${number}`))!;
    expect(sellerMail.text).toContain('2 ×');
    expect((await feedOf(seller)).items.map((i) => i.type)).toContain('SELLER_NEW_ORDER_ITEM');
  });

  const orderEvents: Array<[string, string, RegExp]> = [
    ['orders.order.paid', 'ORDER_PAID', /payment received for order/],
    ['orders.order.cancelled', 'ORDER_CANCELLED', /cancelled/],
    ['orders.order.refunded', 'ORDER_REFUNDED', /refunded/],
    ['orders.order.shipped', 'ORDER_SHIPPED', /shipped/],
    ['orders.order.delivered', 'ORDER_DELIVERED', /delivered/],
    ['payments.payment.failed', 'PAYMENT_FAILED', /payment for order .* failed/],
    ['fulfillment.return.approved', 'RETURN_UPDATED', /return for order .* is approved/],
  ];
  it.each(orderEvents)('%s mails the buyer and adds %s to the feed', async (event, type, subject) => {
    const { order, buyer } = await createOrder(server);
    const eventId = await publish(event, { orderId: order.id, status: 'APPROVED' });
    const rows = await rowsOf(eventId);
    expect(rows.map((r) => `${r.channel}:${r.type}`).sort()).toEqual([`EMAIL:${type}`, `IN_APP:${type}`]);
    const mail = (await mailsTo(buyer.email)).find((m) => subject.test(m.subject));
    expect(mail?.text).toContain(order.number);
    expect((await feedOf(buyer)).items.find((i) => i.type === type)?.title).toContain(order.number);
  });

  it('mails the delivery code when the parcel leaves (ORDER_OUT_FOR_DELIVERY), its body sealed at rest', async () => {
    const { order, buyer } = await createOrder(server);
    const binding = `delivery-code:${storeId()}:test`;
    const eventId = await publish('fulfillment.shipment.delivery-code-issued', {
      orderId: order.id,
      code: seal('482913', binding),
    });
    const mail = (await mailsTo(buyer.email)).find((m) => /is on its way/.test(m.subject))!;
    expect(mail.text).toContain('482913');
    const rows = await rowsOf(eventId);
    expect(rows.find((r) => r.channel === 'EMAIL')!.body).not.toContain('482913');
    const item = (await feedOf(buyer)).items.find((i) => i.type === 'ORDER_OUT_FOR_DELIVERY')!;
    expect(item.body).toBe('Your parcel has left the warehouse; the delivery code is in your email.');
  });

  it('tells the store’s admins when stock runs low (LOW_STOCK)', async () => {
    const eventId = await publish('inventory.stock.low', {
      offerId: '00000000-0000-7000-8000-000000000001',
      productId: '00000000-0000-7000-8000-000000000002',
      sellerId: storeId(),
      warehouseId: '00000000-0000-7000-8000-000000000003',
      available: 2,
      reorderPoint: 5,
      reorderQuantity: 20,
    });
    const rows = await rowsOf(eventId);
    expect(rows.filter((r) => r.recipient === admin.email).map((r) => r.type)).toEqual(['LOW_STOCK']);
    expect((await mailsTo(admin.email)).some((m) => /low stock/.test(m.subject))).toBe(true);
    expect((await feedOf(admin)).items.map((i) => i.type)).toContain('LOW_STOCK');
  });

  it('tells an applicant the seller decision (SELLER_APPLICATION_DECIDED) by mail and in the feed', async () => {
    const applicant = await createCustomer(server);
    await publish('identity.seller.rejected', { userId: applicant.id, reason: 'Blurred documents' });
    const mail = (await mailsTo(applicant.email)).at(-1)!;
    expect(mail.subject).toBe('Your seller application was not approved');
    expect(mail.text).toContain('Reason: Blurred documents');
    expect((await feedOf(applicant)).items.map((i) => i.type)).toContain('SELLER_APPLICATION_DECIDED');
  });

  it('tells a reviewer of the first reply to the review (REVIEW_REPLY) by mail and in the feed, once', async () => {
    const offer = await createOffer(server, { stock: 5 });
    const buyer = await createCustomer(server);
    await createOrder(server, { status: 'DELIVERED', buyer, offerId: offer.offerId });
    const review = await ok<{ id: string }>(as(buyer).post(`/products/${offer.slug}/reviews`, { rating: 4 }));
    await ok(as(admin).put(`/reviews/${review.id}/reply`, { body: 'Thank you for the kind words!' }));
    await ok(as(admin).put(`/reviews/${review.id}/reply`, { body: 'Thank you, truly!' }));
    await server.worker.drain();
    const mails = (await mailsTo(buyer.email)).filter((m) => /replied to your review/.test(m.subject));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Thank you for the kind words!');
    expect(mails[0]!.text).toContain(`/products/${offer.slug}`);
    expect((await feedOf(buyer)).items.filter((i) => i.type === 'REVIEW_REPLY')).toHaveLength(1);
  });

  it('welcomes an account once its address is confirmed (ACCOUNT_WELCOME)', async () => {
    const user = await createCustomer(server);
    await publish('identity.user.email-verified', { userId: user.id });
    expect((await mailsTo(user.email)).at(-1)!.subject).toMatch(/^Welcome to /);
    expect((await feedOf(user)).items.map((i) => i.type)).toContain('ACCOUNT_WELCOME');
  });

  it('mails verification and reset codes (security types) by mail only, never to the feed', async () => {
    const user = await createCustomer(server);
    const verify = await publish('identity.user.verification-requested', {
      userId: user.id,
      code: seal('v'.repeat(43), 'identity:verify:test'),
      hours: 24,
    });
    const reset = await publish('identity.user.password-reset-requested', {
      userId: user.id,
      code: seal('r'.repeat(43), 'identity:reset:test'),
      minutes: 60,
    });
    expect((await rowsOf(verify)).map((r) => `${r.channel}:${r.type}`)).toEqual(['EMAIL:EMAIL_VERIFICATION']);
    expect((await rowsOf(reset)).map((r) => `${r.channel}:${r.type}`)).toEqual(['EMAIL:PASSWORD_RESET']);
    const subjects = (await mailsTo(user.email)).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Confirm your email address', 'Reset your password']));
  });

  it('mails a staff invitation from the platform realm (STAFF_INVITATION), the secret in the link’s fragment', async () => {
    const email = `invitee-${Date.now()}@example.test`;
    const aad = `tenancy:invitation:${email}`;
    await publish(
      'tenancy.staff.invited',
      { email, storeName: 'Tea House', role: 'STORE_MANAGER', token: seal('t'.repeat(43), aad) },
      PLATFORM_REALM,
    );
    const mail = (await mailsTo(email)).at(-1)!;
    expect(mail.subject).toBe('You are invited to Tea House');
    expect(mail.text).toContain(`/platform/invitations#invitation=${'t'.repeat(43)}`);
  });
});

describe('preferences', () => {
  it('reads and replaces the preferences, times as HH:MM; refuses turning off security mail and unknown zones', async () => {
    const user = await createCustomer(server);
    expect(await ok(as(user).get('/me/notification-preferences'))).toMatchObject({
      channels: { email: true, sms: false, push: true, inApp: true },
      quietHours: null,
    });
    const body = {
      channels: { email: true, sms: false, push: false, inApp: true },
      quietHours: { start: '22:00', end: '07:30', timeZone: 'Asia/Kolkata' },
      types: { ORDER_SHIPPED: { email: false } },
    };
    const saved = await ok(as(user).put('/me/notification-preferences', body));
    expect(saved).toMatchObject({ ...body, language: null });
    expect(await ok(as(user).get('/me/notification-preferences'))).toEqual(saved);
    const security = await as(user).put('/me/notification-preferences', {
      ...body,
      types: { PASSWORD_RESET: { email: false } },
    });
    expect(security.statusCode).toBe(400);
    expect(security.headers['content-type']).toContain('application/problem+json');
    const zone = await as(user).put('/me/notification-preferences', {
      ...body,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' },
    });
    expect(zone.statusCode).toBe(400);
    expect(await ok(as(user).get('/me/notification-preferences'))).toEqual(saved);
    expect((await anonymous(server).get('/me/notification-preferences')).statusCode).toBe(401);
  });

  it('sends nothing on a channel the user turned off, and still the rest', async () => {
    const { order, buyer } = await createOrder(server);
    await ok(
      as(buyer).put('/me/notification-preferences', {
        channels: { email: false, sms: false, push: true, inApp: true },
      }),
    );
    const eventId = await publish('orders.order.shipped', { orderId: order.id });
    expect((await rowsOf(eventId)).map((r) => r.channel)).toEqual(['IN_APP']);
    expect((await mailsTo(buyer.email)).some((m) => /shipped/.test(m.subject))).toBe(false);
  });

  it('sends security mail whatever the preferences say', async () => {
    const user = await createCustomer(server);
    await ok(
      as(user).put('/me/notification-preferences', {
        channels: { email: false, sms: false, push: false, inApp: false },
      }),
    );
    expect((await anonymous(server).post('/auth/password-reset', { email: user.email })).statusCode).toBe(
      202,
    );
    await server.worker.drain();
    expect((await mailsTo(user.email)).map((m) => m.subject)).toContain('Reset your password');
  });

  it('unsubscribes from one type through the link in the mail, without signing in', async () => {
    const { order, buyer } = await createOrder(server);
    await publish('orders.order.shipped', { orderId: order.id });
    const mail = (await mailsTo(buyer.email)).find((m) => /shipped/.test(m.subject))!;
    const link = new URL(/Stop these emails: (\S+)/.exec(mail.text)![1]!);
    const path = `${link.pathname.replace('/api/v1', '')}${link.search}`;
    const page = await anonymous(server).get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<button type="submit">Unsubscribe</button>');
    expect(await ok(anonymous(server).post(path))).toEqual({ status: 'unsubscribed', type: 'ORDER_SHIPPED' });
    const forged = await anonymous(server).post(`${link.pathname.replace('/api/v1', '')}?token=v1.x.y.z.w`);
    expect(forged.statusCode).toBe(404);
    const again = await publish('orders.order.shipped', { orderId: order.id });
    expect((await rowsOf(again)).map((r) => r.channel)).toEqual(['IN_APP']);
    expect(
      (await ok<{ types: Record<string, unknown> }>(as(buyer).get('/me/notification-preferences'))).types,
    ).toEqual({
      ORDER_SHIPPED: { email: false },
    });
  });
});

describe('quiet hours', () => {
  const berlin = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };

  it('holds a message to the end of the window on the user’s wall clock, across daylight-saving changes', () => {
    // 23:30 CEST on the night clocks go back (25 Oct 2026): 07:00 is CET, 06:00 UTC
    expect(quietUntil(new Date('2026-10-24T21:30:00Z'), berlin).toISOString()).toBe(
      '2026-10-25T06:00:00.000Z',
    );
    // 23:30 CET on the night clocks go forward (29 Mar 2026): 07:00 is CEST, 05:00 UTC
    expect(quietUntil(new Date('2026-03-28T22:30:00Z'), berlin).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
    // after midnight, inside the window, the same morning
    expect(quietUntil(new Date('2026-03-29T01:30:00Z'), berlin).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
    const noon = new Date('2026-03-29T12:00:00Z');
    expect(quietUntil(noon, berlin)).toEqual(noon);
    expect(quietUntil(noon, null)).toEqual(noon);
  });

  it('schedules a non-urgent message for the end of the window (fixed clock, DST night); urgent ones go at once', async () => {
    const { order, buyer } = await createOrder(server);
    await ok(
      as(buyer).put('/me/notification-preferences', {
        channels: { email: true, sms: false, push: true, inApp: true },
        quietHours: berlin,
      }),
    );
    // 23:30 CEST on the night clocks go back in 2027 (31 Oct): the window ends at 07:00 CET
    const night = new Date('2027-10-30T21:30:00Z');
    server.modules.notifications.useClock(() => night);
    try {
      const shipped = await publish('orders.order.shipped', { orderId: order.id });
      const mail = (await rowsOf(shipped)).find((r) => r.channel === 'EMAIL')!;
      expect(mail.scheduled_at.toISOString()).toBe('2027-10-31T06:00:00.000Z');
      expect(mail.status).toBe('QUEUED');
      const queued = await db()
        .selectFrom('notifications')
        .select(['next_attempt_at', 'attempts'])
        .where('event_id', '=', shipped)
        .where('channel', '=', 'EMAIL')
        .executeTakeFirstOrThrow();
      expect(queued).toEqual({ next_attempt_at: new Date('2027-10-31T06:00:00.000Z'), attempts: 0 });
      const code = await publish('fulfillment.shipment.delivery-code-issued', {
        orderId: order.id,
        code: seal('111222', 'delivery-code:quiet'),
      });
      expect((await rowsOf(code)).find((r) => r.channel === 'EMAIL')!.status).toBe('SENT');
    } finally {
      server.modules.notifications.useClock(() => new Date());
    }
  });
});

describe('delivery', () => {
  it('writes and sends nothing twice when an event is replayed', async () => {
    const { order, buyer } = await createOrder(server);
    const eventId = await publish('orders.order.delivered', { orderId: order.id });
    const before = (await mailsTo(buyer.email)).length;
    for (let i = 0; i < 3; i++)
      await server.jobs.enqueue(db(), {
        queue: 'notifications.orders.order.delivered',
        storeId: storeId(),
        payload: { orderId: order.id, event: 'orders.order.delivered', eventId },
      });
    await server.worker.drain();
    expect(await rowsOf(eventId)).toHaveLength(2);
    expect((await mailsTo(buyer.email)).length).toBe(before);
  });

  it('keeps a message in the month of its event, so a replay a month later writes nothing twice', async () => {
    const { order, buyer } = await createOrder(server);
    const eventId = await publish('orders.order.delivered', { orderId: order.id });
    const before = (await mailsTo(buyer.email)).length;
    const { rows } = await sql<{ part: string; caused: Date }>`
      SELECT tableoid::regclass::text AS part, caused_at AS caused FROM notifications
       WHERE event_id = ${eventId}`.execute(db());
    const now = new Date();
    const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(rows.map((r) => r.part)).toEqual([`notifications_p${month}`, `notifications_p${month}`]);
    // the replay runs 40 days later by the module's clock: the key still comes from the event
    server.modules.notifications.useClock(() => new Date(Date.now() + 40 * 86_400_000));
    try {
      await server.jobs.enqueue(db(), {
        queue: 'notifications.orders.order.delivered',
        storeId: storeId(),
        payload: { orderId: order.id, event: 'orders.order.delivered', eventId },
      });
      await server.worker.drain();
    } finally {
      server.modules.notifications.useClock(() => new Date());
    }
    expect(await rowsOf(eventId)).toHaveLength(2);
    expect((await mailsTo(buyer.email)).length).toBe(before);
  });

  it('retries a failing transport with backoff and sends exactly once when it recovers', async () => {
    const email = server.modules.notifications.channel('EMAIL')!;
    const sent: string[] = [];
    let failures = 0;
    const flaky: ChannelPort = {
      ...email,
      async deliver(message) {
        if (failures < 3) {
          failures++;
          throw new Error('provider outage');
        }
        sent.push(message.id);
        return email.deliver(message);
      },
    };
    const { order } = await createOrder(server);
    await server.worker.drain();
    server.modules.notifications.useChannel(flaky);
    try {
      const eventId = await publish('orders.order.refunded', { orderId: order.id });
      const { id } = await db()
        .selectFrom('notifications')
        .select('id')
        .where('event_id', '=', eventId)
        .where('channel', '=', 'EMAIL')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 5; i++) {
        // each failure waits out its backoff; bring this message's retry forward instead of sleeping
        await db()
          .updateTable('notifications')
          .set({ next_attempt_at: sql`now()` })
          .where('id', '=', id)
          .where('status', '=', 'QUEUED')
          .execute();
        await server.worker.drain();
      }
      const row = (await rowsOf(eventId)).find((r) => r.channel === 'EMAIL')!;
      expect(failures).toBe(3);
      expect(sent).toHaveLength(1);
      expect(row).toMatchObject({ status: 'SENT', attempts: 4 });
    } finally {
      server.modules.notifications.useChannel(email);
    }
  });

  it('dead-letters a message after its last attempt, with the error kept', async () => {
    const email = server.modules.notifications.channel('EMAIL')!;
    server.modules.notifications.useChannel({
      ...email,
      deliver: async () => Promise.reject(new Error('mailbox unavailable')),
    });
    try {
      const { order } = await createOrder(server);
      const eventId = await publish('orders.order.cancelled', { orderId: order.id });
      for (let i = 0; i < 10; i++) {
        await db()
          .updateTable('notifications')
          .set({ next_attempt_at: sql`now()` })
          .where('event_id', '=', eventId)
          .where('status', '=', 'QUEUED')
          .execute();
        await server.worker.drain();
      }
      const row = await db()
        .selectFrom('notifications')
        .select(['status', 'attempts', 'error'])
        .where('event_id', '=', eventId)
        .where('channel', '=', 'EMAIL')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'FAILED', attempts: 8, error: 'mailbox unavailable' });
    } finally {
      server.modules.notifications.useChannel(email);
    }
  });

  it('records a mail’s first open and click through signed links, and refuses forged ones', async () => {
    const buyer = await createCustomer(server);
    const { order } = await createOrder(server, { buyer });
    const mail = (await mailsTo(buyer.email)).find((m) =>
      m.subject.includes(`order ${order.number} received`),
    )!;
    const pixel = /src="http:\/\/localhost:3000\/api\/v1(\/notifications\/open\.gif\?token=[^"]+)"/.exec(
      mail.html,
    )![1]!;
    const click = /href="http:\/\/localhost:3000\/api\/v1(\/notifications\/click\?token=[^"]+)"/.exec(
      mail.html,
    )![1]!;
    const opened = await anonymous(server).get(pixel);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('image/gif');
    const followed = await anonymous(server).get(click);
    expect(followed.statusCode).toBe(302);
    expect(followed.headers.location).toBe('http://localhost:3000/account');
    const row = await db()
      .selectFrom('notifications')
      .select(['opened_at', 'clicked_at'])
      .where('recipient', '=', buyer.email)
      .where('type', '=', 'ORDER_PLACED')
      .executeTakeFirstOrThrow();
    expect(row.opened_at).not.toBeNull();
    expect(row.clicked_at).not.toBeNull();
    expect((await anonymous(server).get('/notifications/click?token=v1.a.b.c.d')).statusCode).toBe(404);
    expect((await anonymous(server).get('/notifications/open.gif?token=forged')).statusCode).toBe(200);
  });
});

describe('the in-app feed', () => {
  it('lists newest first with the unread count, marks one and then all read, and 404s another user’s', async () => {
    const { order, buyer } = await createOrder(server);
    await publish('orders.order.shipped', { orderId: order.id });
    const feed = await feedOf(buyer);
    expect(feed.items[0]!.type).toBe('ORDER_SHIPPED');
    expect(feed.items.map((i) => i.type).sort()).toEqual(['ORDER_PAID', 'ORDER_PLACED', 'ORDER_SHIPPED']);
    expect(feed.unreadCount).toBe(3);
    expect(Object.keys(feed.items[0]!).sort()).toEqual([
      'body',
      'createdAt',
      'id',
      'readAt',
      'title',
      'type',
    ]);
    const read = await ok<{ id: string; readAt: string }>(
      as(buyer).post(`/me/notifications/${feed.items[0]!.id}/read`),
    );
    expect(read.readAt).not.toBeNull();
    expect(await ok(as(buyer).get('/me/notifications/unread-count'))).toEqual({ unreadCount: 2 });
    const other = await createCustomer(server);
    expect((await as(other).post(`/me/notifications/${feed.items[1]!.id}/read`)).statusCode).toBe(404);
    expect((await as(other).post('/me/notifications/not-a-uuid/read')).statusCode).toBe(404);
    expect((await feedOf(other)).items).toEqual([]);
    expect((await feedOf(buyer)).items[1]!.readAt).toBeNull();
    expect(await ok(as(buyer).post('/me/notifications/read-all'))).toEqual({ updated: 2, unreadCount: 0 });
    expect((await anonymous(server).get('/me/notifications')).statusCode).toBe(401);
  });

  it('shows a signed-in buyer’s checkout as ORDER_PLACED, and a declined card as PAYMENT_FAILED', async () => {
    const buyer = await createCustomer(server);
    await createOrder(server, { buyer, status: 'PENDING' });
    expect((await feedOf(buyer)).items.map((i) => i.type).sort()).toEqual(['ORDER_PLACED', 'PAYMENT_FAILED']);
  });
});

describe('templates', () => {
  it('refuses a template that does not compile or render with sample data, with line and reason, saving nothing', async () => {
    const url = '/admin/notification-templates/ORDER_SHIPPED/EMAIL';
    const broken = await as(admin).put(url, {
      subject: 'Shipped',
      body: 'Hello\n\n{{#if order.url}}\nno end',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json().detail).toMatch(/^body, line 4: /);
    const unknown = await as(admin).put(url, { subject: 'Order {{order.nubmer}}', body: 'Hi' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toMatch(/^subject, line 1: "nubmer" not defined/);
    expect((await ok<{ versions: unknown[] }>(as(admin).get(url))).versions).toEqual([]);
  });

  it('saves versions, sends with the newest, keeps what was sent, previews and reverts to the default', async () => {
    const url = '/admin/notification-templates/ORDER_DELIVERED/EMAIL';
    const saved = await ok<{ version: number }>(
      as(admin).put(url, {
        subject: 'Delivered: {{order.number}}',
        body: 'It arrived, {{recipient.name}} <3',
      }),
    );
    expect(saved.version).toBe(1);
    const { order, buyer } = await createOrder(server);
    const first = await publish('orders.order.delivered', { orderId: order.id });
    await ok(as(admin).put(url, { subject: 'Second {{order.number}}', body: 'v2' }));
    const mail = (await mailsTo(buyer.email)).find((m) => m.subject === `Delivered: ${order.number}`)!;
    expect(mail.text).toContain('It arrived,');
    expect(mail.text).toContain('<3'); // text parts are not HTML-escaped
    const row = (await rowsOf(first)).find((r) => r.channel === 'EMAIL')!;
    expect(row).toMatchObject({ template_version: 1, subject: `Delivered: ${order.number}` });
    const preview = await ok<{ subject: string }>(as(admin).post(`${url}/preview`, {}));
    expect(preview.subject).toBe('Second 1042');
    const html = await ok<{ html: string }>(
      as(admin).post(`${url}/preview`, {
        body: 'x',
        html: '<p>{{store.name}} {{recipient.name}}</p>',
        subject: 's',
      }),
    );
    expect(html.html).toBe('<p>Corner Bakery Asha</p>');
    const reverted = await ok<{ version: number; source: string }>(as(admin).post(`${url}/revert`));
    expect(reverted).toMatchObject({ version: 3, source: 'DEFAULT' });
    const detail = await ok<{ versions: Array<{ version: number }> }>(as(admin).get(url));
    expect(detail.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await rowsOf(first)).toContainEqual(expect.objectContaining({ template_version: 1 }));
  });

  it('escapes values in the HTML part and lists every type’s templates to staff only', async () => {
    const preview = await ok<{ html: string }>(
      as(admin).post('/admin/notification-templates/REVIEW_REPLY/EMAIL/preview', {
        subject: 's',
        body: 'b',
        html: '<p>{{review.reply}}</p>',
      }),
    );
    expect(preview.html).toBe('<p>Thank you!</p>');
    const list = await ok<{ items: Array<{ type: string; channel: string }> }>(
      as(admin).get('/admin/notification-templates'),
    );
    expect(list.items.filter((t) => t.channel === 'EMAIL')).toHaveLength(22);
    const customer = await createCustomer(server);
    expect((await as(customer).get('/admin/notification-templates')).statusCode).toBe(403);
    expect((await as(customer).get('/admin/notifications')).statusCode).toBe(403);
    expect((await as(admin).get('/admin/notification-templates/PASSWORD_RESET/IN_APP')).statusCode).toBe(404);
  });

  it('keeps one store’s templates and log from another store’s staff', async () => {
    const other = await createStore(server, { name: 'Other', domain: `other-${Date.now()}` });
    const otherAdmin = await createAdmin(other);
    const url = '/admin/notification-templates/ORDER_PAID/EMAIL';
    await ok(as(admin).put(url, { subject: 'Ours {{order.number}}', body: 'ours' }));
    const theirs = await ok<{ current: { version: number } }>(as(otherAdmin).get(url));
    expect(theirs.current.version).toBe(0);
    const log = await ok<{ items: Array<{ recipient: string }> }>(
      as(otherAdmin).get('/admin/notifications?limit=100'),
    );
    expect(log.items.some((i) => i.recipient === admin.email)).toBe(false);
    const ours = await ok<{ items: unknown[] }>(as(admin).get('/admin/notifications?limit=5'));
    expect(ours.items.length).toBe(5);
  });

  it('narrows the delivery log by channel, type and a part of the recipient', async () => {
    const buyer = await createCustomer(server);
    const offer = await createOffer(server, { stock: 5 });
    await ok(checkout(buyer, await createCart(buyer, [{ offerId: offer.offerId, quantity: 1 }])));
    await server.worker.drain();
    type Log = { items: Array<{ recipient: string; channel: string; type: string }> };
    const part = buyer.email.slice(0, 14).toUpperCase();
    const mails = await ok<Log>(
      as(admin).get(
        `/admin/notifications?channel=EMAIL&type=ORDER_PLACED&recipient=${encodeURIComponent(part)}`,
      ),
    );
    expect(mails.items).toEqual([
      expect.objectContaining({ recipient: buyer.email, channel: 'EMAIL', type: 'ORDER_PLACED' }),
    ]);
    const feed = await ok<Log>(as(admin).get(`/admin/notifications?channel=IN_APP&recipient=${buyer.id}`));
    expect(feed.items.map((i) => i.type).sort()).toEqual(['ORDER_PAID', 'ORDER_PLACED']);
    expect(feed.items.every((i) => i.channel === 'IN_APP')).toBe(true);
    const none = await ok<Log>(as(admin).get('/admin/notifications?recipient=%25'));
    expect(none.items).toEqual([]);
    expect((await as(admin).get('/admin/notifications?channel=FAX')).statusCode).toBe(400);
  });
});
