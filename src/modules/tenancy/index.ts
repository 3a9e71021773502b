// Tenancy owns tenants (the businesses on the platform), their stores and domains, and decides
// which store every request addresses. Every commerce row elsewhere carries that store's id.
import path from 'node:path';
import type { ZodApp } from '../../platform/http/app.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { StoreSuspended } from './tenancy.errors.ts';
import { tenancyRoutes } from './tenancy.routes.ts';
import { ensureDefaultStore, type Store, StoreResolver } from './tenancy.service.ts';

export { StoreNotFound } from './tenancy.errors.ts';
export type { Store } from './tenancy.service.ts';
export { ensureDefaultStore, findStore } from './tenancy.service.ts';
export { type StoreSettings, storeSettings } from './tenancy.settings.ts';

export interface TenancyModule extends BazaarModule {
  resolver: StoreResolver;
  defaultStore(): Store;
}

export function createTenancyModule(platform: Platform): TenancyModule {
  const { database, config } = platform;
  const resolver = new StoreResolver(database.db, config.BASE_DOMAIN);
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
    hooks(app: ZodApp) {
      app.addHook('onRequest', async (req) => {
        if (!req.url.startsWith('/api/v1/')) return;
        const header = req.headers['x-store-id'];
        const store = await resolver.resolve({
          host: req.headers.host,
          storeIdHeader: typeof header === 'string' ? header : undefined,
        });
        if (store.status === 'SUSPENDED') throw new StoreSuspended();
        req.ctx.storeId = store.id;
        req.ctx.tenantId = store.tenant_id;
      });
    },
    routes: tenancyRoutes,
  };
}
