import { z } from 'zod';
import {
  RazorpayApiError,
  type RazorpayCall,
  razorpayClient,
  razorpaySignatureValid,
} from '../../payments/index.ts';
import { BillingProviderError } from './billing.errors.ts';
import {
  BILLING_EVENT_TYPES,
  type BillingEvent,
  type BillingEventType,
  type BillingPlan,
  type BillingProvider,
  type BillingStatus,
  headerValue,
  type NewCustomer,
  type NewSubscription,
  type SubscriptionView,
  type WebhookHeaders,
  type WebhookParse,
} from './billing.port.ts';

export interface RazorpayBillingSettings {
  keyId: string;
  keySecret: string;
  webhookSecret?: string | undefined;
  apiBase?: string | undefined;
  timeoutMs?: number | undefined;
  /** Billing cycles a subscription is created for (Razorpay needs a count): ten years by default. */
  totalCount?: Partial<Record<BillingPlan['period'], number>> | undefined;
}

/** Razorpay's subscription statuses and ours (docs/modules/tenancy.md, "Billing"). */
export const RAZORPAY_STATUS: Record<string, BillingStatus> = {
  created: 'PENDING',
  authenticated: 'PENDING',
  active: 'ACTIVE',
  pending: 'PAST_DUE',
  halted: 'PAST_DUE',
  paused: 'PAUSED',
  cancelled: 'CANCELLED',
  completed: 'EXPIRED',
  expired: 'EXPIRED',
};

const TOTAL_COUNT = { monthly: 120, yearly: 10 };
const PLAN_PAGE = 100;
const PLAN_PAGES = 10;

/**
 * Razorpay Subscriptions: plans (`POST /v1/plans`), customers, subscriptions the payer authorises
 * at the subscription's `short_url`, updates (`PATCH`, now or at the cycle's end), cancellation,
 * and `subscription.*` webhooks signed with HMAC-SHA256 of the raw body under the webhook secret.
 */
export function createRazorpayBilling(settings: RazorpayBillingSettings): BillingProvider {
  const raw = razorpayClient(settings);
  const call: RazorpayCall = async (method, path, body, key) => {
    try {
      return await raw(method, path, body, key);
    } catch (error) {
      if (!(error instanceof RazorpayApiError)) throw error;
      throw new BillingProviderError('razorpay', error.status, error.code, error.message);
    }
  };
  const totalCount = { ...TOTAL_COUNT, ...settings.totalCount };
  return {
    name: 'razorpay',
    ensurePlan: (plan) => ensurePlan(call, plan),
    createCustomer: (customer) => createCustomer(call, customer),
    createSubscription: async (request) => {
      const plan = await call<RazorpayPlan>('GET', `/plans/${encodeURIComponent(request.providerPlanId)}`);
      return createSubscription(call, request, totalCount[periodOf(plan)]);
    },
    changePlan: async (subscriptionId, providerPlanId, { at }) =>
      view(
        await call<RazorpaySubscription>('PATCH', `/subscriptions/${encodeURIComponent(subscriptionId)}`, {
          plan_id: providerPlanId,
          schedule_change_at: at,
        }),
      ),
    cancel: async (subscriptionId, { atCycleEnd }) =>
      view(
        await call<RazorpaySubscription>(
          'POST',
          `/subscriptions/${encodeURIComponent(subscriptionId)}/cancel`,
          {
            cancel_at_cycle_end: atCycleEnd ? 1 : 0,
          },
        ),
      ),
    parseWebhook: (rawBody, headers) => parseRazorpayWebhook(settings.webhookSecret, rawBody, headers),
  };
}

interface RazorpayPlan {
  id: string;
  period?: string;
  interval?: number;
  item?: { amount?: number; currency?: string };
  notes?: Record<string, string> | unknown[];
}

interface RazorpaySubscription {
  id: string;
  status?: string;
  plan_id?: string;
  short_url?: string | null;
  current_end?: number | null;
  change_scheduled_at?: number | null;
  has_scheduled_changes?: boolean;
}

const periodOf = (plan: RazorpayPlan): BillingPlan['period'] =>
  plan.period === 'yearly' ? 'yearly' : 'monthly';

/**
 * Razorpay cannot create a plan idempotently, so ours are marked in their notes (code and price)
 * and looked for first; a price or period change makes a new plan, as Razorpay plans are immutable.
 */
async function ensurePlan(call: RazorpayCall, plan: BillingPlan): Promise<string> {
  const mark = planMark(plan);
  for (let page = 0; page < PLAN_PAGES; page++) {
    const list = await call<{ items?: RazorpayPlan[] }>(
      'GET',
      `/plans?count=${PLAN_PAGE}&skip=${page * PLAN_PAGE}`,
    );
    const items = list.items ?? [];
    const found = items.find((p) => noteOf(p.notes, 'bazaar_plan') === mark);
    if (found) return found.id;
    if (items.length < PLAN_PAGE) break;
  }
  const created = await call<RazorpayPlan>('POST', '/plans', {
    period: plan.period,
    interval: 1,
    item: {
      name: plan.name,
      amount: plan.amountMinor,
      currency: plan.currency,
      description: `Bazaar ${plan.name}`,
    },
    notes: { bazaar_plan: mark },
  });
  return created.id;
}

const planMark = (plan: BillingPlan) => `${plan.code}:${plan.amountMinor}:${plan.currency}:${plan.period}`;

/** `fail_existing: 0` answers the existing customer with the same email and phone instead of failing. */
async function createCustomer(call: RazorpayCall, customer: NewCustomer): Promise<string> {
  const created = await call<{ id: string }>('POST', '/customers', {
    name: customer.name.slice(0, 50),
    email: customer.email,
    ...(customer.phone ? { contact: customer.phone } : {}),
    fail_existing: '0',
    notes: { tenant_id: customer.tenantId },
  });
  return created.id;
}

async function createSubscription(
  call: RazorpayCall,
  request: NewSubscription,
  totalCount: number,
): Promise<SubscriptionView> {
  const subscription = await call<RazorpaySubscription>(
    'POST',
    '/subscriptions',
    {
      plan_id: request.providerPlanId,
      customer_id: request.customerId,
      total_count: totalCount,
      customer_notify: 1,
      notes: { tenant_id: request.tenantId },
    },
    `subscription-${request.tenantId}-${request.providerPlanId}`,
  );
  return view(subscription);
}

function view(subscription: RazorpaySubscription): SubscriptionView {
  const status = RAZORPAY_STATUS[subscription.status ?? 'created'] ?? 'PENDING';
  return {
    subscriptionId: subscription.id,
    status,
    providerPlanId: subscription.plan_id,
    checkoutUrl: status === 'PENDING' ? (subscription.short_url ?? undefined) : undefined,
    currentPeriodEnd: dateOf(subscription.current_end),
    changeScheduledAt: subscription.has_scheduled_changes
      ? dateOf(subscription.change_scheduled_at)
      : undefined,
  };
}

const dateOf = (seconds: number | null | undefined) =>
  typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000) : undefined;

const noteOf = (notes: Record<string, string> | unknown[] | undefined, key: string) =>
  notes && !Array.isArray(notes) ? notes[key] : undefined;

// --- webhooks ------------------------------------------------------------------------------------

const Notes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional();
const RazorpaySubscriptionEvent = z.object({
  event: z.string(),
  created_at: z.number().int().positive(),
  payload: z.object({
    subscription: z.object({
      entity: z.object({
        id: z.string().min(1),
        status: z.string(),
        plan_id: z.string().nullish(),
        current_end: z.number().nullish(),
        notes: Notes,
      }),
    }),
    payment: z
      .object({
        entity: z.object({
          id: z.string(),
          amount: z.number().int().nonnegative().optional(),
          currency: z.string().optional(),
          created_at: z.number().optional(),
        }),
      })
      .optional(),
  }),
});

/**
 * Verifies `X-Razorpay-Signature` (hex HMAC-SHA256 of the exact bytes received under the webhook
 * secret, compared in constant time), then normalises a `subscription.*` event. Other events
 * verify but carry nothing for billing. Used by the test adapter too, under its own secret.
 */
export function parseRazorpayWebhook(
  secret: string | undefined,
  rawBody: Buffer,
  headers: WebhookHeaders,
): WebhookParse {
  const signature = headerValue(headers, 'x-razorpay-signature');
  if (!secret || !signature) return { ok: false, reason: 'signature-missing' };
  if (!razorpaySignatureValid(rawBody, signature, secret)) return { ok: false, reason: 'signature-invalid' };
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const name = (json as { event?: unknown } | null)?.event;
  const type = typeof name === 'string' ? eventType(name) : undefined;
  if (!type) return { ok: true, events: [] };
  const parsed = RazorpaySubscriptionEvent.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  return { ok: true, events: [normalise(type, parsed.data, headerValue(headers, 'x-razorpay-event-id'))] };
}

function eventType(name: string): BillingEventType | undefined {
  const [entity, kind] = name.split('.');
  if (entity !== 'subscription') return undefined;
  return BILLING_EVENT_TYPES.find((t) => t === kind);
}

/**
 * The event id is made of signed fields (the `X-Razorpay-Event-Id` header is not signed): event,
 * subscription, payment and time; a redelivery has the same body, so the same id.
 */
function normalise(
  type: BillingEventType,
  body: z.infer<typeof RazorpaySubscriptionEvent>,
  deliveryId: string | undefined,
): BillingEvent {
  const subscription = body.payload.subscription.entity;
  const payment = body.payload.payment?.entity;
  const tenantId = noteOf(subscription.notes as Record<string, string> | undefined, 'tenant_id');
  const charged = type === 'charged' && payment;
  return {
    eventId: `rzp:${body.event}:${subscription.id}:${payment?.id ?? '-'}:${body.created_at}`,
    type,
    subscriptionId: subscription.id,
    status: RAZORPAY_STATUS[subscription.status] ?? statusOfType(type),
    occurredAt: new Date(body.created_at * 1000),
    tenantId: typeof tenantId === 'string' ? tenantId : undefined,
    providerPlanId: subscription.plan_id ?? undefined,
    currentPeriodEnd: dateOf(subscription.current_end),
    paidAt: charged ? dateOf(payment.created_at ?? body.created_at) : undefined,
    amountMinor: charged ? payment.amount : undefined,
    currency: charged ? payment.currency?.toUpperCase() : undefined,
    deliveryId,
  };
}

/** For a status Razorpay might add later: what the event itself says. */
function statusOfType(type: BillingEventType): BillingStatus {
  const byType: Record<BillingEventType, BillingStatus> = {
    authenticated: 'PENDING',
    activated: 'ACTIVE',
    charged: 'ACTIVE',
    resumed: 'ACTIVE',
    updated: 'ACTIVE',
    pending: 'PAST_DUE',
    halted: 'PAST_DUE',
    paused: 'PAUSED',
    cancelled: 'CANCELLED',
    completed: 'EXPIRED',
  };
  return byType[type];
}
