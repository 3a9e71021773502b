import { describe, expect, it } from 'vitest';
import type { BillingEvent, BillingPlan, WebhookParse } from './billing.port.ts';
import { nextTenantBilling, type TenantBilling } from './billing.rules.ts';
import { createTestBilling } from './sandbox.ts';

const PRO: BillingPlan = {
  code: 'PRO',
  name: 'Pro',
  amountMinor: 99_900,
  currency: 'INR',
  period: 'monthly',
};
const DAY = 86_400_000;

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const only = (parse: WebhookParse): BillingEvent => {
  if (!parse.ok || parse.events.length !== 1)
    throw new Error(`expected one event, got ${JSON.stringify(parse)}`);
  return parse.events[0] as BillingEvent;
};

async function subscribed(billing = createTestBilling()) {
  const planId = await billing.ensurePlan(PRO);
  const customerId = await billing.createCustomer({
    tenantId: 'tenant-1',
    name: 'Owner',
    email: 'o@example.com',
  });
  const subscription = await billing.createSubscription({
    customerId,
    providerPlanId: planId,
    tenantId: 'tenant-1',
  });
  return { billing, planId, customerId, subscription };
}

describe('the test billing adapter', () => {
  it('gives the same ids for the same calls, in a fresh adapter too', async () => {
    const a = await subscribed();
    const b = await subscribed();
    expect([a.planId, a.customerId, a.subscription.subscriptionId]).toEqual([
      'test_plan_pro_monthly_99900INR',
      'test_cust_tenant-1',
      'test_sub_1',
    ]);
    expect([b.planId, b.customerId, b.subscription.subscriptionId]).toEqual([
      a.planId,
      a.customerId,
      a.subscription.subscriptionId,
    ]);
  });

  it('activates a subscription at once, for one period, with no payer step', async () => {
    const time = clock();
    const { subscription, planId } = await subscribed(createTestBilling({ now: time.now }));
    expect(subscription).toEqual({
      subscriptionId: 'test_sub_1',
      status: 'ACTIVE',
      providerPlanId: planId,
      currentPeriodEnd: new Date(time.now().getTime() + 30 * DAY),
    });
  });

  it('changes plan now, schedules a change at the cycle end, and cancels', async () => {
    const { billing, subscription } = await subscribed();
    const enterprise = await billing.ensurePlan({ ...PRO, code: 'ENTERPRISE', amountMinor: 499_900 });
    const id = subscription.subscriptionId;
    expect((await billing.changePlan(id, enterprise, { at: 'now' })).providerPlanId).toBe(enterprise);
    const later = await billing.changePlan(id, 'test_plan_pro_monthly_99900INR', { at: 'cycle_end' });
    expect(later).toMatchObject({
      providerPlanId: enterprise,
      changeScheduledAt: subscription.currentPeriodEnd,
    });
    expect((await billing.cancel(id, { atCycleEnd: true })).status).toBe('ACTIVE');
    expect((await billing.cancel(id, { atCycleEnd: false })).status).toBe('CANCELLED');
  });

  it('emits signed events that go through the webhook parser, each with its status', async () => {
    const { billing, subscription } = await subscribed();
    const id = subscription.subscriptionId;
    const statusOf = (what: Parameters<typeof billing.simulate>[1]) => {
      const { rawBody, headers } = billing.simulate(id, what);
      return only(billing.parseWebhook(rawBody, headers));
    };
    expect(statusOf('renewal-failed')).toMatchObject({
      type: 'pending',
      status: 'PAST_DUE',
      tenantId: 'tenant-1',
    });
    expect(statusOf('retries-exhausted')).toMatchObject({ type: 'halted', status: 'PAST_DUE' });
    expect(statusOf('paid')).toMatchObject({
      type: 'charged',
      status: 'ACTIVE',
      amountMinor: 99_900,
      currency: 'INR',
    });
    expect(statusOf('cancelled')).toMatchObject({ type: 'cancelled', status: 'CANCELLED' });
    expect(statusOf('completed')).toMatchObject({ type: 'completed', status: 'EXPIRED' });
  });

  it('refuses its own events when tampered with or signed under another secret', async () => {
    const { billing, subscription } = await subscribed();
    const { rawBody, headers } = billing.simulate(subscription.subscriptionId, 'paid');
    const tampered = Buffer.from(rawBody.toString().replace('"active"', '"cancelled"'));
    expect(billing.parseWebhook(tampered, headers)).toEqual({ ok: false, reason: 'signature-invalid' });
    const other = createTestBilling({ webhookSecret: 'another-development-secret' });
    expect(other.parseWebhook(rawBody, headers)).toEqual({ ok: false, reason: 'signature-invalid' });
  });

  it('drives a tenant through a failed renewal, grace, suspension and payment', async () => {
    const time = clock();
    const { billing, subscription } = await subscribed(createTestBilling({ now: time.now }));
    const id = subscription.subscriptionId;
    const deliver = (state: TenantBilling | null, what: Parameters<typeof billing.simulate>[1]) => {
      const { rawBody, headers } = billing.simulate(id, what);
      return nextTenantBilling(state, only(billing.parseWebhook(rawBody, headers)), time.now(), 7);
    };
    time.advance(30 * DAY);
    const failed = deliver(null, 'renewal-failed');
    expect(failed.billing).toMatchObject({
      status: 'PAST_DUE',
      graceUntil: new Date(time.now().getTime() + 7 * DAY),
    });
    expect(failed.suspendStores).toBe(false);
    time.advance(7 * DAY);
    const swept = nextTenantBilling(failed.billing, null, time.now(), 7);
    expect(swept.suspendStores).toBe(true);
    time.advance(DAY);
    const paid = deliver(swept.billing, 'paid');
    expect(paid).toMatchObject({
      restoreStores: true,
      billing: { status: 'ACTIVE', storesSuspended: false },
    });
  });
});
