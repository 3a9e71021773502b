import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });
const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const password = 'plum-orchard-7-lantern';

describe('registration and login', () => {
  it('registers a customer and returns tokens', async () => {
    const res = await post('/auth/register', { email: 'Ada@Example.test', password, name: 'Ada' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'Ada@Example.test', name: 'Ada', roles: ['CUSTOMER'] });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toEqual(expect.any(String));
    const me = await get('/me', { authorization: `Bearer ${body.accessToken}` });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: body.user.id, email: 'Ada@Example.test', roles: ['CUSTOMER'] });
  });

  it('refuses a second account with the same email in another case', async () => {
    const res = await post('/auth/register', { email: 'ada@EXAMPLE.test', password, name: 'Ada 2' });
    expect(res.statusCode).toBe(409);
  });

  it('refuses short and common passwords with a pointer to the field', async () => {
    for (const bad of ['short', 'qwertyuiop']) {
      const res = await post('/auth/register', { email: `${bad}@example.test`, password: bad, name: 'X' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/password');
    }
  });

  it('rejects bad input with pointers and writes nothing', async () => {
    const res = await post('/auth/register', {
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
    const login = await post('/auth/login', { email: 'not-an-email', password: 'whatever-123' });
    expect(login.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await post('/auth/login', { email: 'ada@example.test', password: 'wrong password 1' });
    const unknown = await post('/auth/login', { email: 'nobody@example.test', password: 'wrong password 1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const { instance: _a, ...a } = wrong.json();
    const { instance: _b, ...b } = unknown.json();
    expect(a).toEqual(b);
  });

  it('lets exactly one of 20 concurrent registrations of one email succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post('/auth/register', { email: 'race@example.test', password, name: 'Racer' }),
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
    const first = await post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json().refreshToken;
    expect(rotated).not.toBe(user.refreshToken);
    const reuse = await post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.statusCode).toBe(401);
    const afterTheft = await post('/auth/refresh', { refreshToken: rotated });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('ends a session at logout', async () => {
    const user = await createUser(server);
    expect((await post('/auth/logout', { refreshToken: user.refreshToken })).statusCode).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: user.refreshToken })).statusCode).toBe(401);
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
      const res = await get('/me', auth ? { authorization: auth } : {});
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('does not accept a token of one store in another store', async () => {
    const user = await createUser(server);
    const other = await server.database.db
      .insertInto('stores')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        tenant_id: server.modules.tenancy.defaultStore().tenant_id,
        name: 'Other',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await get('/me', { ...user.headers, 'x-store-id': other.id });
    expect(res.statusCode).toBe(401);
  });
});

describe('admin user listing', () => {
  it('is forbidden to customers and sellers and open to admins', async () => {
    const customer = await createUser(server);
    const seller = await createUser(server, { roles: ['SELLER'] });
    const admin = await createUser(server, { roles: ['ADMIN'] });
    expect((await get('/admin/users', customer.headers)).statusCode).toBe(403);
    expect((await get('/admin/users', seller.headers)).statusCode).toBe(403);
    expect((await get('/admin/users')).statusCode).toBe(401);
    const res = await get('/admin/users?limit=2', admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(2);
    const next = await get(`/admin/users?limit=2&cursor=${res.json().nextCursor}`, admin.headers);
    expect(next.statusCode).toBe(200);
    expect(next.json().items[0].id < res.json().items[1].id).toBe(true);
  });

  it('rejects a limit out of range and a cursor it did not issue', async () => {
    const admin = await createUser(server, { roles: ['ADMIN'] });
    expect((await get('/admin/users?limit=0', admin.headers)).statusCode).toBe(400);
    expect((await get('/admin/users?limit=101', admin.headers)).statusCode).toBe(400);
    expect((await get('/admin/users?cursor=garbage', admin.headers)).statusCode).toBe(400);
  });
});
