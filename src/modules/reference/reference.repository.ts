// SQL of lookup types and values. Every statement is scoped by store.
import { type Generated, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { DefaultValue } from './reference.defaults.ts';

export interface LookupTypesTable {
  store_id: string;
  type: string;
  created_at: Generated<Date>;
}

export interface LookupValuesTable {
  store_id: string;
  type: string;
  code: string;
  labels: Record<string, string>;
  position: number;
  active: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface ReferenceTables {
  lookup_types: LookupTypesTable;
  lookup_values: LookupValuesTable;
}

export type LookupValueRow = Selectable<LookupValuesTable>;

const t = (db: Db) => tables<ReferenceTables>(db);

/** The types the store owns (changed at least once), with their value counts. */
export async function ownTypes(db: Db, storeId: string) {
  return t(db)
    .selectFrom('lookup_types as lt')
    .leftJoin('lookup_values as lv', (j) =>
      j.onRef('lv.store_id', '=', 'lt.store_id').onRef('lv.type', '=', 'lt.type'),
    )
    .select(['lt.type', sql<number>`count(lv.code)::int`.as('count')])
    .where('lt.store_id', '=', storeId)
    .groupBy('lt.type')
    .orderBy('lt.type')
    .execute();
}

export async function ownsType(db: Db, storeId: string, type: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('lookup_types')
    .select('type')
    .where('store_id', '=', storeId)
    .where('type', '=', type)
    .executeTakeFirst();
  return row !== undefined;
}

/** A type's values in order; `active` narrows to the values forms offer. */
export async function values(db: Db, storeId: string, type: string, onlyActive: boolean) {
  let query = t(db)
    .selectFrom('lookup_values')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('type', '=', type);
  if (onlyActive) query = query.where('active', '=', true);
  return query.orderBy('position').orderBy('code').execute();
}

/**
 * Marks the type as the store's own, copying its defaults the first time. Of racing first changes
 * one inserts; the others wait on its row, then find it there.
 */
export async function claimType(db: Db, storeId: string, type: string, defaults: DefaultValue[]) {
  const claimed = await t(db)
    .insertInto('lookup_types')
    .values({ store_id: storeId, type })
    .onConflict((oc) => oc.doNothing())
    .returning('type')
    .executeTakeFirst();
  if (!claimed || defaults.length === 0) return;
  await t(db)
    .insertInto('lookup_values')
    .values(
      defaults.map((d, i) => ({
        store_id: storeId,
        type,
        code: d.code,
        labels: JSON.stringify(d.labels) as unknown as Record<string, string>,
        position: (i + 1) * 10,
        active: true,
      })),
    )
    .execute();
}

/** One value, locked against a concurrent change or removal while the caller's transaction lasts. */
export async function lockValue(
  db: Db,
  storeId: string,
  type: string,
  code: string,
  mode: 'update' | 'share',
) {
  const query = t(db)
    .selectFrom('lookup_values')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('type', '=', type)
    .where('code', '=', code);
  return (mode === 'update' ? query.forUpdate() : query.forKeyShare()).executeTakeFirst();
}

export async function upsertValue(
  db: Db,
  row: Pick<LookupValueRow, 'store_id' | 'type' | 'code' | 'labels' | 'position' | 'active'>,
) {
  const labels = JSON.stringify(row.labels) as unknown as Record<string, string>;
  return t(db)
    .insertInto('lookup_values')
    .values({ ...row, labels })
    .onConflict((oc) =>
      oc.columns(['store_id', 'type', 'code']).doUpdateSet({
        labels,
        position: row.position,
        active: row.active,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteValue(db: Db, storeId: string, type: string, code: string) {
  await t(db)
    .deleteFrom('lookup_values')
    .where('store_id', '=', storeId)
    .where('type', '=', type)
    .where('code', '=', code)
    .execute();
}
