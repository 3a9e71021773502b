/**
 * The SQL of a generated catalog (decision 017): its categories in one insert, and the clearing of
 * every row a store generator wrote before, so a regenerated store replaces them. The `generated`
 * columns (migration 006) are written and read only here, in SQL of their own: the row types of
 * catalog.tables.ts leave them out, so every other selection and presenter stays as it is.
 */
import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk.ts';
import type { Db } from '../../platform/db/database.ts';

const categoryColumns = [
  ['id', 'uuid'],
  ['store_id', 'uuid'],
  ['parent_id', 'uuid'],
  ['path', 'uuid[]'],
  ['slug', 'text'],
  ['name', 'text'],
  ['description', 'text'],
  ['image_url', 'text'],
  ['sort_order', 'int4'],
  ['generated', 'bool'],
] as const;

export interface GeneratedCategoryRow {
  id: string;
  parentId: string | null;
  path: string[];
  slug: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  sortOrder: number;
}

/**
 * The whole tree in one statement: a child may come in the same statement as its parent, as
 * foreign keys are checked at the statement's end.
 */
export async function insertGeneratedCategories(
  db: Db,
  storeId: string,
  rows: GeneratedCategoryRow[],
): Promise<void> {
  await bulkInsert(
    db,
    'categories',
    categoryColumns,
    rows.map((r) => [
      r.id,
      storeId,
      r.parentId,
      r.path,
      r.slug,
      r.name,
      r.description,
      r.imageUrl,
      r.sortOrder,
      true,
    ]),
  );
}

export interface ClearedCatalog {
  products: number;
  categories: number;
}

/**
 * Soft-deletes the live generated products with their variants and offers (orders keep pointing
 * at them, as after any product deletion), then deletes the generated categories and everything
 * under them, their filters, and the links of any product to them.
 */
export async function clearGenerated(db: Db, storeId: string): Promise<ClearedCatalog> {
  const products = await sql<{ id: string }>`
    UPDATE products SET deleted_at = now(), updated_at = now()
    WHERE store_id = ${storeId} AND generated AND deleted_at IS NULL
    RETURNING id`.execute(db);
  const ids = products.rows.map((r) => r.id);
  if (ids.length > 0) {
    await sql`UPDATE variants SET deleted_at = now()
      WHERE store_id = ${storeId} AND product_id = ANY(${ids}::uuid[]) AND deleted_at IS NULL`.execute(db);
    await sql`UPDATE offers SET deleted_at = now(), is_available = false
      WHERE store_id = ${storeId} AND product_id = ANY(${ids}::uuid[]) AND deleted_at IS NULL`.execute(db);
  }
  const doomed = await sql<{ id: string }>`
    SELECT id FROM categories
    WHERE store_id = ${storeId}
      AND path && ARRAY(SELECT id FROM categories WHERE store_id = ${storeId} AND generated)`.execute(db);
  const categoryIds = doomed.rows.map((r) => r.id);
  if (categoryIds.length > 0) {
    await sql`UPDATE products SET category_id = NULL, category_path = '{}', updated_at = now()
      WHERE store_id = ${storeId} AND category_id = ANY(${categoryIds}::uuid[])`.execute(db);
    await sql`DELETE FROM category_filters
      WHERE store_id = ${storeId} AND category_id = ANY(${categoryIds}::uuid[])`.execute(db);
    await sql`DELETE FROM categories WHERE store_id = ${storeId} AND id = ANY(${categoryIds}::uuid[])`.execute(
      db,
    );
  }
  return { products: ids.length, categories: categoryIds.length };
}
