/**
 * Billing wired to tenants (issue 13, decision 015): a business owner changes plan through the
 * billing provider, the provider's webhooks move the tenant's billing state (nextTenantBilling),
 * and an hourly sweep suspends the stores of tenants whose grace period ran out.
 * Provider calls are made outside transactions; what they answer is then written.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, NotFound } from '../../platform/http/errors.ts';
import type { BillingEvent, BillingProvider, WebhookHeaders } from './billing/billing.port.ts';
import {
  assertDowngradeFits,
  type BillingDecision,
  nextTenantBilling,
  type PlanUsage,
  planChange,
  type TenantBilling,
} from './billing/billing.rules.ts';
import type { BillingChanges, BillingRow } from './tenancy.billing.repository.ts';
import * as billingRepo from './tenancy.billing.repository.ts';
import type { PlanRow as FullPlanRow } from './tenancy.platform.repository.ts';

type PlanRow = Omit<FullPlanRow, 'created_at' | 'updated_at'>;

import * as platformRepo from './tenancy.platform.repository.ts';
import type { PlatformStores } from './tenancy.platform.ts';
import type { StoreResolver } from './tenancy.resolver.ts';
import { restoreTenant, suspendTenant } from './tenancy.suspension.ts';

export interface TenantBillingOptions {
  /** BILLING_GRACE_DAYS: how long a PAST_DUE tenant keeps its stores up. */
  graceDays: number;
  /** The products a store has (catalog counts them), for the downgrade check. */
  countProducts?: ((db: Db, storeId: string) => Promise<number>) | undefined;
  /** The signed-in owner's name and email, for the provider's customer (identity knows them). */
  contactOf?: ((ctx: Ctx) => Promise<{ name: string; email: string }>) | undefined;
}

export interface PlanChangeResult {
  /** Where the payer authorises the first charge, when the provider needs that (Razorpay). */
  checkoutUrl: string | null;
  /** The plan the tenant moves to once the provider confirms (null: it moved already). */
  pendingPlan: string | null;
  /** When a change asked for at the cycle's end takes effect. */
  effectiveAt: string | null;
}

export type EventOutcome = 'applied' | 'unchanged' | 'stale' | 'replayed' | 'unknown-subscription';

export class BillingNotConfigured extends AppError {
  constructor() {
    super(409, 'billing-not-configured', 'Conflict', 'This platform bills no tenants (BILLING_PROVIDER).');
  }
}

export class WebhookRefused extends AppError {
  constructor(reason: string) {
    super(
      400,
      'billing-webhook-refused',
      'Your request is not valid.',
      `The webhook was refused: ${reason}.`,
      {
        reason,
      },
    );
  }
}

export class TenantBillingService {
  constructor(
    readonly provider: BillingProvider | null,
    private readonly stores: PlatformStores,
    private readonly resolver: StoreResolver,
    private readonly options: TenantBillingOptions,
  ) {}

  /**
   * Moves the owner's tenant to `code`: from a free plan it subscribes, between paid plans it
   * upgrades now or downgrades at the cycle's end (refused, 409 naming the limit, while the tenant
   * uses more than the smaller plan allows), to a free plan it cancels at the cycle's end.
   */
  async changePlan(ctx: Ctx, code: string): Promise<PlanChangeResult> {
    const provider = this.requireProvider();
    const owned = await this.stores.ownTenant(ctx);
    const tenant = (await billingRepo.findBilling(ctx.db, owned.id)) as BillingRow;
    const [from, to] = await Promise.all([
      platformRepo.findPlan(ctx.db, tenant.plan),
      platformRepo.findPlan(ctx.db, code),
    ]);
    if (!to?.active || !from) throw new NotFound('plan', 'plan-not-found');
    const change = planChange(priced(from), priced(to));
    const subscribed = tenant.billing_subscription_id !== null && !ended(tenant.subscription_status);
    if (change.kind === 'same') return unchanged(tenant);
    if (change.kind === 'downgrade' || change.kind === 'cancel') await this.assertFits(ctx.db, tenant.id, to);
    if (change.kind === 'subscribe' || (!subscribed && to.price_minor > 0))
      return this.subscribe(ctx, provider, tenant, to);
    if (change.kind === 'cancel') return this.cancel(ctx.db, provider, tenant, subscribed);
    return this.switchPlan(ctx.db, provider, tenant, to, change.kind === 'upgrade' ? 'now' : 'cycle_end');
  }

  /**
   * A webhook from the provider: verified over its exact bytes (400 and nothing changed when it is
   * not), then each event applied once (a replay changes nothing), in order.
   */
  async handleWebhook(
    db: Db,
    log: FastifyBaseLogger,
    rawBody: Buffer,
    headers: WebhookHeaders,
    now = new Date(),
  ): Promise<{ received: number; outcomes: EventOutcome[] }> {
    if (!this.provider) throw new NotFound('billing provider', 'billing-not-configured');
    const parsed = this.provider.parseWebhook(rawBody, headers);
    if (!parsed.ok) {
      log.warn({ reason: parsed.reason }, 'billing webhook refused');
      throw new WebhookRefused(parsed.reason);
    }
    const outcomes: EventOutcome[] = [];
    for (const event of parsed.events) outcomes.push(await this.applyEvent(db, event, now));
    log.info({ events: parsed.events.map((e) => e.type), outcomes }, 'billing webhook applied');
    return { received: parsed.events.length, outcomes };
  }

  /** The hourly sweep: suspends the stores of PAST_DUE tenants whose grace period is over. */
  async sweepGrace(db: Db, now = new Date()): Promise<number> {
    let suspended = 0;
    for (const tenant of await billingRepo.graceOver(db, now, 500)) {
      const done = await transaction(db, async (trx) => {
        const locked = await billingRepo.findBilling(trx, tenant.id, true);
        const current = locked && currentOf(locked);
        if (!locked || !current) return false;
        const decision = nextTenantBilling(current, null, now, this.options.graceDays);
        if (!decision.suspendStores) return false;
        await this.apply(trx, locked, decision);
        return true;
      });
      if (done) suspended++;
    }
    if (suspended > 0) this.resolver.invalidate();
    return suspended;
  }

  private async applyEvent(db: Db, event: BillingEvent, now: Date): Promise<EventOutcome> {
    const outcome = await transaction(db, async (trx): Promise<EventOutcome> => {
      const tenant = await billingRepo.findBillingBySubscription(trx, event.subscriptionId);
      const fresh = await billingRepo.recordEvent(trx, {
        eventId: event.eventId,
        tenantId: tenant?.id ?? null,
        type: event.type,
      });
      if (!fresh) return 'replayed';
      if (!tenant) return 'unknown-subscription';
      const decision = nextTenantBilling(currentOf(tenant), event, now, this.options.graceDays);
      if (decision.outcome === 'stale') return 'stale';
      await this.apply(trx, tenant, decision);
      return decision.outcome;
    });
    if (outcome === 'applied') this.resolver.invalidate();
    return outcome;
  }

  /** Writes a decision: the billing state, the plan it confirms, and the stores it suspends or restores. */
  private async apply(db: Db, tenant: BillingRow, decision: BillingDecision): Promise<void> {
    const billing = decision.billing;
    const changes: BillingChanges = {
      subscription_status: billing.status,
      billing_state_at: billing.stateAt,
      grace_until: billing.graceUntil,
      stores_suspended: billing.storesSuspended,
      current_period_end: billing.currentPeriodEnd,
      provider_plan_id: billing.providerPlanId,
    };
    const confirmsPending =
      tenant.pending_plan !== null &&
      tenant.pending_provider_plan_id !== null &&
      billing.status === 'ACTIVE' &&
      billing.providerPlanId === tenant.pending_provider_plan_id;
    if (confirmsPending) Object.assign(changes, confirmed(tenant.pending_plan as string));
    if (decision.endedToFree) Object.assign(changes, confirmed('FREE'));
    await billingRepo.updateBilling(db, tenant.id, changes);
    if (decision.suspendStores) await suspendTenant(db, tenant.id, 'billing: grace period over', null);
    if (decision.restoreStores) await restoreTenant(db, tenant.id, 'billing: subscription settled', null);
  }

  private async subscribe(
    ctx: Ctx,
    provider: BillingProvider,
    tenant: BillingRow,
    to: PlanRow,
  ): Promise<PlanChangeResult> {
    const providerPlanId = await provider.ensurePlan(billingPlan(to));
    let customerId = tenant.billing_customer_id;
    if (!customerId) {
      const contact = await this.contact(ctx, tenant);
      customerId = await provider.createCustomer({ tenantId: tenant.id, ...contact });
      await billingRepo.updateBilling(ctx.db, tenant.id, { billing_customer_id: customerId });
    }
    const view = await provider.createSubscription({ customerId, providerPlanId, tenantId: tenant.id });
    const active = view.status === 'ACTIVE';
    await billingRepo.updateBilling(ctx.db, tenant.id, {
      billing_subscription_id: view.subscriptionId,
      subscription_status: view.status,
      billing_state_at: null,
      grace_until: null,
      current_period_end: view.currentPeriodEnd ?? null,
      provider_plan_id: view.providerPlanId ?? providerPlanId,
      ...(active ? confirmed(to.code) : pending(to.code, providerPlanId)),
    });
    return { checkoutUrl: view.checkoutUrl ?? null, pendingPlan: active ? null : to.code, effectiveAt: null };
  }

  private async switchPlan(
    db: Db,
    provider: BillingProvider,
    tenant: BillingRow,
    to: PlanRow,
    at: 'now' | 'cycle_end',
  ): Promise<PlanChangeResult> {
    const providerPlanId = await provider.ensurePlan(billingPlan(to));
    const view = await provider.changePlan(tenant.billing_subscription_id as string, providerPlanId, { at });
    const done = at === 'now' && view.status === 'ACTIVE' && view.providerPlanId === providerPlanId;
    await billingRepo.updateBilling(
      db,
      tenant.id,
      done ? { ...confirmed(to.code), provider_plan_id: providerPlanId } : pending(to.code, providerPlanId),
    );
    return {
      checkoutUrl: null,
      pendingPlan: done ? null : to.code,
      effectiveAt: done ? null : (view.changeScheduledAt?.toISOString() ?? null),
    };
  }

  private async cancel(
    db: Db,
    provider: BillingProvider,
    tenant: BillingRow,
    subscribed: boolean,
  ): Promise<PlanChangeResult> {
    if (!subscribed) {
      await billingRepo.updateBilling(db, tenant.id, confirmed('FREE'));
      return { checkoutUrl: null, pendingPlan: null, effectiveAt: null };
    }
    const view = await provider.cancel(tenant.billing_subscription_id as string, { atCycleEnd: true });
    await billingRepo.updateBilling(db, tenant.id, pending('FREE', null));
    const end = view.currentPeriodEnd ?? tenant.current_period_end;
    return { checkoutUrl: null, pendingPlan: 'FREE', effectiveAt: end?.toISOString() ?? null };
  }

  /** 409 naming the limit when the tenant uses more than `to` allows. */
  private async assertFits(db: Db, tenantId: string, to: PlanRow): Promise<void> {
    const used = await billingRepo.tenantUsage(db, tenantId);
    let products = 0;
    if (this.options.countProducts)
      for (const storeId of await billingRepo.storeIdsOfTenant(db, tenantId))
        products = Math.max(products, await this.options.countProducts(db, storeId));
    const usage: PlanUsage = {
      stores: used.stores,
      productsPerStore: products,
      staff: used.staff,
      customDomains: used.domains,
    };
    assertDowngradeFits(usage, {
      stores: to.max_stores,
      productsPerStore: to.max_products_per_store,
      staff: to.max_staff_per_store,
      customDomains: to.max_custom_domains,
    });
  }

  private async contact(ctx: Ctx, tenant: BillingRow) {
    if (this.options.contactOf) return this.options.contactOf(ctx);
    return { name: tenant.business_name, email: `tenant-${tenant.id}@billing.invalid` };
  }

  private requireProvider(): BillingProvider {
    if (!this.provider) throw new BillingNotConfigured();
    return this.provider;
  }
}

/** The billing state as stored, or null before the first provider event. */
export function currentOf(row: BillingRow): TenantBilling | null {
  if (!row.billing_state_at) return null;
  return {
    status: row.subscription_status,
    stateAt: row.billing_state_at,
    graceUntil: row.grace_until,
    storesSuspended: row.stores_suspended,
    currentPeriodEnd: row.current_period_end,
    providerPlanId: row.provider_plan_id,
  };
}

const ended = (status: string) => status === 'CANCELLED' || status === 'EXPIRED';

const priced = (plan: PlanRow) => ({ code: plan.code, amountMinor: plan.price_minor, period: plan.period });

const billingPlan = (plan: PlanRow) => ({
  code: plan.code,
  name: plan.name,
  amountMinor: plan.price_minor,
  currency: plan.currency.trim(),
  period: plan.period,
});

const confirmed = (plan: string): BillingChanges => ({
  plan,
  pending_plan: null,
  pending_provider_plan_id: null,
});

const pending = (plan: string, providerPlanId: string | null): BillingChanges => ({
  pending_plan: plan,
  pending_provider_plan_id: providerPlanId,
});

const unchanged = (tenant: BillingRow): PlanChangeResult => ({
  checkoutUrl: null,
  pendingPlan: tenant.pending_plan,
  effectiveAt: null,
});
