// Tenancy owns tenants (the businesses on the platform), their stores and domains, and decides
// which store every request addresses. Every commerce row elsewhere carries that store's id.
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { PLATFORM_REALM } from '../../platform/http/context.ts';
import { previewCookie } from '../../platform/http/preview.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { createBillingProvider } from './billing/billing.ts';
import { billingRoutes } from './tenancy.billing.routes.ts';
import { TenantBillingService } from './tenancy.billing.ts';
import { StoreDomains } from './tenancy.domains.ts';
import { StoreNotFound, StoreNotPublished, StoreSuspended } from './tenancy.errors.ts';
import { originOptions } from './tenancy.origins.ts';
import { platformRoutes } from './tenancy.platform.routes.ts';
import { PlatformStores } from './tenancy.platform.ts';
import { StoreResolver } from './tenancy.resolver.ts';
import { tenancyRoutes } from './tenancy.routes.ts';
import type { Store } from './tenancy.schemas.ts';
import { ensureDefaultStore, isPreview } from './tenancy.service.ts';
import { StoreStaffService } from './tenancy.staff.ts';
import { TenantAdmin } from './tenancy.tenants.ts';

export type { BillingProvider } from './billing/billing.port.ts';
export {
  createTestBilling,
  TEST_BILLING_WEBHOOK_SECRET,
  type TestBillingProvider,
} from './billing/sandbox.ts';
// Store generation (generation/, decisions 012 and 017), for the store-builder flow and job.
export { builtinGenerator } from './generation/builtin.ts';
export type {
  GeneratedProduct,
  GeneratedStore,
  StoreGenerationInput,
} from './generation/generation.schema.ts';
export {
  describeOutcome,
  type GenerationOutcome,
  runGenerator,
  type StoreGenerator,
} from './generation/generator.ts';
export { LlmGenerator, storeGeneratorFromConfig } from './generation/llm.ts';
export { type EventOutcome, TenantBillingService } from './tenancy.billing.ts';
export { CurrencyInUse, PlanLimitReached, StoreNotFound } from './tenancy.errors.ts';
export { TenancyEvents } from './tenancy.events.ts';
export { STORE_TRANSITIONS } from './tenancy.lifecycle.ts';
export {
  canonicalOrigin,
  type OriginOptions,
  type OriginStore,
  originOptions,
  type StoreSender,
  storeSender,
} from './tenancy.origins.ts';
export { assertWithinPlan } from './tenancy.plans.ts';
export { type PlatformStoreView, TenantView } from './tenancy.platform.schemas.ts';
export { PlatformStores, STAFF_PERMISSIONS } from './tenancy.platform.ts';
export { type ResolverOptions, StoreResolver } from './tenancy.resolver.ts';
export type { NewStore, Store, StoreStatus, StoreView } from './tenancy.schemas.ts';
export {
  createStore,
  ensureDefaultStore,
  findStore,
  storeCurrency,
} from './tenancy.service.ts';
export { type StoreContact, type StoreSettings, storeSettings } from './tenancy.settings.ts';
export { AcceptBody, AcceptedView, StoreStaffService } from './tenancy.staff.ts';
export { restoreTenant, suspendTenant } from './tenancy.suspension.ts';

/** The daily job that proves every verified custom domain again. */
export const RECHECK_DOMAINS_QUEUE = 'tenancy.recheck-domains';
/** The hourly job that suspends the stores of PAST_DUE tenants whose grace period is over. */
export const BILLING_GRACE_QUEUE = 'tenancy.billing-grace';

/** What tenancy is handed by the composition root (server.ts). */
export interface TenancyOptions {
  /** The products a store has, for the plan downgrade check (catalog counts them). */
  countProducts?: (db: Db, storeId: string) => Promise<number>;
  /** Whether a store has priced offers or orders (catalog and orders tell): its currency is then fixed. */
  moneyInUse?: (db: Db, storeId: string) => Promise<boolean>;
  /** The signed-in business owner's name and email, for the billing provider's customer. */
  contactOf?: (ctx: Ctx) => Promise<{ name: string; email: string }>;
}

export interface TenancyModule extends BazaarModule {
  resolver: StoreResolver;
  /** Tenants, plans and the stores business owners open (the platform's side of tenancy). */
  platform: PlatformStores;
  domains: StoreDomains;
  /** Who works in each store, and the invitations out (mail wired by the composition). */
  staff: StoreStaffService;
  /** Plans paid through the billing provider, its webhooks and the grace sweep. */
  billing: TenantBillingService;
  defaultStore(): Store;
}

export function createTenancyModule(platform: Platform, options: TenancyOptions = {}): TenancyModule {
  const { database, config } = platform;
  const resolver = new StoreResolver(database.db, config.BASE_DOMAIN, {
    max: config.STORE_CACHE_MAX,
    invalidations: platform.invalidations,
  });
  // each request's store as resolved (GET /store answers from it)
  const resolved = new WeakMap<FastifyRequest, Store>();
  const origins = originOptions(config);
  const platformStores = new PlatformStores(platform.jobs, resolver, origins);
  const domains = createDomains(platform, platformStores, resolver);
  const staff = new StoreStaffService(platformStores);
  const billing = createBilling(platform, platformStores, resolver, options);
  const admin = new TenantAdmin(resolver);
  let defaultStore: Store | null = null;
  return {
    name: 'tenancy',
    migrations: path.join(import.meta.dirname, 'migrations'),
    resolver,
    platform: platformStores,
    domains,
    staff,
    billing,
    defaultStore() {
      if (!defaultStore) throw new Error('tenancy is not ready');
      return defaultStore;
    },
    async onReady() {
      defaultStore = await ensureDefaultStore(database.db);
      resolver.invalidate();
    },
    // Registered inside the /api/v1 scope: they run for every route there, however its URL is spelled.
    hooks: (app: ZodApp) => storeHooks(app, resolver, resolved),
    async routes(app: ZodApp) {
      tenancyRoutes(app, {
        moneyInUse: options.moneyInUse,
        storeChanged: () => resolver.invalidate(),
        resolvedStore: (req) => resolved.get(req),
      });
      platformRoutes(app, platformStores, domains, staff);
      await billingRoutes(app, { billing, stores: platformStores, admin });
    },
  };
}

/** Custom domains, and the daily job that proves every verified one again. */
function createDomains(platform: Platform, stores: PlatformStores, resolver: StoreResolver): StoreDomains {
  const { config, jobs } = platform;
  const domains = new StoreDomains(stores, resolver, {
    baseDomain: config.BASE_DOMAIN,
    dnsServers: config.DOMAIN_DNS_SERVERS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  jobs.handle(RECHECK_DOMAINS_QUEUE, async (job) => {
    const result = await domains.recheck(job.db, job.log);
    job.log.info(result, 'custom domains checked again');
  });
  jobs.schedule(RECHECK_DOMAINS_QUEUE, '23 3 * * *', RECHECK_DOMAINS_QUEUE);
  return domains;
}

/** Billing wired to tenants, and the hourly job that ends grace periods. */
function createBilling(
  platform: Platform,
  stores: PlatformStores,
  resolver: StoreResolver,
  options: TenancyOptions,
): TenantBillingService {
  const billing = new TenantBillingService(createBillingProvider(platform.config), stores, resolver, {
    graceDays: platform.config.BILLING_GRACE_DAYS,
    countProducts: options.countProducts,
    contactOf: options.contactOf,
  });
  platform.jobs.handle(BILLING_GRACE_QUEUE, async (job) => {
    const suspended = await billing.sweepGrace(job.db);
    job.log.info({ suspended }, 'billing grace periods checked');
  });
  platform.jobs.schedule(BILLING_GRACE_QUEUE, '17 * * * *', BILLING_GRACE_QUEUE);
  return billing;
}

/**
 * Every request's store (its Host, else X-Store-Id, else the default store), or the platform realm
 * for platform calls; and the door of a store that is not open to everyone.
 */
function storeHooks(app: ZodApp, resolver: StoreResolver, resolved: WeakMap<FastifyRequest, Store>): void {
  const closed = new WeakMap<FastifyRequest, { store: Store; previewing: boolean }>();
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.platform) {
      req.ctx.storeId = PLATFORM_REALM;
      return;
    }
    const header = req.headers['x-store-id'];
    const store = await resolver.resolve({
      host: req.headers.host,
      storeIdHeader: typeof header === 'string' ? header : undefined,
    });
    if (store.status !== 'PUBLISHED')
      closed.set(req, { store, previewing: isPreview(store, previewSecret(req)) });
    req.ctx.storeId = store.id;
    req.ctx.tenantId = store.tenantId;
    resolved.set(req, store);
  });
  // Runs after authentication and before the body is read.
  app.addHook('preParsing', async (req) => {
    const entry = closed.get(req);
    if (entry) unpublishedDoor(req, entry.store, entry.previewing);
  });
}

/**
 * The preview secret a request carries: the storefront's pages send it as `x-store-preview`, the
 * browser's own calls carry the storefront's cookie (same origin, SameSite=Lax).
 */
function previewSecret(req: FastifyRequest): string | undefined {
  const header = req.headers['x-store-preview'];
  return typeof header === 'string' ? header : previewCookie(req.headers.cookie);
}

/**
 * A store that is not published (GENERATING, FAILED, DRAFT, PAID) exists only for its staff, the
 * calls open while unpublished (sign-in) and its preview link, which may read and fill a cart but
 * not place an order or change anything else (409 `store-not-published`, decision 018). A SUSPENDED
 * one (never previewed) answers its staff, who may sign in and pay, and is 503 to everyone else.
 */
function unpublishedDoor(req: FastifyRequest, store: Store, previewing: boolean): void {
  const { config } = req.routeOptions;
  const staff = hasRole(req.ctx.actor, 'ADMIN', 'SELLER');
  const suspended = store.status === 'SUSPENDED';
  if (!staff && !previewing && !config.openWhileUnpublished)
    throw suspended ? new StoreSuspended() : new StoreNotFound();
  if (config.publishedOnly) throw suspended ? new StoreSuspended() : new StoreNotPublished();
  if (staff || config.openWhileUnpublished) return;
  if (req.method === 'GET' || req.method === 'HEAD' || config.openInPreview) return;
  throw new StoreNotPublished();
}
