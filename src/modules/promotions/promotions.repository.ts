import { type Generated, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { ContactKeys } from '../../platform/contact-keys.ts';
import { type Db, tables } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';

export type CouponType = 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';

export interface CouponsTable {
  id: string;
  store_id: string;
  code: string;
  description: string | null;
  type: CouponType;
  value: number;
  currency: string;
  min_order_amount: Generated<number>;
  max_discount_amount: number | null;
  starts_at: Date | null;
  expires_at: Date | null;
  usage_limit: number | null;
  used_count: Generated<number>;
  per_user_limit: number | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouponUsagesTable {
  id: string;
  store_id: string;
  coupon_id: string;
  user_id: string | null;
  email: string | null;
  order_id: string;
  discount_amount: number;
  created_at: Generated<Date>;
  released_at: Date | null;
  email_key: string | null;
  phone_key: string | null;
  address_key: string | null;
}

export type RewardType = 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST';
export type RewardReason = 'PURCHASE' | 'REVIEW' | 'REFERRAL' | 'CANCELLATION' | 'ADMIN' | 'EXPIRY';

export interface RewardAccountsTable {
  store_id: string;
  user_id: string;
  balance: number;
  updated_at: Generated<Date>;
}

export interface RewardLedgerTable {
  id: string;
  store_id: string;
  user_id: string;
  type: RewardType;
  reason: RewardReason;
  points: number;
  order_id: string | null;
  review_id: Generated<string | null>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

interface PromotionTables {
  coupons: CouponsTable;
  coupon_usages: CouponUsagesTable;
  reward_accounts: RewardAccountsTable;
  reward_ledger: RewardLedgerTable;
}

export type CouponRow = Selectable<CouponsTable>;
export type LedgerRow = Selectable<RewardLedgerTable>;

const couponColumns = [
  'id',
  'store_id',
  'code',
  'description',
  'type',
  'value',
  'currency',
  'min_order_amount',
  'max_discount_amount',
  'starts_at',
  'expires_at',
  'usage_limit',
  'used_count',
  'per_user_limit',
  'active',
  'created_by',
  'created_at',
  'updated_at',
] as const;
const ledgerColumns = [
  'id',
  'store_id',
  'user_id',
  'type',
  'reason',
  'points',
  'order_id',
  'review_id',
  'note',
  'created_by',
  'created_at',
] as const;

const now = sql<Date>`now()`;

const t = (db: Db) => tables<PromotionTables>(db);

export function insertCoupon(db: Db, row: Insertable<CouponsTable>) {
  return t(db).insertInto('coupons').values(row).returning(couponColumns).executeTakeFirstOrThrow();
}

export function updateCoupon(db: Db, storeId: string, id: string, patch: Updateable<CouponsTable>) {
  return t(db)
    .updateTable('coupons')
    .set({ ...patch, updated_at: now })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(couponColumns)
    .executeTakeFirst();
}

export function findCoupon(db: Db, storeId: string, id: string, lock = false) {
  const q = t(db)
    .selectFrom('coupons')
    .select(couponColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function findCouponByCode(db: Db, storeId: string, code: string, lock = false) {
  let q = t(db)
    .selectFrom('coupons')
    .select(couponColumns)
    .where('store_id', '=', storeId)
    .where('code', '=', code.toUpperCase());
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function lockCoupon(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('coupons')
    .select(couponColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listCoupons(db: Db, storeId: string, limit: number, after?: string) {
  const q = t(db).selectFrom('coupons').select(couponColumns).where('store_id', '=', storeId);
  return newestFirst(q, { after, limit }).execute();
}

/**
 * Live (unreleased) uses of a coupon by one buyer: a signed-in user by user id; a guest by any of
 * its contact keys (a use by anyone with the same mailbox, phone or shipping address counts), and
 * by email for uses recorded before keys were kept.
 */
export async function countUsesBy(
  db: Db,
  couponId: string,
  buyer: { userId: string | null; email: string | null; keys: ContactKeys },
) {
  let q = t(db)
    .selectFrom('coupon_usages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('coupon_id', '=', couponId)
    .where('released_at', 'is', null);
  if (buyer.userId) q = q.where('user_id', '=', buyer.userId);
  else {
    const { email, phone, address } = buyer.keys;
    q = q.where((eb) =>
      eb.or([
        ...(email ? [eb('email_key', '=', email)] : []),
        ...(phone ? [eb('phone_key', '=', phone)] : []),
        ...(address ? [eb('address_key', '=', address)] : []),
        ...(buyer.email
          ? [eb.and([eb('email_key', 'is', null), eb(sql`lower(email)`, '=', buyer.email.toLowerCase())])]
          : []),
      ]),
    );
  }
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

export async function incrementUse(db: Db, couponId: string, delta: 1 | -1) {
  await t(db)
    .updateTable('coupons')
    .set({ used_count: sql<number>`used_count + ${delta}` })
    .where('id', '=', couponId)
    .execute();
}

export function insertUsage(db: Db, row: Insertable<CouponUsagesTable>) {
  return t(db).insertInto('coupon_usages').values(row).execute();
}

export function releaseUsages(db: Db, storeId: string, orderId: string) {
  return t(db)
    .updateTable('coupon_usages')
    .set({ released_at: now })
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('released_at', 'is', null)
    .returning(['coupon_id'])
    .execute();
}

/** Appends a ledger entry once (per order, type and reason); returns false for a repeat. */
export async function insertLedger(db: Db, row: Insertable<RewardLedgerTable>): Promise<boolean> {
  const inserted = await t(db)
    .insertInto('reward_ledger')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['order_id', 'type', 'reason']).where('order_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Appends a review's ledger entry once (per review, type and reason); returns false for a repeat. */
export async function insertReviewLedger(db: Db, row: Insertable<RewardLedgerTable>): Promise<boolean> {
  const inserted = await t(db)
    .insertInto('reward_ledger')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['review_id', 'type', 'reason']).where('review_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The points a review earned (0 if none). */
export async function earnedForReview(db: Db, storeId: string, reviewId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('reward_ledger')
    .select('points')
    .where('store_id', '=', storeId)
    .where('review_id', '=', reviewId)
    .where('type', '=', 'EARN')
    .executeTakeFirst();
  return Number(row?.points ?? 0);
}

/** Moves the balance by `delta`; the CHECK (balance >= 0) refuses an overdraft. */
export async function moveBalance(db: Db, storeId: string, userId: string, delta: number) {
  const updated = await t(db)
    .updateTable('reward_accounts')
    .set({ balance: sql<number>`balance + ${delta}`, updated_at: now })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await t(db)
    .insertInto('reward_accounts')
    .values({ store_id: storeId, user_id: userId, balance: delta })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'user_id'])
        .doUpdateSet({ balance: sql<number>`reward_accounts.balance + ${delta}`, updated_at: now }),
    )
    .execute();
}

export async function balanceOf(db: Db, storeId: string, userId: string, lock = false): Promise<number> {
  let q = t(db)
    .selectFrom('reward_accounts')
    .select('balance')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId);
  if (lock) q = q.forUpdate();
  return Number((await q.executeTakeFirst())?.balance ?? 0);
}

export function ledgerOfOrder(db: Db, storeId: string, orderId: string) {
  return t(db)
    .selectFrom('reward_ledger')
    .select(ledgerColumns)
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .execute();
}

export function ledgerOfUser(db: Db, storeId: string, userId: string, limit: number, after?: string) {
  const q = t(db)
    .selectFrom('reward_ledger')
    .select(ledgerColumns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId);
  return newestFirst(q, { after, limit }).execute();
}

export async function ledgerSum(db: Db, storeId: string, userId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('reward_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), sql<number>`0`).as('total'))
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
