import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, type TestServer } from '../../../test/harness.ts';
import { anonymous, as, createUser, storeAdmin } from '../../../test/kit/index.ts';
import { lastCodeTo, sentSms, uniquePhone } from '../../../test/kit/sms.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const requestCode = (phone: string, from?: string) =>
  anonymous(server, from ? { from } : {}).post('/auth/otp', { phone });
const verify = (phone: string, code: string, extra: Record<string, unknown> = {}) =>
  anonymous(server).post('/auth/otp/verify', { phone, code, ...extra });

/** Lets the next code for `phone` be sent at once (the cool-down is a minute). */
const skipCooldown = (phone: string) =>
  sql`UPDATE phone_codes SET sent_at = now() - interval '2 minutes' WHERE phone = ${phone}`.execute(
    server.database.db,
  );

describe('phone sign-in', () => {
  it('sends a six-digit code by SMS that signs in and opens a customer account on first use', async () => {
    const phone = uniquePhone();
    const asked = await requestCode(phone);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ status: 'accepted', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = await lastCodeTo(server, phone);
    expect(code).toMatch(/^\d{6}$/);

    const signedIn = await verify(phone, code, { name: 'Asha' });
    expect(signedIn.statusCode).toBe(200);
    const session = signedIn.json();
    expect(session.accessToken).toEqual(expect.any(String));
    expect(session.refreshToken).toEqual(expect.any(String));
    expect(session.user).toMatchObject({
      phone,
      phoneVerified: true,
      email: null,
      name: 'Asha',
      roles: ['CUSTOMER'],
    });
    const me = await anonymous(server).get('/me', { authorization: `Bearer ${session.accessToken}` });
    expect(me.json().id).toBe(session.user.id);

    // the code is spent, and the next sign-in reaches the same account
    expect((await verify(phone, code)).statusCode).toBe(400);
    await skipCooldown(phone);
    await requestCode(phone);
    const again = await verify(phone, await lastCodeTo(server, phone));
    expect(again.json().user.id).toBe(session.user.id);
  });

  it('keeps only a keyed digest of the code, and the SMS body sealed in the log', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const code = await lastCodeTo(server, phone);
    const { rows } = await sql<{
      code_hash: string;
    }>`SELECT code_hash FROM phone_codes WHERE phone = ${phone}`.execute(server.database.db);
    expect(rows[0]!.code_hash).not.toContain(code);
    const logged = await sql<{ body: string; status: string; channel: string }>`
      SELECT body, status, channel FROM notifications WHERE recipient = ${phone}`.execute(server.database.db);
    expect(logged.rows).toEqual([expect.objectContaining({ channel: 'SMS', status: 'SENT' })]);
    expect(logged.rows[0]!.body).not.toContain(code);
  });

  it('refuses a wrong, an expired and a malformed code', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const code = await lastCodeTo(server, phone);
    const wrong = code === '000000' ? '000001' : '000000';
    const answer = await verify(phone, wrong);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0].pointer).toBe('/code');
    expect((await verify(phone, '12345')).statusCode).toBe(400);
    expect((await anonymous(server).post('/auth/otp', { phone: '98123 45678' })).statusCode).toBe(400);
    await sql`UPDATE phone_codes SET expires_at = now() - interval '1 second' WHERE phone = ${phone}`.execute(
      server.database.db,
    );
    expect((await verify(phone, code)).statusCode).toBe(400);
  });

  it('waits a minute before sending another code to the same phone, and sends at most five an hour', async () => {
    const phone = uniquePhone();
    expect((await requestCode(phone)).statusCode).toBe(202);
    const soon = await requestCode(phone);
    expect(soon.statusCode).toBe(429);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      await skipCooldown(phone);
      expect((await requestCode(phone)).statusCode).toBe(202);
    }
    await skipCooldown(phone);
    expect((await requestCode(phone)).statusCode).toBe(429);
    expect((await sentSms(server)).filter((m) => m.to === phone)).toHaveLength(4);
  });

  it('limits the codes one address asks for, across phones', async () => {
    const from = '203.0.113.77';
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await requestCode(uniquePhone(), from)).statusCode);
    expect(answers.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(answers[30]).toBe(429);
  });

  it.skipIf(!onPostgres)('locks a code after five wrong guesses, however many arrive at once', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const code = await lastCodeTo(server, phone);
    const wrong = Array.from({ length: 20 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(wrong.map((guess) => verify(phone, guess)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    const { rows } = await sql<{
      attempts: number;
    }>`SELECT attempts FROM phone_codes WHERE phone = ${phone}`.execute(server.database.db);
    expect(rows[0]!.attempts).toBe(5);
    // even the right code no longer signs in, and no account was opened
    expect((await verify(phone, code)).statusCode).toBe(429);
    const accounts = await sql<{ n: string }>`SELECT count(*) AS n FROM users WHERE phone = ${phone}`.execute(
      server.database.db,
    );
    expect(Number(accounts.rows[0]!.n)).toBe(0);
  });

  it('locks a code after five wrong guesses in a row', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const code = await lastCodeTo(server, phone);
    for (let i = 1; i <= 5; i++) {
      const guess = String((Number(code) + i) % 1_000_000).padStart(6, '0');
      expect((await verify(phone, guess)).statusCode).toBe(400);
    }
    expect((await verify(phone, code)).statusCode).toBe(429);
    // a new code (after the cool-down) starts again
    await skipCooldown(phone);
    await requestCode(phone);
    expect((await verify(phone, await lastCodeTo(server, phone))).statusCode).toBe(200);
  });

  it('opens no account by phone where the store turned phone sign-up off, and sends it no code', async () => {
    const admin = await storeAdmin(server);
    expect((await admin.patch('/admin/store/settings', { phoneSignUp: false })).statusCode).toBe(200);
    try {
      const phone = uniquePhone();
      expect((await requestCode(phone)).statusCode).toBe(202);
      expect((await sentSms(server)).filter((m) => m.to === phone)).toHaveLength(0);
      await sql`INSERT INTO phone_codes (store_id, phone, code_hash, expires_at)
                VALUES (${server.modules.tenancy.defaultStore().id}, ${phone}, 'x', now() + interval '5 minutes')`.execute(
        server.database.db,
      );
      expect((await verify(phone, '123456')).statusCode).toBe(400);
    } finally {
      await admin.patch('/admin/store/settings', { phoneSignUp: true });
    }
  });

  it('keeps a verified phone to one account of the store; a phone typed into a profile is unverified', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const first = (await verify(phone, await lastCodeTo(server, phone))).json();
    const other = await createUser(server);
    const typed = await as(other).patch('/me', { phone });
    expect(typed.json()).toMatchObject({ phone, phoneVerified: false });
    await expect(
      sql`UPDATE users SET phone_verified_at = now() WHERE id = ${other.id}`.execute(server.database.db),
    ).rejects.toThrow();
    // the phone still signs in to the account that proved it
    await skipCooldown(phone);
    await requestCode(phone);
    expect((await verify(phone, await lastCodeTo(server, phone))).json().user.id).toBe(first.user.id);
  });
});
