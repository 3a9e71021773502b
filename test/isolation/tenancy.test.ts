import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, hostClient, ok, signUpOwner, type TestOwner } from '../kit/index.ts';
import { sentMails } from '../mail.ts';

// Two tenants, each with a store on its own subdomain: one owner's stores, their settings, custom
// domain, staff and invitations are out of the other owner's (and the other store's staff's) reach,
// and nothing they send changes them.
const BASE_DOMAIN = 'bazaar.test';
let server: TestServer;

interface Tenant {
  owner: TestOwner;
  storeId: string;
  host: string;
  domain: string;
  invitationId: string;
  staff: TestOwner;
}
let a: Tenant;
let b: Tenant;

/** The invitation token mailed to `email` (from the link's fragment). */
async function invitationTo(email: string): Promise<string> {
  const mail = (await sentMails(server)).find(
    (m) => m.to.includes(email) && m.subject.startsWith('You are invited'),
  );
  const token = /#invitation=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}

/** A PRO tenant with a published store, a custom domain, a staff member and an open invitation. */
async function tenant(label: string): Promise<Tenant> {
  const owner = await signUpOwner(server, { businessName: `Business ${label}` });
  await sql`UPDATE tenants SET plan = 'PRO', subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
    server.database.db,
  );
  const subdomain = `iso-${label}-${newId().slice(-10)}`;
  const store = await ok(owner.client().post('/platform/stores', { name: `Store ${label}`, subdomain }));
  await ok(owner.client().post(`/platform/stores/${store.id}/publish`));
  const domain = `shop-${label}-${newId().slice(-8)}.example.com`;
  await ok(owner.client().put(`/platform/stores/${store.id}/domain`, { customDomain: domain }));
  const staff = await signUpOwner(server);
  await ok(
    owner
      .client()
      .post(`/platform/stores/${store.id}/staff/invitations`, { email: staff.email, role: 'SUPPORT' }),
  );
  await ok(staff.client().post('/platform/invitations/accept', { token: await invitationTo(staff.email) }));
  const invited = await ok(
    owner.client().post(`/platform/stores/${store.id}/staff/invitations`, {
      email: `later-${label}@example.test`,
      role: 'SUPPORT',
    }),
  );
  return {
    owner,
    storeId: store.id,
    host: `${subdomain}.${BASE_DOMAIN}`,
    domain,
    invitationId: invited.invitations[0].id,
    staff,
  };
}

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN } });
  a = await tenant('a');
  b = await tenant('b');
});
afterAll(async () => server?.destroy());

/** Store A as its owner sees it on the platform: the store, its domain and its staff. */
async function storeAAsOwnerSees() {
  const client = a.owner.client();
  const store = await ok(client.get(`/platform/stores/${a.storeId}`));
  const domain = await ok(client.get(`/platform/stores/${a.storeId}/domain`));
  const staff = await ok(client.get(`/platform/stores/${a.storeId}/staff`));
  return {
    status: store.status,
    name: store.name,
    customDomain: domain.customDomain,
    members: staff.members.map((m: { accountId: string; role: string }) => [m.accountId, m.role]),
    invitations: staff.invitations.map((i: { id: string }) => i.id),
  };
}

const settingsOf = (t: Tenant) => ok(t.owner.client(t.host).get('/admin/store/settings'));

describe('stores across tenants', () => {
  it("lists each owner's stores only, and answers 404 for the other tenant's store and its parts", async () => {
    const mine = await ok<Array<{ id: string }>>(a.owner.client().get('/platform/stores'));
    expect(mine.map((s) => s.id)).toEqual([a.storeId]);
    const theirs = await ok<Array<{ id: string }>>(b.owner.client().get('/platform/stores'));
    expect(theirs.map((s) => s.id)).toEqual([b.storeId]);
    expect((await ok(a.owner.client().get('/platform/tenant'))).id).toBe(a.owner.tenantId);
    for (const part of ['', '/history', '/domain', '/staff']) {
      const path = `/platform/stores/${a.storeId}${part}`;
      expect({ path, status: (await b.owner.client().get(path)).statusCode }).toEqual({ path, status: 404 });
      expect((await b.staff.client().get(path)).statusCode).toBe(404);
    }
  });

  it('does not let the other owner publish, regenerate, re-domain or staff store A', async () => {
    const before = await storeAAsOwnerSees();
    const client = b.owner.client();
    const store = `/platform/stores/${a.storeId}`;
    const answers = await Promise.all([
      client.post(`${store}/publish`),
      client.post(`${store}/generate`, { description: 'A shop of stolen goods' }),
      client.put(`${store}/domain`, { customDomain: `taken-${newId().slice(-8)}.example.com` }),
      client.del(`${store}/domain`),
      client.post(`${store}/domain/verify`, { method: 'dns' }),
      client.post(`${store}/staff/invitations`, { email: b.staff.email, role: 'ADMIN' }),
      client.del(`${store}/staff/invitations/${a.invitationId}`),
      client.del(`${store}/staff/${a.staff.userId}`),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    // nor claim store A's custom domain for store B
    const claimed = await client.put(`/platform/stores/${b.storeId}/domain`, { customDomain: a.domain });
    expect(claimed.statusCode).toBe(409);
    expect(await storeAAsOwnerSees()).toEqual(before);
  });

  it("does not remove store A's staff or invitations by naming them under store B", async () => {
    const before = await storeAAsOwnerSees();
    const client = b.owner.client();
    expect((await client.del(`/platform/stores/${b.storeId}/staff/${a.staff.userId}`)).statusCode).toBe(404);
    expect(
      (await client.del(`/platform/stores/${b.storeId}/staff/invitations/${a.invitationId}`)).statusCode,
    ).toBe(404);
    expect(await storeAAsOwnerSees()).toEqual(before);
  });
});

describe('plans and tenants', () => {
  it('does not let one owner suspend, restore or re-plan the other tenant, nor reprice a plan', async () => {
    const client = b.owner.client();
    const plans = await ok<Array<{ code: string; price: { amount: number }; [key: string]: unknown }>>(
      client.get('/platform/plans'),
    );
    const { code, ...pro } = plans.find((p) => p.code === 'PRO')!;
    const answers = await Promise.all([
      client.post(`/platform/tenants/${a.owner.tenantId}/suspend`, { reason: 'not yours' }),
      client.post(`/platform/tenants/${a.owner.tenantId}/restore`, {}),
      client.put(`/platform/plans/${code}`, { ...pro, price: { ...pro.price, amount: 1 } }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect((await ok(client.get('/platform/plans'))).find((p: { code: string }) => p.code === code)).toEqual({
      code,
      ...pro,
    });
    // an owner's plan change is its own tenant's
    const changed = await client.post('/platform/tenant/subscription', { plan: 'ENTERPRISE' });
    expect(changed.json().tenant).toMatchObject({ id: b.owner.tenantId, plan: 'ENTERPRISE' });
    expect(await ok(a.owner.client().get('/platform/tenant'))).toMatchObject({
      id: a.owner.tenantId,
      plan: 'PRO',
      subscriptionStatus: 'ACTIVE',
      storeCount: 1,
    });
    expect((await hostClient(server, { host: a.host }).get('/store')).statusCode).toBe(200);
  });
});

describe('store settings across tenants', () => {
  it("refuses store A's owner and staff in store B's console, and their changes there change nothing", async () => {
    const before = await settingsOf(b);
    for (const account of [a.owner, a.staff]) {
      const read = await account.client(b.host).get('/admin/store/settings');
      expect(read.statusCode).toBe(401);
      const write = await account.client(b.host).patch('/admin/store/settings', { returnWindowDays: 1 });
      expect(write.statusCode).toBe(401);
      expect((await account.client(a.host).get('/admin/store/settings')).statusCode).toBe(200);
    }
    expect(await settingsOf(b)).toEqual(before);
  });

  it("keeps each store's settings and branding its own", async () => {
    const branding = { logoUrl: '/api/v1/media/a-logo.png', accentColor: '#123456' };
    await ok(a.owner.client(a.host).patch('/admin/store/settings', { returnWindowDays: 30, ...branding }));
    const inB = await settingsOf(b);
    expect(inB).toMatchObject({ returnWindowDays: 14, logoUrl: null, accentColor: null });
    const storeA = await ok(hostClient(server, { host: a.host }).get('/store'));
    const storeB = await ok(hostClient(server, { host: b.host }).get('/store'));
    expect(storeA).toMatchObject({ id: a.storeId, name: 'Store a', branding });
    expect(storeB).toMatchObject({
      id: b.storeId,
      name: 'Store b',
      branding: { logoUrl: null, accentColor: null },
    });
    await ok(b.owner.client(b.host).patch('/admin/store/settings', { returnWindowDays: 2 }));
    expect(await settingsOf(a)).toMatchObject({ returnWindowDays: 30, ...branding });
  });

  it("gives store A's staff no rights over store B by the store header either", async () => {
    const headers = { ...a.staff.headers, 'x-store-id': b.storeId };
    const res = await hostClient(server, headers).get('/admin/store/settings');
    expect(res.statusCode).toBe(401);
    expect((await anonymous(server).get('/store', { 'x-store-id': b.storeId })).json().id).toBe(b.storeId);
  });
});
