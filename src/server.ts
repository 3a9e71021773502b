import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { analyticsPorts } from './flows/analytics.ts';
import { countBusinessEvents } from './flows/business-metrics.ts';
import { type CampaignWiring, campaignPorts } from './flows/campaigns.ts';
import { availabilityPorts, offerOwnerFromCatalog, stockPort } from './flows/catalog-stock.ts';
import { CheckoutFlow } from './flows/checkout.ts';
import { CheckoutGuards } from './flows/checkout-guards.ts';
import { seedDemoHistory } from './flows/demo-history.ts';
import { stockDemoOffers } from './flows/demo-stock.ts';
import { flowRoutes } from './flows/flows.routes.ts';
import { forecastPorts } from './flows/forecast.ts';
import { wireFulfillment } from './flows/fulfillment.ts';
import { notificationSources } from './flows/notifications.ts';
import { wireOrderArchive } from './flows/order-archive.ts';
import { OrderLifecycle } from './flows/order-lifecycle.ts';
import {
  type PlatformRouteDeps,
  platformFlowRoutes,
  publishInvitation,
  registerStoreGeneration,
} from './flows/platform.ts';
import { quotedCheckout, quotesModule } from './flows/quotes.ts';
import { reviewsModule } from './flows/reviews.ts';
import { isSellerOf } from './flows/sellers.ts';
import { writeGeneratedCatalog } from './flows/store-generation.ts';
import { checkoutTerms, storeLanguageOf, wireSellerTerms, wireSignUpTerms } from './flows/terms.ts';
import { createAnalyticsModule } from './modules/analytics/index.ts';
import { createCampaignsModule } from './modules/campaigns/index.ts';
import { createCartModule } from './modules/cart/index.ts';
import { anyPricedOffers, countProducts, createCatalogModule } from './modules/catalog/index.ts';
import { createFulfillmentModule } from './modules/fulfillment/index.ts';
import { createIdentityModule, type IdentityModule } from './modules/identity/index.ts';
import { createInventoryModule } from './modules/inventory/index.ts';
import { createMediaModule } from './modules/media/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { anyOrders, createOrdersModule } from './modules/orders/index.ts';
import { createPaymentsModule } from './modules/payments/index.ts';
import { createPromotionsModule } from './modules/promotions/index.ts';
import { createReferenceModule } from './modules/reference/index.ts';
import {
  assertWithinPlan,
  createTenancyModule,
  storeGeneratorFromConfig,
  storeSettings,
} from './modules/tenancy/index.ts';
import { registerAuditRetention } from './platform/audit/audit.retention.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import {
  assertDemoAllowed,
  assertSafeForMode,
  type Config,
  modeOf,
  modeWarnings,
} from './platform/config.ts';
import { createDatabase, type Database } from './platform/db/database.ts';
import { Invalidations } from './platform/db/invalidations.ts';
import { type MigrationSource, migrate } from './platform/db/migrator.ts';
import {
  type MonthlyTable,
  maintainPartitions,
  registerPartitionMaintenance,
} from './platform/db/partitions.ts';
import { assertRowLevelSecurity } from './platform/db/rls.ts';
import { createHttpApp } from './platform/http/app.ts';
import { PLATFORM_REALM } from './platform/http/context.ts';
import { listenMetrics, type MetricsListener, registerHealthRoutes } from './platform/http/health.ts';
import { deadJobCounts, Jobs } from './platform/jobs/jobs.ts';
import { registerQueueRetention } from './platform/jobs/retention.ts';
import { Worker } from './platform/jobs/worker.ts';
import type { BazaarModule, Platform, SeedOptions } from './platform/module.ts';
import { createLogger, type Logger } from './platform/observability/logger.ts';
import { createMetrics } from './platform/observability/metrics.ts';
import { createTracing } from './platform/observability/tracing.ts';
import { traceStatements } from './platform/observability/tracing-sql.ts';
import { readPathOf, registerReadPath, replicaOptions } from './platform/read-path.ts';
import { registerWeb } from './web/index.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

export interface ServerOptions {
  config: Config;
  log?: Logger;
  /** Shared embedded database (tests); otherwise one is opened in DATA_DIR. */
  pglite?: PGlite;
}

function platformModule(config: Config): BazaarModule {
  return {
    name: 'platform',
    migrations: path.join(import.meta.dirname, 'platform', 'migrations'),
    routes: auditRoutes,
    partitioned: [{ table: 'audit_log', keepDays: config.AUDIT_RETENTION_DAYS }],
  };
}

/** The composition root: platform services, then every module, then the flows, the HTTP app and the worker. */
export async function createServer(options: ServerOptions) {
  const platform = await createPlatform(options);
  const modules = createModules(platform);
  const flows = createFlows(platform, modules);
  const all: BazaarModule[] = [
    platformModule(platform.config),
    modules.tenancy,
    modules.identity,
    modules.media,
    modules.catalog,
    modules.inventory,
    modules.cart,
    modules.payments,
    modules.promotions,
    modules.orders,
    modules.fulfillment,
    modules.notifications,
    modules.reviews,
    modules.quotes,
    modules.analytics,
    modules.reference,
    modules.campaigns,
    flows.module,
  ];
  const readiness: Readiness = { ready: false, state: 'migrating' };
  const app = await createApp(platform, all, readiness);
  const { config, log, database, jobs, metrics } = platform;
  const worker = new Worker({
    db: database.db,
    jobs,
    log,
    metrics,
    notifications: database.notifications,
    pollMs: config.WORKER_POLL_MS,
    concurrency: config.WORKER_CONCURRENCY,
    tracing: platform.tracing,
  });
  registerPartitionMaintenance(jobs, () => monthlyTables(all));
  const migrationSources: MigrationSource[] = all
    .filter((m) => m.migrations)
    .map((m) => ({ module: m.name, dir: m.migrations! }));
  return {
    app,
    config,
    log,
    database,
    jobs,
    worker,
    modules,
    flows: { checkout: flows.checkout, lifecycle: flows.lifecycle },
    platform,
    migrationSources,
    ...controls(platform, all, { migrationSources, readiness, app, worker }),
  };
}

/** Configuration checked for the mode, then the database, the job queue and metrics. */
async function createPlatform(options: ServerOptions): Promise<Platform> {
  const { config } = options;
  const log = options.log ?? createLogger(config);
  log.info({ version: pkg.version }, `Bazaar ${pkg.version} starting in ${modeOf(config)} mode`);
  assertSafeForMode(config);
  for (const warning of modeWarnings(config)) log.warn(warning);
  const metrics = createMetrics();
  const database: Database = await createDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    schema: config.DATABASE_SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    rls: config.DATABASE_RLS === 'on',
    ...(options.pglite ? { pglite: options.pglite } : {}),
    ...replicaOptions(config, log, metrics),
  });
  metrics.watchPool(database.poolStats);
  const tracing = createTracing(config, { version: pkg.version });
  if (tracing) traceStatements(database.pool, tracing, database.schema);
  const jobs = new Jobs(tracing);
  // dead jobs by queue, and what each pump failed for good (notifications that were never sent)
  metrics.watchDeadJobs(async () => [
    ...(await deadJobCounts(database.db)),
    ...(await Promise.all(
      jobs.pumpList().map(async (p) => ({ queue: p.name, count: p.dead ? await p.dead(database.db) : 0 })),
    )),
  ]);
  registerQueueRetention(jobs, config);
  registerAuditRetention(jobs, config);
  const invalidations = new Invalidations(database.notifications);
  const readPath = readPathOf(config, { database, invalidations, metrics });
  return { config, log, database, invalidations, jobs, metrics, tracing, ...readPath };
}

/** Every module, each given the ports it needs of the others (wired here, never imported). */
function createModules(platform: Platform) {
  const tenancy = tenancyModule(platform, () => identity);
  const identity = createIdentityModule(platform, () => tenancy.defaultStore().id);
  identity.service.phone.useSignUpPolicy(async (ctx) => (await storeSettings(ctx)).phoneSignUp);
  const inventory = createInventoryModule(platform, {
    ...availabilityPorts(() => catalog.service),
    offerOwner: offerOwnerFromCatalog,
    isSeller: (ctx, sellerId) => isSellerOf(identity.service, ctx, sellerId),
    forecastPorts,
  });
  const media = createMediaModule(platform);
  const catalog = createCatalogModule(platform, {
    identity: identity.service,
    media: media.service,
    defaultStoreId: () => tenancy.defaultStore().id,
    stock: stockPort(() => inventory.service),
    productLimit: (ctx, current) => assertWithinPlan(ctx.db, ctx.storeId, 'productsPerStore', current),
  });
  const cart = createCartModule(platform);
  const payments = createPaymentsModule(platform);
  const promotions = createPromotionsModule(platform, {
    userOfStore: (ctx, userId) => identity.service.admin.get(ctx, userId),
  });
  const orders = createOrdersModule(platform);
  const fulfillment = createFulfillmentModule(platform, {
    isAgent: (ctx, userId) => identity.service.holdsRole(ctx, userId, 'DELIVERY_AGENT'),
  });
  const notifications = createNotificationsModule(platform, () =>
    notificationSources({ config: platform.config, identity, orders: orders.service }),
  );
  const reviews = reviewsModule(platform, { tenancy, catalog, identity, promotions });
  const quotes = quotesModule(platform, { catalog, identity, cart, inventory });
  const analytics = createAnalyticsModule(platform, analyticsPorts({ catalog, tenancy }));
  const reference = referenceModule(platform, { fulfillment, orders, tenancy });
  wireSignUpTerms(identity.service, reference.terms.acceptance);
  wireSellerTerms(identity.service, reference.terms.acceptance);
  const campaigns = campaignsModule(platform, { identity, catalog, promotions, notifications });
  return {
    tenancy,
    identity,
    media,
    catalog,
    inventory,
    cart,
    payments,
    promotions,
    orders,
    fulfillment,
    notifications,
    reviews,
    quotes,
    analytics,
    reference,
    campaigns,
  };
}

type Modules = ReturnType<typeof createModules>;

/** Tenancy, with what it asks of the catalog, orders and identity. */
function tenancyModule(platform: Platform, identity: () => IdentityModule) {
  return createTenancyModule(platform, {
    countProducts,
    // prices and orders are in minor units of the store's currency (docs/decisions/018)
    moneyInUse: async (db, storeId) => (await anyPricedOffers(db, storeId)) || anyOrders(db, storeId),
    // billing contacts are platform accounts, which sign up with an email (only store customers may lack one)
    contactOf: async (ctx) => {
      const me = await identity().service.me(ctx);
      return { name: me.name, email: me.email ?? '' };
    },
  });
}

/** Reference data, told which lookup values are in use and the store's language. */
function referenceModule(
  platform: Platform,
  m: {
    fulfillment: ReturnType<typeof createFulfillmentModule>;
    orders: ReturnType<typeof createOrdersModule>;
    tenancy: ReturnType<typeof tenancyModule>;
  },
) {
  return createReferenceModule(platform, {
    usage: {
      'return-reason': (ctx, code) => m.fulfillment.service.returns.reasonUsedBy(ctx, code),
      'cancellation-reason': (ctx, code) => m.orders.service.cancelReasonUsedBy(ctx, code),
    },
    storeLanguage: storeLanguageOf(() => m.tenancy.resolver),
  });
}

/** Campaigns, with its ports into identity, the catalog, promotions and notifications (src/flows/campaigns.ts). */
function campaignsModule(platform: Platform, m: CampaignWiring) {
  return createCampaignsModule(platform, campaignPorts(m));
}

function lifecycleSettings(config: Config) {
  return {
    pendingTtlMinutes: config.ORDER_PENDING_TTL_MINUTES,
    reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
    earnDelayDays: config.REWARDS_EARN_DELAY_DAYS,
  };
}

/** The work that spans modules: checkout, the order lifecycle, and the flows' routes and demo stock. */
function createFlows(platform: Platform, m: Modules) {
  const { config, log, database, jobs } = platform;
  const checkout = new CheckoutFlow({
    carts: m.cart.service,
    orders: m.orders.service,
    inventory: m.inventory.service,
    payments: m.payments.service,
    methods: m.payments.methods,
    promotions: m.promotions.service,
    identity: m.identity.service,
    guards: new CheckoutGuards(config, m.orders.service),
    quotes: quotedCheckout(m.quotes.service, m.inventory.service),
    terms: checkoutTerms(m.reference.terms.acceptance),
    failed: (reason) => platform.metrics.business.checkoutFailures.inc({ reason }),
  });
  jobs.observe(countBusinessEvents(platform.metrics.business));
  const lifecycle = new OrderLifecycle({
    orders: m.orders.service,
    inventory: m.inventory.service,
    payments: m.payments.service,
    promotions: m.promotions.service,
    jobs,
    log,
    shipments: m.fulfillment.service.shipments,
    reasons: { choose: (ctx, code, at) => m.reference.lookups.choose(ctx, 'cancellation-reason', code, at) },
    quotes: m.quotes.service.acceptance,
    settings: lifecycleSettings(config),
  });
  lifecycle.register();
  wireOrderArchive(m.orders.archive);
  wireFulfillment({
    fulfillment: m.fulfillment.service,
    orders: m.orders.service,
    inventory: m.inventory.service,
    payments: m.payments.service,
    identity: m.identity,
    lookups: m.reference.lookups,
  });
  m.payments.methods.useBuyers((ctx) => m.identity.service.me(ctx));
  m.identity.service.profiles.useLoyaltyBalance((ctx, userId) => m.promotions.service.balance(ctx, userId));
  const platformRoutes = createPlatformFlows(platform, m);
  const module: BazaarModule = {
    name: 'flows',
    async routes(app) {
      await flowRoutes(checkout, lifecycle, m.orders.service)(app);
      await platformRoutes(app);
    },
    async seed(seed) {
      if (!seed.demo) return;
      const storeId = m.tenancy.defaultStore().id;
      await stockDemoOffers(database.db, m.inventory.service, storeId, m.catalog.service, log);
      if (seed.history) {
        const deps = { db: database.db, log, catalog: m.catalog.service, rollups: m.analytics.rollups };
        await seedDemoHistory(deps, storeId, seed.history);
      }
    },
  };
  return { checkout, lifecycle, module };
}

/** The platform's flows: what a platform account may do in a store, sign-up, and store generation. */
function createPlatformFlows(platform: Platform, m: Modules) {
  m.identity.service.useStoreAccess(
    (ctx, account, options) => m.tenancy.platform.access(ctx, account, options),
    platform.database.forStore(PLATFORM_REALM),
  );
  m.tenancy.staff.useMail(publishInvitation(platform.jobs, m.identity.secrets));
  const generationDeps = { inventory: m.inventory.service, catalog: m.catalog.service, log: platform.log };
  const deps: PlatformRouteDeps = {
    identity: m.identity.service,
    staff: m.tenancy.staff,
    stores: m.tenancy.platform,
    generator: storeGeneratorFromConfig(platform.config, platform.log),
    catalog: {
      write: (db, { storeId, doc }) =>
        writeGeneratedCatalog(db, generationDeps, { storeId, sellerId: storeId, doc }),
      written: (storeId) => m.catalog.service.cache.bump(storeId),
    },
    jobs: platform.jobs,
  };
  registerStoreGeneration(deps);
  return platformFlowRoutes(deps, platform.config.RATE_LIMIT_AUTH_PER_MINUTE);
}

/** Whether the server has finished its start-up work, and what it is doing until then (/readyz). */
interface Readiness {
  ready: boolean;
  state: string;
}

/** The HTTP app: health routes, the request context, then every module's hooks and routes under /api/v1. */
async function createApp(platform: Platform, modules: BazaarModule[], readiness: Readiness) {
  const { config, log, metrics, database } = platform;
  const app = await createHttpApp({ config, log, metrics, version: pkg.version, tracing: platform.tracing });
  registerHealthRoutes(
    app,
    database.db,
    { isReady: () => readiness.ready, reason: () => readiness.state },
    metrics,
    config,
  );
  app.addHook('onRequest', (req, _reply, done) => {
    req.ctx = {
      db: database.db,
      storeId: '',
      tenantId: '',
      actor: null,
      requestId: req.id,
      log: req.log,
      // worked out from the proxy rules only by the calls that use it
      get ip() {
        return req.ip;
      },
    };
    done();
  });
  await app.register(
    async (api) => {
      // Hooks of this scope apply by matched route, so /api/v%31/… meets them as /api/v1/… does.
      for (const m of modules) {
        await m.hooks?.(api);
        // Once tenancy has resolved the store, the rest of the request works inside it (decision 016).
        if (m.name === 'tenancy')
          api.addHook('onRequest', async (req) => {
            if (!req.routeOptions.config.acrossStores) req.ctx.db = database.forStore(req.ctx.storeId);
          });
      }
      api.addHook('onRequest', async (req) => {
        if (!req.ctx.storeId) throw new Error(`no store resolved for ${req.routeOptions.url}`);
      });
      registerReadPath(api, platform);
      for (const m of modules) await m.routes?.(api);
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, { log });
  return app;
}

function monthlyTables(modules: BazaarModule[]): MonthlyTable[] {
  return modules.flatMap((m) => m.partitioned ?? []);
}

/** What the CLI and tests do with an assembled server: prepare it, seed it, serve metrics, close it. */
function controls(
  platform: Platform,
  modules: BazaarModule[],
  parts: {
    migrationSources: MigrationSource[];
    readiness: Readiness;
    app: Awaited<ReturnType<typeof createApp>>;
    worker: Worker;
  },
) {
  const { config, log, database, metrics } = platform;
  const { readiness } = parts;
  let metricsListener: MetricsListener | null = null;
  return {
    /** Applies migrations and runs start-up work; the server is ready afterwards. */
    async prepare(seed?: SeedOptions) {
      if (seed?.demo) assertDemoAllowed(config);
      readiness.state = 'migrating';
      await migrate(database.pool, parts.migrationSources, log);
      if (database.rls) await assertRowLevelSecurity(database.pool);
      await maintainPartitions(database.db, monthlyTables(modules));
      readiness.state = 'starting modules';
      for (const m of modules) await m.onReady?.();
      if (seed) {
        readiness.state = 'seeding';
        for (const m of modules) await m.seed?.(seed);
      }
      readiness.ready = true;
      readiness.state = 'ready';
    },

    async seed(seedOptions: SeedOptions) {
      if (seedOptions.demo) assertDemoAllowed(config);
      for (const m of modules) await m.seed?.(seedOptions);
    },

    /** Serves /metrics on METRICS_PORT when it is set; returns where, or null. */
    async listenMetrics(): Promise<string | null> {
      if (config.METRICS_PORT === undefined || metricsListener) return metricsListener?.url ?? null;
      metricsListener = await listenMetrics(metrics, {
        host: config.METRICS_HOST,
        port: config.METRICS_PORT,
        token: config.METRICS_TOKEN,
      });
      return metricsListener.url;
    },

    async close() {
      await metricsListener?.close();
      await parts.worker.stop();
      await parts.app.close();
      for (const m of modules) await m.close?.();
      await database.close();
      await platform.tracing?.shutdown(); // what is buffered is sent
    },
  };
}

export type Server = Awaited<ReturnType<typeof createServer>>;
