import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { hostClient, REALM, signUpOwner, type TestOwner } from '../kit/index.ts';
import { sentMails } from '../mail.ts';

// Someone invited to a store's staff with no platform account signs up through the invitation
// (POST /platform/invitations/sign-up): an account with the invitation's address, no role and no
// tenant, made staff of the store in the same transaction; and the stores an account works in
// (GET /platform/memberships).
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.destroy());

let n = 0;
const unique = () => `${++n}-${Date.now().toString(36)}`;

async function ownerWithStore(): Promise<{ owner: TestOwner; storeId: string; host: string }> {
  const owner = await signUpOwner(server);
  await sql`UPDATE tenants SET plan = 'PRO' WHERE id = ${owner.tenantId}`.execute(server.database.db);
  const subdomain = `invited-${unique()}`;
  const store = (await owner.client().post('/platform/stores', { name: `Shop ${n}`, subdomain })).json();
  return { owner, storeId: store.id, host: `${subdomain}.bazaar.test` };
}

/** Invites `email` to the store and answers the token its mail carries. */
async function invite(owner: TestOwner, storeId: string, email: string, role = 'CATALOG_MANAGER') {
  const res = await owner.client().post(`/platform/stores/${storeId}/staff/invitations`, { email, role });
  expect(res.statusCode).toBe(201);
  const mail = (await sentMails(server)).findLast(
    (m) => m.to.includes(email.toLowerCase()) && m.subject.startsWith('You are invited'),
  );
  const token = /#invitation=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}

const signUp = (body: Record<string, unknown>, remoteAddress?: string, on: TestServer = server) =>
  on.app.inject({
    method: 'POST',
    url: '/api/v1/platform/invitations/sign-up',
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });

const person = () => ({ name: 'Ravi Helper', password: `a long helper passphrase ${unique()}` });

async function realmAccounts(email: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM users WHERE store_id = ${REALM} AND lower(email) = lower(${email})`.execute(
    server.database.db,
  );
  return Number(rows[0]!.n);
}

describe('signing up through an invitation', () => {
  it('makes a signed-in account with the invited address, verified, with no role and no tenant, on the staff', async () => {
    const { owner, storeId, host } = await ownerWithStore();
    const email = `helper-${unique()}@example.test`;
    const token = await invite(owner, storeId, email);
    const mailsBefore = (await sentMails(server)).length;

    const res = await signUp({ token, ...person(), phone: '+919812345678' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email, roles: [], emailVerified: true });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toEqual(expect.any(String));
    expect(body.accepted).toMatchObject({ storeId, role: 'CATALOG_MANAGER', storeName: expect.any(String) });
    expect(new URL(body.accepted.consoleUrl)).toMatchObject({ hostname: host, pathname: '/admin' });

    // no tenant and no business owner: the owner's calls are not its calls
    const { rows } = await sql`SELECT id FROM tenants WHERE owner_user_id = ${body.user.id}`.execute(
      server.database.db,
    );
    expect(rows).toEqual([]);
    const me = hostClient(server, { authorization: `Bearer ${body.accessToken}` });
    expect((await me.get('/platform/me')).json()).toMatchObject({ email, roles: [] });
    expect([403, 404]).toContain((await me.get('/platform/tenant')).statusCode);
    expect(
      (await me.post('/platform/stores', { name: 'Mine', subdomain: `mine-${unique()}` })).statusCode,
    ).toBe(403);
    // the link proved the address: no verification code is mailed
    expect((await sentMails(server)).slice(mailsBefore).filter((m) => m.to.includes(email))).toEqual([]);

    // the owner sees the new member with the address it was invited at
    const staff = (await owner.client().get(`/platform/stores/${storeId}/staff`)).json();
    expect(staff.members).toEqual([expect.objectContaining({ accountId: body.user.id, email })]);
    expect(staff.invitations).toEqual([]);
  });

  it("signs in with its password and acts in the store with its role's permissions, and in no other store", async () => {
    const { owner, storeId, host } = await ownerWithStore();
    const other = await ownerWithStore();
    const email = `catalog-${unique()}@example.test`;
    const credentials = person();
    const made = await signUp({ token: await invite(owner, storeId, email), ...credentials });
    expect(made.statusCode).toBe(201);

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/platform/auth/login',
      payload: { email, password: credentials.password },
    });
    expect(login.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${login.json().accessToken}` };
    const here = hostClient(server, { ...headers, host });
    expect((await here.get('/admin/store/settings')).statusCode).toBe(200);
    expect((await here.post('/admin/categories', { name: `Breads ${unique()}` })).statusCode).toBe(201);
    // a catalog manager holds no settings permission
    expect((await here.patch('/admin/store/settings', { returnWindowDays: 3 })).statusCode).toBe(403);

    const there = hostClient(server, { ...headers, host: other.host });
    expect([401, 403, 404]).toContain((await there.get('/admin/store/settings')).statusCode);
    expect([401, 403, 404]).toContain((await there.post('/admin/categories', { name: 'No' })).statusCode);

    // the store-bound session of the store's console: for its store only
    const platform = hostClient(server, headers);
    expect((await platform.post(`/platform/stores/${storeId}/session`)).statusCode).toBe(201);
    expect((await platform.post(`/platform/stores/${other.storeId}/session`)).statusCode).toBe(403);
  });

  it('refuses an address that has a platform account (409: sign in and accept) and leaves the invitation open', async () => {
    const { owner, storeId } = await ownerWithStore();
    const existing = await signUpOwner(server);
    const token = await invite(owner, storeId, existing.email.toUpperCase(), 'SUPPORT');

    const res = await signUp({ token, ...person() });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ type: '/problems/invitation-account-exists', status: 409 });
    expect(res.json().detail).toMatch(/sign in .* accept the invitation/);
    expect(await realmAccounts(existing.email)).toBe(1);

    const accepted = await existing.client().post('/platform/invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ storeId, role: 'SUPPORT' });
  });

  it('refuses a used, expired or withdrawn invitation as accepting does (404) and makes no account', async () => {
    const { owner, storeId } = await ownerWithStore();
    const used = `used-${unique()}@example.test`;
    const usedToken = await invite(owner, storeId, used);
    expect((await signUp({ token: usedToken, ...person() })).statusCode).toBe(201);
    const again = await signUp({ token: usedToken, ...person() });
    expect(again.statusCode).toBe(404);
    expect(again.json().type).toBe('/problems/invitation-invalid');

    const expired = `expired-${unique()}@example.test`;
    const expiredToken = await invite(owner, storeId, expired);
    await sql`UPDATE staff_invitations SET expires_at = now() - interval '1 minute' WHERE email = ${expired}`.execute(
      server.database.db,
    );
    const withdrawn = `withdrawn-${unique()}@example.test`;
    const withdrawnToken = await invite(owner, storeId, withdrawn);
    const open = (await owner.client().get(`/platform/stores/${storeId}/staff`)).json().invitations;
    const id = open.find((i: { email: string }) => i.email === withdrawn).id;
    await owner.client().del(`/platform/stores/${storeId}/staff/invitations/${id}`);

    for (const [token, email] of [
      [expiredToken, expired],
      [withdrawnToken, withdrawn],
      ['x'.repeat(43), null],
    ] as const) {
      const res = await signUp({ token, ...person() });
      expect(res.statusCode).toBe(404);
      expect(res.json().type).toBe('/problems/invitation-invalid');
      if (email) expect(await realmAccounts(email)).toBe(0);
    }
    expect((await signUp({ token: 'short', ...person() })).statusCode).toBe(400);
  });

  it("holds the password to identity's rules and takes no address from the body", async () => {
    const { owner, storeId } = await ownerWithStore();
    const email = `weak-${unique()}@example.test`;
    const token = await invite(owner, storeId, email);
    const weak = await signUp({ token, name: 'Weak', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ pointer: '/password' })]);
    expect(await realmAccounts(email)).toBe(0);
    // the invitation is still open
    const made = await signUp({ token, ...person(), email: 'someone-else@example.test' });
    expect(made.statusCode).toBe(201);
    expect(made.json().user.email).toBe(email);
    expect(await realmAccounts('someone-else@example.test')).toBe(0);
  });
});

describe('the stores an account is staff of', () => {
  it('lists each store with its name, address, role and console; not the ones it left or owns', async () => {
    const first = await ownerWithStore();
    const second = await ownerWithStore();
    const email = `both-${unique()}@example.test`;
    const made = await signUp({ token: await invite(first.owner, first.storeId, email), ...person() });
    const account = hostClient(server, { authorization: `Bearer ${made.json().accessToken}` });
    const accepted = await account.post('/platform/invitations/accept', {
      token: await invite(second.owner, second.storeId, email, 'ORDER_MANAGER'),
    });
    expect(accepted.statusCode).toBe(200);

    const res = await account.get('/platform/memberships');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        storeId: first.storeId,
        role: 'CATALOG_MANAGER',
        domain: first.host,
        status: 'DRAFT',
        storeName: expect.any(String),
        since: expect.any(String),
      }),
      expect.objectContaining({ storeId: second.storeId, role: 'ORDER_MANAGER', domain: second.host }),
    ]);
    expect(new URL(res.json()[0].consoleUrl)).toMatchObject({ hostname: first.host, pathname: '/admin' });
    // the owner works in no store as staff: its own stores are not memberships
    expect((await first.owner.client().get('/platform/memberships')).json()).toEqual([]);

    await second.owner.client().del(`/platform/stores/${second.storeId}/staff/${made.json().user.id}`);
    expect(
      (await account.get('/platform/memberships')).json().map((m: { storeId: string }) => m.storeId),
    ).toEqual([first.storeId]);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/platform/memberships' })).statusCode).toBe(
      401,
    );
  });
});

describe('the invitation sign-up rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await createTestServer({ config: { RATE_LIMIT_AUTH_PER_MINUTE: 5 } });
  });
  afterAll(() => limited?.destroy());

  it('answers 429 problem+json with Retry-After once an address spends its calls', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await signUp({ token: 'x'.repeat(43), ...person() }, '203.0.113.80', limited)).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 404, 429]);
    const res = await signUp({ token: 'x'.repeat(43), ...person() }, '203.0.113.80', limited);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await signUp({ token: 'x'.repeat(43), ...person() }, '198.51.100.80', limited)).statusCode).toBe(
      404,
    );
  });
});
