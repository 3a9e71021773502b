import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, openDatabase, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  type Client,
  createAdmin,
  createStore,
  createUser,
  type TestUser,
} from '../../../test/kit/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Role } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

/** Waits until some other backend waits for a lock this transaction holds. */
async function waitForBlockedBackend(trx: Db): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`.execute(
      trx,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no backend ever waited for the lock');
}

type Call = [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown];

/** Every call under /admin, with a valid body, against an existing user and group. */
async function adminCalls(): Promise<Call[]> {
  const target = await createUser(server);
  const id = target.id;
  const group = newId();
  return [
    ['GET', '/admin/users'],
    ['GET', `/admin/users/lookup?email=${encodeURIComponent(target.email)}`],
    ['GET', `/admin/users/${id}`],
    ['PUT', `/admin/users/${id}/roles`, { roles: ['CUSTOMER'] }],
    ['POST', `/admin/users/${id}/deactivate`, {}],
    ['POST', `/admin/users/${id}/reactivate`],
    ['PUT', `/admin/users/${id}/group`, { groupId: null }],
    ['GET', `/admin/users/${id}/admin-profile`],
    ['PUT', `/admin/users/${id}/admin-profile`, { department: 'Ops' }],
    ['GET', '/admin/sellers'],
    ['GET', `/admin/sellers/${id}`],
    ['POST', `/admin/sellers/${id}/approve`, {}],
    ['POST', `/admin/sellers/${id}/reject`, { reason: 'no' }],
    ['GET', '/admin/user-groups'],
    ['POST', '/admin/user-groups', { name: `Group ${newId()}` }],
    ['GET', `/admin/user-groups/${group}`],
    ['PATCH', `/admin/user-groups/${group}`, { name: 'Renamed' }],
    ['DELETE', `/admin/user-groups/${group}`],
  ];
}

/** Makes `call` through `client` (`as(user)` or `anonymous(server)`). */
function send(client: Client, [method, url, body]: Call) {
  if (method === 'GET') return client.get(url);
  if (method === 'DELETE') return client.del(url);
  return client[method === 'POST' ? 'post' : method === 'PUT' ? 'put' : 'patch'](url, body);
}

describe('admin role matrix', () => {
  it('answers 401 without a token and 403 to customers, sellers and delivery agents for every admin call', async () => {
    const calls = await adminCalls();
    const outsiders: TestUser[] = [];
    for (const roles of [['CUSTOMER'], ['SELLER'], ['DELIVERY_AGENT'], ['CUSTOMER', 'SELLER']] as Role[][]) {
      outsiders.push(await createUser(server, { roles }));
    }
    for (const call of calls) {
      const unsigned = await send(anonymous(server), call);
      expect([call[1], unsigned.statusCode]).toEqual([call[1], 401]);
      expect(unsigned.headers['content-type']).toMatch(/problem\+json/);
      for (const user of outsiders) {
        const res = await send(as(user), call);
        expect([call[1], user.roles, res.statusCode]).toEqual([call[1], user.roles, 403]);
      }
    }
  });

  it('lets admins make every admin call except setting admin permissions, which needs SUPER_ADMIN', async () => {
    const calls = await adminCalls();
    const admin = await createAdmin(server);
    const superAdmin = await createUser(server, { roles: ['SUPER_ADMIN'] });
    for (const call of calls) {
      const res = await send(as(admin), call);
      const expected = call[1].endsWith('/admin-profile') && call[0] === 'PUT' ? [403] : [200, 201, 204, 404];
      expect([call[1], expected.includes(res.statusCode)]).toEqual([call[1], true]);
      expect((await send(as(superAdmin), call)).statusCode).not.toBe(403);
    }
  });
});

describe('admin user management', () => {
  it('decides a role change on the target as a concurrent SUPER_ADMIN grant left it, never overwriting that grant', async () => {
    const admin = await createAdmin(server);
    const target = await createUser(server);
    const change = () => as(admin).put(`/admin/users/${target.id}/roles`, { roles: ['CUSTOMER', 'SELLER'] });
    let res: Awaited<ReturnType<typeof change>>;
    if (onPostgres) {
      // another process grants SUPER_ADMIN and holds its transaction open while the admin's change arrives
      const other = await openDatabase(server.schema);
      try {
        let pending: ReturnType<typeof change> | undefined;
        await other.db.transaction().execute(async (trx) => {
          await sql`UPDATE users SET roles = '{CUSTOMER,SUPER_ADMIN}' WHERE id = ${target.id}`.execute(trx);
          pending = change();
          await waitForBlockedBackend(trx);
        });
        res = await pending!;
      } finally {
        await other.close();
      }
    } else {
      // one connection: the grant and the change run one after the other
      await server.database.db
        .updateTable('users')
        .set({ roles: ['CUSTOMER', 'SUPER_ADMIN'] })
        .where('id', '=', target.id)
        .execute();
      res = await change();
    }
    expect(res.statusCode).toBe(403);
    const row = await server.database.db
      .selectFrom('users')
      .select('roles')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.roles).toEqual(['CUSTOMER', 'SUPER_ADMIN']);
  });

  it('gets a user by id, by email (any case) and by phone; unknown ones are 404', async () => {
    const admin = await createAdmin(server);
    const user = await createUser(server);
    await as(user).patch('/me', { phone: '+919812345678' });
    expect((await as(admin).get(`/admin/users/${user.id}`)).json().email).toBe(user.email);
    const byEmail = await as(admin).get(
      `/admin/users/lookup?email=${encodeURIComponent(user.email.toUpperCase())}`,
    );
    expect(byEmail.json().id).toBe(user.id);
    const byPhone = await as(admin).get(`/admin/users/lookup?phone=${encodeURIComponent('+919812345678')}`);
    expect(byPhone.json().id).toBe(user.id);
    expect((await as(admin).get('/admin/users/lookup?email=none@example.test')).statusCode).toBe(404);
    expect((await as(admin).get('/admin/users/lookup')).statusCode).toBe(400);
    for (const id of [newId(), 'x', '12345']) {
      expect((await as(admin).get(`/admin/users/${id}`)).statusCode).toBe(404);
    }
  });

  it('searches by email, name and phone and filters by role and status', async () => {
    const admin = await createAdmin(server);
    const tag = newId().slice(-8);
    const zed = await createUser(server, { name: `Zed ${tag}`, roles: ['DELIVERY_AGENT'] });
    const byName = (await as(admin).get(`/admin/users?q=${tag}`)).json().items;
    expect(byName.map((u: { id: string }) => u.id)).toEqual([zed.id]);
    const byEmail = (
      await as(admin).get(`/admin/users?q=${encodeURIComponent(zed.email.slice(0, 12))}`)
    ).json().items;
    expect(byEmail.map((u: { id: string }) => u.id)).toContain(zed.id);
    await as(zed).patch('/me', { phone: `+4477${tag.replace(/\D/g, '1').slice(0, 8)}` });
    const phone = (await as(admin).get(`/admin/users/${zed.id}`)).json().phone;
    const byPhone = (await as(admin).get(`/admin/users?q=${encodeURIComponent(phone)}`)).json().items;
    expect(byPhone.map((u: { id: string }) => u.id)).toEqual([zed.id]);
    const agents = (await as(admin).get('/admin/users?role=DELIVERY_AGENT&limit=100')).json().items;
    expect(agents.every((u: { roles: string[] }) => u.roles.includes('DELIVERY_AGENT'))).toBe(true);
    await as(admin).post(`/admin/users/${zed.id}/deactivate`, { reason: 'left' });
    const inactive = (await as(admin).get('/admin/users?status=DEACTIVATED')).json().items;
    expect(inactive.map((u: { id: string }) => u.id)).toContain(zed.id);
    expect((await as(admin).get('/admin/users?role=KING')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/users?group=nope')).statusCode).toBe(400);
  });

  it('lets an ADMIN grant CUSTOMER, SELLER, DELIVERY_AGENT and ADMIN, and only a SUPER_ADMIN grant SUPER_ADMIN', async () => {
    const admin = await createAdmin(server);
    const superAdmin = await createUser(server, { roles: ['SUPER_ADMIN'] });
    const user = await createUser(server);
    const all = ['CUSTOMER', 'SELLER', 'DELIVERY_AGENT', 'ADMIN'];
    const granted = await as(admin).put(`/admin/users/${user.id}/roles`, { roles: all });
    expect(granted.json().roles).toEqual(all);
    // takes effect on the user's current token at once
    expect((await as(user).get('/admin/users?limit=1')).statusCode).toBe(200);
    const refused = await as(admin).put(`/admin/users/${user.id}/roles`, { roles: ['SUPER_ADMIN'] });
    expect(refused.statusCode).toBe(403);
    const promoted = await as(superAdmin).put(`/admin/users/${user.id}/roles`, { roles: ['SUPER_ADMIN'] });
    expect(promoted.json().roles).toEqual(['SUPER_ADMIN']);
    // an ADMIN can no longer touch that account at all
    expect((await as(admin).put(`/admin/users/${user.id}/roles`, { roles: ['CUSTOMER'] })).statusCode).toBe(
      403,
    );
    expect((await as(admin).post(`/admin/users/${user.id}/deactivate`, {})).statusCode).toBe(403);
    const bad = await as(superAdmin).put(`/admin/users/${user.id}/roles`, { roles: [] });
    expect(bad.statusCode).toBe(400);
  });

  it('deactivates without a body and documents every identity call in OpenAPI', async () => {
    const admin = await createAdmin(server);
    const user = await createUser(server);
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/deactivate`,
      headers: admin.headers,
    });
    expect(res.json()).toMatchObject({ id: user.id, status: 'DEACTIVATED' });
    const seller = await createUser(server);
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/me/seller-application',
      headers: seller.headers,
      payload: { businessName: 'No Body Ltd' },
    });
    const approved = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sellers/${seller.id}/approve`,
      headers: admin.headers,
    });
    expect(approved.json()).toMatchObject({ status: 'APPROVED', commissionRateBps: 500 });
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/me/addresses/{id}',
      '/api/v1/admin/user-groups/{id}',
      '/api/v1/auth/password-reset',
    ]) {
      expect(doc.paths[p]).toBeDefined();
    }
  });

  it('refuses to let an admin lock themselves out', async () => {
    const admin = await createAdmin(server);
    expect((await as(admin).put(`/admin/users/${admin.id}/roles`, { roles: ['CUSTOMER'] })).statusCode).toBe(
      409,
    );
    expect((await as(admin).post(`/admin/users/${admin.id}/deactivate`, {})).statusCode).toBe(409);
    expect((await as(admin).get('/me')).json().roles).toEqual(['ADMIN']);
  });

  it('takes a role away at once, without waiting for the token to expire', async () => {
    const admin = await createAdmin(server);
    const seller = await createAdmin(server);
    expect((await as(seller).get('/admin/users')).statusCode).toBe(200);
    await as(admin).put(`/admin/users/${seller.id}/roles`, { roles: ['SELLER'] });
    expect((await as(seller).get('/admin/users')).statusCode).toBe(403);
  });
});

describe('store isolation', () => {
  it("keeps one store's users, groups and tokens out of another store", async () => {
    const storeA = server.modules.tenancy.defaultStore();
    const storeB = await createStore(server, { name: 'Store B', tenantId: storeA.tenantId });
    const inB = { 'x-store-id': storeB.id };
    const adminA = await createAdmin(server);
    const adminB = await createAdmin(storeB);
    const userA = await createUser(server);

    // the same email is a separate account in store B
    const twin = await anonymous(storeB).post('/auth/register', {
      email: userA.email,
      password: 'tamarind-river-61-gate',
      name: 'Twin',
    });
    expect(twin.statusCode).toBe(201);
    expect(twin.json().user.id).not.toBe(userA.id);

    expect((await as(adminB).get(`/admin/users/${userA.id}`)).statusCode).toBe(404);
    const listB = (await as(adminB).get('/admin/users?limit=100')).json().items;
    expect(listB.map((u: { id: string }) => u.id)).not.toContain(userA.id);
    expect((await as(adminB).put(`/admin/users/${userA.id}/roles`, { roles: ['ADMIN'] })).statusCode).toBe(
      404,
    );
    expect((await as(adminB).post(`/admin/users/${userA.id}/deactivate`, {})).statusCode).toBe(404);

    const groupA = (await as(adminA).post('/admin/user-groups', { name: 'Gold' })).json();
    expect((await as(adminB).get(`/admin/user-groups/${groupA.id}`)).statusCode).toBe(404);
    expect((await as(adminB).post('/admin/user-groups', { name: 'Gold' })).statusCode).toBe(201);
    const twinId = twin.json().user.id;
    expect((await as(adminB).put(`/admin/users/${twinId}/group`, { groupId: groupA.id })).statusCode).toBe(
      404,
    );

    const address = (
      await as(userA).post('/me/addresses', {
        name: 'A',
        line1: 'L',
        city: 'C',
        state: 'S',
        postalCode: '1000',
        country: 'DE',
      })
    ).json();
    const twinHeaders = { authorization: `Bearer ${twin.json().accessToken}`, ...inB };
    expect((await anonymous(server).get(`/me/addresses/${address.id}`, twinHeaders)).statusCode).toBe(404);
    // a store-A token is not accepted in store B, nor a store-B token in store A
    expect((await as(userA).get('/me', inB)).statusCode).toBe(401);
    expect(
      (await anonymous(server).get('/me', { authorization: twinHeaders.authorization })).statusCode,
    ).toBe(401);
    // a store-A refresh token does not rotate in store B
    expect(
      (await anonymous(storeB).post('/auth/refresh', { refreshToken: userA.refreshToken })).statusCode,
    ).toBe(401);
    expect((await as(userA).get('/me')).statusCode).toBe(200);
  });
});
