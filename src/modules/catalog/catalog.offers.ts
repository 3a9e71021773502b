// Sellers' offers on variants, and the catalog's port for other modules: offer snapshots for the
// cart and checkout, sellable quantities from inventory (rating aggregates: catalog.ratings.ts).

import type { z } from 'zod';
import { pick, recordAudit } from '../../platform/audit/audit.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { CatalogCore } from './catalog.core.ts';
import { NotYours, OfferExists, OfferNotFound, VariantNotFound } from './catalog.errors.ts';
import { type OwnOfferListQuery, ownOffers } from './catalog.offers.list.ts';
import type { AvailabilityWritten } from './catalog.offers.repository.ts';
import { presentSnapshot } from './catalog.presenters.ts';
import * as repo from './catalog.repository.ts';
import { offerRewardWrite, sellerRewardLimit } from './catalog.rewards.ts';
import { assign, checkOfferMoney, mapUniqueViolation, sellerIdOf } from './catalog.rules.ts';
import type { CreateOfferInput, ProductViewT, UpdateOfferInput } from './catalog.schemas.ts';
import { offersWithOpeningQuantity } from './catalog.seed.repository.ts';

export interface OfferSnapshot {
  offerId: string;
  productId: string;
  variantId: string;
  sellerId: string;
  productName: string;
  sku: string;
  options: Record<string, string>;
  price: { amount: number; currency: string };
  compareAtPrice: { amount: number; currency: string } | null;
  imageUrl: string | null;
  /** Can be sold at all (product ACTIVE and not deleted, offer live and available); quantity aside. */
  purchasable: boolean;
  availableQuantity: number;
  weightGrams: number | null;
  requiresShipping: boolean;
  categoryId: string | null;
  rewardPercentBp: number;
}

/** What an offer's create and delete entries record (an update records the fields it changed). */
export const AUDITED_OFFER_FIELDS = [
  'product_id',
  'variant_id',
  'seller_id',
  'price_amount',
  'compare_at_amount',
  'currency',
  'is_available',
] as const;

export class OfferService {
  constructor(private readonly core: CatalogCore) {}

  /**
   * A seller (or the store) offers an existing variant. Any seller may offer a variant of an ACTIVE
   * product (that is what makes a marketplace); a product that is not public only takes offers from
   * whoever manages it.
   */
  async create(ctx: Ctx, variantId: string, input: CreateOfferInput): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.core.currency(ctx);
    checkOfferMoney(input.price, input.compareAtPrice, currency);
    const sellerId = sellerIdOf(ctx, actor);
    try {
      return await this.core.inTransaction(ctx, async (tx) => {
        const variant = isUuid(variantId) ? await repo.findVariant(tx.db, tx.storeId, variantId) : undefined;
        if (!variant) throw new VariantNotFound();
        const product = await repo.lockProduct(tx.db, tx.storeId, variant.product_id);
        if (!product) throw new VariantNotFound();
        const manages = hasRole(actor, 'ADMIN') || product.created_by === actor.userId;
        if (!manages && product.status !== 'ACTIVE') throw new VariantNotFound();
        if (await repo.findOfferBySeller(tx.db, variant.id, sellerId)) throw new OfferExists();
        const reward = await offerRewardWrite(tx.db, tx.storeId, actor, input.rewardPercentBp);
        const offerId = newId();
        const row = {
          id: offerId,
          store_id: tx.storeId,
          product_id: variant.product_id,
          variant_id: variant.id,
          seller_id: sellerId,
          seller_product_name: input.sellerProductName ?? null,
          price_amount: input.price.amount,
          compare_at_amount: input.compareAtPrice?.amount ?? null,
          currency,
          reward_percent_bp: null,
          ...reward,
          is_available: input.available ?? true,
          deleted_at: null,
        };
        await repo.insertOffers(tx.db, [row]);
        await recordAudit(tx, {
          entityType: 'offer',
          entityId: offerId,
          action: 'create',
          after: pick(row, AUDITED_OFFER_FIELDS),
        });
        await this.core.receiveStock(tx, offerId, input.stock);
        await repo.refreshProductSummary(tx.db, tx.storeId, variant.product_id);
        await this.core.offerChanged(tx, offerId, variant.product_id);
        return this.core.view(tx, variant.product_id);
      });
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  /** The caller's live offers, newest first: a SELLER's own, the store's own for an ADMIN. */
  own(ctx: Ctx, query: z.infer<typeof OwnOfferListQuery>) {
    return ownOffers(ctx, query);
  }

  async update(ctx: Ctx, id: string, input: UpdateOfferInput): Promise<ProductViewT> {
    const currency = await this.core.currency(ctx);
    checkOfferMoney(input.price, input.compareAtPrice, currency);
    return this.core.inTransaction(ctx, async (tx) => {
      const offer = await this.manageable(tx, id);
      const actor = requireRole(ctx, 'ADMIN', 'SELLER');
      const patch: Parameters<typeof repo.updateOffer>[3] = {
        ...(await offerRewardWrite(tx.db, tx.storeId, actor, input.rewardPercentBp)),
      };
      assign(patch, {
        price_amount: input.price?.amount,
        compare_at_amount: input.compareAtPrice === null ? null : input.compareAtPrice?.amount,
        seller_product_name: input.sellerProductName,
        is_available: input.available,
      });
      await repo.updateOffer(tx.db, tx.storeId, id, patch);
      await recordAudit(tx, {
        entityType: 'offer',
        entityId: id,
        action: 'update',
        before: pick(offer, Object.keys(patch) as (keyof typeof offer)[]),
        after: patch,
      });
      await repo.refreshProductSummary(tx.db, tx.storeId, offer.product_id);
      await this.core.offerChanged(tx, id, offer.product_id);
      return this.core.view(tx, offer.product_id);
    });
  }

  async delete(ctx: Ctx, id: string): Promise<void> {
    await this.core.inTransaction(ctx, async (tx) => {
      const offer = await this.manageable(tx, id);
      await repo.softDeleteOffer(tx.db, tx.storeId, id);
      await recordAudit(tx, {
        entityType: 'offer',
        entityId: id,
        action: 'delete',
        before: pick(offer, AUDITED_OFFER_FIELDS),
      });
      await repo.refreshProductSummary(tx.db, tx.storeId, offer.product_id);
      await this.core.offerChanged(tx, id, offer.product_id);
    });
  }

  /** Sellers manage their own offers, administrators every offer of the store. */
  private async manageable(ctx: Ctx, id: string) {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const offer = isUuid(id) ? await repo.findOffer(ctx.db, ctx.storeId, id) : undefined;
    if (!offer) throw new OfferNotFound();
    const product = await repo.lockProduct(ctx.db, ctx.storeId, offer.product_id);
    if (!product) throw new OfferNotFound();
    if (hasRole(actor, 'ADMIN') || offer.seller_id === actor.userId) return offer;
    if (product.status === 'ACTIVE') throw new NotYours('offer');
    throw new OfferNotFound();
  }

  // ------------------------------------------------------------ for other modules

  /** Snapshots of the store's offers for the cart and checkout; unknown ids are left out. */
  snapshots(ctx: Pick<Ctx, 'db' | 'storeId'>, offerIds: string[]): Promise<OfferSnapshot[]> {
    return getOffers(ctx, offerIds);
  }

  /**
   * The inventory module's one write into the catalog: an offer's sellable quantity, called inside
   * its own transaction (`ctx.db`) whenever availability changes. Keeps the product's in-stock flag
   * and best offer current. Throws OfferNotFound for an offer that is not in the store.
   */
  async setAvailability(ctx: Ctx, offerId: string, availableQuantity: number) {
    if (!Number.isInteger(availableQuantity) || availableQuantity < 0) {
      throw new RangeError('availableQuantity must be a whole number ≥ 0');
    }
    const set = isUuid(offerId)
      ? await repo.setAvailableQuantity(ctx.db, ctx.storeId, offerId, availableQuantity)
      : undefined;
    if (!set) throw new OfferNotFound();
    // the product's summary reads only whether each offer has units (> 0): a move that does not
    // cross zero leaves it as it is
    if (set.before > 0 !== availableQuantity > 0)
      await repo.refreshProductSummary(ctx.db, ctx.storeId, set.productId);
    this.core.cache.bump(ctx.storeId);
  }

  /**
   * After inventory's statement wrote the quantities with `availabilityCte` (in the same
   * transaction): what `setAvailability` does after its write, for each offer written — the
   * product's summary recomputed only when the quantity crossed zero, the read cache bumped.
   * Throws OfferNotFound when an offer sent is not in the store.
   */
  async availabilityWritten(ctx: Ctx, offerIds: string[], rows: AvailabilityWritten[]) {
    if (rows.length < new Set(offerIds).size) throw new OfferNotFound();
    const crossed = new Set(rows.filter((r) => r.before > 0 !== r.after > 0).map((r) => r.product_id));
    for (const productId of [...crossed].sort())
      await repo.refreshProductSummary(ctx.db, ctx.storeId, productId);
    if (rows.length > 0) this.core.cache.bump(ctx.storeId);
  }

  /**
   * Offers whose sellable quantity was set without the inventory module (the demo seed writes it
   * directly), in id order after `afterId`: what opening stock has to be received for them.
   */
  withQuantity(ctx: Pick<Ctx, 'db' | 'storeId'>, afterId: string | null, limit: number) {
    return offersWithOpeningQuantity(ctx.db, ctx.storeId, afterId, limit);
  }
}

/**
 * Snapshots of the store's offers for the cart and checkout; unknown ids are left out. A plain
 * function too, for the cart, which is assembled without the catalog's service.
 */
export async function getOffers(
  ctx: Pick<Ctx, 'db' | 'storeId'>,
  offerIds: string[],
): Promise<OfferSnapshot[]> {
  const ids = [...new Set(offerIds)].filter(isUuid);
  const rows = await repo.offerSnapshots(ctx.db, ctx.storeId, ids);
  const sellerLimitBp = rows.some((r) => r.seller_id !== ctx.storeId)
    ? await sellerRewardLimit(ctx.db, ctx.storeId)
    : 0;
  return rows.map((r) => presentSnapshot(ctx.storeId, r, sellerLimitBp));
}
