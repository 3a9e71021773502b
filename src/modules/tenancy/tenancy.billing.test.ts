import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { api, type Client, hostClient, signUpOwner, type TestOwner } from '../../../test/kit/index.ts';
import { PLATFORM_REALM, systemCtx } from '../../platform/http/context.ts';
import type { TestBillingProvider } from './billing/sandbox.ts';

let server: TestServer;
let superAdmin: Client;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test', BILLING_GRACE_DAYS: 3 } });
  const email = 'root@platform.example';
  const password = 'a long super admin passphrase';
  await server.modules.identity.service.createUser(
    systemCtx(server.database.db, PLATFORM_REALM, server.log),
    { email, password, name: 'Root' },
    ['SUPER_ADMIN'],
  );
  const login = await api(server).post('/platform/auth/login', { email, password });
  expect(login.statusCode).toBe(200);
  superAdmin = hostClient(server, { authorization: `Bearer ${login.json().accessToken}` });
});
afterAll(() => server?.destroy());

let label = 0;
const sub = () => `bill-${++label}-${Date.now().toString(36)}`;
const sandbox = () => server.modules.tenancy.billing.provider as TestBillingProvider;
const DAY = 86_400_000;

/** An owner with one PUBLISHED store (on FREE), and the store's Host. */
async function ownerWithStore(): Promise<{ owner: TestOwner; host: string; storeId: string }> {
  const owner = await signUpOwner(server);
  const subdomain = sub();
  const store = (await owner.client().post('/platform/stores', { name: 'Shop', subdomain })).json();
  expect((await owner.client().post(`/platform/stores/${store.id}/publish`)).statusCode).toBe(200);
  return { owner, host: `${subdomain}.bazaar.test`, storeId: store.id };
}

async function subscriptionOf(tenantId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    SELECT billing_subscription_id AS id FROM tenants WHERE id = ${tenantId}`.execute(server.database.db);
  return rows[0]!.id;
}

function deliver(webhook: { rawBody: Buffer; headers: Record<string, unknown> }) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/platform/billing/webhooks',
    headers: { ...(webhook.headers as Record<string, string>), 'content-type': 'application/json' },
    payload: webhook.rawBody,
  });
}

describe('suspending a tenant (SUPER_ADMIN)', () => {
  it('closes its stores to buyers (503), keeps its owner in as ADMIN, and restores them with their carts', async () => {
    const { owner, host, storeId } = await ownerWithStore();
    const buyer = hostClient(server, { host });
    const cart = await buyer.post('/carts');
    expect(cart.statusCode).toBe(201);

    const suspended = await superAdmin.post(`/platform/tenants/${owner.tenantId}/suspend`, {
      reason: 'chargeback abuse',
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({ stores: 1, tenant: { suspendedReason: 'chargeback abuse' } });
    const closed = await buyer.get('/store');
    expect(closed.statusCode).toBe(503);
    expect(closed.json().type).toBe('/problems/store-suspended');
    const checkout = await buyer.post(`/carts/${cart.json().id}/checkout`, {});
    expect(checkout.statusCode).toBe(503);
    const login = await api(server).post('/platform/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(login.statusCode).toBe(200);
    expect((await owner.client(host).get('/admin/store/settings')).statusCode).toBe(200);
    const again = await superAdmin.post(`/platform/tenants/${owner.tenantId}/suspend`, { reason: 'again' });
    expect(again.json().stores).toBe(0);

    const restored = await superAdmin.post(`/platform/tenants/${owner.tenantId}/restore`, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ stores: 1, tenant: { suspendedAt: null } });
    expect((await buyer.get('/store')).statusCode).toBe(200);
    expect((await buyer.get(`/carts/${cart.json().id}`)).statusCode).toBe(200);
    const history = (await owner.client().get(`/platform/stores/${storeId}/history`)).json();
    expect(history.map((h: { to: string }) => h.to)).toEqual([
      'DRAFT',
      'PUBLISHED',
      'SUSPENDED',
      'PUBLISHED',
    ]);
    expect((await superAdmin.post(`/platform/tenants/${owner.tenantId}/restore`, {})).json().stores).toBe(0);
  });

  it('lists tenants a page at a time with plan, status and store count', async () => {
    const { owner } = await ownerWithStore();
    const first = await superAdmin.get('/platform/tenants?limit=1');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([
      expect.objectContaining({
        id: owner.tenantId,
        plan: 'FREE',
        storeCount: 1,
        subscriptionStatus: 'ACTIVE',
      }),
    ]);
    const next = await superAdmin.get(`/platform/tenants?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json().items[0].id).not.toBe(owner.tenantId);
    expect((await superAdmin.get('/platform/tenants?cursor=nonsense')).statusCode).toBe(400);
  });

  it('refuses tenant administration to a business owner (403) and to anonymous callers (401)', async () => {
    const { owner } = await ownerWithStore();
    expect((await owner.client().get('/platform/tenants')).statusCode).toBe(403);
    const suspend = await owner.client().post(`/platform/tenants/${owner.tenantId}/suspend`, { reason: 'x' });
    expect(suspend.statusCode).toBe(403);
    expect((await api(server).get('/platform/tenants')).statusCode).toBe(401);
    expect((await superAdmin.post('/platform/tenants/not-an-id/suspend', { reason: 'x' })).statusCode).toBe(
      404,
    );
  });
});

describe('billing with the sandbox provider', () => {
  it('moves FREE to PRO at once, then through a failed renewal, grace, suspension and payment', async () => {
    const { owner, host } = await ownerWithStore();
    const upgrade = await owner.client().post('/platform/tenant/subscription', { plan: 'PRO' });
    expect(upgrade.statusCode).toBe(200);
    expect(upgrade.json()).toMatchObject({
      tenant: { plan: 'PRO', subscriptionStatus: 'ACTIVE' },
      pendingPlan: null,
    });
    const subscription = await subscriptionOf(owner.tenantId);

    const failed = await deliver(sandbox().simulate(subscription, 'renewal-failed'));
    expect(failed.statusCode).toBe(200);
    const pastDue = (await owner.client().get('/platform/tenant')).json();
    expect(pastDue).toMatchObject({ plan: 'PRO', subscriptionStatus: 'PAST_DUE' });
    const graceUntil = new Date(pastDue.graceUntil).getTime();
    expect(graceUntil - Date.now()).toBeGreaterThan(2.9 * DAY);
    expect((await hostClient(server, { host }).get('/store')).statusCode).toBe(200);

    const billing = server.modules.tenancy.billing;
    expect(await billing.sweepGrace(server.database.db, new Date(graceUntil - 1000))).toBe(0);
    expect(await billing.sweepGrace(server.database.db, new Date(graceUntil + 1000))).toBeGreaterThanOrEqual(
      1,
    );
    expect((await hostClient(server, { host }).get('/store')).statusCode).toBe(503);
    expect(await billing.sweepGrace(server.database.db, new Date(graceUntil + 2000))).toBe(0);

    expect((await deliver(sandbox().simulate(subscription, 'paid'))).statusCode).toBe(200);
    expect((await hostClient(server, { host }).get('/store')).statusCode).toBe(200);
    expect((await owner.client().get('/platform/tenant')).json()).toMatchObject({
      plan: 'PRO',
      subscriptionStatus: 'ACTIVE',
      graceUntil: null,
      suspendedAt: null,
    });
  });

  it('changes nothing for a replayed event or a tampered signature (400)', async () => {
    const { owner } = await ownerWithStore();
    await owner.client().post('/platform/tenant/subscription', { plan: 'PRO' });
    const subscription = await subscriptionOf(owner.tenantId);
    const failed = sandbox().simulate(subscription, 'renewal-failed');
    expect((await deliver(failed)).json().outcomes).toEqual(['applied']);
    const paid = sandbox().simulate(subscription, 'paid');
    expect((await deliver(paid)).json().outcomes).toEqual(['applied']);
    const replay = await deliver(failed);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().outcomes).toEqual(['replayed']);
    expect((await owner.client().get('/platform/tenant')).json().subscriptionStatus).toBe('ACTIVE');

    const cancelled = sandbox().simulate(subscription, 'cancelled');
    const tampered = Buffer.from(cancelled.rawBody.toString().replace('"cancelled"', '"completed"'));
    const refused = await deliver({ rawBody: tampered, headers: cancelled.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const unsigned = await deliver({ rawBody: cancelled.rawBody, headers: {} });
    expect(unsigned.statusCode).toBe(400);
    expect((await owner.client().get('/platform/tenant')).json()).toMatchObject({
      plan: 'PRO',
      subscriptionStatus: 'ACTIVE',
    });
  });

  it('puts the tenant back on FREE when the subscription ends, after a cancellation at the cycle end', async () => {
    const { owner } = await ownerWithStore();
    await owner.client().post('/platform/tenant/subscription', { plan: 'PRO' });
    const toFree = await owner.client().post('/platform/tenant/subscription', { plan: 'FREE' });
    expect(toFree.statusCode).toBe(200);
    expect(toFree.json()).toMatchObject({
      tenant: { plan: 'PRO', pendingPlan: 'FREE' },
      pendingPlan: 'FREE',
    });
    expect(toFree.json().effectiveAt).toEqual(expect.any(String));
    await deliver(sandbox().simulate(await subscriptionOf(owner.tenantId), 'cancelled'));
    expect((await owner.client().get('/platform/tenant')).json()).toMatchObject({
      plan: 'FREE',
      subscriptionStatus: 'CANCELLED',
      pendingPlan: null,
    });
  });

  it('refuses a downgrade while the tenant has more stores than the smaller plan allows (409 naming the limit)', async () => {
    const owner = await signUpOwner(server);
    await owner.client().post('/platform/tenant/subscription', { plan: 'ENTERPRISE' });
    for (let i = 0; i < 4; i++)
      expect(
        (await owner.client().post('/platform/stores', { name: `S${i}`, subdomain: sub() })).statusCode,
      ).toBe(201);
    const down = await owner.client().post('/platform/tenant/subscription', { plan: 'PRO' });
    expect(down.statusCode).toBe(409);
    expect(down.json()).toMatchObject({
      type: '/problems/plan-downgrade-over-limit',
      limit: 'stores',
      usage: 4,
      allowed: 3,
    });
    expect((await owner.client().get('/platform/tenant')).json()).toMatchObject({
      plan: 'ENTERPRISE',
      pendingPlan: null,
    });
  });

  it('refuses an unknown plan (404) and a malformed one (400)', async () => {
    const owner = await signUpOwner(server);
    expect((await owner.client().post('/platform/tenant/subscription', { plan: 'GOLD' })).statusCode).toBe(
      404,
    );
    expect((await owner.client().post('/platform/tenant/subscription', { plan: 'pro!' })).statusCode).toBe(
      400,
    );
  });
});
