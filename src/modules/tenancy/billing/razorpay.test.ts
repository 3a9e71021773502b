import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Entity,
  type RazorpayBillingStandIn,
  type SeenCall,
  signedWebhook,
  startRazorpayBilling,
} from '../../../../test/kit/razorpay-billing.ts';
import { razorpaySignature } from '../../payments/index.ts';
import { BillingProviderError } from './billing.errors.ts';
import type { BillingPlan } from './billing.port.ts';
import { createRazorpayBilling } from './razorpay.ts';

const KEY_ID = 'rzp_test_key';
const KEY_SECRET = 'rzp_test_secret';
const WEBHOOK_SECRET = 'rzp_billing_webhook_secret';

let standIn: RazorpayBillingStandIn;
let apiBase = '';
const seen: SeenCall[] = [];
let subscriptions: Map<string, Entity>;

beforeAll(async () => {
  standIn = await startRazorpayBilling(KEY_ID, KEY_SECRET);
  ({ apiBase, subscriptions } = standIn);
  standIn.seen = seen;
});
afterAll(async () => standIn?.close());

beforeEach(() => {
  seen.length = 0;
});

const billing = (overrides: Partial<Parameters<typeof createRazorpayBilling>[0]> = {}) =>
  createRazorpayBilling({
    keyId: KEY_ID,
    keySecret: KEY_SECRET,
    webhookSecret: WEBHOOK_SECRET,
    apiBase,
    ...overrides,
  });

const PRO: BillingPlan = {
  code: 'PRO',
  name: 'Pro',
  amountMinor: 99_900,
  currency: 'INR',
  period: 'monthly',
};
const posts = (path: string) => seen.filter((s) => s.method === 'POST' && s.path === path);

describe('Razorpay billing: plans', () => {
  it('creates a plan with the documented period, interval and item, under Basic auth', async () => {
    const id = await billing().ensurePlan({ ...PRO, code: 'PLANS1' });
    expect(id).toMatch(/^plan_/);
    expect(posts('/v1/plans')).toEqual([
      expect.objectContaining({
        body: {
          period: 'monthly',
          interval: 1,
          item: { name: 'Pro', amount: 99_900, currency: 'INR', description: 'Bazaar Pro' },
          notes: { bazaar_plan: 'PLANS1:99900:INR:monthly' },
        },
      }),
    ]);
  });

  it('finds the plan it made before instead of making a second one', async () => {
    const provider = billing();
    const first = await provider.ensurePlan({ ...PRO, code: 'PLANS2' });
    const again = await createRazorpayBilling({ keyId: KEY_ID, keySecret: KEY_SECRET, apiBase }).ensurePlan({
      ...PRO,
      code: 'PLANS2',
    });
    expect(again).toBe(first);
    expect(posts('/v1/plans')).toHaveLength(1);
  });

  it('makes a new plan when the price or the period changes (Razorpay plans cannot be edited)', async () => {
    const provider = billing();
    const monthly = await provider.ensurePlan({ ...PRO, code: 'PLANS3' });
    const dearer = await provider.ensurePlan({ ...PRO, code: 'PLANS3', amountMinor: 129_900 });
    const yearly = await provider.ensurePlan({ ...PRO, code: 'PLANS3', period: 'yearly' });
    expect(new Set([monthly, dearer, yearly]).size).toBe(3);
  });
});

describe('Razorpay billing: customers and subscriptions', () => {
  it('creates a customer once per email and phone, with the tenant in its notes', async () => {
    const provider = billing();
    const customer = {
      tenantId: 't-1',
      name: 'Pune Bakes',
      email: 'owner@punebakes.example',
      phone: '+919800000001',
    };
    const id = await provider.createCustomer(customer);
    expect(await provider.createCustomer(customer)).toBe(id);
    expect(posts('/v1/customers')[0]?.body).toEqual({
      name: 'Pune Bakes',
      email: 'owner@punebakes.example',
      contact: '+919800000001',
      fail_existing: '0',
      notes: { tenant_id: 't-1' },
    });
  });

  it('creates a subscription waiting for the payer, with the link to authorise it', async () => {
    const provider = billing();
    const planId = await provider.ensurePlan({ ...PRO, code: 'SUBS1' });
    const customerId = await provider.createCustomer({
      tenantId: 't-2',
      name: 'Owner',
      email: 'o2@example.com',
    });
    const created = await provider.createSubscription({
      customerId,
      providerPlanId: planId,
      tenantId: 't-2',
    });
    expect(created).toMatchObject({ status: 'PENDING', providerPlanId: planId });
    expect(created.checkoutUrl).toBe(`https://rzp.io/i/${created.subscriptionId}`);
    const post = posts('/v1/subscriptions')[0];
    expect(post?.body).toEqual({
      plan_id: planId,
      customer_id: customerId,
      total_count: 120,
      customer_notify: 1,
      notes: { tenant_id: 't-2' },
    });
    expect(post?.idempotencyKey).toBe(`subscription-t-2-${planId}`);
  });

  it('bills a yearly plan for ten cycles', async () => {
    const provider = billing();
    const planId = await provider.ensurePlan({ ...PRO, code: 'SUBS2', period: 'yearly' });
    await provider.createSubscription({ customerId: 'cust_x', providerPlanId: planId, tenantId: 't-3' });
    expect(posts('/v1/subscriptions')[0]?.body.total_count).toBe(10);
  });

  it('upgrades now and downgrades at the end of the cycle, as asked', async () => {
    const provider = billing();
    const pro = await provider.ensurePlan({ ...PRO, code: 'CHG1' });
    const enterprise = await provider.ensurePlan({ ...PRO, code: 'CHG2', amountMinor: 499_900 });
    const { subscriptionId } = await provider.createSubscription({
      customerId: 'c',
      providerPlanId: pro,
      tenantId: 't-4',
    });
    Object.assign(subscriptions.get(subscriptionId) as Entity, {
      status: 'active',
      current_end: 1_800_000_000,
    });

    const up = await provider.changePlan(subscriptionId, enterprise, { at: 'now' });
    expect(up).toMatchObject({ status: 'ACTIVE', providerPlanId: enterprise, checkoutUrl: undefined });
    const down = await provider.changePlan(subscriptionId, pro, { at: 'cycle_end' });
    expect(down.providerPlanId).toBe(enterprise);
    expect(down.changeScheduledAt).toEqual(new Date(1_800_000_000_000));
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => s.body)).toEqual([
      { plan_id: enterprise, schedule_change_at: 'now' },
      { plan_id: pro, schedule_change_at: 'cycle_end' },
    ]);
  });

  it('cancels at the end of the cycle or at once', async () => {
    const provider = billing();
    const plan = await provider.ensurePlan({ ...PRO, code: 'CAN1' });
    const { subscriptionId } = await provider.createSubscription({
      customerId: 'c',
      providerPlanId: plan,
      tenantId: 't-5',
    });
    Object.assign(subscriptions.get(subscriptionId) as Entity, { status: 'active' });
    expect((await provider.cancel(subscriptionId, { atCycleEnd: true })).status).toBe('ACTIVE');
    expect((await provider.cancel(subscriptionId, { atCycleEnd: false })).status).toBe('CANCELLED');
    expect(posts(`/v1/subscriptions/${subscriptionId}/cancel`).map((s) => s.body)).toEqual([
      { cancel_at_cycle_end: 1 },
      { cancel_at_cycle_end: 0 },
    ]);
  });
});

describe('Razorpay billing: failures', () => {
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  it('turns a refusal into a typed 502 carrying Razorpay\u2019s own description', async () => {
    const error = await failure(billing().changePlan('sub_missing', 'plan_x', { at: 'now' }));
    expect(error).toBeInstanceOf(BillingProviderError);
    expect(error).toMatchObject({
      status: 502,
      code: 'billing-provider-failed',
      providerStatus: 400,
      providerCode: 'BAD_REQUEST_ERROR',
      detail: 'The id provided does not exist',
    });
  });

  it('names a wrong key as Razorpay does, without sending it back', async () => {
    const error = (await failure(billing({ keySecret: 'wrong' }).ensurePlan(PRO))) as BillingProviderError;
    expect(error).toBeInstanceOf(BillingProviderError);
    expect(error.providerStatus).toBe(401);
    expect(error.detail).toBe('The api key provided is invalid');
    expect(JSON.stringify(error.extra)).not.toContain('wrong');
  });

  it('gives up on a provider that does not answer in time', async () => {
    standIn.slowMs = 1000;
    const error = await failure(
      billing({ timeoutMs: 100 }).createCustomer({ tenantId: 't', name: 'Slow', email: 'slow@example.com' }),
    );
    expect(error).toMatchObject({ status: 502, providerStatus: 0, providerCode: 'timeout' });
  });

  it('says so when nothing listens at the API base', async () => {
    const error = await failure(billing({ apiBase: 'http://127.0.0.1:9' }).ensurePlan(PRO));
    expect(error).toMatchObject({ status: 502, providerCode: 'unreachable' });
  });
});

// --- webhooks ------------------------------------------------------------------------------------

function webhook(event: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    entity: 'event',
    account_id: 'acc_1',
    event,
    contains: ['subscription'],
    payload: {
      subscription: {
        entity: {
          id: 'sub_W1',
          entity: 'subscription',
          plan_id: 'plan_P',
          status,
          current_end: 1_800_000_000,
          notes: { tenant_id: 't-9' },
        },
      },
      ...extra,
    },
    created_at: 1_790_000_000,
  };
}

const signed = (body: unknown, secret = WEBHOOK_SECRET) => signedWebhook(body, secret);

describe('Razorpay billing: webhooks', () => {
  it('verifies a signed charge and normalises it', () => {
    const payment = {
      payment: { entity: { id: 'pay_1', amount: 99_900, currency: 'inr', created_at: 1_789_999_990 } },
    };
    const { rawBody, headers } = signed(webhook('subscription.charged', 'active', payment));
    expect(billing().parseWebhook(rawBody, headers)).toEqual({
      ok: true,
      events: [
        {
          eventId: 'rzp:subscription.charged:sub_W1:pay_1:1790000000',
          type: 'charged',
          subscriptionId: 'sub_W1',
          status: 'ACTIVE',
          occurredAt: new Date(1_790_000_000_000),
          tenantId: 't-9',
          providerPlanId: 'plan_P',
          currentPeriodEnd: new Date(1_800_000_000_000),
          paidAt: new Date(1_789_999_990_000),
          amountMinor: 99_900,
          currency: 'INR',
          deliveryId: 'evt_H1',
        },
      ],
    });
  });

  it('refuses a body changed after signing, a signature under another secret, and none at all', () => {
    const { rawBody, headers } = signed(webhook('subscription.charged', 'active'));
    const tampered = Buffer.from(rawBody.toString().replace('"active"', '"halted"'));
    expect(billing().parseWebhook(tampered, headers)).toEqual({ ok: false, reason: 'signature-invalid' });
    const other = signed(webhook('subscription.charged', 'active'), 'another-secret');
    expect(billing().parseWebhook(other.rawBody, other.headers)).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(billing().parseWebhook(rawBody, {})).toEqual({ ok: false, reason: 'signature-missing' });
    expect(billing({ webhookSecret: undefined }).parseWebhook(rawBody, headers)).toEqual({
      ok: false,
      reason: 'signature-missing',
    });
    expect(billing().parseWebhook(rawBody, { 'x-razorpay-signature': 'short' })).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
  });

  it('gives a redelivery the same event id, whatever its unsigned delivery header says', () => {
    const body = webhook('subscription.pending', 'pending');
    const first = signed(body);
    const again = { ...first, headers: { ...first.headers, 'x-razorpay-event-id': 'evt_other' } };
    const id = (parse: ReturnType<ReturnType<typeof billing>['parseWebhook']>) =>
      parse.ok ? parse.events[0]?.eventId : null;
    expect(id(billing().parseWebhook(again.rawBody, again.headers))).toBe(
      id(billing().parseWebhook(first.rawBody, first.headers)),
    );
  });

  it('maps every subscription event and Razorpay status to ours', () => {
    const cases: [string, string, string][] = [
      ['subscription.authenticated', 'authenticated', 'PENDING'],
      ['subscription.activated', 'active', 'ACTIVE'],
      ['subscription.charged', 'active', 'ACTIVE'],
      ['subscription.pending', 'pending', 'PAST_DUE'],
      ['subscription.halted', 'halted', 'PAST_DUE'],
      ['subscription.paused', 'paused', 'PAUSED'],
      ['subscription.resumed', 'active', 'ACTIVE'],
      ['subscription.updated', 'active', 'ACTIVE'],
      ['subscription.cancelled', 'cancelled', 'CANCELLED'],
      ['subscription.completed', 'completed', 'EXPIRED'],
      ['subscription.cancelled', 'expired', 'EXPIRED'],
      ['subscription.halted', 'some_new_status', 'PAST_DUE'],
    ];
    for (const [event, status, ours] of cases) {
      const { rawBody, headers } = signed(webhook(event, status));
      const parsed = billing().parseWebhook(rawBody, headers);
      expect(parsed.ok && parsed.events[0]?.status, `${event} ${status}`).toBe(ours);
      expect(parsed.ok && parsed.events[0]?.type).toBe(event.split('.')[1]);
    }
  });

  it('verifies but carries nothing for events billing does not follow', () => {
    const { rawBody, headers } = signed({ event: 'payment.captured', payload: {}, created_at: 1 });
    expect(billing().parseWebhook(rawBody, headers)).toEqual({ ok: true, events: [] });
  });

  it('refuses a signed body that is not JSON, or a subscription event without its subscription', () => {
    const notJson = signed('x');
    const raw = Buffer.from('{not json');
    expect(
      billing().parseWebhook(raw, { 'x-razorpay-signature': razorpaySignature(raw, WEBHOOK_SECRET) }),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(billing().parseWebhook(notJson.rawBody, notJson.headers)).toEqual({ ok: true, events: [] });
    const bare = signed({ event: 'subscription.charged', payload: {}, created_at: 1 });
    expect(billing().parseWebhook(bare.rawBody, bare.headers)).toEqual({ ok: false, reason: 'malformed' });
  });
});
