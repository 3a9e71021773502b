// What the reviews module reads and writes of the catalog: the product a review is about, names
// for lists of reviews, and the rating aggregates of products and offers.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface ReviewableProductRow {
  id: string;
  slug: string;
  name: string;
  /** The seller of the product's default offer (its best one), else the store itself. */
  seller_id: string;
}

/** An ACTIVE product of the store, by id or slug. */
export async function findReviewableProduct(
  db: Db,
  storeId: string,
  ref: { id?: string; slug?: string },
): Promise<ReviewableProductRow | undefined> {
  const match = ref.id ? sql`p.id = ${ref.id}` : sql`p.slug = ${ref.slug}`;
  const { rows } = await sql<ReviewableProductRow>`
    SELECT p.id, p.slug, p.name,
      coalesce((SELECT o.seller_id FROM offers o WHERE o.id = p.best_offer_id AND o.store_id = ${storeId}),
               p.store_id) AS seller_id
    FROM products p
    WHERE p.store_id = ${storeId} AND ${match} AND p.status = 'ACTIVE' AND p.deleted_at IS NULL
  `.execute(db);
  return rows[0];
}

/** The store's first ACTIVE products by id, as `findReviewableProduct` gives each (demo reviews). */
export async function firstReviewableProducts(db: Db, storeId: string, limit: number) {
  const { rows } = await sql<ReviewableProductRow>`
    SELECT p.id, p.slug, p.name,
      coalesce((SELECT o.seller_id FROM offers o WHERE o.id = p.best_offer_id AND o.store_id = ${storeId}),
               p.store_id) AS seller_id
    FROM products p
    WHERE p.store_id = ${storeId} AND p.status = 'ACTIVE' AND p.deleted_at IS NULL
    ORDER BY p.id LIMIT ${limit}
  `.execute(db);
  return rows;
}

/** Id, slug and name of the store's products (deleted ones too: old reviews still name them). */
export async function productNames(db: Db, storeId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; slug: string; name: string }>`
    SELECT id, slug, name FROM products WHERE store_id = ${storeId} AND id = ANY (${ids}::uuid[])
  `.execute(db);
  return rows;
}

export async function setProductRating(db: Db, storeId: string, id: string, average: number, count: number) {
  await sql`UPDATE products SET rating_avg = ${average}, rating_count = ${count}
            WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
}

/** The seller rating shown on every offer of a seller for a product. */
export async function setSellerOffersRating(
  db: Db,
  storeId: string,
  productId: string,
  sellerId: string,
  rating: { average: number; count: number },
) {
  await sql`UPDATE offers SET rating_avg = ${rating.average}, rating_count = ${rating.count}
            WHERE store_id = ${storeId} AND product_id = ${productId} AND seller_id = ${sellerId}`.execute(
    db,
  );
}
