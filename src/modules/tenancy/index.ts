// Tenancy owns tenants (the businesses on the platform), their stores and domains, and decides
// which store every request addresses. Every commerce row elsewhere carries that store's id.
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/app.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { StoreNotFound, StoreSuspended } from './tenancy.errors.ts';
import { tenancyRoutes } from './tenancy.routes.ts';
import type { Store } from './tenancy.schemas.ts';
import { ensureDefaultStore, StoreResolver } from './tenancy.service.ts';

export { StoreNotFound } from './tenancy.errors.ts';
export type { NewStore, Store, StoreStatus, StoreView } from './tenancy.schemas.ts';
export {
  createStore,
  ensureDefaultStore,
  findStore,
  type ResolverOptions,
  StoreResolver,
  storeCurrency,
} from './tenancy.service.ts';
export { type StoreSettings, storeSettings } from './tenancy.settings.ts';

export interface TenancyModule extends BazaarModule {
  resolver: StoreResolver;
  defaultStore(): Store;
}

export function createTenancyModule(platform: Platform): TenancyModule {
  const { database, config } = platform;
  const resolver = new StoreResolver(database.db, config.BASE_DOMAIN, { max: config.STORE_CACHE_MAX });
  let defaultStore: Store | null = null;
  return {
    name: 'tenancy',
    migrations: path.join(import.meta.dirname, 'migrations'),
    resolver,
    defaultStore() {
      if (!defaultStore) throw new Error('tenancy is not ready');
      return defaultStore;
    },
    async onReady() {
      defaultStore = await ensureDefaultStore(database.db);
      resolver.invalidate();
    },
    // Registered inside the /api/v1 scope: they run for every route there, however its URL is spelled.
    hooks(app: ZodApp) {
      const unpublished = new WeakSet<FastifyRequest>();
      app.addHook('onRequest', async (req) => {
        const header = req.headers['x-store-id'];
        const store = await resolver.resolve({
          host: req.headers.host,
          storeIdHeader: typeof header === 'string' ? header : undefined,
        });
        if (store.status === 'SUSPENDED') throw new StoreSuspended();
        if (store.status !== 'PUBLISHED') unpublished.add(req);
        req.ctx.storeId = store.id;
        req.ctx.tenantId = store.tenantId;
      });
      // A store that is not published yet (DRAFT, GENERATING, PAID) exists only for its staff, who
      // must be able to sign in there. This runs after authentication and before the body is read.
      app.addHook('preParsing', async (req) => {
        if (!unpublished.has(req)) return;
        if (hasRole(req.ctx.actor, 'ADMIN', 'SELLER')) return;
        if (req.routeOptions.config.openWhileUnpublished) return;
        throw new StoreNotFound();
      });
    },
    routes: tenancyRoutes,
  };
}
