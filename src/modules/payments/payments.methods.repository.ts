import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

// Saved payment methods and the buyers' customer records at the providers (migration 006): SQL only.

export interface PaymentCustomersTable {
  store_id: string;
  user_id: string;
  provider: string;
  provider_customer_id: string;
  created_at: Generated<Date>;
}

export interface SavedPaymentMethodsTable {
  id: string;
  store_id: string;
  user_id: string;
  provider: string;
  provider_customer_id: string;
  provider_method_id: string;
  type: Generated<string>;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  removed_at: Date | null;
  detached_at: Date | null;
}

interface MethodTables {
  payment_customers: PaymentCustomersTable;
  saved_payment_methods: SavedPaymentMethodsTable;
}

export type SavedMethodRow = Selectable<SavedPaymentMethodsTable>;

const columns = [
  'id',
  'store_id',
  'user_id',
  'provider',
  'provider_customer_id',
  'provider_method_id',
  'type',
  'brand',
  'last4',
  'exp_month',
  'exp_year',
  'is_default',
  'created_at',
  'removed_at',
  'detached_at',
] as const;

const t = (db: Db) => tables<MethodTables>(db);

export async function findCustomer(db: Db, storeId: string, userId: string, provider: string) {
  const row = await t(db)
    .selectFrom('payment_customers')
    .select('provider_customer_id')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('provider', '=', provider)
    .executeTakeFirst();
  return row?.provider_customer_id ?? null;
}

/** Records the buyer's customer at the provider; a concurrent first setup may have won: its id is kept. */
export async function insertCustomer(db: Db, row: Insertable<PaymentCustomersTable>): Promise<string> {
  await t(db)
    .insertInto('payment_customers')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'user_id', 'provider']).doNothing())
    .execute();
  return (await findCustomer(db, row.store_id, row.user_id, row.provider)) ?? row.provider_customer_id;
}

/** The buyer's live methods, the default first, then newest. */
export function listMethods(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('saved_payment_methods')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/**
 * One of the buyer's live methods. `share` holds it against removal until the transaction ends
 * (checkout); `update` is taken by removal and by set-default.
 */
export function findMethod(
  db: Db,
  storeId: string,
  userId: string,
  id: string,
  lock: 'share' | 'update' | null = null,
) {
  let q = t(db)
    .selectFrom('saved_payment_methods')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('removed_at', 'is', null);
  if (lock === 'share') q = q.forShare();
  if (lock === 'update') q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findByToken(db: Db, storeId: string, provider: string, providerMethodId: string) {
  return t(db)
    .selectFrom('saved_payment_methods')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('provider', '=', provider)
    .where('provider_method_id', '=', providerMethodId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** Locks all the buyer's live methods (in id order), so default changes run one at a time per buyer. */
export async function lockUserMethods(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('saved_payment_methods')
    .select(['id', 'is_default'])
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function insertMethod(db: Db, row: Insertable<SavedPaymentMethodsTable>): Promise<SavedMethodRow> {
  return t(db).insertInto('saved_payment_methods').values(row).returning(columns).executeTakeFirstOrThrow();
}

/** Makes `id` the buyer's only default (run under `lockUserMethods`). */
export async function setDefault(db: Db, storeId: string, userId: string, id: string): Promise<void> {
  // two statements: the unique index is checked row by row, so the old default goes first
  await t(db)
    .updateTable('saved_payment_methods')
    .set({ is_default: false })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .where('id', '!=', id)
    .execute();
  await t(db)
    .updateTable('saved_payment_methods')
    .set({ is_default: true })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .execute();
}

export function markRemoved(db: Db, storeId: string, id: string) {
  return t(db)
    .updateTable('saved_payment_methods')
    .set({ removed_at: sql<Date>`now()`, is_default: false })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function markDetached(db: Db, storeId: string, id: string): Promise<void> {
  await t(db)
    .updateTable('saved_payment_methods')
    .set({ detached_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/** A removed method whose token the provider has not yet confirmed gone. */
export function findUndetached(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('saved_payment_methods')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('removed_at', 'is not', null)
    .where('detached_at', 'is', null)
    .executeTakeFirst();
}
