// The store settings checkout prices with: tax rules and shipping methods.
import type { Generated, Insertable, Selectable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

export interface TaxRulesTable {
  id: string;
  store_id: string;
  name: string;
  country: string;
  region: string | null;
  category_id: string | null;
  rate_bp: number;
  inclusive: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ShippingMethodsTable {
  id: string;
  store_id: string;
  code: string;
  name: string;
  currency: string;
  flat_amount: Generated<number>;
  weight_bands: unknown;
  free_over_amount: number | null;
  countries: string[] | null;
  is_default: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

interface SettingsTables {
  tax_rules: TaxRulesTable;
  shipping_methods: ShippingMethodsTable;
}

const TAX_RULE_COLUMNS = [
  'id',
  'name',
  'country',
  'region',
  'category_id',
  'rate_bp',
  'inclusive',
  'active',
] as const;

const SHIPPING_METHOD_COLUMNS = [
  'id',
  'code',
  'name',
  'currency',
  'flat_amount',
  'weight_bands',
  'free_over_amount',
  'countries',
  'is_default',
] as const;

export type TaxRuleRow = Pick<Selectable<TaxRulesTable>, (typeof TAX_RULE_COLUMNS)[number]>;
export type ShippingMethodRow = Pick<
  Selectable<ShippingMethodsTable>,
  (typeof SHIPPING_METHOD_COLUMNS)[number]
>;

const t = (db: Db) => tables<SettingsTables>(db);

export function activeTaxRules(db: Db, storeId: string, country: string) {
  return t(db)
    .selectFrom('tax_rules')
    .select(TAX_RULE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('country', '=', country)
    .where('active', '=', true)
    .execute();
}

/** Every active tax rule of the store, whatever the country (what the pricing cache holds). */
export function activeTaxRulesOfStore(db: Db, storeId: string) {
  return t(db)
    .selectFrom('tax_rules')
    .select(TAX_RULE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

export function insertTaxRule(db: Db, row: Insertable<TaxRulesTable>) {
  return t(db).insertInto('tax_rules').values(row).returning(TAX_RULE_COLUMNS).executeTakeFirstOrThrow();
}

export function listTaxRules(db: Db, storeId: string) {
  return t(db)
    .selectFrom('tax_rules')
    .select(TAX_RULE_COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('id')
    .execute();
}

export function deactivateTaxRule(db: Db, storeId: string, id: string) {
  return t(db)
    .updateTable('tax_rules')
    .set({ active: false })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(TAX_RULE_COLUMNS)
    .executeTakeFirst();
}

export function shippingMethods(db: Db, storeId: string) {
  return t(db)
    .selectFrom('shipping_methods')
    .select(SHIPPING_METHOD_COLUMNS)
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

export function insertShippingMethod(db: Db, row: Insertable<ShippingMethodsTable>) {
  return t(db)
    .insertInto('shipping_methods')
    .values({ ...row, weight_bands: JSON.stringify(row.weight_bands ?? []) })
    .returning(SHIPPING_METHOD_COLUMNS)
    .executeTakeFirstOrThrow();
}
