/**
 * The port every billing provider implements: the platform's plans as the provider's plans, a
 * customer per tenant, one subscription per tenant, plan changes, cancellation, and the provider's
 * webhooks turned into verified, provider-neutral events. Amounts are integer minor units.
 * Calls are made outside database transactions; the caller records what they answer.
 */
export type BillingProviderName = 'test' | 'razorpay';

export type BillingPeriod = 'monthly' | 'yearly';

/**
 * Our subscription status. PENDING: created, the payer has not authorised the first charge yet;
 * PAST_DUE: a renewal failed (the provider may still be retrying); PAUSED: paused at the provider
 * by the platform; CANCELLED: ended by a cancellation; EXPIRED: ran its course.
 */
export const BILLING_STATUSES = ['PENDING', 'ACTIVE', 'PAST_DUE', 'PAUSED', 'CANCELLED', 'EXPIRED'] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export interface BillingPlan {
  /** The platform's plan code (PRO, ENTERPRISE…); a provider plan is made once per code, price and period. */
  code: string;
  name: string;
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  period: BillingPeriod;
}

export interface NewCustomer {
  tenantId: string;
  name: string;
  email: string;
  phone?: string | undefined;
}

export interface NewSubscription {
  customerId: string;
  providerPlanId: string;
  tenantId: string;
}

export interface SubscriptionView {
  subscriptionId: string;
  status: BillingStatus;
  providerPlanId?: string | undefined;
  /** Where the payer authorises the first charge (Razorpay's `short_url`), while PENDING. */
  checkoutUrl?: string | undefined;
  currentPeriodEnd?: Date | undefined;
  /** When a change asked for at the cycle's end takes effect. */
  changeScheduledAt?: Date | undefined;
}

export type PlanChangeTiming = 'now' | 'cycle_end';

export const BILLING_EVENT_TYPES = [
  'authenticated',
  'activated',
  'charged',
  'pending',
  'halted',
  'paused',
  'resumed',
  'updated',
  'cancelled',
  'completed',
] as const;
export type BillingEventType = (typeof BILLING_EVENT_TYPES)[number];

/** A verified webhook event, normalised. Every field comes from the signed body. */
export interface BillingEvent {
  /** Stable per event: a redelivery carries the same id (store it once). */
  eventId: string;
  type: BillingEventType;
  subscriptionId: string;
  /** The subscription's status as of this event. */
  status: BillingStatus;
  /** When the provider produced the event: an older event never overrides a newer state. */
  occurredAt: Date;
  /** Our tenant id as the provider echoes it back (notes), when it does. */
  tenantId?: string | undefined;
  providerPlanId?: string | undefined;
  currentPeriodEnd?: Date | undefined;
  /** A charge: when it was paid, how much and in what currency. */
  paidAt?: Date | undefined;
  amountMinor?: number | undefined;
  currency?: string | undefined;
  /** The provider's delivery id (an unsigned header), for logs only. */
  deliveryId?: string | undefined;
}

export type WebhookRefusal = 'signature-missing' | 'signature-invalid' | 'malformed';

/** A webhook either verified (its events, none for an event billing does not follow) or refused. */
export type WebhookParse = { ok: true; events: BillingEvent[] } | { ok: false; reason: WebhookRefusal };

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface BillingProvider {
  readonly name: BillingProviderName;
  /** The provider's plan for this price, created once (a second call with the same plan finds it). */
  ensurePlan(plan: BillingPlan): Promise<string>;
  createCustomer(customer: NewCustomer): Promise<string>;
  createSubscription(subscription: NewSubscription): Promise<SubscriptionView>;
  /** Moves a subscription to another plan now (the provider prorates) or when the cycle ends. */
  changePlan(
    subscriptionId: string,
    providerPlanId: string,
    options: { at: PlanChangeTiming },
  ): Promise<SubscriptionView>;
  cancel(subscriptionId: string, options: { atCycleEnd: boolean }): Promise<SubscriptionView>;
  /** Verifies the signature over the exact bytes received, then normalises; never throws. */
  parseWebhook(rawBody: Buffer, headers: WebhookHeaders): WebhookParse;
}

/** A header's single value, however Node spelled it (lower case) or repeated it. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()] ?? headers[name];
  return Array.isArray(value) ? value[0] : value;
}
