/**
 * The platform side of tenancy (seed 001): tenants on plans, the stores a business owner opens,
 * their life from GENERATING to PUBLISHED, and what a platform account may do in a store.
 */
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor, requireRole } from '../../platform/http/authorization.ts';
import { type Actor, type Ctx, PERMISSIONS, type Permission } from '../../platform/http/context.ts';
import { AppError, Forbidden } from '../../platform/http/errors.ts';
import { isUuid, newId, randomToken } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { checkSubdomain, normaliseHost } from './domains/subdomains.ts';
import type { GeneratedStore } from './generation/generation.schema.ts';
import { PlanLimitReached, StoreNotFound, SubdomainTaken, TenantNotFound } from './tenancy.errors.ts';
import { TenancyEvents } from './tenancy.events.ts';
import { moveStore } from './tenancy.lifecycle.ts';
import { canonicalOrigin, type OriginOptions, originStoreOf, subdomainOrigin } from './tenancy.origins.ts';
import type { StaffRole, TenantRow } from './tenancy.platform.repository.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { OpenStoreBody, PlatformStoreView, TenantView } from './tenancy.platform.schemas.ts';
import type { StoreRow } from './tenancy.repository.ts';
import * as repo from './tenancy.repository.ts';
import type { StoreResolver } from './tenancy.resolver.ts';

export type PlatformOptions = OriginOptions;

/** What each staff role may do in its store: all of them act as ADMIN, with these permissions. */
export const STAFF_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  ADMIN: PERMISSIONS,
  CATALOG_MANAGER: [],
  ORDER_MANAGER: ['orders:refund', 'quotes:manage'],
  SUPPORT: ['reviews:moderate'],
};

export class PaymentRequired extends AppError {
  constructor(detail: string) {
    super(402, 'payment-required', 'Payment required', detail);
  }
}

export class PlatformStores {
  constructor(
    private readonly jobs: Jobs,
    private readonly resolver: StoreResolver,
    private readonly options: PlatformOptions,
  ) {}

  /** A new tenant on plan FREE, owned by `ownerId` (in the caller's transaction). */
  async createTenant(db: Db, input: { businessName: string; ownerId: string }): Promise<TenantView> {
    const tenant = await platformRepo.insertTenant(db, {
      id: newId(),
      business_name: input.businessName,
      owner_user_id: input.ownerId,
      plan: 'FREE',
    });
    return this.presentTenant(db, tenant);
  }

  /** The tenant the signed-in business owner owns; 404 when it has none. */
  async myTenant(ctx: Ctx): Promise<TenantView> {
    return this.presentTenant(ctx.db, await this.ownTenant(ctx));
  }

  /**
   * Opens a store for the owner's tenant: the plan's store limit is taken in the same transaction
   * as the insert (402 past it), the subdomain must be free (409) and not reserved (409). With a
   * description the store starts GENERATING and a generation job is queued with it.
   */
  async open(ctx: Ctx, input: OpenStoreBody): Promise<PlatformStoreView> {
    const tenant = await this.ownTenant(ctx);
    const subdomain = subdomainOf(input.subdomain);
    const status = input.description ? 'GENERATING' : 'DRAFT';
    const store = await transaction(ctx.db, async (trx) => {
      await this.takeSlot(trx, tenant);
      const row = await this.insert(trx, tenant.id, subdomain, input, status);
      await platformRepo.insertHistory(trx, {
        id: newId(),
        store_id: row.id,
        from_status: null,
        to_status: status,
        actor_id: ctx.actor?.userId ?? null,
        reason: null,
      });
      if (input.description) await this.requestGeneration(trx, row.id, input.description, input);
      return row;
    });
    return this.present(store);
  }

  async list(ctx: Ctx): Promise<PlatformStoreView[]> {
    const tenant = await this.ownTenant(ctx);
    return (await repo.listStoresOfTenant(ctx.db, tenant.id)).map((s) => this.present(s));
  }

  async get(ctx: Ctx, id: string): Promise<PlatformStoreView> {
    return this.present(await this.ownStore(ctx, id));
  }

  async history(ctx: Ctx, id: string) {
    const store = await this.ownStore(ctx, id);
    const rows = await platformRepo.listHistory(ctx.db, store.id);
    return rows.map((r) => ({
      from: r.from_status,
      to: r.to_status,
      actorId: r.actor_id,
      reason: r.reason,
      at: r.at.toISOString(),
    }));
  }

  /**
   * Publishes a DRAFT or PAID store at its address. On a plan without a price a DRAFT store is
   * published directly; on a paid plan the tenant's subscription must be ACTIVE (the store is
   * then PAID, and published), else 402.
   */
  async publish(ctx: Ctx, id: string): Promise<PlatformStoreView> {
    const store = await this.ownStore(ctx, id);
    const tenant = await this.ownTenant(ctx);
    const plan = await platformRepo.findPlan(ctx.db, tenant.plan);
    const free = (plan?.price_minor ?? 0) === 0;
    if (store.status === 'DRAFT' && !free && tenant.subscription_status !== 'ACTIVE')
      throw new PaymentRequired(`The ${tenant.plan} plan needs an active subscription to publish.`);
    await transaction(ctx.db, async (trx) => {
      const actorId = ctx.actor?.userId ?? null;
      if (store.status === 'DRAFT' && !free)
        await moveStore(trx, { storeId: store.id, to: 'PAID', actorId, reason: 'subscription active' });
      await moveStore(trx, {
        storeId: store.id,
        to: 'PUBLISHED',
        actorId,
        set: { published_at: new Date(), live_url: this.liveUrl(store) },
      });
    });
    this.resolver.invalidate();
    return this.get(ctx, id);
  }

  /** Runs generation again (DRAFT or FAILED → GENERATING), from a new description or the old one. */
  async regenerate(ctx: Ctx, id: string, description?: string): Promise<PlatformStoreView> {
    const store = await this.ownStore(ctx, id);
    const prompt = description ?? store.prompt;
    if (!prompt)
      throw new AppError(400, 'description-required', 'Describe the business to generate a store.');
    await transaction(ctx.db, async (trx) => {
      await moveStore(trx, {
        storeId: store.id,
        to: 'GENERATING',
        actorId: ctx.actor?.userId ?? null,
        set: { prompt },
      });
      await this.requestGeneration(trx, store.id, prompt, {
        name: store.name,
        currency: store.currency.trim(),
        language: store.language,
      });
    });
    this.resolver.invalidate();
    return this.get(ctx, id);
  }

  /**
   * Ends a generation (in the transaction that wrote the generated catalog): the store becomes
   * DRAFT with the generated type, look, home page and policies in its config.
   */
  async completeGeneration(db: Db, storeId: string, doc: GeneratedStore, note: string): Promise<void> {
    const generated = {
      tagline: doc.tagline,
      theme: doc.theme,
      colours: doc.colours,
      sections: doc.sections,
      policies: doc.policies,
    };
    const config = await repo.findStoreConfig(db, storeId);
    const previous = (config?.generated as { policies?: Partial<Policies> } | undefined)?.policies;
    const current = config?.settings as { policies?: Record<string, string | null> } | undefined;
    const settings = {
      ...current,
      accentColor: doc.colours.primary,
      policies: generatedPolicies(current?.policies, previous, doc.policies),
    };
    await moveStore(db, {
      storeId,
      to: 'DRAFT',
      reason: note,
      set: { store_type: doc.storeType, config: JSON.stringify({ ...config, settings, generated }) },
    });
    this.resolver.invalidate();
  }

  /** Whether the store is GENERATING (a generation job finding it otherwise has nothing to do). */
  async isGenerating(db: Db, storeId: string): Promise<boolean> {
    return (await repo.findStoreById(db, storeId))?.status === 'GENERATING';
  }

  /** Generation gave up: the store is FAILED with the reason, and may be generated again. */
  async failGeneration(db: Db, storeId: string, reason: string): Promise<void> {
    await moveStore(db, { storeId, to: 'FAILED', reason: reason.slice(0, 1000) });
    this.resolver.invalidate();
  }

  /**
   * What a platform account may do in the request's store (identity's StoreAccess). A store-bound
   * token (`bound`, decision 019) is only ever the owner's or staff's, and a suspended store grants
   * it nothing; the rule is read on every request, so removal and suspension cut it off at once.
   */
  async access(ctx: Ctx, account: Actor, options: { bound?: boolean } = {}): Promise<Actor | null> {
    if (account.roles.includes('SUPER_ADMIN') && !options.bound)
      return { ...account, storeId: ctx.storeId, roles: ['SUPER_ADMIN'], permissions: PERMISSIONS };
    const role = await platformRepo.findStoreRole(ctx.db, ctx.storeId, account.userId, {
      unlessSuspended: options.bound ?? false,
    });
    if (!role) return null;
    return { ...account, storeId: ctx.storeId, roles: ['ADMIN'], permissions: STAFF_PERMISSIONS[role] };
  }

  /**
   * The store a platform account may open a store-bound session for: one it owns or works in, and
   * not suspended. Another tenant's store is 404 to a business owner (as every `/platform/stores/{id}`
   * call); any other account without a role there is 403; a suspended store is 409.
   */
  async sessionStore(ctx: Ctx, id: string): Promise<PlatformStoreView> {
    const actor = requireActor(ctx);
    const store = isUuid(id) ? await repo.findStoreById(ctx.db, id) : undefined;
    const role = store && (await platformRepo.findStoreRole(ctx.db, store.id, actor.userId));
    if (!store || !role) {
      if (!store || actor.roles.includes('BUSINESS_OWNER')) throw new StoreNotFound();
      throw new Forbidden('This account has no role in the store.');
    }
    if (store.status === 'SUSPENDED')
      throw new AppError(409, 'store-suspended', 'Conflict', 'The store is suspended.');
    return this.present(store);
  }

  /** The plan a tenant is on (undefined for an unknown tenant). */
  async planOf(db: Db, tenantId: string) {
    const tenant = await platformRepo.findTenant(db, tenantId);
    return tenant && platformRepo.findPlan(db, tenant.plan);
  }

  /** Writes a published store's live address again (its custom domain was verified or removed). */
  async refreshLiveUrl(db: Db, storeId: string): Promise<void> {
    const store = await repo.findStoreById(db, storeId);
    if (store?.status !== 'PUBLISHED') return;
    await repo.setLiveUrl(db, storeId, this.liveUrl(store));
  }

  /** A store of the owner's tenant (404 for any other, whoever owns it). */
  async ownStore(ctx: Ctx, id: string): Promise<StoreRow> {
    const tenant = await this.ownTenant(ctx);
    const store = isUuid(id) ? await repo.findStoreById(ctx.db, id) : undefined;
    if (!store || store.tenant_id !== tenant.id) throw new StoreNotFound();
    return store;
  }

  present(store: StoreRow): PlatformStoreView {
    return {
      id: store.id,
      name: store.name,
      status: store.status,
      storeType: store.store_type,
      domain: this.addressOf(store.domain).domain,
      subdomain: store.domain,
      customDomain: store.custom_domain,
      currency: store.currency.trim(),
      language: store.language,
      previewUrl: store.preview_url,
      liveUrl: store.live_url,
      origin: canonicalOrigin(originStoreOf(store), this.options),
      publishedAt: store.published_at?.toISOString() ?? null,
      statusReason: store.status_reason,
      createdAt: store.created_at.toISOString(),
    };
  }

  /** The tenant the signed-in business owner owns; 404 when it has none. */
  async ownTenant(ctx: Ctx): Promise<TenantRow> {
    const actor = requireRole(ctx, 'BUSINESS_OWNER');
    const tenant = await platformRepo.findTenantOfOwner(ctx.db, actor.userId);
    if (!tenant) throw new TenantNotFound();
    return tenant;
  }

  private async presentTenant(db: Db, tenant: TenantRow): Promise<TenantView> {
    const plan = await platformRepo.findPlan(db, tenant.plan);
    return {
      id: tenant.id,
      businessName: tenant.business_name,
      plan: tenant.plan,
      maxStores: plan?.max_stores ?? null,
      storeCount: tenant.store_count,
      subscriptionStatus: tenant.subscription_status,
      graceUntil: tenant.grace_until?.toISOString() ?? null,
      pendingPlan: tenant.pending_plan,
      suspendedAt: tenant.suspended_at?.toISOString() ?? null,
      platformDomain: normaliseHost(this.options.baseDomain),
    };
  }

  private async takeSlot(db: Db, tenant: TenantRow): Promise<void> {
    if (await platformRepo.takeStoreSlot(db, tenant.id)) return;
    const plan = await platformRepo.findPlan(db, tenant.plan);
    throw new PlanLimitReached('stores', tenant.plan, plan?.max_stores ?? 0);
  }

  private async insert(
    db: Db,
    tenantId: string,
    subdomain: string,
    input: OpenStoreBody,
    status: 'GENERATING' | 'DRAFT',
  ): Promise<StoreRow> {
    const previewToken = randomToken(24);
    try {
      return await repo.addStore(db, {
        id: newId(),
        tenant_id: tenantId,
        name: input.name,
        status,
        domain: subdomain,
        store_type: input.storeType ?? 'general',
        prompt: input.description ?? null,
        currency: input.currency ?? 'INR',
        language: input.language ?? 'en',
        preview_token: previewToken,
        preview_url: `${this.origin(subdomain)}/?preview=${previewToken}`,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'stores_domain_idx')) throw new SubdomainTaken();
      throw error;
    }
  }

  private requestGeneration(
    db: Db,
    storeId: string,
    description: string,
    store: { name: string; currency?: string | undefined; language?: string | undefined; storeType?: string },
  ) {
    // a platform event (written from the realm): the store it concerns is in the payload
    return this.jobs.publish(db, {
      name: TenancyEvents.generationRequested,
      storeId: null,
      payload: {
        storeId,
        description,
        businessName: store.name,
        currency: store.currency ?? 'INR',
        language: store.language ?? 'en',
        ...(store.storeType ? { storeType: store.storeType } : {}),
      },
    });
  }

  /** A store's name and its console at the store's own address (for a new staff member). */
  async consoleOf(db: Db, storeId: string): Promise<{ storeName: string; consoleUrl: string | null }> {
    const store = await repo.findStoreById(db, storeId);
    if (!store) throw new StoreNotFound();
    return { storeName: store.name, consoleUrl: this.addressOf(store.domain).consoleUrl };
  }

  /** A store's whole address and its console's, from its subdomain (both null while it has none). */
  addressOf(subdomain: string | null): { domain: string | null; consoleUrl: string | null } {
    if (!subdomain) return { domain: null, consoleUrl: null };
    return {
      domain: `${subdomain}.${normaliseHost(this.options.baseDomain)}`,
      consoleUrl: `${this.origin(subdomain)}/admin`,
    };
  }

  /** The published address: the store's canonical origin (tenancy.origins.ts). */
  private liveUrl(store: StoreRow): string | null {
    return canonicalOrigin({ ...originStoreOf(store), isDefault: false }, this.options);
  }

  private origin(subdomain: string): string {
    return subdomainOrigin(subdomain, this.options);
  }
}

/** A free-to-take subdomain label; 400 when it cannot be one, 409 when the platform keeps it. */
function subdomainOf(input: string): string {
  const result = checkSubdomain(input);
  if (result.ok) return result.subdomain;
  if (result.reason === 'reserved')
    throw new AppError(409, 'subdomain-reserved', 'Conflict', result.detail, {
      errors: [{ pointer: '/subdomain', in: 'body', detail: result.detail }],
    });
  throw new AppError(400, 'subdomain-invalid', 'Your request is not valid.', result.detail, {
    errors: [{ pointer: '/subdomain', in: 'body', detail: result.detail }],
  });
}

type Policies = GeneratedStore['policies'];

/**
 * The store's policies after a generation: each generated one (returns, shipping, privacy) where
 * the store has none or still the previous generation's text; a text the owner wrote stays.
 */
function generatedPolicies(
  current: Record<string, string | null> | undefined,
  previous: Partial<Policies> | undefined,
  generated: Policies,
): Record<string, string | null> {
  const policies = { ...current };
  for (const kind of Object.keys(generated) as (keyof Policies)[]) {
    const own = current?.[kind] ?? null;
    if (own === null || own === previous?.[kind]) policies[kind] = generated[kind];
  }
  return policies;
}
