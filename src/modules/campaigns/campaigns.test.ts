import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCategory,
  createCoupon,
  createCustomer,
  createOrder,
  createProduct,
  createStore,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';
import { sentMails } from '../../../test/mail.ts';
import { systemCtx } from '../../platform/http/context.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

/** A store of its own and its admin: every test counts only the customers it makes. */
async function world() {
  const store = await createStore(server);
  const admin = await createAdmin(store);
  return { store, admin };
}

const announcement = (fields: Record<string, unknown> = {}) => ({
  name: 'Autumn news',
  type: 'ANNOUNCEMENT',
  channels: ['EMAIL'],
  subject: 'Autumn at the bakery',
  body: 'New loaves are in.\n\nCome <b>taste</b> them.',
  target: { kind: 'EVERYONE' },
  ...fields,
});

async function createCampaign(admin: TestUser, fields: Record<string, unknown> = {}) {
  const res = await as(admin).post('/admin/campaigns', announcement(fields));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; status: string }>();
}

async function metricsOf(admin: TestUser, id: string) {
  const res = await as(admin).get(`/admin/campaigns/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().metrics;
}

/** Sends the campaign and runs the worker until nothing is due. */
async function sendNow(admin: TestUser, id: string) {
  const res = await as(admin).post(`/admin/campaigns/${id}/send`, {});
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().status).toBe('SENDING');
  return sentMails(server);
}

const ctxOf = (store: TestStore) => systemCtx(server.database.db, store.id, server.log);

/** `count` active customers of the store, written by one set-based statement. */
async function bulkCustomers(store: TestStore, count: number, prefix: string) {
  await sql`
    INSERT INTO users (id, store_id, email, name, created_at, last_login_at)
    SELECT gen_random_uuid(), ${store.id}, ${prefix} || g || '@bulk.test', 'Customer ' || g,
      now() - interval '90 days', CASE WHEN g % 4 = 0 THEN NULL ELSE now() END
    FROM generate_series(1, ${count}) g`.execute(server.database.db);
}

describe('making campaigns', () => {
  it('creates a draft, or a scheduled campaign with sendAt, and lists them newest first', async () => {
    const { admin } = await world();
    const draft = await createCampaign(admin);
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await createCampaign(admin, { name: 'Later', sendAt });
    expect(draft).toMatchObject({ status: 'DRAFT', channels: ['EMAIL'], target: { kind: 'EVERYONE' } });
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', sendAt });
    const list = await as(admin).get('/admin/campaigns');
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([scheduled.id, draft.id]);
    const only = await as(admin).get('/admin/campaigns?status=DRAFT');
    expect(only.json().items.map((c: { id: string }) => c.id)).toEqual([draft.id]);
    expect(await metricsOf(admin, draft.id)).toMatchObject({ targeted: 0, sent: 0, orders: 0 });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const { admin, store } = await world();
    const past = new Date(Date.now() - 60_000).toISOString();
    const expired = await createCoupon(store);
    await sql`UPDATE coupons SET expires_at = now() - interval '1 minute' WHERE id = ${expired.id}`.execute(
      server.database.db,
    );
    const shipping = await createCoupon(store, { type: 'FREE_SHIPPING', value: 0 });
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ type: 'DISCOUNT' }, '/couponCode', 'coupon-required'],
      [{ type: 'DISCOUNT', couponCode: 'NOSUCHCODE' }, '/couponCode', 'coupon-unknown'],
      [{ type: 'DISCOUNT', couponCode: shipping.code }, '/couponCode'],
      [{ target: { kind: 'GROUP', groupId: crypto.randomUUID() } }, '/target/groupId'],
      [
        {
          target: {
            kind: 'SEGMENT',
            rules: { boughtInCategory: { categoryId: crypto.randomUUID(), days: 30 } },
          },
        },
        '/target/rules/boughtInCategory/categoryId',
      ],
      [{ target: { kind: 'SEGMENT', rules: {} } }, '/target/rules'],
      [{ target: { kind: 'LIST', emails: [] } }, '/target'],
      [{ startsAt: '2026-10-10T00:00:00Z', endsAt: '2026-10-01T00:00:00Z' }, '/endsAt'],
      [{ sendAt: past }, '/sendAt'],
      [{ channels: ['EMAIL', 'EMAIL'] }, '/channels'],
      [{ channels: ['FAX'] }, '/channels/0'],
      [{ productIds: [crypto.randomUUID()] }, '/productIds/0'],
      [{ name: 'x'.repeat(10_000) }, '/name'],
      [{ unknownField: true }, ''],
    ];
    for (const [fields, pointer, type] of cases) {
      const res = await as(admin).post('/admin/campaigns', announcement(fields));
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (pointer)
        expect(res.json().errors?.[0]?.pointer ?? '', JSON.stringify(fields)).toMatch(
          new RegExp(`^${pointer}`),
        );
      if (type) expect(res.json().type).toBe(`/problems/${type}`);
    }
    const lapsed = await as(admin).post(
      '/admin/campaigns',
      announcement({ type: 'DISCOUNT', couponCode: expired.code }),
    );
    expect(lapsed.json().type).toBe('/problems/coupon-not-usable');
    expect((await as(admin).get('/admin/campaigns')).json().items).toEqual([]);
  });

  it('answers 404 for another store’s campaign and for unknown ids, and 403 to a customer', async () => {
    const a = await world();
    const b = await world();
    const campaign = await createCampaign(a.admin);
    for (const path of ['', '/send', '/cancel', '/target']) {
      const res = path
        ? await as(b.admin).post(`/admin/campaigns/${campaign.id}${path}`, {})
        : await as(b.admin).get(`/admin/campaigns/${campaign.id}`);
      expect(res.statusCode).toBe(404);
    }
    expect((await as(b.admin).patch(`/admin/campaigns/${campaign.id}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
    expect((await as(a.admin).get('/admin/campaigns/not-a-uuid')).statusCode).toBe(404);
    const customer = await createCustomer(a.store);
    expect((await as(customer).get('/admin/campaigns')).statusCode).toBe(403);
  });
});

describe('targets', () => {
  it('snapshots everyone, a group and an uploaded list: the store’s active customers only', async () => {
    const { store, admin } = await world();
    const [ann, bob, cat] = await Promise.all([
      createCustomer(store, { name: 'Ann' }),
      createCustomer(store, { name: 'Bob' }),
      createCustomer(store, { name: 'Cat' }),
    ]);
    await createCustomer(await createStore(server)); // another store's customer
    const gone = await createCustomer(store);
    await as(admin).post(`/admin/users/${gone.id}/deactivate`, { reason: 'asked' });
    const everyone = await createCampaign(admin);
    const counted = await as(admin).post(`/admin/campaigns/${everyone.id}/target`, {});
    expect(counted.json()).toMatchObject({ targeted: 3 });

    const group = (await as(admin).post('/admin/user-groups', { name: 'Wholesale' })).json();
    await as(admin).put(`/admin/users/${bob.id}/group`, { groupId: group.id });
    const grouped = await createCampaign(admin, { target: { kind: 'GROUP', groupId: group.id } });
    expect((await as(admin).post(`/admin/campaigns/${grouped.id}/target`, {})).json().targeted).toBe(1);

    const list = await createCampaign(admin, {
      target: {
        kind: 'LIST',
        emails: [ann.email.toUpperCase(), 'nobody@example.test'],
        userIds: [cat.id, admin.id],
      },
    });
    expect((await as(admin).post(`/admin/campaigns/${list.id}/target`, {})).json().targeted).toBe(2);
    expect((await metricsOf(admin, list.id)).targeted).toBe(2);
  });

  it('segments by a category bought in the last N days, by money spent and by inactivity', async () => {
    const { store, admin } = await world();
    const parent = await createCategory(server, admin, { name: 'Bread' });
    const child = await createCategory(server, admin, { name: 'Rye', parentId: parent.id });
    const rye = await createProduct(server, admin, {
      price: 5_000,
      stock: 10,
      status: 'ACTIVE',
      categorySlug: child.slug,
    });
    const other = await createProduct(server, admin, { price: 20_000, stock: 10, status: 'ACTIVE' });
    const [ryeBuyer, bigSpender, sleeper] = await Promise.all([
      createCustomer(store),
      createCustomer(store),
      createCustomer(store),
    ]);
    await createOrder(store, { buyer: ryeBuyer, offerId: rye.variants[0]!.offers[0]!.id });
    await createOrder(store, { buyer: bigSpender, offerId: other.variants[0]!.offers[0]!.id });
    await sql`UPDATE users SET last_login_at = now() - interval '40 days', created_at = now() - interval '60 days'
      WHERE id = ${sleeper.id}`.execute(server.database.db);
    const count = async (rules: Record<string, unknown>) => {
      const c = await createCampaign(admin, { target: { kind: 'SEGMENT', rules } });
      return (await as(admin).post(`/admin/campaigns/${c.id}/target`, {})).json().targeted;
    };
    expect(await count({ boughtInCategory: { categoryId: parent.id, days: 7 } })).toBe(1);
    expect(await count({ spentOver: 10_000 })).toBe(1);
    expect(await count({ spentOver: 1_000 })).toBe(2);
    expect(await count({ inactiveDays: 30 })).toBe(1);
    expect(await count({ inactiveDays: 30, spentOver: 1_000 })).toBe(0);
  });

  it('computes a segment over 100,000 customers in pages inside the database', async () => {
    const { store, admin } = await world();
    await bulkCustomers(store, 100_000, 'seg');
    const campaign = await createCampaign(admin, {
      target: { kind: 'SEGMENT', rules: { inactiveDays: 30 } },
    });
    const res = await as(admin).post(`/admin/campaigns/${campaign.id}/target`, {});
    expect(res.json().targeted).toBe(25_000); // never signed in, made 90 days ago, no orders
    const everyone = await createCampaign(admin);
    expect((await as(admin).post(`/admin/campaigns/${everyone.id}/target`, {})).json().targeted).toBe(
      100_000,
    );
  }, 120_000);
});

describe('sending', () => {
  it('sends once per customer through the mail transport; opted-out ones are skipped, quiet hours delay', async () => {
    const { store, admin } = await world();
    const [ann, opted, quiet] = await Promise.all([
      createCustomer(store, { name: 'Ann' }),
      createCustomer(store),
      createCustomer(store),
    ]);
    const channels = { email: true, sms: false, push: true, inApp: true };
    await as(opted).put('/me/notification-preferences', { channels, types: { CAMPAIGN: { email: false } } });
    const hhmm = (ms: number) => new Date(Date.now() + ms).toISOString().slice(11, 16);
    await as(quiet).put('/me/notification-preferences', {
      channels,
      quietHours: { start: hhmm(-3_600_000), end: hhmm(2 * 3_600_000), timeZone: 'UTC' },
    });
    const campaign = await createCampaign(admin);
    const mails = (await sendNow(admin, campaign.id)).filter((m) => m.subject === 'Autumn at the bakery');
    const mine = mails.filter((m) => [ann.email, opted.email, quiet.email].includes(m.to));
    expect(mine.map((m) => m.to)).toEqual([ann.email]);
    expect(mine[0]!.text).toContain('Hello Ann');
    expect(mine[0]!.text).toContain('Stop these emails:');
    expect(mine[0]!.html).toContain('Come &lt;b&gt;taste&lt;/b&gt; them.');
    const view = (await as(admin).get(`/admin/campaigns/${campaign.id}`)).json();
    expect(view.status).toBe('SENT');
    expect(view.metrics).toMatchObject({
      targeted: 3,
      pending: 0,
      messaged: 2,
      skipped: 1,
      sent: 1,
      queued: 1,
    });
    const held = await sql<{ status: string; later: boolean }>`
      SELECT status, next_attempt_at > now() + interval '30 minutes' AS later FROM notifications
      WHERE campaign_id = ${campaign.id} AND user_id = ${quiet.id}`.execute(server.database.db);
    expect(held.rows).toEqual([{ status: 'QUEUED', later: true }]);
  });

  it('puts the campaign in the feed on the in-app channel, and its unsubscribe link turns its mail off', async () => {
    const { store, admin } = await world();
    const ann = await createCustomer(store);
    const campaign = await createCampaign(admin, { channels: ['EMAIL', 'IN_APP'] });
    const mail = (await sendNow(admin, campaign.id)).find((m) => m.to === ann.email)!;
    const feed = (await as(ann).get('/me/notifications')).json();
    expect(feed.items[0]).toMatchObject({ type: 'CAMPAIGN', title: 'Autumn at the bakery' });
    const link = /(\/api\/v1\/notifications\/unsubscribe\?token=[^\s]+)/.exec(mail.text)![1]!;
    const res = await anonymous(store).post(link.replace('/api/v1', ''), {});
    expect(res.json()).toEqual({ status: 'unsubscribed', type: 'CAMPAIGN' });
    const prefs = (await as(ann).get('/me/notification-preferences')).json();
    expect(prefs.types).toEqual({ CAMPAIGN: { email: false } });
  });

  it('messages each target once per channel however often a page is replayed or raced', async () => {
    const { store, admin } = await world();
    await bulkCustomers(store, 60, `race${Date.now()}`);
    const campaign = await createCampaign(admin, { channels: ['EMAIL', 'IN_APP'] });
    await as(admin).post(`/admin/campaigns/${campaign.id}/target`, {});
    const sender = server.modules.campaigns.service.sender;
    const ctx = ctxOf(store);
    await sender.start(ctx, campaign.id);
    // four workers claiming pages of 7 at once, until none is left
    const drainPages = async () => {
      while ((await sender.page(ctx, campaign.id, 7)) > 0);
    };
    await Promise.all([drainPages(), drainPages(), drainPages(), drainPages()]);
    // a crash after the messages were written but before the outcomes were: the page runs again
    await sql`UPDATE campaign_targets SET outcome = NULL WHERE campaign_id = ${campaign.id}`.execute(
      server.database.db,
    );
    await sender.run(ctx, campaign.id);
    const rows = await sql<{ n: number; users: number; most: number }>`
      SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users,
        max(per)::int AS most FROM (
          SELECT user_id, channel, count(*) AS per FROM notifications
          WHERE campaign_id = ${campaign.id} GROUP BY user_id, channel) x`.execute(server.database.db);
    expect(rows.rows[0]).toEqual({ n: 120, users: 60, most: 1 });
    await server.worker.drain();
    expect(await metricsOf(admin, campaign.id)).toMatchObject({ targeted: 60, messaged: 60, sent: 120 });
    expect((await as(admin).get(`/admin/campaigns/${campaign.id}`)).json().status).toBe('SENT');
  });

  it('starts a scheduled campaign when its time comes, once', async () => {
    const { store, admin } = await world();
    const ann = await createCustomer(store);
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const campaign = await createCampaign(admin, { sendAt, subject: 'Scheduled news' });
    const sender = server.modules.campaigns.service.sender;
    const due = () => sender.startDue(server.database.db, () => server.database.db, server.log);
    await due();
    expect((await as(admin).get(`/admin/campaigns/${campaign.id}`)).json().status).toBe('SCHEDULED');
    await sql`UPDATE campaigns SET send_at = now() - interval '1 second' WHERE id = ${campaign.id}`.execute(
      server.database.db,
    );
    await Promise.all([due(), due()]);
    const mails = (await sentMails(server)).filter(
      (m) => m.subject === 'Scheduled news' && m.to === ann.email,
    );
    expect(mails).toHaveLength(1);
    expect((await as(admin).get(`/admin/campaigns/${campaign.id}`)).json()).toMatchObject({
      status: 'SENT',
      targetedCount: 1,
    });
  });

  it('changes only drafts and scheduled campaigns; sent ones refuse change, send and cancel with 409', async () => {
    const { store, admin } = await world();
    await createCustomer(store);
    const campaign = await createCampaign(admin);
    const renamed = await as(admin).patch(`/admin/campaigns/${campaign.id}`, { name: 'Winter news' });
    expect(renamed.json()).toMatchObject({ name: 'Winter news', status: 'DRAFT' });
    expect((await as(admin).patch(`/admin/campaigns/${campaign.id}`, {})).statusCode).toBe(400);
    await sendNow(admin, campaign.id);
    const changed = await as(admin).patch(`/admin/campaigns/${campaign.id}`, { name: 'Late' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().type).toBe('/problems/campaign-not-editable');
    for (const action of ['send', 'cancel', 'target'])
      expect((await as(admin).post(`/admin/campaigns/${campaign.id}/${action}`, {})).statusCode).toBe(409);
    const other = await createCampaign(admin);
    const cancelled = await as(admin).post(`/admin/campaigns/${other.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED' });
    expect((await as(admin).post(`/admin/campaigns/${other.id}/send`, {})).statusCode).toBe(409);
  });
});

describe('metrics', () => {
  it('counts opens and clicks and credits orders by coupon and by a click within 7 days', async () => {
    const { store, admin } = await world();
    const coupon = await createCoupon(store, { type: 'AMOUNT', value: 500 });
    const product = await createProduct(server, admin, { price: 5_000, stock: 20, status: 'ACTIVE' });
    const offerId = product.variants[0]!.offers[0]!.id;
    const [clicker, couponUser, bystander] = await Promise.all([
      createCustomer(store),
      createCustomer(store),
      createCustomer(store),
    ]);
    const campaign = await createCampaign(admin, {
      type: 'DISCOUNT',
      couponCode: coupon.code.toLowerCase(),
      linkUrl: 'https://shop.example/sale',
    });
    const mail = (await sendNow(admin, campaign.id)).find((m) => m.to === clicker.email)!;
    expect(mail.text).toContain(`Use the code ${coupon.code}`);
    const click = /href="[^"]*(\/notifications\/click\?token=[^"]+)"/.exec(mail.html)![1]!;
    const pixel = /src="[^"]*(\/notifications\/open\.gif\?token=[^"]+)"/.exec(mail.html)![1]!;
    expect((await anonymous(store).get(click)).statusCode).toBe(302);
    expect((await anonymous(store).get(pixel)).statusCode).toBe(200);
    const clicked = await createOrder(store, { buyer: clicker, offerId });
    const withCoupon = await checkout(couponUser, await createCart(couponUser, [{ offerId, quantity: 1 }]), {
      couponCode: coupon.code,
    });
    expect(withCoupon.statusCode).toBe(201);
    await createOrder(store, { buyer: bystander, offerId }); // neither clicked nor used the coupon
    const metrics = await metricsOf(admin, campaign.id);
    const totalOf = (order: { totals: { total: { amount: number } } }) => order.totals.total.amount;
    const total = totalOf(clicked.order as never) + totalOf(withCoupon.json().order);
    expect(metrics).toMatchObject({
      targeted: 3,
      sent: 3,
      opened: 1,
      clicked: 1,
      orders: 2,
      ordersByCoupon: 1,
      ordersByClick: 1,
      revenue: { amount: total, currency: store.currency },
    });
    expect(metrics.byChannel).toEqual([
      { channel: 'EMAIL', queued: 0, sent: 3, failed: 0, bounced: 0, opened: 1, clicked: 1 },
    ]);
  });
});
