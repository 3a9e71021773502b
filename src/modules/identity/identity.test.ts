import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createStore,
  createUser,
  defaultStore,
} from '../../../test/kit/index.ts';
import { newId } from '../../platform/ids.ts';
import { KeyRing, signAccessToken, verifyAccessToken } from './identity.tokens.ts';
import { PURGE_QUEUE } from './index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const password = 'plum-orchard-7-lantern';

describe('registration and login', () => {
  it('registers a customer and returns tokens', async () => {
    const res = await anonymous(server).post('/auth/register', {
      email: 'Ada@Example.test',
      password,
      name: 'Ada',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'Ada@Example.test', name: 'Ada', roles: ['CUSTOMER'] });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toEqual(expect.any(String));
    const me = await anonymous(server).get('/me', { authorization: `Bearer ${body.accessToken}` });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: body.user.id, email: 'Ada@Example.test', roles: ['CUSTOMER'] });
  });

  it('refuses a second account with the same email in another case', async () => {
    const res = await anonymous(server).post('/auth/register', {
      email: 'ada@EXAMPLE.test',
      password,
      name: 'Ada 2',
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses short and common passwords with a pointer to the field', async () => {
    for (const bad of ['short', 'qwertyuiop']) {
      const res = await anonymous(server).post('/auth/register', {
        email: `${bad}@example.test`,
        password: bad,
        name: 'X',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/password');
    }
  });

  it('rejects bad input with pointers and writes nothing', async () => {
    const res = await anonymous(server).post('/auth/register', {
      email: 'not-an-email',
      password: 12,
      name: 'x'.repeat(10_000),
    });
    expect(res.statusCode).toBe(400);
    const pointers = res
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(['/email', '/name', '/password']);
    const login = await anonymous(server).post('/auth/login', {
      email: 'not-an-email',
      password: 'whatever-123',
    });
    expect(login.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await anonymous(server).post('/auth/login', {
      email: 'ada@example.test',
      password: 'wrong password 1',
    });
    const unknown = await anonymous(server).post('/auth/login', {
      email: 'nobody@example.test',
      password: 'wrong password 1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const { instance: _a, ...a } = wrong.json();
    const { instance: _b, ...b } = unknown.json();
    expect(a).toEqual(b);
  });

  it('lets exactly one of 20 concurrent registrations of one email succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        anonymous(server).post('/auth/register', { email: 'race@example.test', password, name: 'Racer' }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
  });
});

describe('tokens', () => {
  it('rotates refresh tokens and revokes the family when a spent one is presented', async () => {
    const user = await createUser(server);
    const first = await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json().refreshToken;
    expect(rotated).not.toBe(user.refreshToken);
    const reuse = await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.statusCode).toBe(401);
    const afterTheft = await anonymous(server).post('/auth/refresh', { refreshToken: rotated });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('refuses to rotate the refresh token of a session older than its absolute lifetime', async () => {
    const user = await createUser(server);
    const { refreshToken } = (
      await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })
    ).json();
    await server.database.db
      .updateTable('user_sessions')
      .set({ created_at: sql`now() - interval '90 days' - interval '1 minute'` })
      .where('user_id', '=', user.id)
      .execute();
    const res = await anonymous(server).post('/auth/refresh', { refreshToken });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it("never lets a refresh token outlive its session's absolute lifetime", async () => {
    const user = await createUser(server);
    await server.database.db
      .updateTable('user_sessions')
      .set({ created_at: sql`now() - interval '89 days'` })
      .where('user_id', '=', user.id)
      .execute();
    const rotated = await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(rotated.statusCode).toBe(200);
    const rows = await server.database.db
      .selectFrom('user_tokens as tk')
      .innerJoin('user_sessions as s', 's.id', 'tk.family_id')
      .select(['tk.expires_at', 's.created_at', 's.expires_at as session_expires_at'])
      .where('tk.user_id', '=', user.id)
      .where('tk.used_at', 'is', null)
      .execute();
    expect(rows).toHaveLength(1);
    const end = rows[0]!.created_at.getTime() + 90 * 86_400_000;
    expect(rows[0]!.expires_at.getTime()).toBeLessThanOrEqual(end + 1000);
    expect(rows[0]!.session_expires_at.getTime()).toBeLessThanOrEqual(end + 1000);
  });

  it('ends a session at logout', async () => {
    const user = await createUser(server);
    expect(
      (await anonymous(server).post('/auth/logout', { refreshToken: user.refreshToken })).statusCode,
    ).toBe(204);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })).statusCode,
    ).toBe(401);
  });

  it('answers 401 problem+json for missing, malformed and wrongly signed tokens', async () => {
    const user = await createUser(server);
    const [header, payload] = user.accessToken.split('.');
    for (const auth of [
      undefined,
      'Bearer nonsense',
      `Bearer ${header}.${payload}.forged-signature`,
      'Basic abc',
    ]) {
      const res = await anonymous(server).get('/me', auth ? { authorization: auth } : {});
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('does not accept a token of one store in another store', async () => {
    const user = await createUser(server);
    const other = await createStore(server, { name: 'Other', tenantId: defaultStore(server).tenantId });
    const res = await as(user).get('/me', { 'x-store-id': other.id });
    expect(res.statusCode).toBe(401);
  });
});

describe('admin user listing', () => {
  it('is forbidden to customers and sellers and open to admins', async () => {
    const customer = await createUser(server);
    const seller = await createUser(server, { roles: ['SELLER'] });
    const admin = await createAdmin(server);
    expect((await as(customer).get('/admin/users')).statusCode).toBe(403);
    expect((await as(seller).get('/admin/users')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/users')).statusCode).toBe(401);
    const res = await as(admin).get('/admin/users?limit=2');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(2);
    const next = await as(admin).get(`/admin/users?limit=2&cursor=${res.json().nextCursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.json().items[0].id < res.json().items[1].id).toBe(true);
  });

  it('rejects a limit out of range and a cursor it did not issue', async () => {
    const admin = await createAdmin(server);
    expect((await as(admin).get('/admin/users?limit=0')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/users?limit=101')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/users?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('access token lifetimes and keys', () => {
  async function forge(token: string, keys: KeyRing, times: { iat: number; exp: number }) {
    const claims = decodeJwt(token);
    return new SignJWT({ store: claims.store, roles: claims.roles, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', kid: keys.current.kid, typ: 'JWT' })
      .setSubject(claims.sub!)
      .setIssuer('bazaar')
      .setAudience(`bazaar:${String(claims.store)}`)
      .setIssuedAt(times.iat)
      .setExpirationTime(times.exp)
      .sign(keys.current.secret);
  }

  /** A token like the user's, signed with the server's key, built by `build` from its claims. */
  async function resign(token: string, build: (jwt: SignJWT, claims: JWTPayload) => SignJWT) {
    const keys = KeyRing.fromConfig(server.config);
    const claims = decodeJwt(token);
    const jwt = new SignJWT({ store: claims.store, roles: claims.roles, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', kid: keys.current.kid, typ: 'JWT' })
      .setIssuer('bazaar')
      .setIssuedAt();
    return build(jwt, claims).sign(keys.current.secret);
  }

  it('refuses a token without the audience of this store, or without an expiry or subject', async () => {
    const user = await createUser(server);
    const store = server.modules.tenancy.defaultStore().id;
    const variants = {
      good: (j: SignJWT, c: JWTPayload) =>
        j.setSubject(c.sub!).setAudience(`bazaar:${store}`).setExpirationTime('5m'),
      noAudience: (j: SignJWT, c: JWTPayload) => j.setSubject(c.sub!).setExpirationTime('5m'),
      otherAudience: (j: SignJWT, c: JWTPayload) =>
        j.setSubject(c.sub!).setAudience(`bazaar:${newId()}`).setExpirationTime('5m'),
      noExpiry: (j: SignJWT, c: JWTPayload) => j.setSubject(c.sub!).setAudience(`bazaar:${store}`),
      noSubject: (j: SignJWT) => j.setAudience(`bazaar:${store}`).setExpirationTime('5m'),
    };
    const codes: Record<string, number> = {};
    for (const [name, build] of Object.entries(variants)) {
      const token = await resign(user.accessToken, build);
      codes[name] = (await anonymous(server).get('/me', { authorization: `Bearer ${token}` })).statusCode;
    }
    expect(codes).toEqual({ good: 200, noAudience: 401, otherAudience: 401, noExpiry: 401, noSubject: 401 });
    expect(decodeJwt(user.accessToken).aud).toBe(`bazaar:${store}`);
  });

  it('does not let a configured passphrase be confirmed offline with one fast hash of the key id or signature', async () => {
    const passphrase = 'correct horse battery staple rides again';
    const keys = KeyRing.fromConfig({
      JWT_SECRET: passphrase,
      JWT_PREVIOUS_SECRETS: '',
      dataDir: server.config.dataDir,
    });
    const claims = { userId: newId(), storeId: newId(), roles: ['CUSTOMER' as const], sessionId: newId() };
    const token = await signAccessToken(keys, claims, 900);
    const kid = decodeProtectedHeader(token).kid!;
    expect(kid).not.toBe(createHash('sha256').update(passphrase).digest('hex').slice(0, 16));
    expect(kid).not.toContain(createHmac('sha256', passphrase).update('kid').digest('hex').slice(0, 16));
    await expect(jwtVerify(token, new TextEncoder().encode(passphrase))).rejects.toThrow(/signature/);
    expect(await verifyAccessToken(keys, token, claims.storeId)).toEqual(claims);
  });

  it('stops taking a token it has verified before once the token expires', async () => {
    const keys = KeyRing.fromConfig(server.config);
    const claims = { userId: newId(), storeId: newId(), roles: ['CUSTOMER' as const], sessionId: newId() };
    const token = await signAccessToken(keys, claims, 1);
    expect(await verifyAccessToken(keys, token, claims.storeId)).toEqual(claims);
    expect(await verifyAccessToken(keys, token, newId())).toBeNull(); // another store's audience
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await verifyAccessToken(keys, token, claims.storeId)).toBeNull();
  });

  it('answers 401 problem+json for an expired token that is otherwise valid', async () => {
    const user = await createUser(server);
    const keys = KeyRing.fromConfig(server.config);
    const now = Math.floor(Date.now() / 1000);
    const expired = await forge(user.accessToken, keys, { iat: now - 3600, exp: now - 60 });
    const res = await anonymous(server).get('/me', { authorization: `Bearer ${expired}` });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const fresh = await forge(user.accessToken, keys, { iat: now, exp: now + 60 });
    expect((await anonymous(server).get('/me', { authorization: `Bearer ${fresh}` })).statusCode).toBe(200);
  });

  it('issues 15-minute tokens carrying sub, store, roles and kid', async () => {
    const user = await createUser(server, { roles: ['SELLER'] });
    const claims = decodeJwt(user.accessToken);
    const header = decodeProtectedHeader(user.accessToken);
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    expect(claims).toMatchObject({ sub: user.id, store: server.modules.tenancy.defaultStore().id });
    expect(claims.roles).toEqual(['SELLER']);
    expect(header.kid).toBe(KeyRing.fromConfig(server.config).current.kid);
  });

  it('keeps tokens of a rotated-out key valid by kid, and refuses them once the key is dropped', async () => {
    const dataDir = server.config.dataDir;
    const before = KeyRing.fromConfig({ JWT_SECRET: 'a'.repeat(40), JWT_PREVIOUS_SECRETS: '', dataDir });
    const after = KeyRing.fromConfig({
      JWT_SECRET: 'b'.repeat(40),
      JWT_PREVIOUS_SECRETS: 'a'.repeat(40),
      dataDir,
    });
    const dropped = KeyRing.fromConfig({ JWT_SECRET: 'b'.repeat(40), JWT_PREVIOUS_SECRETS: '', dataDir });
    const claims = { userId: newId(), storeId: newId(), roles: ['CUSTOMER' as const], sessionId: newId() };
    const old = await signAccessToken(before, claims, 900);
    expect(await verifyAccessToken(after, old, claims.storeId)).toEqual(claims);
    expect(await verifyAccessToken(dropped, old, claims.storeId)).toBeNull();
    const fresh = await signAccessToken(after, claims, 900);
    expect(decodeProtectedHeader(fresh).kid).toBe(after.current.kid);
    expect(decodeProtectedHeader(fresh).kid).not.toBe(decodeProtectedHeader(old).kid);
  });

  it('generates the signing key once in DATA_DIR and reuses it', () => {
    const first = KeyRing.fromConfig(server.config);
    expect(fs.existsSync(path.join(server.config.dataDir, 'keys', 'jwt-secret'))).toBe(true);
    expect(KeyRing.fromConfig(server.config).current.kid).toBe(first.current.kid);
  });
});

describe('sessions', () => {
  it('lists the active sessions with device, creation, last use and expiry, marking the current one', async () => {
    const user = await createUser(server);
    const phone = await anonymous(server).post(
      '/auth/login',
      { email: user.email, password: user.password },
      { 'user-agent': 'BazaarPhone/1.0' },
    );
    const res = await as(user).get('/me/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    const [newest, first] = items;
    expect(newest).toMatchObject({ userAgent: 'BazaarPhone/1.0', current: false });
    expect(first.current).toBe(true);
    for (const s of items) {
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.parse(s.createdAt));
      expect(s.lastUsedAt).toEqual(expect.any(String));
    }
    expect(phone.statusCode).toBe(200);
  });

  it('stops the access tokens of a revoked session at once', async () => {
    const user = await createUser(server);
    const other = (
      await anonymous(server).post('/auth/login', { email: user.email, password: user.password })
    ).json();
    const otherHeaders = { authorization: `Bearer ${other.accessToken}` };
    const sessions = (await as(user).get('/me/sessions')).json().items;
    const target = sessions.find((s: { current: boolean }) => !s.current);
    expect((await as(user).del(`/me/sessions/${target.id}`)).statusCode).toBe(204);
    expect((await anonymous(server).get('/me', otherHeaders)).statusCode).toBe(401);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: other.refreshToken })).statusCode,
    ).toBe(401);
    expect((await as(user).get('/me')).statusCode).toBe(200);
  });

  it("answers 404 for another user's session and for ids of any format", async () => {
    const alice = await createUser(server);
    const bob = await createUser(server);
    const bobSession = (await as(bob).get('/me/sessions')).json().items[0].id;
    for (const id of [bobSession, 'not-a-uuid', newId()]) {
      expect((await as(alice).del(`/me/sessions/${id}`)).statusCode).toBe(404);
    }
    expect((await as(bob).get('/me')).statusCode).toBe(200);
  });

  it('logs out everywhere: every access and refresh token of the user stops', async () => {
    const user = await createUser(server);
    const second = (
      await anonymous(server).post('/auth/login', { email: user.email, password: user.password })
    ).json();
    expect((await as(user).post('/auth/logout-all', undefined)).statusCode).toBe(204);
    expect((await as(user).get('/me')).statusCode).toBe(401);
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${second.accessToken}` })).statusCode,
    ).toBe(401);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: second.refreshToken })).statusCode,
    ).toBe(401);
    expect((await anonymous(server).post('/auth/logout-all', undefined)).statusCode).toBe(401);
  });

  it('answers many callers signing in at once each as itself, and refuses the one whose session just ended', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => createUser(server)));
    for (const user of users) expect((await as(user).get('/me')).statusCode).toBe(200);
    const ended = users[5]!;
    expect((await as(ended).post('/auth/logout-all', undefined)).statusCode).toBe(204);
    const answers = await Promise.all(users.map((user) => as(user).get('/me')));
    answers.forEach((res, i) => {
      if (users[i] === ended) expect(res.statusCode).toBe(401);
      else expect([res.statusCode, res.json().id]).toEqual([200, users[i]!.id]);
    });
  });

  it('makes the access token of a session whose refresh token was reused stop working', async () => {
    const user = await createUser(server);
    const rotated = (
      await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })
    ).json();
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${rotated.accessToken}` })).statusCode,
    ).toBe(200);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })).statusCode,
    ).toBe(401);
    expect(
      (await anonymous(server).get('/me', { authorization: `Bearer ${rotated.accessToken}` })).statusCode,
    ).toBe(401);
  });

  it('lets only one of several concurrent uses of one refresh token succeed', async () => {
    const user = await createUser(server);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 401)).toBe(true);
  });

  it('stops the tokens of a deactivated user at once', async () => {
    const admin = await createAdmin(server);
    const user = await createUser(server);
    expect((await as(user).get('/me')).statusCode).toBe(200);
    expect((await as(admin).post(`/admin/users/${user.id}/deactivate`, {})).statusCode).toBe(200);
    expect((await as(user).get('/me')).statusCode).toBe(401);
    expect(
      (await anonymous(server).post('/auth/refresh', { refreshToken: user.refreshToken })).statusCode,
    ).toBe(401);
    const login = await anonymous(server).post('/auth/login', { email: user.email, password: user.password });
    expect(login.statusCode).toBe(401);
    expect((await as(admin).post(`/admin/users/${user.id}/reactivate`, undefined)).statusCode).toBe(200);
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(200);
  });

  it('purges expired tokens and sessions in the scheduled job, keeping live ones', async () => {
    expect(server.jobs.scheduleList()).toContainEqual(
      expect.objectContaining({ name: PURGE_QUEUE, queue: PURGE_QUEUE }),
    );
    const stale = await createUser(server);
    const live = await createUser(server);
    const db = server.database.db;
    await db
      .updateTable('user_tokens')
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where('user_id', '=', stale.id)
      .execute();
    await db
      .updateTable('user_sessions')
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where('user_id', '=', stale.id)
      .execute();
    await server.jobs.enqueue(db, { queue: PURGE_QUEUE });
    await server.worker.drain();
    const count = async (table: string, userId: string) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', userId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('user_tokens', stale.id)).toBe(0);
    expect(await count('user_sessions', stale.id)).toBe(0);
    expect(await count('user_tokens', live.id)).toBeGreaterThan(0);
    expect((await as(live).get('/me')).statusCode).toBe(200);
    expect((await as(stale).get('/me')).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  const longName = 'x'.repeat(10_000);
  const cases: Array<[string, unknown, string[]]> = [
    ['/auth/register', {}, ['/email', '/name', '/password']],
    ['/auth/register', { email: 'a@b.test', password: ['x'], name: longName }, ['/name', '/password']],
    [
      '/auth/register',
      { email: 'a@b.test', password: 'fine-password-123', name: 'N', phone: 'call me' },
      ['/phone'],
    ],
    ['/auth/register', { email: 42, password: 'fine-password-123', name: true }, ['/email', '/name']],
    ['/auth/login', { email: 'a@b.test' }, ['/password']],
    ['/auth/refresh', { refreshToken: 7 }, ['/refreshToken']],
    ['/auth/password-reset', { email: 'not an email' }, ['/email']],
    ['/auth/password-reset/confirm', { token: '' }, ['/password', '/token']],
    ['/auth/verify-email', {}, ['/token']],
  ];

  it.each(cases)('answers 400 with pointers for %s %j and writes nothing', async (url, body, pointers) => {
    const count = async () =>
      Number(
        (
          await server.database.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await anonymous(server).post(url, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const got = [...new Set(res.json().errors.map((e: { pointer: string }) => e.pointer))].sort();
    expect(got).toEqual(pointers);
    expect(await count()).toBe(before);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
  });
});
