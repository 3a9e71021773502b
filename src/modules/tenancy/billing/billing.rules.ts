import { PlanDowngradeRefused } from './billing.errors.ts';
import type { BillingEvent, BillingPeriod, BillingStatus, PlanChangeTiming } from './billing.port.ts';

/**
 * Where a tenant's billing stands, as the caller stores it. `stateAt` is the time of the event that
 * set it: an event older than that is stale and changes nothing.
 */
export interface TenantBilling {
  status: BillingStatus;
  stateAt: Date;
  /** While PAST_DUE: when the grace period ends and the tenant's stores are suspended. */
  graceUntil: Date | null;
  /** Whether billing has suspended the tenant's stores (so a replay never suspends twice). */
  storesSuspended: boolean;
  currentPeriodEnd: Date | null;
  providerPlanId: string | null;
}

export type BillingOutcome = 'applied' | 'stale' | 'unchanged';

export interface BillingDecision {
  billing: TenantBilling;
  outcome: BillingOutcome;
  /** The grace period is over: suspend the tenant's stores now (once). */
  suspendStores: boolean;
  /** Paid again, or the subscription ended (the tenant falls back to FREE): restore them (once). */
  restoreStores: boolean;
  /** The subscription ended (CANCELLED or EXPIRED): the tenant goes back to the FREE plan. */
  endedToFree: boolean;
}

export const DEFAULT_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * The next billing state of a tenant after `event` (or, with `null`, after time alone: the sweep
 * that ends grace periods). Pure: the same inputs give the same answer, so a replayed event is
 * harmless, and an event older than the state it meets is ignored.
 */
export function nextTenantBilling(
  current: TenantBilling | null,
  event: BillingEvent | null,
  now: Date,
  graceDays = DEFAULT_GRACE_DAYS,
): BillingDecision {
  if (!event) return current ? afterTime(current, current, now, 'unchanged') : noBilling();
  if (current && event.occurredAt.getTime() < current.stateAt.getTime()) {
    return afterTime(current, current, now, 'stale');
  }
  const next = applyEvent(current, event, graceDays);
  const outcome = current && sameState(current, next) ? 'unchanged' : 'applied';
  return afterTime(current, next, now, outcome);
}

function applyEvent(current: TenantBilling | null, event: BillingEvent, graceDays: number): TenantBilling {
  const pastDue = event.status === 'PAST_DUE';
  const graceUntil = pastDue
    ? current?.status === 'PAST_DUE' && current.graceUntil
      ? current.graceUntil
      : new Date(event.occurredAt.getTime() + graceDays * DAY_MS)
    : null;
  return {
    status: event.status,
    stateAt: event.occurredAt,
    graceUntil,
    // Only a PAST_DUE tenant stays suspended; whether it must be now is decided on time below.
    storesSuspended: pastDue ? (current?.storesSuspended ?? false) : false,
    currentPeriodEnd: event.currentPeriodEnd ?? current?.currentPeriodEnd ?? null,
    providerPlanId: event.providerPlanId ?? current?.providerPlanId ?? null,
  };
}

/** Suspends a PAST_DUE tenant whose grace is over, and names what changed for the stores. */
function afterTime(
  before: TenantBilling | null,
  candidate: TenantBilling,
  now: Date,
  outcome: BillingOutcome,
): BillingDecision {
  const graceOver =
    candidate.status === 'PAST_DUE' &&
    candidate.graceUntil !== null &&
    now.getTime() >= candidate.graceUntil.getTime();
  const billing =
    graceOver && !candidate.storesSuspended ? { ...candidate, storesSuspended: true } : candidate;
  const wasSuspended = before?.storesSuspended ?? false;
  const ended = billing.status === 'CANCELLED' || billing.status === 'EXPIRED';
  const wasEnded = before?.status === 'CANCELLED' || before?.status === 'EXPIRED';
  return {
    billing,
    outcome: outcome === 'unchanged' && billing !== candidate ? 'applied' : outcome,
    suspendStores: billing.storesSuspended && !wasSuspended,
    restoreStores: wasSuspended && !billing.storesSuspended,
    endedToFree: ended && !wasEnded,
  };
}

function noBilling(): BillingDecision {
  throw new TypeError('nextTenantBilling needs a current state or an event');
}

function sameState(a: TenantBilling, b: TenantBilling): boolean {
  return (
    a.status === b.status &&
    a.stateAt.getTime() === b.stateAt.getTime() &&
    a.graceUntil?.getTime() === b.graceUntil?.getTime() &&
    a.storesSuspended === b.storesSuspended &&
    a.currentPeriodEnd?.getTime() === b.currentPeriodEnd?.getTime() &&
    a.providerPlanId === b.providerPlanId
  );
}

// --- plan changes --------------------------------------------------------------------------------

export interface PricedPlan {
  code: string;
  amountMinor: number;
  period: BillingPeriod;
}

export type PlanChange =
  | { kind: 'same' }
  | { kind: 'subscribe' }
  | { kind: 'upgrade'; at: PlanChangeTiming }
  | { kind: 'downgrade'; at: PlanChangeTiming }
  | { kind: 'cancel'; atCycleEnd: true };

/**
 * How a tenant moves between plans: from a free plan it subscribes; to a free plan its subscription
 * is cancelled at the cycle's end; to a dearer plan (per month) now, the provider prorating the
 * difference; to a cheaper or equal one when the cycle ends, having paid for the current one.
 */
export function planChange(from: PricedPlan, to: PricedPlan): PlanChange {
  if (from.code === to.code && from.amountMinor === to.amountMinor && from.period === to.period) {
    return { kind: 'same' };
  }
  if (to.amountMinor === 0) return { kind: 'cancel', atCycleEnd: true };
  if (from.amountMinor === 0) return { kind: 'subscribe' };
  return monthly(to) > monthly(from)
    ? { kind: 'upgrade', at: 'now' }
    : { kind: 'downgrade', at: 'cycle_end' };
}

const monthly = (plan: PricedPlan) => (plan.period === 'yearly' ? plan.amountMinor / 12 : plan.amountMinor);

export const PLAN_LIMITS = ['stores', 'productsPerStore', 'staff', 'customDomains'] as const;
export type PlanLimit = (typeof PLAN_LIMITS)[number];
/** A plan's limits; `null` is unlimited. */
export type PlanLimits = Record<PlanLimit, number | null>;
/** What a tenant uses now (`productsPerStore`: its largest store's count). */
export type PlanUsage = Record<PlanLimit, number>;

export type LimitCheck = { ok: true } | { ok: false; limit: PlanLimit; usage: number; allowed: number };

/** Whether a tenant using `usage` fits `limits`, naming the first limit it is over. */
export function checkUsageWithinLimits(usage: PlanUsage, limits: PlanLimits): LimitCheck {
  for (const limit of PLAN_LIMITS) {
    const allowed = limits[limit];
    if (allowed !== null && usage[limit] > allowed) return { ok: false, limit, usage: usage[limit], allowed };
  }
  return { ok: true };
}

/** A downgrade refused (409 naming the limit) while the tenant uses more than the smaller plan allows. */
export function assertDowngradeFits(usage: PlanUsage, limits: PlanLimits): void {
  const check = checkUsageWithinLimits(usage, limits);
  if (!check.ok) throw new PlanDowngradeRefused(check.limit, check.usage, check.allowed);
}
