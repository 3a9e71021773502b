import { decodeJwt, SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suspendTenant } from '../../src/modules/tenancy/index.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { hostClient, signUpOwner, type TestOwner } from '../kit/index.ts';
import { sentMails } from '../mail.ts';

// A platform account opens a session bound to one store (decision 019): its tokens act in that store
// with the access the store rule gives (owner: ADMIN; staff: their role's), and nowhere else.

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.close());

let n = 0;

/** A published store of the owner's tenant (on PRO, so it may have several), with its Host. */
async function openStore(owner: TestOwner): Promise<{ id: string; host: string }> {
  await sql`UPDATE tenants SET plan = 'PRO', subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
    server.database.db,
  );
  const subdomain = `bound-${++n}-${Date.now().toString(36)}`;
  const made = await owner.client().post('/platform/stores', { name: `Bound ${n}`, subdomain });
  expect(made.statusCode).toBe(201);
  const id = made.json().id as string;
  expect((await owner.client().post(`/platform/stores/${id}/publish`)).statusCode).toBe(200);
  return { id, host: `${subdomain}.bazaar.test` };
}

interface StoreSession {
  storeId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

async function exchange(owner: TestOwner, storeId: string): Promise<StoreSession> {
  const res = await owner.client().post(`/platform/stores/${storeId}/session`);
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** Calls in the store at `host` with `token` as the Bearer. */
const inStore = (host: string, token: string) =>
  hostClient(server, { host, authorization: `Bearer ${token}` });

/** Calls on the platform (no store Host) with `token` as the Bearer. */
const onPlatform = (token: string) => hostClient(server, { authorization: `Bearer ${token}` });

async function inviteStaff(owner: TestOwner, storeId: string, role: string): Promise<TestOwner> {
  const member = await signUpOwner(server);
  const invited = await owner
    .client()
    .post(`/platform/stores/${storeId}/staff/invitations`, { email: member.email, role });
  expect(invited.statusCode).toBe(201);
  const mail = (await sentMails(server)).find(
    (m) => m.to.includes(member.email) && m.subject.startsWith('You are invited'),
  );
  const token = /#invitation=([\w-]+)/.exec(mail?.text ?? '')![1];
  expect((await member.client().post('/platform/invitations/accept', { token })).statusCode).toBe(200);
  return member;
}

describe('store-bound sessions', () => {
  it("works as ADMIN with every permission in its store, and names that store as the token's audience", async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const session = await exchange(owner, store.id);
    expect(session.storeId).toBe(store.id);
    expect(session.expiresIn).toBeGreaterThan(0);
    const claims = decodeJwt(session.accessToken);
    expect(claims.aud).toBe(`bazaar:${store.id}`);
    expect(claims.store).toBe(store.id);

    const client = inStore(store.host, session.accessToken);
    const me = await client.get('/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: owner.userId, email: owner.email, roles: ['ADMIN'] });
    expect((await client.get('/admin/users')).statusCode).toBe(200);
    const changed = await client.patch('/admin/store/settings', { returnWindowDays: 9 });
    expect(changed.statusCode).toBe(200);
  });

  it('is refused in another store of the same tenant and on every platform call', async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const other = await openStore(owner);
    const { accessToken } = await exchange(owner, store.id);

    expect((await inStore(other.host, accessToken).get('/me')).statusCode).toBe(401);
    expect((await inStore(other.host, accessToken).get('/admin/users')).statusCode).toBe(401);
    // the owner's own platform token still works there (API.md, Platform)
    expect((await owner.client(other.host).get('/admin/users')).statusCode).toBe(200);

    const platform = onPlatform(accessToken);
    expect((await platform.get('/platform/me')).statusCode).toBe(401);
    expect((await platform.get('/platform/tenant')).statusCode).toBe(401);
    expect((await platform.get('/platform/stores')).statusCode).toBe(401);
    expect((await platform.post(`/platform/stores/${other.id}/session`)).statusCode).toBe(401);
    expect(
      (await platform.post('/platform/stores', { name: 'Sneaky', subdomain: `sneaky-${n}` })).statusCode,
    ).toBe(401);
    // the platform calls answer the same with the store's Host: they run in the realm whatever it is
    expect((await inStore(store.host, accessToken).get('/platform/stores')).statusCode).toBe(401);
  });

  it("answers 404 for another tenant's store, 403 to an account with no role there, 401 without a token", async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const stranger = await signUpOwner(server);
    const res = await stranger.client().post(`/platform/stores/${store.id}/session`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await stranger.client().post('/platform/stores/not-a-store/session')).statusCode).toBe(404);

    // an account that owns no tenant (only staff somewhere else) and has no role in this store
    const elsewhere = await openStore(stranger);
    const helper = await inviteStaff(stranger, elsewhere.id, 'SUPPORT');
    await sql`UPDATE users SET roles = '{CUSTOMER}' WHERE id = ${helper.userId}`.execute(server.database.db);
    expect((await helper.client().post(`/platform/stores/${store.id}/session`)).statusCode).toBe(403);
    expect((await helper.client().post(`/platform/stores/${elsewhere.id}/session`)).statusCode).toBe(201);

    const anonymous = await server.app.inject({
      method: 'POST',
      url: `/api/v1/platform/stores/${store.id}/session`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("gives staff their role's permissions, and a removed member loses the session at once", async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const member = await inviteStaff(owner, store.id, 'CATALOG_MANAGER');
    const session = await exchange(member, store.id);
    const client = inStore(store.host, session.accessToken);
    expect((await client.get('/admin/store/settings')).statusCode).toBe(200);
    expect((await client.patch('/admin/store/settings', { returnWindowDays: 3 })).statusCode).toBe(403);

    await owner.client().del(`/platform/stores/${store.id}/staff/${member.userId}`);
    expect((await client.get('/admin/store/settings')).statusCode).toBe(401);
    const renewed = await inStore(store.host, '').post('/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(renewed.statusCode).toBe(401);
    // the member owns a tenant of its own: this store is another tenant's to it now
    expect((await member.client().post(`/platform/stores/${store.id}/session`)).statusCode).toBe(404);
  });

  it('is cut off at once when the tenant is suspended, and none is opened for a suspended store', async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const session = await exchange(owner, store.id);
    await suspendTenant(server.database.db, owner.tenantId, 'unpaid', null);
    server.modules.tenancy.resolver.invalidate();
    // no one acts through it: the suspended store answers it as it answers any stranger (503)
    expect((await inStore(store.host, session.accessToken).get('/admin/users')).statusCode).toBe(503);
    expect((await owner.client(store.host).get('/admin/users')).statusCode).toBe(200);
    const renewed = await inStore(store.host, '').post('/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(renewed.statusCode).toBe(401);
    const refused = await owner.client().post(`/platform/stores/${store.id}/session`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toContain('store-suspended');
  });

  it('renews in its store only; a replayed refresh token is refused and ends the session', async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const other = await openStore(owner);
    const session = await exchange(owner, store.id);
    const anon = (host?: string) => hostClient(server, host ? { host } : {});

    // not on the platform, not in another store
    const onPlatformRefresh = await anon().post('/platform/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(onPlatformRefresh.statusCode).toBe(401);
    const elsewhere = await anon(other.host).post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(elsewhere.statusCode).toBe(401);

    const renewed = await anon(store.host).post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(renewed.statusCode).toBe(200);
    const next = renewed.json() as { accessToken: string; refreshToken: string };
    expect(decodeJwt(next.accessToken).aud).toBe(`bazaar:${store.id}`);
    expect((await inStore(store.host, next.accessToken).get('/admin/users')).statusCode).toBe(200);
    expect((await inStore(other.host, next.accessToken).get('/admin/users')).statusCode).toBe(401);

    const replay = await anon(store.host).post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect((await inStore(store.host, next.accessToken).get('/admin/users')).statusCode).toBe(401);
    const after = await anon(store.host).post('/auth/refresh', { refreshToken: next.refreshToken });
    expect(after.statusCode).toBe(401);
  });

  it("ends with its sign-out in the store (not the platform's), and when the account's sessions are revoked", async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const anon = hostClient(server, { host: store.host });

    const first = await exchange(owner, store.id);
    expect((await anon.post('/auth/logout', { refreshToken: first.refreshToken })).statusCode).toBe(204);
    expect((await inStore(store.host, first.accessToken).get('/admin/users')).statusCode).toBe(401);
    expect((await anon.post('/auth/refresh', { refreshToken: first.refreshToken })).statusCode).toBe(401);

    const second = await exchange(owner, store.id);
    // a store-bound refresh token does not end a session on the platform's sign-out
    await owner.client().post('/platform/auth/logout', { refreshToken: second.refreshToken });
    expect((await inStore(store.host, second.accessToken).get('/admin/users')).statusCode).toBe(200);
    await sql`UPDATE user_sessions SET revoked_at = now(), revoke_reason = 'LOGOUT_ALL'
      WHERE user_id = ${owner.userId}`.execute(server.database.db);
    expect((await inStore(store.host, second.accessToken).get('/admin/users')).statusCode).toBe(401);
  });

  it('refuses forged and altered tokens', async () => {
    const owner = await signUpOwner(server);
    const store = await openStore(owner);
    const { accessToken } = await exchange(owner, store.id);
    const claims = decodeJwt(accessToken);
    const forge = (secret: string, extra: Record<string, unknown> = {}) =>
      new SignJWT({ store: store.id, roles: claims.roles, sid: claims.sid, realm: claims.realm, ...extra })
        .setProtectedHeader({ alg: 'HS256', kid: 'forged', typ: 'JWT' })
        .setSubject(claims.sub!)
        .setIssuer('bazaar')
        .setAudience(`bazaar:${store.id}`)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
    const refused = async (token: string) =>
      expect((await inStore(store.host, token).get('/admin/users')).statusCode).toBe(401);

    await refused(await forge('a guessed secret that is long enough to sign with'));
    // the payload swapped for one naming the realm as the store: the signature no longer matches
    const [head, , signature] = accessToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...claims, store: claims.realm })).toString('base64url');
    await refused(`${head}.${payload}.${signature}`);
    // an unsigned token
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await refused(`${none}.${accessToken.split('.')[1]}.`);
    // the genuine token without its realm claim no longer verifies either
    const bare = { ...claims };
    delete bare.realm;
    await refused(`${head}.${Buffer.from(JSON.stringify(bare)).toString('base64url')}.${signature}`);
    expect((await inStore(store.host, accessToken).get('/admin/users')).statusCode).toBe(200);
  });
});
