import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, as, createUser } from '../../../test/kit/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { passwordProblem } from './identity.passwords.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const withoutInstance = (body: Record<string, unknown>) => {
  const { instance: _, ...rest } = body;
  return rest;
};

describe('password policy', () => {
  it('refuses short passwords and common ones, also when padded to length', () => {
    for (const common of ['password123', 'Password2024!', '!!iloveyou99', 'qwertyuiop', 'aaaaaaaaaaaa']) {
      expect([common, passwordProblem(common)]).toEqual([common, 'This password is too common.']);
    }
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('plum-orchard-7-lantern')).toBeNull();
  });

  it('records the argon2id parameters in the stored hash', async () => {
    const user = await createUser(server);
    const row = await server.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('per-account login backoff', () => {
  it('locks an account after five failures, the same way for unknown emails, and a success clears it', async () => {
    const user = await createUser(server);
    const unknown = `ghost-${Date.now()}@example.test`;
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < 5; i++) {
        const res = await anonymous(server).post('/auth/login', { email, password: 'wrong password 1' });
        expect(res.statusCode).toBe(401);
      }
    }
    const locked = await anonymous(server).post('/auth/login', {
      email: user.email,
      password: user.password,
    });
    const ghost = await anonymous(server).post('/auth/login', { email: unknown, password: 'whatever-1234' });
    for (const res of [locked, ghost]) {
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
    expect(withoutInstance(locked.json())).toEqual(withoutInstance(ghost.json()));

    // the lock ends (time moved in SQL), the right password works and clears the count
    await server.database.db
      .updateTable('auth_attempts')
      .set({ locked_until: sql`now() - interval '1 second'` })
      .where('subject', '=', user.email.toLowerCase())
      .execute();
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(200);
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: 'wrong password 1' }))
        .statusCode,
    ).toBe(401);
  });

  it('evaluates at most five of a burst of 30 concurrent wrong passwords for one account', async () => {
    const user = await createUser(server);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        anonymous(server).post('/auth/login', { email: user.email, password: 'wrong guess 123' }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(25);
    // the account stays locked for the right password too
    expect(
      (await anonymous(server).post('/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(429);
  });

  it('doubles the lock with each further failure', async () => {
    const user = await createUser(server);
    for (let i = 0; i < 5; i++)
      await anonymous(server).post('/auth/login', { email: user.email, password: 'nope nope 1' });
    const unlock = () =>
      server.database.db
        .updateTable('auth_attempts')
        .set({ locked_until: sql`now() - interval '1 second'` })
        .where('subject', '=', user.email)
        .execute();
    await unlock();
    await anonymous(server).post('/auth/login', { email: user.email, password: 'nope nope 1' });
    const res = await anonymous(server).post('/auth/login', { email: user.email, password: user.password });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

describe('per-account limits on password reset', () => {
  it('answers 429 after five reset requests an hour for one email, known or not', async () => {
    const user = await createUser(server);
    const unknown = `nobody-${Date.now()}@example.test`;
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < 5; i++)
        expect((await anonymous(server).post('/auth/password-reset', { email })).statusCode).toBe(202);
      const res = await anonymous(server).post('/auth/password-reset', { email });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(3000);
    }
  });
});

describe('password changes', () => {
  it('evaluates at most five of 25 concurrent wrong current passwords, then answers 429', async () => {
    const user = await createUser(server);
    const change = (currentPassword: string) =>
      as(user).post('/me/password', { currentPassword, newPassword: 'juniper-canyon-42-oak' });
    const codes = (await Promise.all(Array.from({ length: 25 }, () => change('not my password 1')))).map(
      (r) => r.statusCode,
    );
    expect(codes.filter((c) => c === 400).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 400 && c !== 429)).toEqual([]);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(20);
    const locked = await change(user.password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('clears the failure count when the current password is right', async () => {
    const user = await createUser(server);
    const change = (currentPassword: string, newPassword = 'juniper-canyon-42-oak') =>
      as(user).post('/me/password', { currentPassword, newPassword });
    for (let i = 0; i < 4; i++) expect((await change('not my password 1')).statusCode).toBe(400);
    expect((await change(user.password)).statusCode).toBe(204);
    for (let i = 0; i < 4; i++) expect((await change('not my password 1')).statusCode).toBe(400);
    expect((await change('juniper-canyon-42-oak', 'meadow-lantern-88-fig')).statusCode).toBe(204);
  });
});

describe('password hashing under load', () => {
  let busy: TestServer;
  beforeAll(async () => {
    busy = await createTestServer({ config: { PASSWORD_HASH_CONCURRENCY: 1, PASSWORD_HASH_QUEUE_MAX: 2 } });
  });
  afterAll(async () => busy?.destroy());

  it('sheds password work past the queue limit with 503 problem+json and Retry-After', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        busy.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `load-${i}@example.test`, password: 'some password 12' },
        }),
      ),
    );
    const shed = results.filter((r) => r.statusCode === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 503)).toBe(true);
    expect(shed[0]!.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(shed[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(busy.modules.identity.service.passwords.runs.verify).toBeLessThanOrEqual(12 - shed.length);
  });
});

describe('per-IP rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await createTestServer({ config: { RATE_LIMIT_AUTH_PER_MINUTE: 5 } });
  });
  afterAll(async () => limited?.destroy());

  it('answers 429 problem+json with Retry-After once an address spends its auth calls', async () => {
    const call = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'someone@example.test', password: 'irrelevant-123' },
        remoteAddress: '203.0.113.7',
      });
    for (let i = 0; i < 5; i++) expect((await call()).statusCode).toBe(401);
    const res = await call();
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    // another address is not affected
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'someone@example.test' },
      remoteAddress: '198.51.100.9',
    });
    expect(other.statusCode).toBe(202);
  });

  it('limits register and password reset per address too', async () => {
    for (const [url, payload] of [
      ['/api/v1/auth/register', { email: 'x', password: 'y', name: 'z' }],
      ['/api/v1/auth/password-reset', { email: 'reset@example.test' }],
    ] as const) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await limited.app.inject({ method: 'POST', url, payload, remoteAddress: '192.0.2.44' });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 5).every((c) => c !== 429)).toBe(true);
      expect(codes[5]).toBe(429);
    }
  });

  it('limits password changes per address too', async () => {
    const codes: number[] = [];
    const store = limited.modules.tenancy.defaultStore().id;
    for (let i = 0; i < 6; i++) {
      const email = `changer-${i}-${Date.now()}@example.test`;
      const password = 'correct horse battery staple';
      await limited.modules.identity.service.createUser(
        systemCtx(limited.database.db, store, limited.app.log),
        { email, password, name: 'C' },
        ['CUSTOMER'],
      );
      const login = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: `198.51.100.${20 + i}`,
      });
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { authorization: `Bearer ${login.json().accessToken}` },
        payload: { currentPassword: 'not my password 1', newPassword: 'juniper-canyon-42-oak' },
        remoteAddress: '192.0.2.45',
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('lets one address make at least 60 auth calls a minute with the default settings', async () => {
    const defaults = loadConfig({});
    expect(defaults.RATE_LIMIT_AUTH_PER_MINUTE).toBeGreaterThanOrEqual(60);
    const normal = await createTestServer({
      config: { RATE_LIMIT_AUTH_PER_MINUTE: defaults.RATE_LIMIT_AUTH_PER_MINUTE },
    });
    try {
      const user = await createUser(normal);
      const codes: number[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await normal.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password },
        });
        codes.push(res.statusCode);
      }
      expect(codes.every((c) => c === 200)).toBe(true);
    } finally {
      await normal.destroy();
    }
  });
});
