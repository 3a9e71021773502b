import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createStore } from '../kit/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const CUSTOMERS = 10_000;
const OPTED_OUT = 700;

/** The recipients of the development transport's mail files with this subject (each file once). */
function recipientsOf(subject: string): string[] {
  const dir = path.join(server.config.dataDir, 'mail');
  const to: string[] = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.eml')) continue;
    const head = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n\r?\n/)[0]!;
    if (new RegExp(`^Subject: ${subject}$`, 'm').test(head)) to.push(/^To: (.*)$/m.exec(head)![1]!.trim());
  }
  return to;
}

describe('a campaign to a segment of 10,000 customers', () => {
  it('is sent through the development transports with exact counts: each customer once, opted-out ones skipped', async () => {
    const store = await createStore(server);
    const admin = await createAdmin(store);
    // 10,000 customers who have not been seen for 90 days, written by one set-based statement
    await sql`
      INSERT INTO users (id, store_id, email, name, created_at)
      SELECT gen_random_uuid(), ${store.id}, 'dormant' || g || '@bulk.test', 'Customer ' || g,
        now() - interval '90 days'
      FROM generate_series(1, ${CUSTOMERS}) g`.execute(server.database.db);
    // 700 of them turned campaign mail off (as the unsubscribe link or their preferences do)
    await sql`
      INSERT INTO notification_preferences (store_id, user_id, type, email_enabled)
      SELECT store_id, id, 'CAMPAIGN', false FROM users
      WHERE store_id = ${store.id} AND 'CUSTOMER' = ANY (roles) ORDER BY id LIMIT ${OPTED_OUT}`.execute(
      server.database.db,
    );
    const created = await as(admin).post('/admin/campaigns', {
      name: 'We miss you',
      type: 'ANNOUNCEMENT',
      channels: ['EMAIL'],
      subject: 'We miss you',
      body: 'It has been a while. Come and see what is new.',
      target: { kind: 'SEGMENT', rules: { inactiveDays: 30 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const targeted = await as(admin).post(`/admin/campaigns/${id}/target`, {});
    expect(targeted.json().targeted).toBe(CUSTOMERS);

    expect((await as(admin).post(`/admin/campaigns/${id}/send`, {})).json().status).toBe('SENDING');
    await server.worker.drain(1000);

    const recipients = recipientsOf('We miss you');
    expect(recipients).toHaveLength(CUSTOMERS - OPTED_OUT);
    expect(new Set(recipients).size).toBe(CUSTOMERS - OPTED_OUT);
    const optedOut = await sql<{ email: string }>`
      SELECT u.email FROM users u JOIN notification_preferences p ON p.user_id = u.id AND p.type = 'CAMPAIGN'
      WHERE u.store_id = ${store.id}`.execute(server.database.db);
    const sentTo = new Set(recipients);
    expect(optedOut.rows.filter((r) => sentTo.has(r.email))).toEqual([]);

    const view = (await as(admin).get(`/admin/campaigns/${id}`)).json();
    expect(view.status).toBe('SENT');
    expect(view.metrics).toMatchObject({
      targeted: CUSTOMERS,
      pending: 0,
      messaged: CUSTOMERS - OPTED_OUT,
      skipped: OPTED_OUT,
      gone: 0,
      sent: CUSTOMERS - OPTED_OUT,
      queued: 0,
      failed: 0,
    });

    // sending again is refused, and the worker has nothing left to send
    expect((await as(admin).post(`/admin/campaigns/${id}/send`, {})).statusCode).toBe(409);
    await server.worker.drain(1000);
    expect(recipientsOf('We miss you')).toHaveLength(CUSTOMERS - OPTED_OUT);
  }, 180_000);
});
