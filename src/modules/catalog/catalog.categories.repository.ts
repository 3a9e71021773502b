// SQL for the category tree and each category's filters.
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CrumbT } from './catalog.schemas.ts';
import {
  type CategoriesTable,
  type CategoryFiltersTable,
  type CategoryRow,
  categoryColumns,
  type FilterRow,
  filterColumns,
  t,
} from './catalog.tables.ts';

export function listCategories(db: Db, storeId: string) {
  return t(db)
    .selectFrom('categories')
    .select(categoryColumns)
    .where('store_id', '=', storeId)
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findCategory(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('categories')
    .select(categoryColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findCategoryBySlug(db: Db, storeId: string, slug: string) {
  return t(db)
    .selectFrom('categories')
    .select(categoryColumns)
    .where('store_id', '=', storeId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** A category with its breadcrumbs (root first), children and filters, in one round trip. */
export async function findCategoryDetail(db: Db, storeId: string, slug: string) {
  const { rows } = await sql<
    CategoryRow & { breadcrumbs: CrumbT[]; children: CrumbT[]; filters: FilterRow[] }
  >`
    SELECT c.id, c.store_id, c.parent_id, c.path, c.slug, c.name, c.description, c.image_url,
      c.sort_order, c.is_active, c.created_at, c.updated_at,
      (SELECT json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name)
                       ORDER BY array_position(c.path, a.id))
         FROM categories a WHERE a.id = ANY (c.path)) AS breadcrumbs,
      (SELECT coalesce(json_agg(json_build_object('id', k.id, 'slug', k.slug, 'name', k.name)
                       ORDER BY k.sort_order, k.name, k.id), '[]')
         FROM categories k WHERE k.store_id = c.store_id AND k.parent_id = c.id AND k.is_active) AS children,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'store_id', f.store_id,
                'category_id', f.category_id, 'key', f.key, 'label', f.label, 'kind', f.kind,
                'source', f.source, 'source_key', f.source_key, 'position', f.position,
                'created_at', f.created_at)
                ORDER BY array_position(c.path, f.category_id), f.position, f.key), '[]')
         FROM category_filters f WHERE f.store_id = c.store_id AND f.category_id = ANY (c.path)) AS filters
    FROM categories c
    WHERE c.store_id = ${storeId} AND c.slug = ${slug}
  `.execute(db);
  return rows[0];
}

export function findSlugs(db: Db, table: 'categories' | 'products', storeId: string, base: string) {
  const live = table === 'products' ? sql`AND deleted_at IS NULL` : sql``;
  return sql<{ slug: string }>`
    SELECT slug FROM ${sql.table(table)}
    WHERE store_id = ${storeId} AND (slug = ${base} OR slug LIKE ${`${base}-%`}) ${live}
  `
    .execute(db)
    .then((r) => new Set(r.rows.map((x) => x.slug)));
}

/** Serialises tree edits of one store, so two concurrent moves cannot build a cycle together. */
export async function lockCategoryTree(db: Db, storeId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`catalog.categories.${storeId}`}))`.execute(db);
}

export async function insertCategory(db: Db, row: Insertable<CategoriesTable>) {
  return t(db).insertInto('categories').values(row).returning(categoryColumns).executeTakeFirstOrThrow();
}

export async function updateCategory(
  db: Db,
  storeId: string,
  id: string,
  patch: Updateable<CategoriesTable>,
) {
  return t(db)
    .updateTable('categories')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(categoryColumns)
    .executeTakeFirstOrThrow();
}

/** Height of the subtree under `path` (1 for a leaf), to keep moved trees within the depth limit. */
export async function subtreeDepth(db: Db, storeId: string, id: string, depth: number): Promise<number> {
  const row = await sql<{ depth: number }>`
    SELECT max(cardinality(path))::int AS depth FROM categories
    WHERE store_id = ${storeId} AND path @> ARRAY[${id}::uuid]
  `.execute(db);
  return (row.rows[0]?.depth ?? depth) - depth + 1;
}

/** Re-roots a subtree: every descendant's path gets the new prefix, and products follow. */
export async function moveSubtree(db: Db, storeId: string, id: string, oldDepth: number, prefix: string[]) {
  await sql`
    UPDATE categories SET path = ${prefix}::uuid[] || path[${oldDepth}:], updated_at = now()
    WHERE store_id = ${storeId} AND path @> ARRAY[${id}::uuid]
  `.execute(db);
  await sql`
    UPDATE products p SET category_path = c.path
    FROM categories c
    WHERE c.store_id = ${storeId} AND c.path @> ARRAY[${id}::uuid]
      AND p.store_id = ${storeId} AND p.category_id = c.id
  `.execute(db);
}

export async function setSortOrders(db: Db, storeId: string, ids: string[]) {
  await sql`
    UPDATE categories c SET sort_order = o.ord - 1, updated_at = now()
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, ord)
    WHERE c.store_id = ${storeId} AND c.id = o.id
  `.execute(db);
}

/** The store's category filters in their order; with `categoryId`, only that category's own. */
export function listAllFilters(db: Db, storeId: string, categoryId?: string) {
  return t(db)
    .selectFrom('category_filters')
    .select(filterColumns)
    .where('store_id', '=', storeId)
    .$if(categoryId !== undefined, (q) => q.where('category_id', '=', categoryId!))
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export function insertFilter(db: Db, row: Insertable<CategoryFiltersTable>) {
  return t(db).insertInto('category_filters').values(row).returning(filterColumns).executeTakeFirstOrThrow();
}

export async function deleteFilter(db: Db, storeId: string, id: string): Promise<boolean> {
  const result = await t(db)
    .deleteFrom('category_filters')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
