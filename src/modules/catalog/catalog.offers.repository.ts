// SQL for offers and what follows from them: the product's browse summary (best offer, in stock),
// sellable quantities, and the offer snapshots cart and checkout read.

import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ProductOption } from './catalog.options.ts';
import { type OffersTable, offerColumns, t } from './catalog.tables.ts';

export function insertOffers(db: Db, rows: Insertable<OffersTable>[]) {
  return t(db).insertInto('offers').values(rows).execute();
}

/** Whether anyone but `sellerId` (another seller, or the store) has a live offer on the product. */
export async function othersOfferOn(db: Db, storeId: string, productId: string, sellerId: string) {
  const row = await t(db)
    .selectFrom('offers')
    .select('id')
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .where('seller_id', '<>', sellerId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function findOffer(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('offers')
    .select(offerColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findOfferBySeller(db: Db, variantId: string, sellerId: string) {
  return t(db)
    .selectFrom('offers')
    .select(offerColumns)
    .where('variant_id', '=', variantId)
    .where('seller_id', '=', sellerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function updateOffer(db: Db, storeId: string, id: string, patch: Updateable<OffersTable>) {
  await t(db)
    .updateTable('offers')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function softDeleteOffer(db: Db, storeId: string, id: string) {
  await sql`UPDATE offers SET deleted_at = now() WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
}

/** Sets an offer's sellable quantity; returns its product id, or undefined for an unknown offer. */
/**
 * Sets an offer's sellable quantity; returns its product and the quantity it replaced (read under
 * the row lock, so it is the latest committed one).
 */
export async function setAvailableQuantity(
  db: Db,
  storeId: string,
  offerId: string,
  quantity: number,
): Promise<{ productId: string; before: number } | undefined> {
  const { rows } = await sql<{ product_id: string; before: number }>`
    UPDATE offers o SET available_quantity = ${quantity}
    FROM (SELECT id, available_quantity FROM offers WHERE store_id = ${storeId} AND id = ${offerId}
          FOR NO KEY UPDATE) AS old
    WHERE o.id = old.id
    RETURNING o.product_id, old.available_quantity AS before`.execute(db);
  const row = rows[0];
  return row && { productId: row.product_id, before: Number(row.before) };
}

/**
 * Recomputes the product's browse summary from its live offers. The row is only rewritten when
 * something browse shows actually changed, so stock moves of 10 → 9 leave no dead tuple behind.
 */
/** What `availabilityCte` returns for each offer it set. */
export interface AvailabilityWritten {
  offer_id: string;
  product_id: string;
  before: number;
  after: number;
}

/**
 * `setAvailableQuantity` as a CTE named `as` of another module's statement (inventory's stock
 * change): sets each offer of `from` (`offer_id uuid, available bigint`) under its row lock (ids in
 * order) and returns `offer_id, product_id, before, after`; offers not in the store are left out.
 */
export function availabilityCte(storeId: string, names: { from: string; as: string }): RawBuilder<unknown> {
  const from = sql.table(names.from);
  return sql`${sql.raw(names.as)} AS (
    UPDATE offers o SET available_quantity = s.available
    FROM (SELECT id, available_quantity FROM offers
          WHERE store_id = ${storeId} AND id IN (SELECT offer_id FROM ${from}) ORDER BY id FOR NO KEY UPDATE) AS old,
      ${from} s
    WHERE o.id = old.id AND s.offer_id = o.id
    RETURNING o.id AS offer_id, o.product_id, old.available_quantity AS before, o.available_quantity AS after)`;
}

export async function refreshProductSummary(db: Db, storeId: string, productId: string) {
  // Lock first: two transactions changing two offers of one product must not each compute the
  // summary from a snapshot without the other's change (both "in stock" when neither is).
  await sql`SELECT 1 FROM products WHERE store_id = ${storeId} AND id = ${productId} FOR NO KEY UPDATE`.execute(
    db,
  );
  await sql`
    WITH live AS (
      SELECT o.id, o.price_amount, o.compare_at_amount, o.currency, o.seller_id,
             (o.is_available AND o.available_quantity > 0) AS available
      FROM offers o
      WHERE o.store_id = ${storeId} AND o.product_id = ${productId} AND o.deleted_at IS NULL
    ), best AS (
      SELECT * FROM live ORDER BY available DESC, price_amount, id LIMIT 1
    ), s AS (
      SELECT (SELECT id FROM best) AS offer_id,
             (SELECT price_amount FROM best) AS price,
             (SELECT compare_at_amount FROM best) AS compare_at,
             (SELECT currency FROM best) AS currency,
             coalesce((SELECT bool_or(available) FROM live), false) AS in_stock,
             coalesce((SELECT array_agg(DISTINCT seller_id ORDER BY seller_id) FROM live), '{}') AS seller_ids
    )
    UPDATE products p
    SET best_offer_id = s.offer_id, best_price_amount = s.price, best_compare_at_amount = s.compare_at,
        currency = coalesce(s.currency, p.currency), in_stock = s.in_stock, seller_ids = s.seller_ids
    FROM s
    WHERE p.store_id = ${storeId} AND p.id = ${productId}
      AND (p.best_offer_id, p.best_price_amount, p.best_compare_at_amount, p.in_stock, p.seller_ids)
          IS DISTINCT FROM (s.offer_id, s.price, s.compare_at, s.in_stock, s.seller_ids)
  `.execute(db);
}

export interface OfferSnapshotRow {
  offer_id: string;
  product_id: string;
  variant_id: string;
  seller_id: string;
  product_name: string;
  seller_product_name: string | null;
  sku: string;
  options: Record<string, string>;
  /** The product's options, whose order the snapshot's `options` follow. */
  product_options: ProductOption[];
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  image_url: string | null;
  purchasable: boolean;
  available_quantity: number;
  weight_grams: number | null;
  requires_shipping: boolean;
  category_id: string | null;
  offer_reward_bp: number | null;
  offer_reward_by_staff: boolean;
  product_owner: string;
  product_reward_bp: number;
  product_reward_by_staff: boolean;
}

export async function offerSnapshots(db: Db, storeId: string, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  const { rows } = await sql<OfferSnapshotRow>`
    SELECT o.id AS offer_id, o.product_id, o.variant_id, o.seller_id, p.name AS product_name,
      o.seller_product_name, v.sku, v.options, p.options AS product_options, o.price_amount, o.compare_at_amount, o.currency,
      p.thumbnail_url AS image_url,
      (p.status = 'ACTIVE' AND p.deleted_at IS NULL AND v.deleted_at IS NULL AND o.deleted_at IS NULL
        AND o.is_available) AS purchasable,
      o.available_quantity, coalesce(v.weight_grams, p.weight_grams) AS weight_grams,
      p.requires_shipping, p.category_id, o.reward_percent_bp AS offer_reward_bp,
      o.reward_set_by_staff AS offer_reward_by_staff, p.created_by AS product_owner,
      p.reward_percent_bp AS product_reward_bp, p.reward_set_by_staff AS product_reward_by_staff
    FROM offers o
    JOIN variants v ON v.id = o.variant_id
    JOIN products p ON p.id = o.product_id
    WHERE o.store_id = ${storeId} AND o.id = ANY (${offerIds}::uuid[])
  `.execute(db);
  return rows;
}

/** Whether the store has a live offer (every offer carries a price in the store's currency). */
export async function anyPricedOffers(db: Db, storeId: string): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM offers WHERE store_id = ${storeId} AND deleted_at IS NULL LIMIT 1`.execute(db);
  return rows.length > 0;
}
