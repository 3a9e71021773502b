import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, api, as, createUser } from '../../../test/kit/index.ts';
import { capturingLogger } from '../../../test/logs.ts';
import { lastMailTo, sentMails, tokenIn } from '../../../test/mail.ts';
import { ServiceUnavailable } from '../../platform/http/errors.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const password = 'plum-orchard-7-lantern';
let counter = 0;
const uniqueEmail = (tag: string) => `${tag}-${++counter}-${Date.now()}@example.test`;

describe('email verification', () => {
  it('mails a single-use code at registration that verifies the address', async () => {
    const email = uniqueEmail('verify');
    const reg = await anonymous(server).post('/auth/register', { email, password, name: 'Vera' });
    expect(reg.statusCode).toBe(201);
    expect(reg.json().user.emailVerified).toBe(false);
    const mail = await lastMailTo(server, email, /confirm your email/i);
    const token = tokenIn(mail);
    const stored = await server.database.db
      .selectFrom('user_tokens')
      .select('token_hash')
      .where('user_id', '=', reg.json().user.id)
      .where('type', '=', 'EMAIL_VERIFICATION')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token); // only the hash is kept

    const ok = await anonymous(server).post('/auth/verify-email', { token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email, emailVerified: true });
    const again = await anonymous(server).post('/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].pointer).toBe('/token');
  });

  it('refuses an expired code and a made-up one', async () => {
    const email = uniqueEmail('late');
    const reg = (await anonymous(server).post('/auth/register', { email, password, name: 'Late' })).json();
    const token = tokenIn(await lastMailTo(server, email));
    await server.database.db
      .updateTable('user_tokens')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', reg.user.id)
      .execute();
    expect((await anonymous(server).post('/auth/verify-email', { token })).statusCode).toBe(400);
    expect((await anonymous(server).post('/auth/verify-email', { token: 'x'.repeat(43) })).statusCode).toBe(
      400,
    );
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${reg.accessToken}` })).json()
        .emailVerified,
    ).toBe(false);
  });

  it('sends a fresh code on request and the earlier one stops working', async () => {
    const email = uniqueEmail('resend');
    const reg = (await anonymous(server).post('/auth/register', { email, password, name: 'Re' })).json();
    const first = tokenIn(await lastMailTo(server, email));
    const auth = { authorization: `Bearer ${reg.accessToken}` };
    expect((await anonymous(server).post('/me/email-verification', undefined, auth)).statusCode).toBe(202);
    const second = tokenIn(await lastMailTo(server, email));
    expect(second).not.toBe(first);
    expect((await anonymous(server).post('/auth/verify-email', { token: first })).statusCode).toBe(400);
    expect((await anonymous(server).post('/auth/verify-email', { token: second })).statusCode).toBe(200);
    expect((await anonymous(server).post('/me/email-verification', undefined)).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('answers the same whether or not the email has an account, and mails only real accounts', async () => {
    const user = await createUser(server);
    const before = (await sentMails(server)).length;
    const known = await anonymous(server).post('/auth/password-reset', { email: user.email });
    const unknown = await anonymous(server).post('/auth/password-reset', { email: uniqueEmail('nobody') });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mails = await sentMails(server);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.to).toContain(user.email);
  });

  it('does the same work for known and unknown emails while answering: one queued job each, a no-op for the unknown', async () => {
    const user = await createUser(server);
    const ghost = uniqueEmail('ghost');
    await sentMails(server); // nothing else left in the queue
    const queued = () =>
      server.database.db
        .selectFrom('jobs')
        .select(['queue', 'payload'])
        .where('status', '=', 'pending')
        .execute();
    const known = await anonymous(server).post('/auth/password-reset', { email: user.email });
    const afterKnown = await queued();
    const unknown = await anonymous(server).post('/auth/password-reset', { email: ghost });
    const afterBoth = await queued();
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(afterKnown.map((j) => j.queue)).toEqual(['identity.password-reset']);
    expect(afterBoth.map((j) => j.queue)).toEqual(['identity.password-reset', 'identity.password-reset']);
    const tokens = async () =>
      server.database.db
        .selectFrom('user_tokens')
        .select('user_id')
        .where('type', '=', 'RESET_PASSWORD')
        .execute();
    const before = (await tokens()).length;
    const mails = await sentMails(server);
    expect((await tokens()).length).toBe(before + 1);
    expect(mails.filter((m) => m.to.includes(ghost))).toEqual([]);
    expect(mails.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it('sets a new password with the mailed code, once, and signs out every session', async () => {
    const user = await createUser(server);
    const second = (
      await anonymous(server).post('/auth/login', { email: user.email, password: user.password })
    ).json();
    await anonymous(server).post('/auth/password-reset', { email: user.email.toUpperCase() });
    const token = tokenIn(await lastMailTo(server, user.email, /reset/i));
    const newPassword = 'violet-harbour-93-kettle';

    const weak = await anonymous(server).post('/auth/password-reset/confirm', {
      token,
      password: 'password123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].pointer).toBe('/password');

    expect(
      (await anonymous(server).post('/auth/password-reset/confirm', { token, password: newPassword }))
        .statusCode,
    ).toBe(204);
    expect((await as(user).get('/me')).statusCode).toBe(401);
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${second.accessToken}` })).statusCode,
    ).toBe(401);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })).statusCode,
    ).toBe(401);
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(401);
    const login = await anonymous(server).post('/auth/login', { email: user.email, password: newPassword });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.emailVerified).toBe(true);

    const reuse = await anonymous(server).post('/auth/password-reset/confirm', {
      token,
      password: 'another-fine-pass-77',
    });
    expect(reuse.statusCode).toBe(400);
  });

  it('refuses an expired reset code and withdraws the earlier code when a new one is sent', async () => {
    const user = await createUser(server);
    await anonymous(server).post('/auth/password-reset', { email: user.email });
    const first = tokenIn(await lastMailTo(server, user.email, /reset/i));
    await anonymous(server).post('/auth/password-reset', { email: user.email });
    const second = tokenIn(await lastMailTo(server, user.email, /reset/i));
    const body = (token: string) => ({ token, password: 'saffron-lighthouse-58' });
    expect((await anonymous(server).post('/auth/password-reset/confirm', body(first))).statusCode).toBe(400);
    await server.database.db
      .updateTable('user_tokens')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', user.id)
      .where('type', '=', 'RESET_PASSWORD')
      .execute();
    expect((await anonymous(server).post('/auth/password-reset/confirm', body(second))).statusCode).toBe(400);
    expect((await as(user).get('/me')).statusCode).toBe(200);
  });

  it('changes the password of a signed-in user and signs out the other sessions only', async () => {
    const user = await createUser(server);
    const other = (
      await anonymous(server).post('/auth/login', { email: user.email, password: user.password })
    ).json();
    const wrong = await as(user).post('/me/password', {
      currentPassword: 'not my password',
      newPassword: 'juniper-canyon-42-oak',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].pointer).toBe('/currentPassword');
    const ok = await as(user).post('/me/password', {
      currentPassword: user.password,
      newPassword: 'juniper-canyon-42-oak',
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(user).get('/me')).statusCode).toBe(200);
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${other.accessToken}` })).statusCode,
    ).toBe(401);
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: 'juniper-canyon-42-oak' }))
        .statusCode,
    ).toBe(200);
  });

  it('checks a reset code before any password hashing: a made-up code costs no hash', async () => {
    const hasher = server.modules.identity.service.passwords;
    const before = hasher.runs.hash;
    const res = await anonymous(server).post('/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      password: 'saffron-lighthouse-58',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/token');
    expect(hasher.runs.hash).toBe(before);
  });

  it('gives a spent reset code back when the server sheds the hashing', async () => {
    const user = await createUser(server);
    await anonymous(server).post('/auth/password-reset', { email: user.email });
    const token = tokenIn(await lastMailTo(server, user.email, /reset/i));
    const hasher = server.modules.identity.service.passwords;
    const hash = hasher.hash.bind(hasher);
    hasher.hash = () => Promise.reject(new ServiceUnavailable(1, 'busy'));
    try {
      const busy = await anonymous(server).post('/auth/password-reset/confirm', {
        token,
        password: 'saffron-lighthouse-58',
      });
      expect(busy.statusCode).toBe(503);
    } finally {
      hasher.hash = hash;
    }
    const ok = await anonymous(server).post('/auth/password-reset/confirm', {
      token,
      password: 'saffron-lighthouse-58',
    });
    expect(ok.statusCode).toBe(204);
  });
});

describe('codes at rest', () => {
  let linked: TestServer;
  let linkedHttp: ReturnType<typeof api>;
  const logs = capturingLogger();

  beforeAll(async () => {
    linked = await createTestServer({ env: { PUBLIC_URL: 'http://localhost:3000' }, log: logs.log });
    linkedHttp = api(linked);
  });
  afterAll(async () => linked?.destroy());

  /** Everything the queue and the outbox hold, as text. */
  async function queuedText(): Promise<string> {
    const { rows } = await sql<{ text: string }>`
      SELECT coalesce(string_agg(payload::text || ' ' || coalesce(last_error, ''), ' '), '') AS text FROM jobs
      UNION ALL
      SELECT coalesce(string_agg(payload::text, ' '), '') FROM outbox_events`.execute(linked.database.db);
    return rows.map((r) => r.text).join(' ');
  }

  it('keeps a reset code out of the jobs table and the log, before and after the mail is sent, and the mailed link works', async () => {
    const user = await createUser(linked);
    expect((await linkedHttp.post('/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    const beforeSending = await queuedText();

    const mail = await lastMailTo(linked, user.email, /reset/i);
    const token = tokenIn(mail);
    const link = new URL(
      /^http:\/\/localhost:3000\/account\/reset-password\?token=\S+$/m.exec(mail.text)![0],
    );
    expect(link.searchParams.get('token')).toBe(token);
    expect(beforeSending).not.toContain(token);
    expect(await queuedText()).not.toContain(token);
    expect(logs.text()).not.toContain(token);

    const confirmed = await linkedHttp.post('/auth/password-reset/confirm', {
      token: link.searchParams.get('token'),
      password: 'marigold-compass-64-ferry',
    });
    expect(confirmed.statusCode).toBe(204);
  });

  it('keeps a verification code out of the jobs table and the log, and the mailed code verifies', async () => {
    const email = uniqueEmail('sealed');
    expect((await linkedHttp.post('/auth/register', { email, password, name: 'Sealed' })).statusCode).toBe(
      201,
    );
    const beforeSending = await queuedText();

    const token = tokenIn(await lastMailTo(linked, email, /confirm your email/i));
    expect(beforeSending).not.toContain(token);
    expect(await queuedText()).not.toContain(token);
    expect(logs.text()).not.toContain(token);
    expect((await linkedHttp.post('/auth/verify-email', { token })).statusCode).toBe(200);
  });
});
