// A seller's own offers, a page at a time: what the seller console lists to price and stock them.
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, PageQuery, toPage } from '../../platform/http/pagination.ts';
import { MoneyView } from '../../platform/schemas.ts';
import { sellerIdOf } from './catalog.rules.ts';
import { PRODUCT_STATUSES } from './catalog.schemas.ts';
import { t } from './catalog.tables.ts';

export const OwnOfferListQuery = PageQuery;
export const OwnOfferList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      productName: z.string(),
      productSlug: z.string(),
      productStatus: z.enum(PRODUCT_STATUSES),
      variantId: z.string(),
      sku: z.string(),
      options: z.record(z.string(), z.string()),
      price: MoneyView,
      compareAtPrice: MoneyView.nullable(),
      available: z.boolean(),
      availableQuantity: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

function listOwnOffers(db: Db, storeId: string, sellerId: string, page: KeysetPage) {
  const query = t(db)
    .selectFrom('offers as o')
    .innerJoin('variants as v', 'v.id', 'o.variant_id')
    .innerJoin('products as p', 'p.id', 'o.product_id')
    .select([
      'o.id',
      'o.product_id',
      'p.name',
      'p.slug',
      'p.status',
      'o.variant_id',
      'v.sku',
      'v.options',
      'o.price_amount',
      'o.compare_at_amount',
      'o.currency',
      'o.is_available',
      'o.available_quantity',
    ])
    .where('o.store_id', '=', storeId)
    .where('o.seller_id', '=', sellerId)
    .where('o.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null);
  return newestFirst(query, page, 'o.id').execute();
}

/** The caller's live offers, newest first: a SELLER's own, the store's own for an ADMIN. */
export async function ownOffers(ctx: Ctx, query: z.infer<typeof OwnOfferListQuery>) {
  const actor = requireRole(ctx, 'ADMIN', 'SELLER');
  const after = decodeCursor(query.cursor, IdCursor)?.id;
  const rows = await listOwnOffers(ctx.db, ctx.storeId, sellerIdOf(ctx, actor), {
    after,
    limit: query.limit,
  });
  return toPage(
    rows,
    query.limit,
    (r) => ({
      id: r.id,
      productId: r.product_id,
      productName: r.name,
      productSlug: r.slug,
      productStatus: r.status,
      variantId: r.variant_id,
      sku: r.sku,
      options: r.options,
      price: { amount: Number(r.price_amount), currency: r.currency.trim() },
      compareAtPrice:
        r.compare_at_amount === null
          ? null
          : { amount: Number(r.compare_at_amount), currency: r.currency.trim() },
      available: r.is_available,
      availableQuantity: r.available_quantity,
    }),
    (r) => ({ id: r.id }),
  );
}
