import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { availabilityToCatalog, offerOwnerFromCatalog, stockPort } from './flows/catalog-stock.ts';
import { CheckoutFlow } from './flows/checkout.ts';
import { CheckoutGuards } from './flows/checkout-guards.ts';
import { stockDemoOffers } from './flows/demo-stock.ts';
import { flowRoutes } from './flows/flows.routes.ts';
import { OrderLifecycle } from './flows/order-lifecycle.ts';
import { isSellerOf } from './flows/sellers.ts';
import { createCartModule } from './modules/cart/index.ts';
import { createCatalogModule } from './modules/catalog/index.ts';
import { createIdentityModule } from './modules/identity/index.ts';
import { createInventoryModule } from './modules/inventory/index.ts';
import { createOrdersModule } from './modules/orders/index.ts';
import { createPaymentsModule } from './modules/payments/index.ts';
import { createPromotionsModule } from './modules/promotions/index.ts';
import { createTenancyModule } from './modules/tenancy/index.ts';
import {
  assertDemoAllowed,
  assertSafeForMode,
  type Config,
  modeOf,
  modeWarnings,
} from './platform/config.ts';
import { createDatabase, type Database } from './platform/db/database.ts';
import { type MigrationSource, migrate } from './platform/db/migrator.ts';
import { createHttpApp } from './platform/http/app.ts';
import { listenMetrics, type MetricsListener, registerHealthRoutes } from './platform/http/health.ts';
import { deadJobCounts, Jobs } from './platform/jobs/jobs.ts';
import { registerQueueRetention } from './platform/jobs/retention.ts';
import { Worker } from './platform/jobs/worker.ts';
import { createMailer, registerMailQueue } from './platform/mail/mailer.ts';
import type { BazaarModule, Platform, SeedOptions } from './platform/module.ts';
import { createLogger, type Logger } from './platform/observability/logger.ts';
import { createMetrics } from './platform/observability/metrics.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

export interface ServerOptions {
  config: Config;
  log?: Logger;
  /** Shared embedded database (tests); otherwise one is opened in DATA_DIR. */
  pglite?: PGlite;
}

const platformModule: BazaarModule = {
  name: 'platform',
  migrations: path.join(import.meta.dirname, 'platform', 'migrations'),
};

/** The composition root: platform services, then every module, then the HTTP app and worker. */
export async function createServer(options: ServerOptions) {
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
    ...(options.pglite ? { pglite: options.pglite } : {}),
  });
  metrics.watchPool(database.poolStats);
  metrics.watchDeadJobs(() => deadJobCounts(database.db));
  const jobs = new Jobs();
  const mailer = createMailer(config, log);
  registerMailQueue(jobs, mailer);
  registerQueueRetention(jobs, config);
  const platform: Platform = { config, log, database, jobs, mailer, metrics };

  const tenancy = createTenancyModule(platform);
  const identity = createIdentityModule(platform, () => tenancy.defaultStore().id);
  const inventory = createInventoryModule(platform, {
    onAvailabilityChange: availabilityToCatalog(() => catalog.service, log),
    offerOwner: offerOwnerFromCatalog,
    isSeller: (ctx, sellerId) => isSellerOf(identity.service, ctx, sellerId),
  });
  const catalog = createCatalogModule(platform, {
    identity: identity.service,
    defaultStoreId: () => tenancy.defaultStore().id,
    stock: stockPort(() => inventory.service),
  });
  const cart = createCartModule(platform);
  const payments = createPaymentsModule(platform);
  const promotions = createPromotionsModule(platform, {
    userOfStore: (ctx, userId) => identity.service.admin.get(ctx, userId),
  });
  const orders = createOrdersModule(platform);
  const checkout = new CheckoutFlow({
    carts: cart.service,
    orders: orders.service,
    inventory: inventory.service,
    payments: payments.service,
    promotions: promotions.service,
    identity: identity.service,
    guards: new CheckoutGuards(config),
  });
  const lifecycle = new OrderLifecycle({
    orders: orders.service,
    inventory: inventory.service,
    payments: payments.service,
    promotions: promotions.service,
    jobs,
    log,
    settings: {
      pendingTtlMinutes: config.ORDER_PENDING_TTL_MINUTES,
      reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
      earnDelayDays: config.REWARDS_EARN_DELAY_DAYS,
    },
  });
  lifecycle.register();
  identity.service.profiles.useLoyaltyBalance((db, storeId, userId) =>
    promotions.service.balance(
      db,
      { db, storeId, tenantId: '', actor: null, requestId: 'profile', log },
      userId,
    ),
  );
  const flows: BazaarModule = {
    name: 'flows',
    routes: flowRoutes(checkout, lifecycle, orders.service),
    async seed(seed) {
      if (seed.demo)
        await stockDemoOffers(
          database.db,
          inventory.service,
          tenancy.defaultStore().id,
          catalog.service,
          log,
        );
    },
  };
  const modules: BazaarModule[] = [
    platformModule,
    tenancy,
    identity,
    catalog,
    inventory,
    cart,
    payments,
    promotions,
    orders,
    flows,
  ];

  const app = await createHttpApp({ config, log, metrics, version: pkg.version });
  let ready = false;
  let state = 'migrating';
  registerHealthRoutes(app, database.db, { isReady: () => ready, reason: () => state }, metrics, config);
  let metricsListener: MetricsListener | null = null;
  app.addHook('onRequest', async (req) => {
    req.ctx = { db: database.db, storeId: '', tenantId: '', actor: null, requestId: req.id, log: req.log };
    req.ctx.ip = req.ip;
  });
  await app.register(
    async (api) => {
      // Hooks of this scope apply by matched route, so /api/v%31/… meets them as /api/v1/… does.
      for (const m of modules) await m.hooks?.(api);
      api.addHook('onRequest', async (req) => {
        if (!req.ctx.storeId) throw new Error(`no store resolved for ${req.routeOptions.url}`);
      });
      for (const m of modules) await m.routes?.(api);
    },
    { prefix: '/api/v1' },
  );

  const worker = new Worker({
    db: database.db,
    jobs,
    log,
    metrics,
    pollMs: config.WORKER_POLL_MS,
    concurrency: config.WORKER_CONCURRENCY,
  });
  const migrationSources: MigrationSource[] = modules
    .filter((m) => m.migrations)
    .map((m) => ({ module: m.name, dir: m.migrations! }));

  return {
    app,
    config,
    log,
    database,
    jobs,
    worker,
    modules: { tenancy, identity, catalog, inventory, cart, payments, promotions, orders },
    flows: { checkout, lifecycle },
    platform,
    migrationSources,

    /** Applies migrations and runs start-up work; the server is ready afterwards. */
    async prepare(seed?: SeedOptions) {
      if (seed?.demo) assertDemoAllowed(config);
      state = 'migrating';
      await migrate(database.pool, migrationSources, log);
      state = 'starting modules';
      for (const m of modules) await m.onReady?.();
      if (seed) {
        state = 'seeding';
        for (const m of modules) await m.seed?.(seed);
      }
      ready = true;
      state = 'ready';
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
      await worker.stop();
      await app.close();
      await database.close();
      mailer.close();
    },
  };
}

export type Server = Awaited<ReturnType<typeof createServer>>;
