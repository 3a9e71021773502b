import { razorpaySignature } from '../../payments/index.ts';
import type {
  BillingPlan,
  BillingProvider,
  NewSubscription,
  SubscriptionView,
  WebhookHeaders,
} from './billing.port.ts';
import { parseRazorpayWebhook, RAZORPAY_STATUS } from './razorpay.ts';

/** The development secret the test adapter signs its events with; public, so never a production one. */
export const TEST_BILLING_WEBHOOK_SECRET = 'bazaar-test-billing-webhook-secret';

/** What a test or a developer can make happen to a subscription. */
export type SimulatedEvent = 'paid' | 'renewal-failed' | 'retries-exhausted' | 'cancelled' | 'completed';

export interface TestBillingProvider extends BillingProvider {
  /**
   * A webhook as the provider would deliver it (Razorpay's body and signature header, under the
   * development secret), to hand to `parseWebhook` or to post to the billing webhook route.
   */
  simulate(subscriptionId: string, what: SimulatedEvent): { rawBody: Buffer; headers: WebhookHeaders };
}

export interface TestBillingSettings {
  webhookSecret?: string | undefined;
  /** The adapter's clock (events carry its time, so tests can order them). */
  now?: (() => Date) | undefined;
}

interface Held {
  id: string;
  planId: string;
  tenantId: string;
  status: string;
  currentEnd: number;
  periodSeconds: number;
  amountMinor: number;
  currency: string;
}

const DAY = 86_400;
const PERIOD_SECONDS = { monthly: 30 * DAY, yearly: 365 * DAY };

const SIMULATED: Record<SimulatedEvent, { event: string; status: string; charge: boolean }> = {
  paid: { event: 'subscription.charged', status: 'active', charge: true },
  'renewal-failed': { event: 'subscription.pending', status: 'pending', charge: false },
  'retries-exhausted': { event: 'subscription.halted', status: 'halted', charge: false },
  cancelled: { event: 'subscription.cancelled', status: 'cancelled', charge: false },
  completed: { event: 'subscription.completed', status: 'completed', charge: false },
};

/**
 * The built-in billing adapter for development and tests: in memory, ids made from their inputs
 * and a counter (the same calls give the same ids), subscriptions ACTIVE at once, no money moved.
 * Its events go through the same webhook parser as Razorpay's, signed with a development secret.
 */
export function createTestBilling(settings: TestBillingSettings = {}): TestBillingProvider {
  const secret = settings.webhookSecret ?? TEST_BILLING_WEBHOOK_SECRET;
  const now = settings.now ?? (() => new Date());
  const seconds = () => Math.floor(now().getTime() / 1000);
  const plans = new Map<string, BillingPlan>();
  const subscriptions = new Map<string, Held>();
  let sequence = 0;
  const held = (id: string) => {
    const subscription = subscriptions.get(id);
    if (!subscription) throw new Error(`test billing: no subscription ${id}`);
    return subscription;
  };
  return {
    name: 'test',
    async ensurePlan(plan) {
      const id = `test_plan_${plan.code.toLowerCase()}_${plan.period}_${plan.amountMinor}${plan.currency}`;
      plans.set(id, plan);
      return id;
    },
    async createCustomer(customer) {
      return `test_cust_${customer.tenantId}`;
    },
    async createSubscription(request) {
      const subscription = newSubscription(request, plans.get(request.providerPlanId), ++sequence, seconds());
      subscriptions.set(subscription.id, subscription);
      return viewOf(subscription);
    },
    async changePlan(subscriptionId, providerPlanId, { at }) {
      const subscription = held(subscriptionId);
      if (at === 'now') {
        subscription.planId = providerPlanId;
        subscription.amountMinor = plans.get(providerPlanId)?.amountMinor ?? subscription.amountMinor;
        return viewOf(subscription);
      }
      return { ...viewOf(subscription), changeScheduledAt: new Date(subscription.currentEnd * 1000) };
    },
    async cancel(subscriptionId, { atCycleEnd }) {
      const subscription = held(subscriptionId);
      if (!atCycleEnd) subscription.status = 'cancelled';
      return viewOf(subscription);
    },
    parseWebhook: (rawBody, headers) => parseRazorpayWebhook(secret, rawBody, headers),
    simulate(subscriptionId, what) {
      return signedEvent(held(subscriptionId), what, seconds(), ++sequence, secret);
    },
  };
}

function newSubscription(
  request: NewSubscription,
  plan: BillingPlan | undefined,
  sequence: number,
  now: number,
): Held {
  const periodSeconds = PERIOD_SECONDS[plan?.period ?? 'monthly'];
  return {
    id: `test_sub_${sequence}`,
    planId: request.providerPlanId,
    tenantId: request.tenantId,
    status: 'active',
    currentEnd: now + periodSeconds,
    periodSeconds,
    amountMinor: plan?.amountMinor ?? 0,
    currency: plan?.currency ?? 'INR',
  };
}

/** Moves the subscription as `what` says and writes the webhook Razorpay would send about it. */
function signedEvent(subscription: Held, what: SimulatedEvent, at: number, sequence: number, secret: string) {
  const step = SIMULATED[what];
  subscription.status = step.status;
  if (step.charge) subscription.currentEnd += subscription.periodSeconds;
  const rawBody = Buffer.from(JSON.stringify(eventBody(subscription, step, at, sequence)));
  return {
    rawBody,
    headers: {
      'x-razorpay-signature': razorpaySignature(rawBody, secret),
      'x-razorpay-event-id': `test_evt_${sequence}`,
    },
  };
}

function viewOf(subscription: Held): SubscriptionView {
  return {
    subscriptionId: subscription.id,
    status: RAZORPAY_STATUS[subscription.status] ?? 'ACTIVE',
    providerPlanId: subscription.planId,
    currentPeriodEnd: new Date(subscription.currentEnd * 1000),
  };
}

function eventBody(
  subscription: Held,
  step: (typeof SIMULATED)[SimulatedEvent],
  at: number,
  sequence: number,
) {
  const entity = {
    id: subscription.id,
    entity: 'subscription',
    plan_id: subscription.planId,
    status: step.status,
    current_end: subscription.currentEnd,
    notes: { tenant_id: subscription.tenantId },
  };
  const payment = step.charge
    ? {
        payment: {
          entity: {
            id: `test_pay_${sequence}`,
            amount: subscription.amountMinor,
            currency: subscription.currency,
            created_at: at,
          },
        },
      }
    : {};
  return {
    entity: 'event',
    event: step.event,
    contains: step.charge ? ['subscription', 'payment'] : ['subscription'],
    payload: { subscription: { entity }, ...payment },
    created_at: at,
  };
}
