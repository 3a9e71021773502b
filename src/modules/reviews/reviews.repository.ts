// SQL of reviews, votes, reports and the store's review settings. Every statement is scoped by store.
import { type Generated, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../platform/db/bulk.ts';
import { type Db, tables } from '../../platform/db/database.ts';
import type { Hold, ReviewStatus } from './reviews.schemas.ts';

export type RewardState = 'NONE' | 'GRANTED' | 'TAKEN_BACK';

export interface ReviewsTable {
  id: string;
  store_id: string;
  product_id: string;
  user_id: string;
  author_name: string;
  seller_id: string;
  order_id: string | null;
  order_item_id: string | null;
  verified_purchase: boolean;
  rating: number;
  delivery_rating: number | null;
  seller_rating: number | null;
  title: string | null;
  body: string | null;
  images: string[];
  status: ReviewStatus;
  held_for: Hold[];
  rejection_reason: string | null;
  moderated_by: string | null;
  moderated_at: Date | null;
  helpful_count: Generated<number>;
  not_helpful_count: Generated<number>;
  report_count: Generated<number>;
  reply_body: string | null;
  reply_by: string | null;
  reply_created_at: Date | null;
  reply_updated_at: Date | null;
  reward_state: Generated<RewardState>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReviewSettingsTable {
  store_id: string;
  moderation: boolean;
  allow_unverified: boolean;
  held_words: string[];
  hold_links: boolean;
  reward_points: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

interface ReviewVotesTable {
  review_id: string;
  user_id: string;
  store_id: string;
  helpful: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface ReviewReportsTable {
  id: string;
  store_id: string;
  review_id: string;
  user_id: string;
  reason: string;
  note: string | null;
  created_at: Generated<Date>;
}

interface ReviewTables {
  reviews: ReviewsTable;
  review_settings: ReviewSettingsTable;
  review_votes: ReviewVotesTable;
  review_reports: ReviewReportsTable;
}

export type ReviewRow = Selectable<ReviewsTable>;
export type SettingsRow = Selectable<ReviewSettingsTable>;

const t = (db: Db) => tables<ReviewTables>(db);
const now = sql<Date>`now()`;

export const REVIEW_COLUMNS = [
  'id',
  'store_id',
  'product_id',
  'user_id',
  'author_name',
  'seller_id',
  'order_id',
  'order_item_id',
  'verified_purchase',
  'rating',
  'delivery_rating',
  'seller_rating',
  'title',
  'body',
  'images',
  'status',
  'held_for',
  'rejection_reason',
  'moderated_by',
  'moderated_at',
  'helpful_count',
  'not_helpful_count',
  'report_count',
  'reply_body',
  'reply_by',
  'reply_created_at',
  'reply_updated_at',
  'reward_state',
  'created_at',
  'updated_at',
] as const;

// ── settings ───────────────────────────────────────────────────────────────

export function findSettings(db: Db, storeId: string): Promise<SettingsRow | undefined> {
  return t(db)
    .selectFrom('review_settings')
    .select(['store_id', 'moderation', 'allow_unverified', 'held_words', 'hold_links', 'reward_points'])
    .select(['updated_by', 'updated_at'])
    .where('store_id', '=', storeId)
    .executeTakeFirst();
}

export function saveSettings(db: Db, row: Insertable<ReviewSettingsTable>): Promise<SettingsRow> {
  const { store_id: _store, ...changes } = row;
  return t(db)
    .insertInto('review_settings')
    .values(row)
    .onConflict((oc) => oc.column('store_id').doUpdateSet({ ...changes, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── reviews ────────────────────────────────────────────────────────────────

/** Inserts a review; undefined when the buyer already has a live review of the product. */
export function insertReview(db: Db, row: Insertable<ReviewsTable>): Promise<ReviewRow | undefined> {
  return t(db)
    .insertInto('reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['store_id', 'product_id', 'user_id']).where('status', '<>', 'REMOVED').doNothing(),
    )
    .returning(REVIEW_COLUMNS)
    .executeTakeFirst();
}

export function findLiveReview(db: Db, storeId: string, productId: string, userId: string) {
  return t(db)
    .selectFrom('reviews')
    .select(['id'])
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .where('user_id', '=', userId)
    .where('status', '<>', 'REMOVED')
    .executeTakeFirst();
}

/** A review of the store; with `lock`, held until the transaction ends (every status change locks it). */
export function findReview(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<ReviewRow | undefined> {
  let q = t(db)
    .selectFrom('reviews')
    .select(REVIEW_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function updateReview(
  db: Db,
  storeId: string,
  id: string,
  changes: Updateable<ReviewsTable>,
): Promise<ReviewRow> {
  return t(db)
    .updateTable('reviews')
    .set({ ...changes, updated_at: now })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(REVIEW_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Moves the vote counts by the deltas (the review row is locked by the UPDATE). */
export function moveVoteCounts(db: Db, storeId: string, id: string, helpful: number, notHelpful: number) {
  return t(db)
    .updateTable('reviews')
    .set({
      helpful_count: sql<number>`helpful_count + ${helpful}`,
      not_helpful_count: sql<number>`not_helpful_count + ${notHelpful}`,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(['helpful_count', 'not_helpful_count'])
    .executeTakeFirstOrThrow();
}

// ── votes ──────────────────────────────────────────────────────────────────

/** The user's vote, locked until the transaction ends. */
export function findVote(db: Db, storeId: string, reviewId: string, userId: string) {
  return t(db)
    .selectFrom('review_votes')
    .select(['helpful'])
    .where('store_id', '=', storeId)
    .where('review_id', '=', reviewId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveVote(db: Db, storeId: string, reviewId: string, userId: string, helpful: boolean) {
  await t(db)
    .insertInto('review_votes')
    .values({ review_id: reviewId, user_id: userId, store_id: storeId, helpful })
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doUpdateSet({ helpful, updated_at: now }))
    .execute();
}

export async function deleteVote(db: Db, storeId: string, reviewId: string, userId: string) {
  await t(db)
    .deleteFrom('review_votes')
    .where('store_id', '=', storeId)
    .where('review_id', '=', reviewId)
    .where('user_id', '=', userId)
    .execute();
}

/** The user's votes on these reviews (one page's worth), by review id. */
export async function votesOf(db: Db, storeId: string, userId: string, reviewIds: string[]) {
  if (reviewIds.length === 0) return new Map<string, boolean>();
  const rows = await t(db)
    .selectFrom('review_votes')
    .select(['review_id', 'helpful'])
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('review_id', 'in', reviewIds)
    .execute();
  return new Map(rows.map((r) => [r.review_id, r.helpful]));
}

// ── reports ────────────────────────────────────────────────────────────────

/** Records a report once per user; undefined for a second. */
export async function insertReport(db: Db, row: Insertable<ReviewReportsTable>) {
  const inserted = await t(db)
    .insertInto('review_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
  if (inserted) {
    await t(db)
      .updateTable('reviews')
      .set({ report_count: sql<number>`report_count + 1` })
      .where('store_id', '=', row.store_id)
      .where('id', '=', row.review_id)
      .execute();
  }
  return inserted;
}

export function reportsOf(db: Db, storeId: string, reviewId: string) {
  return t(db)
    .selectFrom('review_reports')
    .select(['reason', 'note', 'created_at'])
    .where('store_id', '=', storeId)
    .where('review_id', '=', reviewId)
    .orderBy('id')
    .execute();
}

// ── demo and benchmark data ────────────────────────────────────────────────

const BULK_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['product_id', 'uuid'],
  ['user_id', 'uuid'],
  ['author_name', 'text'],
  ['seller_id', 'uuid'],
  ['verified_purchase', 'bool'],
  ['rating', 'int2'],
  ['delivery_rating', 'int2'],
  ['seller_rating', 'int2'],
  ['title', 'text'],
  ['body', 'text'],
  ['status', 'text'],
  ['helpful_count', 'int4'],
  ['created_at', 'timestamptz'],
];

export type BulkReview = Pick<
  ReviewRow,
  | 'id'
  | 'store_id'
  | 'product_id'
  | 'user_id'
  | 'author_name'
  | 'seller_id'
  | 'verified_purchase'
  | 'rating'
  | 'delivery_rating'
  | 'seller_rating'
  | 'title'
  | 'body'
  | 'status'
  | 'helpful_count'
  | 'created_at'
>;

export async function anyReviews(db: Db, storeId: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('reviews')
    .select('id')
    .where('store_id', '=', storeId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Many reviews in one statement (demo data, benchmarks); their aggregates are rebuilt after. */
export async function insertReviews(db: Db, rows: readonly BulkReview[]): Promise<void> {
  const values = rows.map((r) => BULK_COLUMNS.map(([name]) => r[name as keyof BulkReview]));
  await bulkInsert(db, 'reviews', BULK_COLUMNS, values);
}
