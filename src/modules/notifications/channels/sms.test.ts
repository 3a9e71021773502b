import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, testConfig } from '../../../../test/harness.ts';
import { anonymous, as, createUser, ok } from '../../../../test/kit/index.ts';
import { uniquePhone } from '../../../../test/kit/sms.ts';
import { startTwilio, type TwilioStandIn } from '../../../../test/kit/twilio.ts';
import { smsProblem } from '../../../platform/config.ts';
import { systemCtx } from '../../../platform/http/context.ts';
import { newId } from '../../../platform/ids.ts';
import { emailReportSignature } from '../index.ts';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'twilio-auth-token-for-tests';
const SECRET = 'bounce-secret-0123456789abcdef-0123456789';
const PUBLIC_URL = 'https://shop.example.test';

let twilio: TwilioStandIn;
let server: TestServer;

beforeAll(async () => {
  twilio = await startTwilio(SID, TOKEN);
  server = await createTestServer({
    config: {
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_API_BASE: twilio.apiBase,
      SMS_SENDER: '+15005550006',
      PUBLIC_URL,
      EMAIL_WEBHOOK_SECRET: SECRET,
    },
  });
});
afterAll(async () => {
  await server?.destroy();
  await twilio?.close();
});

const db = () => server.database.db;

async function notificationTo(recipient: string, channel: string) {
  const { rows } = await sql<{
    id: string;
    status: string;
    attempts: number;
    provider_message_id: string | null;
    delivered_at: Date | null;
    error: string | null;
  }>`SELECT id, status, attempts, provider_message_id, delivered_at, error FROM notifications
     WHERE recipient = ${recipient} AND channel = ${channel} ORDER BY id DESC LIMIT 1`.execute(db());
  return rows[0]!;
}

/** Sends a sign-in code to a new phone through the worker; returns the phone and what Twilio got. */
async function codeThroughTwilio() {
  const phone = uniquePhone();
  expect((await anonymous(server).post('/auth/otp', { phone })).statusCode).toBe(202);
  await server.worker.drain();
  const sms = twilio.messages.findLast((m) => m.to === phone)!;
  return { phone, sms };
}

const postReport = (report: { url: string; form: string; signature: string }) =>
  server.app.inject({
    method: 'POST',
    url: report.url.slice(PUBLIC_URL.length),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': report.signature },
    payload: report.form,
  });

describe('SMS through Twilio', () => {
  it('sends the sign-in code with Basic auth, the sender and a status callback naming the notification', async () => {
    const { phone, sms } = await codeThroughTwilio();
    expect(sms).toMatchObject({ to: phone, from: '+15005550006' });
    expect(sms.body).toMatch(/sign-in code is \d{6}\b/);
    const row = await notificationTo(phone, 'SMS');
    expect(row).toMatchObject({ status: 'SENT', provider_message_id: sms.sid, attempts: 1 });
    expect(sms.statusCallback).toBe(
      `${PUBLIC_URL}/api/v1/notifications/webhooks/sms?store=${server.modules.tenancy.defaultStore().id}&id=${row.id}`,
    );
  });

  it('marks the message DELIVERED on a signed delivery report, and ignores a forged one', async () => {
    const { phone, sms } = await codeThroughTwilio();
    const forged = twilio.report(sms, 'delivered');
    const tampered = { ...forged, form: forged.form.replace('delivered', 'undelivered') };
    expect((await postReport(tampered)).statusCode).toBe(401);
    expect((await postReport({ ...forged, signature: 'AAAA' })).statusCode).toBe(401);
    expect((await notificationTo(phone, 'SMS')).status).toBe('SENT');

    expect((await postReport(twilio.report(sms, 'sent'))).statusCode).toBe(204);
    expect((await notificationTo(phone, 'SMS')).status).toBe('SENT');
    expect((await postReport(forged)).statusCode).toBe(204);
    const row = await notificationTo(phone, 'SMS');
    expect(row.status).toBe('DELIVERED');
    expect(row.delivered_at).toBeInstanceOf(Date);
    // a late report changes nothing
    expect((await postReport(twilio.report(sms, 'undelivered', '30003'))).statusCode).toBe(204);
    expect((await notificationTo(phone, 'SMS')).status).toBe('DELIVERED');
  });

  it('marks the message FAILED with the carrier error on an undelivered report', async () => {
    const { phone, sms } = await codeThroughTwilio();
    expect((await postReport(twilio.report(sms, 'undelivered', '30003'))).statusCode).toBe(204);
    expect(await notificationTo(phone, 'SMS')).toMatchObject({
      status: 'FAILED',
      error: 'Twilio error 30003',
    });
  });

  it('retries through an outage and sends the message once', async () => {
    const phone = uniquePhone();
    twilio.failNext(3);
    const before = twilio.calls;
    await anonymous(server).post('/auth/otp', { phone });
    for (let i = 0; i < 4; i++) {
      await server.worker.drain();
      await sql`UPDATE notifications SET next_attempt_at = now() WHERE status = 'QUEUED'`.execute(db());
    }
    expect(twilio.calls - before).toBe(4);
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(1);
    expect(await notificationTo(phone, 'SMS')).toMatchObject({ status: 'SENT', attempts: 4 });
  });
});

describe('mail bounces and complaints', () => {
  const post = (body: string, headers: Record<string, string>) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/webhooks/email',
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  const signed = (body: string, at = Math.floor(Date.now() / 1000)) => ({
    'x-bazaar-timestamp': String(at),
    'x-bazaar-signature': emailReportSignature(SECRET, String(at), body),
  });

  it('marks the mail BOUNCED on a signed report naming its Message-ID, and refuses unsigned or stale ones', async () => {
    const user = await createUser(server);
    await anonymous(server).post('/auth/password-reset', { email: user.email });
    await server.worker.drain();
    await server.worker.drain();
    const mail = await notificationTo(user.email, 'EMAIL');
    expect(mail.status).toBe('SENT');
    const body = JSON.stringify({
      messageId: `<${mail.id}@bazaar>`,
      event: 'bounce',
      detail: '550 5.1.1 no such user',
    });

    expect((await post(body, {})).statusCode).toBe(401);
    expect((await post(body, { ...signed(body), 'x-bazaar-signature': 'f'.repeat(64) })).statusCode).toBe(
      401,
    );
    expect((await post(body, signed(body, Math.floor(Date.now() / 1000) - 3600))).statusCode).toBe(401);
    expect((await notificationTo(user.email, 'EMAIL')).status).toBe('SENT');

    expect((await post(body, signed(body))).statusCode).toBe(204);
    expect(await notificationTo(user.email, 'EMAIL')).toMatchObject({
      status: 'BOUNCED',
      error: 'bounce: 550 5.1.1 no such user',
    });
    const junk = '{"event":"bounce"}';
    expect((await post(junk, signed(junk))).statusCode).toBe(400);
    const unknown = JSON.stringify({
      messageId: '<00000000-0000-4000-8000-000000000000@bazaar>',
      event: 'complaint',
    });
    expect((await post(unknown, signed(unknown))).statusCode).toBe(204);
  });

  it('turns the recipient’s marketing mail off on a complaint, and records it on the mail', async () => {
    const user = await createUser(server);
    const ctx = systemCtx(db(), server.modules.tenancy.defaultStore().id, server.log, { reason: 'test' });
    const eventId = newId();
    await server.modules.notifications.dispatcher.dispatch(ctx, eventId, [
      {
        type: 'REVIEW_REPLY',
        recipient: { userId: user.id, name: 'Ada', email: user.email, phone: null },
        data: { review: { productName: 'Walnut bread', reply: 'Thanks', url: '' } },
      },
    ]);
    await server.worker.drain();
    const mail = await notificationTo(user.email, 'EMAIL');
    expect(mail.status).toBe('SENT');
    const body = JSON.stringify({ messageId: `<${mail.id}@bazaar>`, event: 'complaint', detail: 'abuse' });
    expect((await post(body, signed(body))).statusCode).toBe(204);
    expect(await notificationTo(user.email, 'EMAIL')).toMatchObject({ error: 'complaint: abuse' });
    const prefs = await ok<{ channels: { email: boolean }; types: Record<string, unknown> }>(
      as(user).get('/me/notification-preferences'),
    );
    expect(prefs.types).toEqual({ CAMPAIGN: { email: false }, REVIEW_REPLY: { email: false } });
    expect(prefs.channels.email).toBe(true); // transactional mail still goes
    // a bounce is no complaint: it changes no preference
    const other = await createUser(server);
    await server.modules.notifications.dispatcher.dispatch(ctx, newId(), [
      {
        type: 'REVIEW_REPLY',
        recipient: { userId: other.id, name: 'Bo', email: other.email, phone: null },
        data: { review: { productName: 'Rye', reply: 'Thanks', url: '' } },
      },
    ]);
    await server.worker.drain();
    const bounced = JSON.stringify({
      messageId: `<${(await notificationTo(other.email, 'EMAIL')).id}@bazaar>`,
      event: 'bounce',
    });
    expect((await post(bounced, signed(bounced))).statusCode).toBe(204);
    expect(
      (await ok<{ types: Record<string, unknown> }>(as(other).get('/me/notification-preferences'))).types,
    ).toEqual({});
  });
});

describe('SMS configuration', () => {
  it('refuses the development outbox in production, and Twilio without its credentials in any mode', () => {
    expect(smsProblem(testConfig({ NODE_ENV: 'production', SMS_PROVIDER: 'outbox' }))?.setting).toBe(
      'SMS_PROVIDER',
    );
    expect(smsProblem(testConfig({ NODE_ENV: 'production' }))).toBeNull();
    expect(smsProblem(testConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: SID }))?.setting).toBe(
      'TWILIO_AUTH_TOKEN',
    );
    expect(
      smsProblem(
        testConfig({
          NODE_ENV: 'production',
          SMS_PROVIDER: 'twilio',
          TWILIO_ACCOUNT_SID: SID,
          TWILIO_AUTH_TOKEN: TOKEN,
          SMS_SENDER: 'BAZAAR',
        }),
      ),
    ).toBeNull();
  });
});
