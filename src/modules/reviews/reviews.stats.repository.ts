// SQL of the review aggregates (decision 021): each change adds its delta to the product's, the
// product-and-seller's and the seller's row in the transaction of the change. The UPDATE takes the
// row's lock, so concurrent changes of one product queue on it and the sums stay exact.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** What one review adds to the aggregates while it is published (negated when it stops being). */
export interface Contribution {
  count: number;
  sum: number;
  /** stars[0] counts 1-star reviews … stars[4] 5-star ones. */
  stars: [number, number, number, number, number];
  sellerRatingCount: number;
  sellerRatingSum: number;
  deliveryRatingCount: number;
  deliveryRatingSum: number;
}

export interface ProductStatsRow {
  review_count: number;
  rating_sum: number;
  stars_1: number;
  stars_2: number;
  stars_3: number;
  stars_4: number;
  stars_5: number;
}

export interface SellerStatsRow {
  review_count: number;
  seller_rating_count: number;
  seller_rating_sum: number;
  delivery_rating_count: number;
  delivery_rating_sum: number;
}

const PRODUCT_COLUMNS = sql`review_count, rating_sum, stars_1, stars_2, stars_3, stars_4, stars_5`;
const SELLER_COLUMNS = sql`review_count, seller_rating_count, seller_rating_sum, delivery_rating_count, delivery_rating_sum`;

// Each row is made (empty) first, then moved: an INSERT … ON CONFLICT would check its proposed row
// (the delta itself, negative when a review stops counting) against the CHECKs before the conflict.

export async function addToProduct(db: Db, storeId: string, productId: string, d: Contribution) {
  const [s1, s2, s3, s4, s5] = d.stars;
  await sql`INSERT INTO product_review_stats (store_id, product_id) VALUES (${storeId}, ${productId})
            ON CONFLICT DO NOTHING`.execute(db);
  const { rows } = await sql<ProductStatsRow>`
    UPDATE product_review_stats SET
      review_count = review_count + ${d.count}, rating_sum = rating_sum + ${d.sum},
      stars_1 = stars_1 + ${s1}, stars_2 = stars_2 + ${s2}, stars_3 = stars_3 + ${s3},
      stars_4 = stars_4 + ${s4}, stars_5 = stars_5 + ${s5}, updated_at = now()
    WHERE store_id = ${storeId} AND product_id = ${productId}
    RETURNING ${PRODUCT_COLUMNS}
  `.execute(db);
  return rows[0]!;
}

export async function addToProductSeller(
  db: Db,
  storeId: string,
  productId: string,
  sellerId: string,
  d: Contribution,
) {
  await sql`INSERT INTO product_seller_review_stats (store_id, product_id, seller_id)
            VALUES (${storeId}, ${productId}, ${sellerId}) ON CONFLICT DO NOTHING`.execute(db);
  const { rows } = await sql<{ seller_rating_count: number; seller_rating_sum: number }>`
    UPDATE product_seller_review_stats SET
      seller_rating_count = seller_rating_count + ${d.sellerRatingCount},
      seller_rating_sum = seller_rating_sum + ${d.sellerRatingSum}
    WHERE store_id = ${storeId} AND product_id = ${productId} AND seller_id = ${sellerId}
    RETURNING seller_rating_count, seller_rating_sum
  `.execute(db);
  return rows[0]!;
}

export async function addToSeller(db: Db, storeId: string, sellerId: string, d: Contribution) {
  await sql`INSERT INTO seller_review_stats (store_id, seller_id) VALUES (${storeId}, ${sellerId})
            ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    UPDATE seller_review_stats SET
      review_count = review_count + ${d.count},
      seller_rating_count = seller_rating_count + ${d.sellerRatingCount},
      seller_rating_sum = seller_rating_sum + ${d.sellerRatingSum},
      delivery_rating_count = delivery_rating_count + ${d.deliveryRatingCount},
      delivery_rating_sum = delivery_rating_sum + ${d.deliveryRatingSum},
      updated_at = now()
    WHERE store_id = ${storeId} AND seller_id = ${sellerId}
  `.execute(db);
}

export async function productStats(db: Db, storeId: string, productId: string) {
  const { rows } = await sql<ProductStatsRow>`
    SELECT ${PRODUCT_COLUMNS} FROM product_review_stats WHERE store_id = ${storeId} AND product_id = ${productId}
  `.execute(db);
  return rows[0];
}

export async function sellerStats(db: Db, storeId: string, sellerId: string) {
  const { rows } = await sql<SellerStatsRow>`
    SELECT ${SELLER_COLUMNS} FROM seller_review_stats WHERE store_id = ${storeId} AND seller_id = ${sellerId}
  `.execute(db);
  return rows[0];
}

/** The product's aggregates counted again from its published reviews (checks, demo data). */
export async function recountProduct(db: Db, storeId: string, productId: string) {
  const { rows } = await sql<ProductStatsRow>`
    SELECT count(*)::int AS review_count, coalesce(sum(rating), 0)::int AS rating_sum,
      count(*) FILTER (WHERE rating = 1)::int AS stars_1, count(*) FILTER (WHERE rating = 2)::int AS stars_2,
      count(*) FILTER (WHERE rating = 3)::int AS stars_3, count(*) FILTER (WHERE rating = 4)::int AS stars_4,
      count(*) FILTER (WHERE rating = 5)::int AS stars_5
    FROM reviews WHERE store_id = ${storeId} AND product_id = ${productId} AND status = 'PUBLISHED'
  `.execute(db);
  return rows[0]!;
}

/**
 * Every aggregate of the store set from its published reviews, set-based (after a bulk insert of
 * demo or benchmark reviews). Returns the products and product-sellers whose ratings the catalog shows.
 */
export async function rebuildStats(db: Db, storeId: string) {
  await sql`DELETE FROM product_review_stats WHERE store_id = ${storeId}`.execute(db);
  await sql`DELETE FROM product_seller_review_stats WHERE store_id = ${storeId}`.execute(db);
  await sql`DELETE FROM seller_review_stats WHERE store_id = ${storeId}`.execute(db);
  const published = sql`FROM reviews WHERE store_id = ${storeId} AND status = 'PUBLISHED'`;
  await sql`
    INSERT INTO product_review_stats (store_id, product_id, ${PRODUCT_COLUMNS})
    SELECT ${storeId}, product_id, count(*), sum(rating), count(*) FILTER (WHERE rating = 1),
      count(*) FILTER (WHERE rating = 2), count(*) FILTER (WHERE rating = 3),
      count(*) FILTER (WHERE rating = 4), count(*) FILTER (WHERE rating = 5)
    ${published} GROUP BY product_id
  `.execute(db);
  await sql`
    INSERT INTO product_seller_review_stats (store_id, product_id, seller_id, seller_rating_count, seller_rating_sum)
    SELECT ${storeId}, product_id, seller_id, count(seller_rating), coalesce(sum(seller_rating), 0)
    ${published} GROUP BY product_id, seller_id
  `.execute(db);
  await sql`
    INSERT INTO seller_review_stats (store_id, seller_id, ${SELLER_COLUMNS})
    SELECT ${storeId}, seller_id, count(*), count(seller_rating), coalesce(sum(seller_rating), 0),
      count(delivery_rating), coalesce(sum(delivery_rating), 0)
    ${published} GROUP BY seller_id
  `.execute(db);
  const { rows } = await sql<{
    product_id: string;
    review_count: number;
    rating_sum: number;
    seller_id: string;
    seller_rating_count: number;
    seller_rating_sum: number;
  }>`
    SELECT p.product_id, p.review_count, p.rating_sum, ps.seller_id, ps.seller_rating_count, ps.seller_rating_sum
    FROM product_review_stats p
    JOIN product_seller_review_stats ps ON ps.store_id = p.store_id AND ps.product_id = p.product_id
    WHERE p.store_id = ${storeId}
  `.execute(db);
  return rows;
}

/** Fresh planner statistics after a bulk write (the lists' plans depend on them). */
export async function analyzeReviews(db: Db): Promise<void> {
  await sql`ANALYZE reviews, product_review_stats, product_seller_review_stats, seller_review_stats`.execute(
    db,
  );
}
