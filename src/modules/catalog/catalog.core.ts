// What the catalog's services share: their dependencies, the read cache and the store currency,
// the write wrapper that forgets a store's cached reads, and who may manage or edit a product.
import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import { type Invalidations, TOPICS } from '../../platform/db/invalidations.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { MediaService } from '../media/index.ts';
import { ReadCache } from './catalog.cache.ts';
import { NotYours, ProductNotFound, ProductShared } from './catalog.errors.ts';
import { CatalogEvents } from './catalog.events.ts';
import { presentProduct, thumbnailOf } from './catalog.presenters.ts';
import type { ProductHead } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { sellerRewardLimit } from './catalog.rewards.ts';
import type { ProductViewT } from './catalog.schemas.ts';
import type { ProductSearch } from './catalog.search.ts';

/**
 * Where stock lives. The inventory module implements it; `receive` runs in the caller's
 * transaction (`ctx.db`) and ends by setting the offer's availability (`CatalogService.offers`).
 */
export interface StockPort {
  receive(ctx: Ctx, input: { offerId: string; quantity: number; reason: string }): Promise<void>;
}

export interface CatalogDeps {
  jobs: Jobs;
  search: ProductSearch;
  /** The currency every price in a store is in. */
  storeCurrency(db: Db, storeId: string): Promise<string>;
  stock?: StockPort | undefined;
  /** Where uploaded images are stored; without it uploads are refused. */
  media?: MediaService | undefined;
  /** How long a cached public read lives (`CATALOG_CACHE_TTL_MS`); 0 turns the cache off. Default 5 s. */
  cacheTtlMs?: number | undefined;
  /** Keeps the read cache and the currencies of every process coherent; without it, this process's alone. */
  invalidations?: Invalidations | undefined;
  /**
   * Refuses (402) a product past the store's plan (tenancy's `productsPerStore`): called with the
   * store's product count before a new one is written, in the writing transaction.
   */
  productLimit?: ((ctx: Ctx, current: number) => Promise<void>) | undefined;
}

export class CatalogCore {
  /** The public reads cached in this process; every catalog write forgets the store's entries. */
  readonly cache: ReadCache;
  /**
   * Each store's currency, by store id: bounded (one entry per store this process serves) and read
   * again after a minute, so a store whose currency is changed is not priced in the old one for long.
   */
  private readonly currencies = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

  constructor(readonly deps: CatalogDeps) {
    const bus = deps.invalidations;
    this.cache = new ReadCache(deps.cacheTtlMs ?? 5_000, {
      announce: bus ? (storeId) => bus.publish(TOPICS.catalog, storeId) : undefined,
    });
    bus?.on(TOPICS.catalog, { key: (storeId) => this.cache.forget(storeId), all: () => this.cache.clear() });
    bus?.on(TOPICS.stores, {
      key: (storeId) => (storeId === '*' ? this.currencies.clear() : this.currencies.delete(storeId)),
      all: () => this.currencies.clear(),
    });
  }

  async currency(ctx: Ctx): Promise<string> {
    const hit = this.currencies.get(ctx.storeId);
    if (hit) return hit;
    const currency = await this.deps.storeCurrency(ctx.db, ctx.storeId);
    this.currencies.set(ctx.storeId, currency);
    return currency;
  }

  /**
   * A public read through the read cache; a principal who has just written (`ctx.fresh`, with read
   * replicas) reads past it, so an entry a lagging replica filled cannot hide their write (decision 038).
   */
  cached<T>(ctx: Ctx, key: string, load: () => Promise<T>): Promise<T> {
    return ctx.fresh ? load() : this.cache.get(ctx.storeId, key, load);
  }

  /** Runs a write; whatever happens, the store's cached reads are forgotten afterwards. */
  async write<T>(storeId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.cache.bump(storeId);
    }
  }

  /** A write in one transaction; `work` gets the context bound to it. */
  inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
    return this.write(ctx.storeId, () => transaction(ctx.db, (trx) => work(withDb(ctx, trx))));
  }

  /** The product page whatever its status (for whoever just wrote or manages it). */
  async view(ctx: Ctx, id: string): Promise<ProductViewT> {
    const row = await repo.findProductDetail(ctx.db, ctx.storeId, { id }, false);
    if (!row) throw new ProductNotFound();
    return presentProduct(row, await sellerRewardLimit(ctx.db, ctx.storeId));
  }

  /**
   * The product if the actor may manage it: administrators every product of the store, sellers the
   * ones they created. Someone else's public product is 403; anything they could not see is 404.
   */
  async manageable(ctx: Ctx, id: string, lock = false): Promise<ProductHead> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    if (!isUuid(id)) throw new ProductNotFound();
    const product = lock
      ? await repo.lockProduct(ctx.db, ctx.storeId, id)
      : await repo.findProduct(ctx.db, ctx.storeId, id);
    if (!product) throw new ProductNotFound();
    if (hasRole(actor, 'ADMIN') || product.created_by === actor.userId) return product as ProductHead;
    if (product.status === 'ACTIVE') throw new NotYours('product');
    throw new ProductNotFound();
  }

  /**
   * The product, locked, if the actor may change the product itself (content, variants, status,
   * deletion): administrators always; its creator only while no one else offers on it, since a
   * shared product's name and options are what other sellers' listings show.
   */
  async editable(ctx: Ctx, id: string): Promise<ProductHead> {
    const product = await this.manageable(ctx, id, true);
    if (
      !hasRole(ctx.actor, 'ADMIN') &&
      (await repo.othersOfferOn(ctx.db, ctx.storeId, id, product.created_by))
    ) {
      throw new ProductShared();
    }
    return product;
  }

  /**
   * Initial stock for a new offer. With an inventory module wired in, it books the stock (and sets
   * the offer's availability itself); until then the sellable quantity is set on the offer directly.
   */
  async receiveStock(ctx: Ctx, offerId: string, quantity: number | undefined) {
    if (!quantity) return;
    if (this.deps.stock) {
      await this.deps.stock.receive(ctx, { offerId, quantity, reason: 'initial stock' });
    } else await repo.setAvailableQuantity(ctx.db, ctx.storeId, offerId, quantity);
  }

  /** Replaces a product's images (PATCH, CSV import); stored files no product shows any more are deleted. */
  async replaceImages(tx: Ctx, productId: string, images: repo.NewImage[]) {
    const dropped = await repo.replaceImages(tx.db, tx.storeId, productId, images);
    await this.refreshThumbnail(tx, productId);
    await this.forgetUnused(tx, dropped);
  }

  /** The product's thumbnail follows its primary image. */
  async refreshThumbnail(tx: Ctx, productId: string) {
    const primary = (await repo.listImages(tx.db, tx.storeId, productId)).find((i) => i.is_primary);
    await repo.updateProduct(tx.db, tx.storeId, productId, {
      thumbnail_url: primary ? thumbnailOf(primary) : null,
    });
  }

  /**
   * Deletes the stored files of images no product of the store shows any more. Runs last in the
   * transaction that dropped them, under the lock uploads of the same bytes take.
   */
  async forgetUnused(tx: Ctx, names: Array<string | null>) {
    for (const name of new Set(names)) {
      if (!name || !this.deps.media) continue;
      await repo.lockMediaName(tx.db, tx.storeId, name);
      if (!(await repo.mediaInUse(tx.db, tx.storeId, name))) await this.deps.media.remove(tx, name);
    }
  }

  async productChanged(ctx: Ctx, productId: string, fields: string[]) {
    await repo.updateProduct(ctx.db, ctx.storeId, productId, {});
    await this.deps.jobs.publish(ctx.db, {
      name: CatalogEvents.productUpdated,
      storeId: ctx.storeId,
      payload: { productId, fields },
    });
  }

  async offerChanged(ctx: Ctx, offerId: string, productId: string) {
    await this.deps.jobs.publish(ctx.db, {
      name: CatalogEvents.offerUpdated,
      storeId: ctx.storeId,
      payload: { offerId, productId },
    });
  }
}
