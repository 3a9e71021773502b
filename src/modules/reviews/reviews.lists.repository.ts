// SQL of the review lists, each a keyset page served by its own index (docs/data-model.md):
// a product's and a seller's published reviews by newest, stars or helpfulness; a seller's own;
// a user's own; the staff queue by status.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { REVIEW_COLUMNS, type ReviewRow } from './reviews.repository.ts';
import type { ReviewSort, ReviewStatus } from './reviews.schemas.ts';

/** Where the previous page ended: the sort key of its last row (absent for newest) and its id. */
export type ReviewPosition = { k?: number | undefined; id: string };

export interface ListPage {
  after?: ReviewPosition | undefined;
  limit: number;
}

const columns = sql.raw(REVIEW_COLUMNS.map((c) => `r.${c}`).join(', '));

/** ORDER BY and the condition after a position, per sort (the indexes read forwards or backwards). */
const SORTS: Record<
  ReviewSort,
  { key: string; order: RawBuilder<unknown>; after: (p: ReviewPosition) => RawBuilder<unknown> }
> = {
  newest: { key: 'id', order: sql`r.id DESC`, after: (p) => sql`r.id < ${p.id}` },
  highest: {
    key: 'rating',
    order: sql`r.rating DESC, r.id DESC`,
    after: (p) => sql`(r.rating, r.id) < (${p.k ?? 0}::int, ${p.id}::uuid)`,
  },
  lowest: {
    key: 'rating',
    order: sql`r.rating ASC, r.id ASC`,
    after: (p) => sql`(r.rating, r.id) > (${p.k ?? 0}::int, ${p.id}::uuid)`,
  },
  helpful: {
    key: 'helpful_count',
    order: sql`r.helpful_count DESC, r.id DESC`,
    after: (p) => sql`(r.helpful_count, r.id) < (${p.k ?? 0}::int, ${p.id}::uuid)`,
  },
};

/** The cursor position of a row under a sort. */
export function positionOf(row: ReviewRow, sort: ReviewSort): ReviewPosition {
  const key = SORTS[sort].key;
  return key === 'id' ? { id: row.id } : { k: Number(row[key as keyof ReviewRow]), id: row.id };
}

async function run(db: Db, where: RawBuilder<unknown>[], sort: ReviewSort, page: ListPage) {
  const conditions = page.after ? [...where, SORTS[sort].after(page.after)] : where;
  const { rows } = await sql<ReviewRow>`
    SELECT ${columns} FROM reviews r
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${SORTS[sort].order}
    LIMIT ${page.limit + 1}
  `.execute(db);
  return rows;
}

/** A product's published reviews; `stars` and `verified` narrow them. */
export function productReviews(
  db: Db,
  storeId: string,
  productId: string,
  filter: { sort: ReviewSort; stars?: number | undefined; verified?: boolean | undefined },
  page: ListPage,
) {
  const where = [sql`r.store_id = ${storeId}`, sql`r.product_id = ${productId}`, sql`r.status = 'PUBLISHED'`];
  if (filter.stars !== undefined) where.push(sql`r.rating = ${filter.stars}`);
  if (filter.verified !== undefined) where.push(sql`r.verified_purchase = ${filter.verified}`);
  return run(db, where, filter.sort, page);
}

/** A seller's published reviews (seed 000 GSI1); `replied` narrows them to those with or without a reply. */
export function sellerReviews(
  db: Db,
  storeId: string,
  sellerId: string,
  filter: { sort: ReviewSort; replied?: boolean | undefined },
  page: ListPage,
) {
  const where = [sql`r.store_id = ${storeId}`, sql`r.seller_id = ${sellerId}`, sql`r.status = 'PUBLISHED'`];
  if (filter.replied !== undefined)
    where.push(filter.replied ? sql`r.reply_body IS NOT NULL` : sql`r.reply_body IS NULL`);
  return run(db, where, filter.sort, page);
}

/** A user's own reviews in every status but REMOVED, newest first. */
export function userReviews(db: Db, storeId: string, userId: string, page: ListPage) {
  const where = [sql`r.store_id = ${storeId}`, sql`r.user_id = ${userId}`, sql`r.status <> 'REMOVED'`];
  return run(db, where, 'newest', page);
}

/** The staff queue: reviews in one status, PENDING oldest first (first come, first seen), others newest first. */
export async function staffReviews(
  db: Db,
  storeId: string,
  filter: { status: ReviewStatus; reported?: boolean | undefined; productId?: string | undefined },
  page: ListPage,
) {
  const where = [sql`r.store_id = ${storeId}`, sql`r.status = ${filter.status}`];
  if (filter.reported !== undefined)
    where.push(filter.reported ? sql`r.report_count > 0` : sql`r.report_count = 0`);
  if (filter.productId !== undefined) where.push(sql`r.product_id = ${filter.productId}`);
  if (filter.status !== 'PENDING') return run(db, where, 'newest', page);
  if (page.after) where.push(sql`r.id > ${page.after.id}`);
  const { rows } = await sql<ReviewRow>`
    SELECT ${columns} FROM reviews r WHERE ${sql.join(where, sql` AND `)} ORDER BY r.id ASC LIMIT ${page.limit + 1}
  `.execute(db);
  return rows;
}
