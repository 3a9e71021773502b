import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, createUser, hostClient, signUpOwner } from '../../../test/kit/index.ts';
import { lastMailTo, sentMails, tokenIn } from '../../../test/mail.ts';

// Password reset for platform accounts: identity's own reset, run in the platform realm (decision
// 014), its mail pointing at the platform console's reset page.

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { PUBLIC_URL: 'https://platform.bazaar.test' } });
});
afterAll(async () => server?.destroy());

const platform = () => hostClient(server, {});
const newPassword = 'quince-harbour-19-lantern';

async function resetCodeFor(email: string): Promise<{ token: string; text: string }> {
  const res = await platform().post('/platform/auth/password-reset', { email });
  expect(res.statusCode).toBe(202);
  const mail = await lastMailTo(server, email, /reset your password/i);
  return { token: tokenIn(mail), text: mail.text };
}

describe('platform password reset', () => {
  it('answers 202 alike for any email, and mails a link to the platform console only to an account', async () => {
    const owner = await signUpOwner(server);
    const unknown = `nobody-${Date.now()}@example.test`;
    const known = await platform().post('/platform/auth/password-reset', { email: owner.email });
    const none = await platform().post('/platform/auth/password-reset', { email: unknown });
    expect(known.statusCode).toBe(202);
    expect(none.statusCode).toBe(202);
    expect(none.json()).toEqual(known.json());

    const mail = await lastMailTo(server, owner.email, /reset your password/i);
    const token = tokenIn(mail);
    expect(mail.text).toContain(`https://platform.bazaar.test/platform/reset#token=${token}`);
    expect(mail.text).not.toContain('/account/reset-password');
    expect((await sentMails(server)).some((m) => m.to.includes(unknown))).toBe(false);
  });

  it("sets the new password, ends the account's sessions (store-bound ones too), and refuses the code again", async () => {
    const owner = await signUpOwner(server);
    const signIn = await platform().post('/platform/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    const { refreshToken } = signIn.json();
    const subdomain = `reset-${Date.now().toString(36)}`;
    const store = (await owner.client().post('/platform/stores', { name: 'Reset Shop', subdomain })).json();
    const bound = (await owner.client().post(`/platform/stores/${store.id}/session`)).json();

    const { token } = await resetCodeFor(owner.email);
    const weak = await platform().post('/platform/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    const done = await platform().post('/platform/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(done.statusCode).toBe(204);

    const again = await platform().post('/platform/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(again.statusCode).toBe(400);
    expect((await platform().post('/platform/auth/refresh', { refreshToken })).statusCode).toBe(401);
    expect((await owner.client().get('/platform/me')).statusCode).toBe(401);
    const storeHost = `${subdomain}.localhost`;
    const inStore = hostClient(server, { host: storeHost, authorization: `Bearer ${bound.accessToken}` });
    expect([401, 404]).toContain((await inStore.get('/admin/users')).statusCode);
    const renew = await hostClient(server, { host: storeHost }).post('/auth/refresh', {
      refreshToken: bound.refreshToken,
    });
    expect(renew.statusCode).toBe(401);

    const old = await platform().post('/platform/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(old.statusCode).toBe(401);
    const fresh = await platform().post('/platform/auth/login', {
      email: owner.email,
      password: newPassword,
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const owner = await signUpOwner(server);
    const { token } = await resetCodeFor(owner.email);
    await sql`UPDATE user_tokens SET expires_at = now() - interval '1 minute'
      WHERE user_id = ${owner.userId} AND type = 'RESET_PASSWORD'`.execute(server.database.db);
    const res = await platform().post('/platform/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it("keeps the platform's and a store's accounts apart: neither's code works for the other", async () => {
    const owner = await signUpOwner(server);
    const customer = await createUser(server, { email: owner.email, password: 'a customer passphrase 1' });
    const platformCode = await resetCodeFor(owner.email);
    expect((await anonymous(server).post('/auth/password-reset', { email: customer.email })).statusCode).toBe(
      202,
    );
    const storeMail = await lastMailTo(server, customer.email, /reset your password/i);
    const storeCode = tokenIn(storeMail);
    expect(storeCode).not.toBe(platformCode.token);
    expect(storeMail.text).not.toContain('/platform/reset');

    const storeConfirm = { token: platformCode.token, password: newPassword };
    expect((await anonymous(server).post('/auth/password-reset/confirm', storeConfirm)).statusCode).toBe(400);
    const platformConfirm = { token: storeCode, password: newPassword };
    expect((await platform().post('/platform/auth/password-reset/confirm', platformConfirm)).statusCode).toBe(
      400,
    );
    // the customer still signs in with its own password
    const login = await anonymous(server).post('/auth/login', {
      email: customer.email,
      password: 'a customer passphrase 1',
    });
    expect(login.statusCode).toBe(200);
  });

  it('limits requests per email as the store does (five an hour, then 429)', async () => {
    const email = `limited-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++)
      expect((await platform().post('/platform/auth/password-reset', { email })).statusCode).toBe(202);
    const res = await platform().post('/platform/auth/password-reset', { email });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
