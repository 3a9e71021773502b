import { type Generated, type Insertable, type Selectable, sql, type WhereInterface } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { inOrder } from '../../platform/db/keyset.ts';

export type CartStatus = 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';

export interface CartsTable {
  id: string;
  store_id: string;
  user_id: string | null;
  status: Generated<CartStatus>;
  currency: string;
  converted_order_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  expires_at: Date;
  /** The accepted quote the cart holds (decision 026), and until when it holds. */
  lead_id: string | null;
  quoted_until: Date | null;
}

export interface CartItemsTable {
  id: string;
  store_id: string;
  cart_id: string;
  offer_id: string;
  quantity: number;
  unit_price_amount: number;
  /** A line of an accepted quote: at the quoted price, locked while the quote holds. */
  quoted: Generated<boolean>;
  added_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WishlistsTable {
  id: string;
  store_id: string;
  user_id: string;
  name: string;
  description: string | null;
  created_at: Generated<Date>;
}

export interface WishlistItemsTable {
  id: string;
  store_id: string;
  wishlist_id: string;
  offer_id: string;
  note: string | null;
  added_at: Generated<Date>;
}

interface CartTables {
  carts: CartsTable;
  cart_items: CartItemsTable;
  wishlists: WishlistsTable;
  wishlist_items: WishlistItemsTable;
}

export type CartRow = Selectable<CartsTable>;
export type CartItemRow = Selectable<CartItemsTable>;
export type WishlistRow = Selectable<WishlistsTable>;
export type WishlistItemRow = Selectable<WishlistItemsTable>;

const cartColumns = [
  'id',
  'store_id',
  'user_id',
  'status',
  'currency',
  'converted_order_id',
  'created_at',
  'updated_at',
  'expires_at',
  'lead_id',
  'quoted_until',
] as const;
const cartItemColumns = [
  'id',
  'store_id',
  'cart_id',
  'offer_id',
  'quantity',
  'unit_price_amount',
  'quoted',
  'added_at',
  'updated_at',
] as const;
const wishlistColumns = ['id', 'store_id', 'user_id', 'name', 'description', 'created_at'] as const;
const wishlistItemColumns = ['id', 'store_id', 'wishlist_id', 'offer_id', 'note', 'added_at'] as const;

const now = sql<Date>`now()`;

const t = (db: Db) => tables<CartTables>(db);

export function insertCart(db: Db, row: Insertable<CartsTable>) {
  return t(db).insertInto('carts').values(row).returning(cartColumns).executeTakeFirstOrThrow();
}

export function findCart(db: Db, storeId: string, id: string, lock = false) {
  let q = t(db).selectFrom('carts').select(cartColumns).where('store_id', '=', storeId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findActiveCartOfUser(db: Db, storeId: string, userId: string, lock = false) {
  let q = t(db)
    .selectFrom('carts')
    .select(cartColumns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('status', '=', 'ACTIVE');
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The store's ACTIVE cart `id` that `userId` may write (their own, or a guest's). */
function activeCart<QB extends WhereInterface<CartTables, 'carts'>>(
  qb: QB,
  storeId: string,
  cart: { id: string; userId: string | null },
): QB {
  return qb
    .where('store_id', '=', storeId)
    .where('id', '=', cart.id)
    .where('status', '=', 'ACTIVE')
    .where((eb) =>
      cart.userId === null
        ? eb('user_id', 'is', null)
        : eb.or([eb('user_id', 'is', null), eb('user_id', '=', cart.userId)]),
    ) as QB;
}

/**
 * Checkout's first write: the store's ACTIVE cart `id` (a guest's, or `userId`'s) becomes CONVERTED
 * for `orderId`, its row locked until the order's transaction ends (rolled back with it when the
 * checkout fails). A concurrent checkout or add waits on the lock and, after it, finds the cart
 * converted; `undefined` when no such cart is ACTIVE.
 */
export function convertActiveCart(
  db: Db,
  storeId: string,
  cart: { id: string; userId: string | null; orderId: string },
) {
  return activeCart(
    t(db)
      .updateTable('carts')
      .set({ status: 'CONVERTED', converted_order_id: cart.orderId, updated_at: now }),
    storeId,
    cart,
  )
    .returning(cartColumns)
    .executeTakeFirst();
}

/**
 * A write's first statement: the store's ACTIVE cart `id` (a guest's, or `userId`'s) touched
 * (`touchCart`), which locks its row until the caller's transaction ends; the row as touched, or
 * `undefined` when no such cart is ACTIVE.
 */
export function touchActiveCart(
  db: Db,
  storeId: string,
  cart: { id: string; userId: string | null },
  ttlSeconds: number,
) {
  return activeCart(t(db).updateTable('carts').set(touched(ttlSeconds)), storeId, cart)
    .returning(cartColumns)
    .executeTakeFirst();
}

const touched = (ttlSeconds: number) => ({
  updated_at: now,
  expires_at: sql<Date>`greatest(now() + make_interval(secs => ${ttlSeconds}), quoted_until)`,
});

/** Any write to a cart pushes its expiry back (seed 002 TTL), never before its quote lapses. */
export async function touchCart(db: Db, id: string, ttlSeconds: number) {
  await t(db).updateTable('carts').set(touched(ttlSeconds)).where('id', '=', id).execute();
}

export async function setCartStatus(db: Db, id: string, status: CartStatus, orderId: string | null = null) {
  await t(db)
    .updateTable('carts')
    .set({ status, converted_order_id: orderId, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The cart now holds the accepted quote `leadId` until `until` (null: it holds none any more). */
export async function setCartQuote(db: Db, id: string, quote: { leadId: string; until: Date } | null) {
  await t(db)
    .updateTable('carts')
    .set({ lead_id: quote?.leadId ?? null, quoted_until: quote?.until ?? null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The active cart holding the quote of `leadId`, locked. */
export function findActiveCartOfLead(db: Db, storeId: string, leadId: string) {
  return t(db)
    .selectFrom('carts')
    .select(cartColumns)
    .where('store_id', '=', storeId)
    .where('lead_id', '=', leadId)
    .where('status', '=', 'ACTIVE')
    .forUpdate()
    .executeTakeFirst();
}

/** Puts a quoted line in the cart at its quoted price, replacing a line of the same offer. */
export async function upsertQuotedItem(
  db: Db,
  row: {
    id: string;
    store_id: string;
    cart_id: string;
    offer_id: string;
    quantity: number;
    unit_price_amount: number;
  },
) {
  await t(db)
    .insertInto('cart_items')
    .values({ ...row, quoted: true })
    .onConflict((oc) =>
      oc.columns(['cart_id', 'offer_id']).doUpdateSet({
        quantity: row.quantity,
        unit_price_amount: row.unit_price_amount,
        quoted: true,
        updated_at: now,
      }),
    )
    .execute();
}

export async function deleteQuotedItems(db: Db, cartId: string) {
  await t(db).deleteFrom('cart_items').where('cart_id', '=', cartId).where('quoted', '=', true).execute();
}

export function itemsOf(db: Db, cartId: string) {
  return t(db)
    .selectFrom('cart_items')
    .select(cartItemColumns)
    .where('cart_id', '=', cartId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export function findItem(db: Db, cartId: string, itemId: string) {
  return t(db)
    .selectFrom('cart_items')
    .select(cartItemColumns)
    .where('cart_id', '=', cartId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export function findItemByOffer(db: Db, cartId: string, offerId: string) {
  return t(db)
    .selectFrom('cart_items')
    .select(cartItemColumns)
    .where('cart_id', '=', cartId)
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
}

export async function countItems(db: Db, cartId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('cart_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cart_id', '=', cartId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertItem(db: Db, row: Insertable<CartItemsTable>) {
  await t(db).insertInto('cart_items').values(row).execute();
}

export async function updateItem(
  db: Db,
  id: string,
  patch: { quantity?: number; unit_price_amount?: number },
) {
  await t(db)
    .updateTable('cart_items')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteItem(db: Db, id: string) {
  await t(db).deleteFrom('cart_items').where('id', '=', id).execute();
}

/** Marks carts untouched past their expiry ABANDONED; returns how many. */
export async function abandonExpired(db: Db, limit: number): Promise<number> {
  const rows = await sql<{ id: string }>`
    UPDATE carts SET status = 'ABANDONED', updated_at = now()
    WHERE id IN (SELECT id FROM carts WHERE status = 'ACTIVE' AND expires_at < now() LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(db);
  return rows.rows.length;
}

/**
 * Deletes up to `batch` guest carts (with their lines) that were abandoned or merged more than
 * `days` ago; converted carts stay (orders and checkout replays refer to them).
 */
export async function pruneGuestCarts(db: Db, days: number, batch: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM carts
    WHERE user_id IS NULL AND status IN ('ABANDONED', 'MERGED') AND updated_at < now() - make_interval(days => ${days})
    LIMIT ${batch} FOR UPDATE SKIP LOCKED`.execute(db);
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  await t(db).deleteFrom('cart_items').where('cart_id', 'in', ids).execute();
  await t(db).deleteFrom('carts').where('id', 'in', ids).execute();
  return ids.length;
}

export function insertWishlist(db: Db, row: Insertable<WishlistsTable>) {
  return t(db).insertInto('wishlists').values(row).returning(wishlistColumns).executeTakeFirstOrThrow();
}

/** A user's wishlists in id order, keyset-paged: `limit + 1` rows so the caller knows if more exist. */
export function wishlistsOf(db: Db, storeId: string, userId: string, limit: number, after?: string) {
  const q = t(db)
    .selectFrom('wishlists')
    .select(wishlistColumns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId);
  return inOrder(q, { after, limit }).execute();
}

/**
 * Takes a transaction-scoped lock on one user's wishlists, so that concurrent creations are
 * counted one at a time against the cap (the user row belongs to identity, so it is not locked).
 */
export async function lockUserWishlists(db: Db, storeId: string, userId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wishlists:${storeId}:${userId}`}, 0))`.execute(
    db,
  );
}

export async function countWishlists(db: Db, storeId: string, userId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('wishlists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Locks a wishlist row, so that its items are counted one addition at a time. */
export async function lockWishlist(db: Db, id: string) {
  await t(db).selectFrom('wishlists').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function countWishlistItems(db: Db, wishlistId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('wishlist_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('wishlist_id', '=', wishlistId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findWishlistItemByOffer(db: Db, wishlistId: string, offerId: string) {
  return t(db)
    .selectFrom('wishlist_items')
    .select('id')
    .where('wishlist_id', '=', wishlistId)
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
}

export function findWishlist(db: Db, storeId: string, userId: string, id: string) {
  return t(db)
    .selectFrom('wishlists')
    .select(wishlistColumns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateWishlist(db: Db, id: string, patch: { name?: string; description?: string | null }) {
  return t(db)
    .updateTable('wishlists')
    .set(patch)
    .where('id', '=', id)
    .returning(wishlistColumns)
    .executeTakeFirstOrThrow();
}

export async function deleteWishlist(db: Db, id: string) {
  await t(db).deleteFrom('wishlists').where('id', '=', id).execute();
}

export function wishlistItems(db: Db, wishlistIds: string[]) {
  if (wishlistIds.length === 0) return Promise.resolve([] as WishlistItemRow[]);
  return t(db)
    .selectFrom('wishlist_items')
    .select(wishlistItemColumns)
    .where('wishlist_id', 'in', wishlistIds)
    .orderBy('added_at')
    .execute();
}

export async function insertWishlistItem(db: Db, row: Insertable<WishlistItemsTable>) {
  await t(db)
    .insertInto('wishlist_items')
    .values(row)
    .onConflict((oc) => oc.columns(['wishlist_id', 'offer_id']).doNothing())
    .execute();
}

export function findWishlistItem(db: Db, wishlistId: string, itemId: string) {
  return t(db)
    .selectFrom('wishlist_items')
    .select(wishlistItemColumns)
    .where('wishlist_id', '=', wishlistId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function deleteWishlistItem(db: Db, id: string) {
  await t(db).deleteFrom('wishlist_items').where('id', '=', id).execute();
}
