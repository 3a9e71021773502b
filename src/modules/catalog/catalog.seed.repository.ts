/**
 * The SQL of seeding: the demo catalog's set-based batch inserts, its category filters and the
 * statistics refresh after it, and the offers whose quantity was written without inventory (the
 * opening stock inventory still has to receive).
 */
import { sql } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../platform/db/bulk.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type FilterKind, t } from './catalog.repository.ts';

type Columns = readonly BulkColumn[];

/** One row of a bulk insert, by column name. */
export type BulkRow<C extends Columns> = { readonly [K in C[number][0]]: unknown };

const productColumns = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['created_by', 'uuid'],
  ['category_id', 'uuid'],
  ['category_path', 'uuid[]'],
  ['name', 'text'],
  ['slug', 'text'],
  ['description', 'text'],
  ['short_description', 'text'],
  ['brand', 'text'],
  ['product_type', 'text'],
  ['attributes', 'jsonb'],
  ['specs', 'jsonb'],
  ['tags', 'text[]'],
  ['options', 'jsonb'],
  ['seo_title', 'text'],
  ['seo_description', 'text'],
  ['status', 'text'],
  ['published_at', 'timestamptz'],
  ['weight_grams', 'int4'],
  ['thumbnail_url', 'text'],
  ['reward_percent_bp', 'int4'],
  ['rating_avg', 'numeric'],
  ['rating_count', 'int4'],
  ['currency', 'text'],
  ['best_price_amount', 'int8'],
  ['best_compare_at_amount', 'int8'],
  ['best_offer_id', 'uuid'],
  ['in_stock', 'bool'],
  ['seller_ids', 'uuid[]'],
  ['generated', 'bool'],
  ['created_at', 'timestamptz'],
] as const;

const variantColumns = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['product_id', 'uuid'],
  ['sku', 'text'],
  ['barcode', 'text'],
  ['options', 'jsonb'],
  ['position', 'int4'],
  ['weight_grams', 'int4'],
] as const;

const offerColumns = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['product_id', 'uuid'],
  ['variant_id', 'uuid'],
  ['seller_id', 'uuid'],
  ['seller_product_name', 'text'],
  ['price_amount', 'int8'],
  ['compare_at_amount', 'int8'],
  ['currency', 'text'],
  ['reward_percent_bp', 'int4'],
  ['is_available', 'bool'],
  ['available_quantity', 'int4'],
  ['rating_avg', 'numeric'],
  ['rating_count', 'int4'],
] as const;

const imageColumns = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['product_id', 'uuid'],
  ['url', 'text'],
  ['alt_text', 'text'],
  ['position', 'int4'],
  ['is_primary', 'bool'],
] as const;

const specColumns = [
  ['product_id', 'uuid'],
  ['name', 'text'],
  ['store_id', 'uuid'],
  ['value', 'text'],
  ['position', 'int4'],
] as const;

export type SeedProduct = BulkRow<typeof productColumns>;
export type SeedVariant = BulkRow<typeof variantColumns>;
export type SeedOffer = BulkRow<typeof offerColumns>;
export type SeedImage = BulkRow<typeof imageColumns>;
export type SeedSpec = BulkRow<typeof specColumns>;

/** A batch of the demo catalog: products with their variants, offers, images and specifications. */
export interface SeedBatch {
  products: SeedProduct[];
  variants: SeedVariant[];
  offers: SeedOffer[];
  images: SeedImage[];
  specs: SeedSpec[];
}

async function insertRows<C extends Columns>(db: Db, table: string, columns: C, rows: readonly BulkRow<C>[]) {
  const values = rows.map((row) => columns.map(([name]) => row[name as C[number][0]]));
  await bulkInsert(db, table, columns, values);
}

/**
 * One INSERT … SELECT FROM unnest(…) per table; run it in a transaction so a batch lands whole.
 * The batch's facet counts are added with one GROUP BY (`catalog_count_facets`) instead of the
 * products trigger's upserts per row, which this transaction switches off for itself.
 */
export async function insertBatch(db: Db, batch: SeedBatch): Promise<void> {
  await sql`SELECT set_config('bazaar.facet_counts', 'batch', true)`.execute(db);
  await insertRows(db, 'products', productColumns, batch.products);
  const storeId = batch.products[0]?.store_id;
  if (storeId) {
    const ids = batch.products.map((p) => p.id as string);
    await sql`SELECT catalog_count_facets(${storeId}::uuid, ${ids}::uuid[])`.execute(db);
  }
  await sql`SELECT set_config('bazaar.facet_counts', '', true)`.execute(db);
  await insertRows(db, 'variants', variantColumns, batch.variants);
  await insertRows(db, 'offers', offerColumns, batch.offers);
  await insertRows(db, 'product_images', imageColumns, batch.images);
  await insertRows(db, 'product_specs', specColumns, batch.specs);
}

/** The catalog tables a seed fills, whose secondary indexes the bulk path rebuilds. */
const SEEDED_TABLES = ['products', 'variants', 'offers', 'product_images', 'product_specs'];

/** Whether no store has a product yet: the bulk path may then take the indexes away for a while. */
export async function catalogEmpty(db: Db): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`SELECT NOT EXISTS (SELECT 1 FROM products) AS empty`.execute(
    db,
  );
  return rows[0]!.empty;
}

/** What the bulk path takes away while it loads, to put back after. */
export interface LoadAids {
  indexes: string[];
  foreignKeys: Array<{ table: string; name: string; def: string }>;
}

/**
 * Drops the seeded tables' secondary indexes (those that back no constraint) and their foreign
 * keys, and returns their definitions. Only inside the seed's transaction: a failed seed rolls
 * the drop back too.
 */
export async function dropLoadAids(db: Db): Promise<LoadAids> {
  const { rows: indexes } = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY (${SEEDED_TABLES}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(db);
  const { rows: foreignKeys } = await sql<{ table: string; name: string; def: string }>`
    SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
      AND t.relname = ANY (${SEEDED_TABLES}::text[])
    ORDER BY t.relname, c.conname`.execute(db);
  for (const r of indexes) await sql`DROP INDEX ${sql.ref(r.name)}`.execute(db);
  for (const f of foreignKeys)
    await sql`ALTER TABLE ${sql.table(f.table)} DROP CONSTRAINT ${sql.ref(f.name)}`.execute(db);
  return { indexes: indexes.map((r) => r.def), foreignKeys };
}

/** Builds the indexes again, each in one pass over its table, and checks each foreign key in one join. */
export async function restoreLoadAids(db: Db, aids: LoadAids): Promise<void> {
  await sql`SELECT set_config('maintenance_work_mem', '256MB', true)`.execute(db);
  for (const def of aids.indexes) await sql.raw(def).execute(db);
  for (const f of aids.foreignKeys)
    await sql`ALTER TABLE ${sql.table(f.table)} ADD CONSTRAINT ${sql.ref(f.name)} ${sql.raw(f.def)}`.execute(
      db,
    );
}

export interface SpecFilter {
  storeId: string;
  categoryId: string;
  key: string;
  label: string;
  kind: FilterKind;
  /** The specification the filter reads. */
  specName: string;
  position: number;
}

/** Adds a filter on a specification to a category, unless the category has one of that key. */
export async function addSpecFilter(db: Db, f: SpecFilter): Promise<void> {
  await t(db)
    .insertInto('category_filters')
    .values({
      id: newId(),
      store_id: f.storeId,
      category_id: f.categoryId,
      key: f.key,
      label: f.label,
      kind: f.kind,
      source: 'SPEC',
      source_key: f.specName,
      position: f.position,
    })
    .onConflict((oc) => oc.columns(['category_id', 'key']).doNothing())
    .execute();
}

/**
 * Fresh statistics and visibility map for the catalog's tables, so the first queries on a newly
 * seeded catalog already get index (and index-only) plans rather than waiting for autovacuum.
 */
export async function analyzeCatalog(db: Db): Promise<void> {
  await sql`VACUUM (ANALYZE) categories, products, variants, offers, product_images, product_specs,
    product_facet_counts`.execute(db);
}

/**
 * Offers whose catalog availability was set without the inventory module (the demo seed writes it
 * directly), in id order: what opening stock has to be received for them, as inventory takes it.
 */
export function offersWithOpeningQuantity(db: Db, storeId: string, afterId: string | null, limit: number) {
  let q = t(db)
    .selectFrom('offers')
    .select([
      'id as offerId',
      'product_id as productId',
      'seller_id as sellerId',
      'available_quantity as quantity',
    ])
    .where('store_id', '=', storeId)
    .where('available_quantity', '>', 0);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
