import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDowngradeRefused } from './billing.errors.ts';
import { BILLING_STATUSES, type BillingEvent, type BillingStatus } from './billing.port.ts';
import {
  assertDowngradeFits,
  checkUsageWithinLimits,
  nextTenantBilling,
  type PlanLimits,
  planChange,
  type TenantBilling,
} from './billing.rules.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);
const at = (days: number) => new Date(T0 + days * DAY);

let sequence = 0;
function event(status: BillingStatus, day: number, extra: Partial<BillingEvent> = {}): BillingEvent {
  const type = {
    PENDING: 'authenticated',
    ACTIVE: 'charged',
    PAST_DUE: 'pending',
    PAUSED: 'paused',
    CANCELLED: 'cancelled',
    EXPIRED: 'completed',
  } as const;
  return {
    eventId: `evt_${++sequence}`,
    type: type[status],
    subscriptionId: 'sub_1',
    status,
    occurredAt: at(day),
    ...extra,
  };
}

const active: TenantBilling = {
  status: 'ACTIVE',
  stateAt: at(0),
  graceUntil: null,
  storesSuspended: false,
  currentPeriodEnd: at(30),
  providerPlanId: 'plan_pro',
};

describe('a tenant whose renewal fails', () => {
  it('becomes PAST_DUE with a grace period counted from the failure, stores still open', () => {
    const decision = nextTenantBilling(active, event('PAST_DUE', 30), at(31));
    expect(decision).toMatchObject({
      outcome: 'applied',
      suspendStores: false,
      restoreStores: false,
      billing: { status: 'PAST_DUE', graceUntil: at(37), storesSuspended: false, currentPeriodEnd: at(30) },
    });
  });

  it('takes the grace period it is configured with', () => {
    expect(nextTenantBilling(active, event('PAST_DUE', 30), at(30), 3).billing.graceUntil).toEqual(at(33));
    expect(nextTenantBilling(active, event('PAST_DUE', 30), at(30), 0).suspendStores).toBe(true);
  });

  it('keeps the first deadline when Razorpay retries and fails again, or halts', () => {
    const failed = nextTenantBilling(active, event('PAST_DUE', 30), at(30)).billing;
    const halted = nextTenantBilling(failed, event('PAST_DUE', 34, { type: 'halted' }), at(34));
    expect(halted.billing.graceUntil).toEqual(at(37));
  });

  it('has its stores suspended once the grace is over, by the sweep or by the next event, and only once', () => {
    const failed = nextTenantBilling(active, event('PAST_DUE', 30), at(30)).billing;
    expect(nextTenantBilling(failed, null, at(36.9)).suspendStores).toBe(false);
    const swept = nextTenantBilling(failed, null, at(37));
    expect(swept).toMatchObject({
      outcome: 'applied',
      suspendStores: true,
      billing: { storesSuspended: true },
    });
    expect(nextTenantBilling(swept.billing, null, at(38))).toMatchObject({
      outcome: 'unchanged',
      suspendStores: false,
    });
    const late = nextTenantBilling(failed, event('PAST_DUE', 39, { type: 'halted' }), at(39));
    expect(late.suspendStores).toBe(true);
  });

  it('has its stores restored when it pays again, and a new grace period next time', () => {
    const failed = nextTenantBilling(active, event('PAST_DUE', 30), at(30)).billing;
    const suspended = nextTenantBilling(failed, null, at(40)).billing;
    const paid = nextTenantBilling(suspended, event('ACTIVE', 41, { currentPeriodEnd: at(71) }), at(41));
    expect(paid).toMatchObject({
      restoreStores: true,
      suspendStores: false,
      billing: { status: 'ACTIVE', graceUntil: null, storesSuspended: false, currentPeriodEnd: at(71) },
    });
    const again = nextTenantBilling(paid.billing, event('PAST_DUE', 71), at(71));
    expect(again.billing.graceUntil).toEqual(at(78));
  });

  it('goes back to FREE with its stores open when the subscription is cancelled or completes', () => {
    const failed = nextTenantBilling(active, event('PAST_DUE', 30), at(30)).billing;
    const suspended = nextTenantBilling(failed, null, at(40)).billing;
    for (const status of ['CANCELLED', 'EXPIRED'] as const) {
      const ended = nextTenantBilling(suspended, event(status, 41), at(41));
      expect(ended).toMatchObject({
        endedToFree: true,
        restoreStores: true,
        billing: { status, graceUntil: null },
      });
      expect(nextTenantBilling(ended.billing, null, at(90)).endedToFree).toBe(false);
    }
  });
});

describe('billing events', () => {
  it('start a tenant with no billing yet', () => {
    expect(nextTenantBilling(null, event('PENDING', 0, { providerPlanId: 'plan_pro' }), at(0))).toMatchObject(
      {
        outcome: 'applied',
        billing: {
          status: 'PENDING',
          storesSuspended: false,
          providerPlanId: 'plan_pro',
          currentPeriodEnd: null,
        },
      },
    );
  });

  it('change nothing when replayed, and give the same answer each time', () => {
    const failed = event('PAST_DUE', 30);
    const first = nextTenantBilling(active, failed, at(31));
    const replayed = nextTenantBilling(first.billing, failed, at(31));
    expect(replayed).toEqual({ ...first, outcome: 'unchanged', suspendStores: false, restoreStores: false });
    expect(nextTenantBilling(active, failed, at(31))).toEqual(first);
  });

  it('older than the state they meet are ignored (a late failure never undoes a payment)', () => {
    const paid = nextTenantBilling(active, event('ACTIVE', 32), at(32)).billing;
    const late = nextTenantBilling(paid, event('PAST_DUE', 30), at(33));
    expect(late).toMatchObject({ outcome: 'stale', suspendStores: false, billing: paid });
  });

  it('take the plan a subscription update reports', () => {
    const updated = nextTenantBilling(
      active,
      event('ACTIVE', 5, { type: 'updated', providerPlanId: 'plan_ent' }),
      at(5),
    );
    expect(updated.billing.providerPlanId).toBe('plan_ent');
  });

  it('in any order and with replays, leave the state of the newest event', () => {
    const statuses = fc.constantFrom(...BILLING_STATUSES);
    const events = fc.uniqueArray(fc.record({ status: statuses, day: fc.integer({ min: 1, max: 200 }) }), {
      minLength: 1,
      maxLength: 8,
      selector: (e) => e.day,
    });
    fc.assert(
      fc.property(events, fc.array(fc.nat(), { maxLength: 4 }), (list, replays) => {
        const delivered = list.map((e) => event(e.status, e.day));
        const withReplays = [
          ...delivered,
          ...replays.map((i) => delivered[i % delivered.length] as BillingEvent),
        ];
        let state: TenantBilling = active;
        for (const e of withReplays) state = nextTenantBilling(state, e, at(201)).billing;
        const newest = [...delivered].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
        expect(state.status).toBe(newest?.status);
        expect(state.stateAt).toEqual(newest?.occurredAt);
      }),
    );
  });
});

describe('plan changes', () => {
  const free = { code: 'FREE', amountMinor: 0, period: 'monthly' } as const;
  const pro = { code: 'PRO', amountMinor: 99_900, period: 'monthly' } as const;
  const enterprise = { code: 'ENTERPRISE', amountMinor: 499_900, period: 'monthly' } as const;

  it('upgrade now and downgrade at the end of the cycle', () => {
    expect(planChange(pro, enterprise)).toEqual({ kind: 'upgrade', at: 'now' });
    expect(planChange(enterprise, pro)).toEqual({ kind: 'downgrade', at: 'cycle_end' });
  });

  it('subscribe from a free plan, cancel at the cycle end to one, and do nothing to the same plan', () => {
    expect(planChange(free, pro)).toEqual({ kind: 'subscribe' });
    expect(planChange(pro, free)).toEqual({ kind: 'cancel', atCycleEnd: true });
    expect(planChange(pro, { ...pro })).toEqual({ kind: 'same' });
  });

  it('compare prices per month, so a yearly plan cheaper per month is a downgrade', () => {
    expect(planChange(pro, { code: 'PRO', amountMinor: 999_000, period: 'yearly' })).toEqual({
      kind: 'downgrade',
      at: 'cycle_end',
    });
    expect(planChange(pro, { code: 'PRO', amountMinor: 1_300_000, period: 'yearly' })).toEqual({
      kind: 'upgrade',
      at: 'now',
    });
  });
});

describe('a downgrade', () => {
  const limits: PlanLimits = { stores: 1, productsPerStore: 50, staff: 2, customDomains: 0 };
  const usage = { stores: 1, productsPerStore: 50, staff: 2, customDomains: 0 };

  it('is allowed when usage fits the smaller plan, limits without a number being unlimited', () => {
    expect(checkUsageWithinLimits(usage, limits)).toEqual({ ok: true });
    expect(checkUsageWithinLimits({ ...usage, staff: 500 }, { ...limits, staff: null })).toEqual({
      ok: true,
    });
  });

  it('is refused naming the first limit the tenant is over, with its numbers', () => {
    expect(checkUsageWithinLimits({ ...usage, stores: 3, customDomains: 1 }, limits)).toEqual({
      ok: false,
      limit: 'stores',
      usage: 3,
      allowed: 1,
    });
    expect(checkUsageWithinLimits({ ...usage, customDomains: 1 }, limits)).toMatchObject({
      limit: 'customDomains',
    });
  });

  it('is refused as a 409 problem naming the limit', () => {
    let refused: unknown;
    try {
      assertDowngradeFits({ ...usage, productsPerStore: 51 }, limits);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PlanDowngradeRefused);
    expect(refused).toMatchObject({
      status: 409,
      code: 'plan-downgrade-over-limit',
      extra: { limit: 'productsPerStore', usage: 51, allowed: 50 },
    });
    expect((refused as Error).message).toMatch(/50 products in a store and you have 51/);
  });
});
