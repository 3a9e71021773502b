import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { hostClient, signUpOwner, type TestOwner } from '../kit/index.ts';
import {
  type Entity,
  type RazorpayBillingStandIn,
  signedWebhook,
  startRazorpayBilling,
} from '../kit/razorpay-billing.ts';

// A tenant pays for a plan through Razorpay Subscriptions, end to end: the server talks to a
// loopback stand-in of Razorpay's documented API, and Razorpay's signed webhooks move the tenant
// from PENDING (waiting for the payer) to ACTIVE on the new plan.

const KEY_ID = 'rzp_test_platform';
const KEY_SECRET = 'rzp_test_platform_secret';
const WEBHOOK_SECRET = 'rzp_platform_webhook_secret';

let razorpay: RazorpayBillingStandIn;
let server: TestServer;
let clock = 1_800_000_000;

beforeAll(async () => {
  razorpay = await startRazorpayBilling(KEY_ID, KEY_SECRET);
  server = await createTestServer({
    config: { BASE_DOMAIN: 'bazaar.test' },
    env: {
      BILLING_PROVIDER: 'razorpay',
      RAZORPAY_KEY_ID: KEY_ID,
      RAZORPAY_KEY_SECRET: KEY_SECRET,
      RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RAZORPAY_API_BASE: razorpay.apiBase,
    },
  });
});
afterAll(async () => {
  await server?.destroy();
  await razorpay?.close();
});

/** Razorpay's webhook for `event` about the subscription as the stand-in holds it now. */
function event(name: string, subscription: Entity, payment?: Record<string, unknown>) {
  clock += 60;
  return {
    entity: 'event',
    account_id: 'acc_platform',
    event: name,
    contains: payment ? ['subscription', 'payment'] : ['subscription'],
    payload: {
      subscription: { entity: { ...subscription } },
      ...(payment ? { payment: { entity: payment } } : {}),
    },
    created_at: clock,
  };
}

function deliver(body: unknown, secret = WEBHOOK_SECRET) {
  const webhook = signedWebhook(body, secret, `evt_${clock}`);
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/platform/billing/webhooks',
    headers: { ...webhook.headers, 'content-type': 'application/json' },
    payload: webhook.rawBody,
  });
}

const tenantOf = async (owner: TestOwner) => (await owner.client().get('/platform/tenant')).json();

/** The owner asks for PRO: Razorpay makes the subscription and answers with the payer's link. */
async function askForPro(owner: TestOwner): Promise<Entity> {
  const res = await owner.client().post('/platform/tenant/subscription', { plan: 'PRO' });
  expect(res.statusCode).toBe(200);
  const created = [...razorpay.subscriptions.values()].find(
    (s) => (s.notes as Record<string, string> | undefined)?.tenant_id === owner.tenantId,
  );
  expect(created, 'a Razorpay subscription naming the tenant').toBeDefined();
  expect(res.json()).toMatchObject({ pendingPlan: 'PRO', checkoutUrl: created!.short_url });
  return created!;
}

describe('a plan paid through Razorpay Subscriptions', () => {
  it('waits for the payer, then moves the tenant to the plan once Razorpay says the subscription is active', async () => {
    const owner = await signUpOwner(server);
    const subscription = await askForPro(owner);
    expect(await tenantOf(owner)).toMatchObject({
      plan: 'FREE',
      subscriptionStatus: 'PENDING',
      pendingPlan: 'PRO',
    });

    Object.assign(subscription, { status: 'authenticated' });
    expect((await deliver(event('subscription.authenticated', subscription))).statusCode).toBe(200);
    expect(await tenantOf(owner)).toMatchObject({ plan: 'FREE', subscriptionStatus: 'PENDING' });

    Object.assign(subscription, { status: 'active', current_start: clock, current_end: clock + 30 * 86_400 });
    const activated = event('subscription.activated', subscription);
    expect((await deliver(activated)).statusCode).toBe(200);
    const active = await tenantOf(owner);
    expect(active).toMatchObject({ plan: 'PRO', subscriptionStatus: 'ACTIVE', pendingPlan: null });

    // a redelivery, and a body changed after signing, change nothing
    expect((await deliver(activated)).statusCode).toBe(200);
    const forged = event('subscription.cancelled', { ...subscription, status: 'cancelled' });
    expect((await deliver(forged, 'not-the-webhook-secret')).statusCode).toBe(400);
    expect(await tenantOf(owner)).toEqual(active);
  });

  it("publishes a store on the paid plan only once Razorpay has activated the tenant's subscription", async () => {
    const owner = await signUpOwner(server);
    const subscription = await askForPro(owner);
    Object.assign(subscription, { status: 'active', current_start: clock, current_end: clock + 30 * 86_400 });
    expect((await deliver(event('subscription.activated', subscription))).statusCode).toBe(200);
    const payment = {
      id: `pay_${clock}`,
      entity: 'payment',
      amount: 99_900,
      currency: 'INR',
      status: 'captured',
    };
    expect((await deliver(event('subscription.charged', subscription, payment))).statusCode).toBe(200);

    const subdomain = `paid-${clock}`;
    const store = (await owner.client().post('/platform/stores', { name: 'Paid shop', subdomain })).json();
    const published = await owner.client().post(`/platform/stores/${store.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'PUBLISHED' });
    const history: Array<{ from: string | null; to: string }> = (
      await owner.client().get(`/platform/stores/${store.id}/history`)
    ).json();
    expect(history.map((h) => `${h.from}→${h.to}`)).toEqual(
      expect.arrayContaining(['DRAFT→PAID', 'PAID→PUBLISHED']),
    );
    expect((await hostClient(server, { host: `${subdomain}.bazaar.test` }).get('/store')).statusCode).toBe(
      200,
    );
  });

  it('keeps the tenant on its free plan, and its stores publishable as on FREE, while the first payment is pending', async () => {
    const owner = await signUpOwner(server);
    await askForPro(owner);
    const store = (
      await owner.client().post('/platform/stores', { name: 'Waiting shop', subdomain: `waiting-${clock}` })
    ).json();
    // the tenant is still on FREE until Razorpay confirms, and FREE publishes without payment
    const published = await owner.client().post(`/platform/stores/${store.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(await tenantOf(owner)).toMatchObject({ plan: 'FREE', pendingPlan: 'PRO' });
  });
});
