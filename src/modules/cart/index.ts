// Cart owns carts (guest and user, with price snapshots re-checked on every read, merge on login
// and expiry) and named wishlists. Adding to a cart does not reserve stock; checkout does.
import path from 'node:path';
import { RETENTION_CRON, RETENTION_QUEUES } from '../../platform/jobs/retention.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { getOffers } from '../catalog/index.ts';
import { storeCurrency } from '../tenancy/index.ts';
import { CartQuotes } from './cart.quotes.ts';
import { cartRoutes } from './cart.routes.ts';
import { CartService } from './cart.service.ts';
import { WishlistService } from './cart.wishlists.ts';

export { CartNotFound, NotEnoughStock } from './cart.errors.ts';
export { CartQuotes, type QuotedCartInput } from './cart.quotes.ts';
export type { CartView } from './cart.schemas.ts';
export type { CheckoutLine } from './cart.service.ts';
export { CartService } from './cart.service.ts';

export const CART_EXPIRY_JOB = 'cart.carts.expire';

export interface CartModule extends BazaarModule {
  service: CartService;
  wishlists: WishlistService;
  /** Accepted quotes in carts (decision 026). */
  quotes: CartQuotes;
}

export function createCartModule(platform: Platform): CartModule {
  const { config, jobs } = platform;
  const deps = {
    offers: getOffers,
    currency: storeCurrency,
    maxLineQuantity: config.CART_MAX_LINE_QUANTITY,
    maxLines: config.CART_MAX_LINES,
    ttlSeconds: config.CART_TTL_DAYS * 86_400,
  };
  const service = new CartService(deps);
  const wishlists = new WishlistService(service, getOffers, {
    maxLists: config.WISHLISTS_MAX_PER_USER,
    maxItems: config.WISHLIST_MAX_ITEMS,
  });
  jobs.handle(CART_EXPIRY_JOB, async (job) => {
    const n = await service.expireCarts(job.db);
    if (n > 0) job.log.info({ carts: n }, 'marked expired carts abandoned');
  });
  jobs.schedule(CART_EXPIRY_JOB, '17 * * * *', CART_EXPIRY_JOB);
  jobs.handle(RETENTION_QUEUES.cart, async (job) => {
    const n = await service.pruneGuestCarts(job.db, config.RETENTION_GUEST_CARTS_DAYS);
    job.log.info({ carts: n }, 'old abandoned guest carts deleted');
  });
  jobs.schedule(RETENTION_QUEUES.cart, RETENTION_CRON, RETENTION_QUEUES.cart);
  return {
    name: 'cart',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    wishlists,
    quotes: new CartQuotes(deps),
    routes: cartRoutes(service, wishlists),
  };
}
