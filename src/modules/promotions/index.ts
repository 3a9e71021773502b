// Promotions owns what lowers a price or rewards a buyer: coupons with their limits and usage
// records, the reward-points ledger and balances (user-group and campaign pricing to come).
import path from 'node:path';
import type { Ctx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { storeCurrency } from '../tenancy/index.ts';
import { promotionsRoutes } from './promotions.routes.ts';
import { PromotionsService } from './promotions.service.ts';

export { InsufficientPoints } from './promotions.errors.ts';
export type { Buyer, CouponQuote } from './promotions.service.ts';
export { PromotionsService } from './promotions.service.ts';

export interface PromotionsModule extends BazaarModule {
  service: PromotionsService;
}

export interface PromotionsOptions {
  /** Resolves a user of the request's store, or throws a 404 (identity's admin lookup). */
  userOfStore: (ctx: Ctx, userId: string) => Promise<unknown>;
}

export function createPromotionsModule(platform: Platform, options: PromotionsOptions): PromotionsModule {
  const service = new PromotionsService(platform.config);
  const currency = (storeId: string) => storeCurrency(platform.database.db, storeId);
  return {
    name: 'promotions',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    routes: promotionsRoutes(service, currency, options.userOfStore),
  };
}
