import {
  type Generated,
  type Insertable,
  type RawBuilder,
  type Selectable,
  sql,
  type Updateable,
} from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

export type ProductStatus = 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
export type FilterKind = 'ENUM' | 'RANGE' | 'BOOLEAN';
export type FilterSource = 'SPEC' | 'ATTRIBUTE';

export interface Dimensions {
  length: number;
  width: number;
  height: number;
  unit: 'mm' | 'cm' | 'm' | 'in';
}

export interface CategoriesTable {
  id: string;
  store_id: string;
  parent_id: string | null;
  path: string[];
  slug: string;
  name: string;
  description: string | null;
  image_url: string | null;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProductsTable {
  id: string;
  store_id: string;
  created_by: string;
  category_id: string | null;
  category_path: Generated<string[]>;
  name: string;
  slug: string;
  description: Generated<string>;
  short_description: string | null;
  brand: string | null;
  product_type: string | null;
  attributes: Generated<Record<string, unknown>>;
  specs: Generated<Record<string, string>>;
  tags: Generated<string[]>;
  seo_title: string | null;
  seo_description: string | null;
  status: ProductStatus;
  published_at: Date | null;
  is_digital: Generated<boolean>;
  requires_shipping: Generated<boolean>;
  weight_grams: number | null;
  dimensions: Dimensions | null;
  thumbnail_url: string | null;
  reward_percent_bp: Generated<number>;
  reward_set_by_staff: Generated<boolean>;
  rating_avg: Generated<string>;
  rating_count: Generated<number>;
  currency: string | null;
  best_price_amount: number | null;
  best_compare_at_amount: number | null;
  best_offer_id: string | null;
  in_stock: Generated<boolean>;
  seller_ids: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface VariantsTable {
  id: string;
  store_id: string;
  product_id: string;
  sku: string;
  barcode: string | null;
  options: Record<string, string>;
  position: number;
  weight_grams: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface OffersTable {
  id: string;
  store_id: string;
  product_id: string;
  variant_id: string;
  seller_id: string;
  seller_product_name: string | null;
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  reward_percent_bp: number | null;
  reward_set_by_staff: Generated<boolean>;
  is_available: Generated<boolean>;
  available_quantity: Generated<number>;
  rating_avg: Generated<string>;
  rating_count: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface ProductImagesTable {
  id: string;
  store_id: string;
  product_id: string;
  url: string;
  alt_text: string | null;
  position: number;
  is_primary: boolean;
  created_at: Generated<Date>;
}

export interface ProductSpecsTable {
  product_id: string;
  name: string;
  store_id: string;
  value: string;
  position: number;
}

export interface CategoryFiltersTable {
  id: string;
  store_id: string;
  category_id: string;
  key: string;
  label: string;
  kind: FilterKind;
  source: FilterSource;
  source_key: string;
  position: number;
  created_at: Generated<Date>;
}

export interface CatalogTables {
  categories: CategoriesTable;
  products: ProductsTable;
  variants: VariantsTable;
  offers: OffersTable;
  product_images: ProductImagesTable;
  product_specs: ProductSpecsTable;
  category_filters: CategoryFiltersTable;
}

export const t = (db: Db) => tables<CatalogTables>(db);

export type CategoryRow = Selectable<CategoriesTable>;
export type ProductRow = Selectable<ProductsTable>;
export type VariantRow = Selectable<VariantsTable>;
export type OfferRow = Selectable<OffersTable>;
export type FilterRow = Selectable<CategoryFiltersTable>;

// ---------------------------------------------------------------- categories

export function listCategories(db: Db, storeId: string) {
  return t(db)
    .selectFrom('categories')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findCategory(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('categories')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findCategoryBySlug(db: Db, storeId: string, slug: string) {
  return t(db)
    .selectFrom('categories')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export interface Crumb {
  id: string;
  slug: string;
  name: string;
}

/** A category with its breadcrumbs (root first), children and filters, in one round trip. */
export async function findCategoryDetail(db: Db, storeId: string, slug: string) {
  const { rows } = await sql<CategoryRow & { breadcrumbs: Crumb[]; children: Crumb[]; filters: FilterRow[] }>`
    SELECT c.*,
      (SELECT json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name)
                       ORDER BY array_position(c.path, a.id))
         FROM categories a WHERE a.id = ANY (c.path)) AS breadcrumbs,
      (SELECT coalesce(json_agg(json_build_object('id', k.id, 'slug', k.slug, 'name', k.name)
                       ORDER BY k.sort_order, k.name, k.id), '[]')
         FROM categories k WHERE k.store_id = c.store_id AND k.parent_id = c.id AND k.is_active) AS children,
      (SELECT coalesce(json_agg(f ORDER BY array_position(c.path, f.category_id), f.position, f.key), '[]')
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
  return t(db).insertInto('categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCategory(
  db: Db,
  storeId: string,
  id: string,
  patch: Updateable<CategoriesTable>,
) {
  return t(db)
    .updateTable('categories')
    .set({ ...patch, updated_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returningAll()
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

export function listAllFilters(db: Db, storeId: string) {
  return t(db)
    .selectFrom('category_filters')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export function insertFilter(db: Db, row: Insertable<CategoryFiltersTable>) {
  return t(db).insertInto('category_filters').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteFilter(db: Db, storeId: string, id: string): Promise<boolean> {
  const result = await t(db)
    .deleteFrom('category_filters')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---------------------------------------------------------------- products

export function insertProduct(db: Db, row: Insertable<ProductsTable>) {
  return t(db).insertInto('products').values(row).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

export function findProduct(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('products')
    .select([
      'id',
      'store_id',
      'created_by',
      'status',
      'published_at',
      'slug',
      'name',
      'category_id',
      'currency',
      'thumbnail_url',
      'reward_percent_bp',
    ])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
export type ProductHead = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

export function findProductBySlug(db: Db, storeId: string, slug: string) {
  return t(db)
    .selectFrom('products')
    .select(['id'])
    .where('store_id', '=', storeId)
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Locks the product row: writes to one product's variants and offers take turns. */
export function lockProduct(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('products')
    .select(['id', 'created_by', 'status', 'published_at', 'currency', 'reward_percent_bp'])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateProduct(db: Db, storeId: string, id: string, patch: Updateable<ProductsTable>) {
  await t(db)
    .updateTable('products')
    .set({ ...patch, updated_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function softDeleteProduct(db: Db, storeId: string, id: string) {
  await sql`UPDATE products SET deleted_at = now(), updated_at = now()
            WHERE store_id = ${storeId} AND id = ${id} AND deleted_at IS NULL`.execute(db);
  await sql`UPDATE variants SET deleted_at = now() WHERE store_id = ${storeId} AND product_id = ${id}
            AND deleted_at IS NULL`.execute(db);
  await sql`UPDATE offers SET deleted_at = now() WHERE store_id = ${storeId} AND product_id = ${id}
            AND deleted_at IS NULL`.execute(db);
}

export interface ProductDetailRow {
  id: string;
  store_id: string;
  created_by: string;
  category_id: string | null;
  name: string;
  slug: string;
  description: string;
  short_description: string | null;
  brand: string | null;
  product_type: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  seo_title: string | null;
  seo_description: string | null;
  status: ProductStatus;
  published_at: Date | null;
  is_digital: boolean;
  requires_shipping: boolean;
  weight_grams: number | null;
  dimensions: Dimensions | null;
  thumbnail_url: string | null;
  reward_percent_bp: number;
  reward_set_by_staff: boolean;
  rating_avg: string;
  rating_count: number;
  currency: string | null;
  best_price_amount: number | null;
  best_compare_at_amount: number | null;
  best_offer_id: string | null;
  in_stock: boolean;
  created_at: Date;
  updated_at: Date;
  variants: Array<{
    id: string;
    sku: string;
    barcode: string | null;
    options: Record<string, string>;
    position: number;
    weight_grams: number | null;
  }>;
  offers: Array<{
    id: string;
    variant_id: string;
    seller_id: string;
    seller_product_name: string | null;
    price_amount: number;
    compare_at_amount: number | null;
    currency: string;
    reward_percent_bp: number | null;
    reward_set_by_staff: boolean;
    is_available: boolean;
    available_quantity: number;
    rating_avg: number;
    rating_count: number;
  }>;
  images: Array<{ id: string; url: string; alt_text: string | null; position: number; is_primary: boolean }>;
  specs: Array<{ name: string; value: string }>;
  breadcrumbs: Crumb[] | null;
}

/**
 * The whole product page in one round trip: the product row plus its variants, offers, images,
 * specifications and category breadcrumbs as JSON sub-selects, each served by its own index.
 */
export async function findProductDetail(
  db: Db,
  storeId: string,
  ref: { id?: string; slug?: string },
  publicOnly: boolean,
): Promise<ProductDetailRow | undefined> {
  const match = ref.id ? sql`p.id = ${ref.id}` : sql`p.slug = ${ref.slug}`;
  const visible = publicOnly ? sql`AND p.status = 'ACTIVE'` : sql``;
  const rows = await productDetails(db, storeId, sql`${match} ${visible}`, sql``);
  return rows[0];
}

/** Full product rows of the store in id order, a page at a time (CSV export). */
/** Products in id order after `afterId`; with `createdBy`, only those that user created. */
export function productDetailPage(
  db: Db,
  storeId: string,
  afterId: string | null,
  limit: number,
  createdBy: string | null = null,
) {
  const after = afterId ? sql`p.id > ${afterId}` : sql`true`;
  const creator = createdBy ? sql`p.created_by = ${createdBy}` : sql`true`;
  return productDetails(db, storeId, sql`${after} AND ${creator}`, sql`ORDER BY p.id LIMIT ${limit}`);
}

async function productDetails(
  db: Db,
  storeId: string,
  where: RawBuilder<unknown>,
  tail: RawBuilder<unknown>,
) {
  const { rows } = await sql<ProductDetailRow>`
    SELECT p.id, p.store_id, p.created_by, p.category_id, p.name, p.slug, p.description,
      p.short_description, p.brand, p.product_type, p.attributes, p.tags, p.seo_title, p.seo_description,
      p.status, p.published_at, p.is_digital, p.requires_shipping, p.weight_grams, p.dimensions,
      p.thumbnail_url, p.reward_percent_bp, p.reward_set_by_staff, p.rating_avg, p.rating_count, p.currency,
      p.best_price_amount, p.best_compare_at_amount, p.best_offer_id, p.in_stock, p.created_at, p.updated_at,
      (SELECT coalesce(json_agg(json_build_object('id', v.id, 'sku', v.sku, 'barcode', v.barcode,
                'options', v.options, 'position', v.position, 'weight_grams', v.weight_grams)
                ORDER BY v.position, v.id), '[]')
         FROM variants v WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS variants,
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'variant_id', o.variant_id,
                'seller_id', o.seller_id, 'seller_product_name', o.seller_product_name,
                'price_amount', o.price_amount, 'compare_at_amount', o.compare_at_amount,
                'currency', o.currency, 'reward_percent_bp', o.reward_percent_bp,
                'reward_set_by_staff', o.reward_set_by_staff,
                'is_available', o.is_available, 'available_quantity', o.available_quantity,
                'rating_avg', o.rating_avg, 'rating_count', o.rating_count)
                ORDER BY o.price_amount, o.id), '[]')
         FROM offers o WHERE o.product_id = p.id AND o.deleted_at IS NULL) AS offers,
      (SELECT coalesce(json_agg(json_build_object('id', i.id, 'url', i.url, 'alt_text', i.alt_text,
                'position', i.position, 'is_primary', i.is_primary) ORDER BY i.position), '[]')
         FROM product_images i WHERE i.product_id = p.id) AS images,
      (SELECT coalesce(json_agg(json_build_object('name', s.name, 'value', s.value)
                ORDER BY s.position, s.name), '[]')
         FROM product_specs s WHERE s.product_id = p.id) AS specs,
      (SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name)
                ORDER BY array_position(p.category_path, c.id))
         FROM categories c WHERE c.id = ANY (p.category_path)) AS breadcrumbs
    FROM products p
    WHERE p.store_id = ${storeId} AND p.deleted_at IS NULL AND ${where}
    ${tail}
  `.execute(db);
  return rows;
}

export interface AdminListFilter {
  storeId: string;
  limit: number;
  status?: ProductStatus | undefined;
  createdBy?: string | undefined;
  before?: string | undefined;
}

/** Admin listing (seed 002 GSI-2: by status, newest first); sellers see what they created. */
export function listProductsForAdmin(db: Db, f: AdminListFilter) {
  let q = t(db)
    .selectFrom('products')
    .select([
      'id',
      'slug',
      'name',
      'status',
      'brand',
      'created_by',
      'best_price_amount',
      'currency',
      'in_stock',
      'created_at',
      'updated_at',
    ])
    .where('store_id', '=', f.storeId)
    .where('deleted_at', 'is', null);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.createdBy) q = q.where('created_by', '=', f.createdBy);
  if (f.before) q = q.where('id', '<', f.before);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function replaceSpecs(
  db: Db,
  storeId: string,
  productId: string,
  specs: Array<{ name: string; value: string }>,
) {
  await t(db).deleteFrom('product_specs').where('product_id', '=', productId).execute();
  if (specs.length > 0) {
    await t(db)
      .insertInto('product_specs')
      .values(
        specs.map((s, i) => ({
          product_id: productId,
          store_id: storeId,
          name: s.name,
          value: s.value,
          position: i,
        })),
      )
      .execute();
  }
  await updateProduct(db, storeId, productId, {
    specs: Object.fromEntries(specs.map((s) => [s.name, s.value])) as never,
  });
}

export async function replaceImages(
  db: Db,
  storeId: string,
  productId: string,
  images: Array<{ id: string; url: string; altText?: string | null | undefined; primary: boolean }>,
) {
  await t(db).deleteFrom('product_images').where('product_id', '=', productId).execute();
  if (images.length > 0) {
    await t(db)
      .insertInto('product_images')
      .values(
        images.map((img, i) => ({
          id: img.id,
          store_id: storeId,
          product_id: productId,
          url: img.url,
          alt_text: img.altText ?? null,
          position: i + 1,
          is_primary: img.primary,
        })),
      )
      .execute();
  }
  const primary = images.find((i) => i.primary);
  await updateProduct(db, storeId, productId, { thumbnail_url: primary?.url ?? null });
}

// ---------------------------------------------------------------- variants and offers

export function insertVariants(db: Db, rows: Insertable<VariantsTable>[]) {
  return t(db).insertInto('variants').values(rows).execute();
}

export function insertOffers(db: Db, rows: Insertable<OffersTable>[]) {
  return t(db).insertInto('offers').values(rows).execute();
}

export function findVariant(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('variants')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findVariantBySku(db: Db, storeId: string, sku: string) {
  return t(db)
    .selectFrom('variants')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('sku', '=', sku)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function countVariants(db: Db, productId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('variants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function nextVariantPosition(db: Db, productId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(max(position) + 1, 0)::int AS n FROM variants WHERE product_id = ${productId}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function updateVariant(db: Db, storeId: string, id: string, patch: Updateable<VariantsTable>) {
  await t(db)
    .updateTable('variants')
    .set({ ...patch, updated_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function softDeleteVariant(db: Db, storeId: string, id: string) {
  await sql`UPDATE variants SET deleted_at = now() WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
  await sql`UPDATE offers SET deleted_at = now() WHERE store_id = ${storeId} AND variant_id = ${id}
            AND deleted_at IS NULL`.execute(db);
}

/** Whether anyone but `sellerId` (another seller, or the store) has a live offer on the product. */
export async function othersOfferOn(db: Db, storeId: string, productId: string, sellerId: string) {
  const row = await t(db)
    .selectFrom('offers')
    .select('id')
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .where('seller_id', '<>', sellerId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function findOffer(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('offers')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findOfferBySeller(db: Db, variantId: string, sellerId: string) {
  return t(db)
    .selectFrom('offers')
    .selectAll()
    .where('variant_id', '=', variantId)
    .where('seller_id', '=', sellerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function updateOffer(db: Db, storeId: string, id: string, patch: Updateable<OffersTable>) {
  await t(db)
    .updateTable('offers')
    .set({ ...patch, updated_at: sql`now()` } as never)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function softDeleteOffer(db: Db, storeId: string, id: string) {
  await sql`UPDATE offers SET deleted_at = now() WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
}

/** Sets an offer's sellable quantity; returns its product id, or undefined for an unknown offer. */
export async function setAvailableQuantity(
  db: Db,
  storeId: string,
  offerId: string,
  quantity: number,
): Promise<string | undefined> {
  const row = await t(db)
    .updateTable('offers')
    .set({ available_quantity: quantity })
    .where('store_id', '=', storeId)
    .where('id', '=', offerId)
    .returning('product_id')
    .executeTakeFirst();
  return row?.product_id;
}

/**
 * Recomputes the product's browse summary from its live offers. The row is only rewritten when
 * something browse shows actually changed, so stock moves of 10 → 9 leave no dead tuple behind.
 */
export async function refreshProductSummary(db: Db, storeId: string, productId: string) {
  // Lock first: two transactions changing two offers of one product must not each compute the
  // summary from a snapshot without the other's change (both "in stock" when neither is).
  await sql`SELECT 1 FROM products WHERE store_id = ${storeId} AND id = ${productId} FOR NO KEY UPDATE`.execute(
    db,
  );
  await sql`
    WITH live AS (
      SELECT o.id, o.price_amount, o.compare_at_amount, o.currency, o.seller_id,
             (o.is_available AND o.available_quantity > 0) AS available
      FROM offers o
      WHERE o.store_id = ${storeId} AND o.product_id = ${productId} AND o.deleted_at IS NULL
    ), best AS (
      SELECT * FROM live ORDER BY available DESC, price_amount, id LIMIT 1
    ), s AS (
      SELECT (SELECT id FROM best) AS offer_id,
             (SELECT price_amount FROM best) AS price,
             (SELECT compare_at_amount FROM best) AS compare_at,
             (SELECT currency FROM best) AS currency,
             coalesce((SELECT bool_or(available) FROM live), false) AS in_stock,
             coalesce((SELECT array_agg(DISTINCT seller_id ORDER BY seller_id) FROM live), '{}') AS seller_ids
    )
    UPDATE products p
    SET best_offer_id = s.offer_id, best_price_amount = s.price, best_compare_at_amount = s.compare_at,
        currency = coalesce(s.currency, p.currency), in_stock = s.in_stock, seller_ids = s.seller_ids
    FROM s
    WHERE p.store_id = ${storeId} AND p.id = ${productId}
      AND (p.best_offer_id, p.best_price_amount, p.best_compare_at_amount, p.in_stock, p.seller_ids)
          IS DISTINCT FROM (s.offer_id, s.price, s.compare_at, s.in_stock, s.seller_ids)
  `.execute(db);
}

export interface OfferSnapshotRow {
  offer_id: string;
  product_id: string;
  variant_id: string;
  seller_id: string;
  product_name: string;
  seller_product_name: string | null;
  sku: string;
  options: Record<string, string>;
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  image_url: string | null;
  purchasable: boolean;
  available_quantity: number;
  weight_grams: number | null;
  requires_shipping: boolean;
  category_id: string | null;
  offer_reward_bp: number | null;
  offer_reward_by_staff: boolean;
  product_owner: string;
  product_reward_bp: number;
  product_reward_by_staff: boolean;
}

export async function offerSnapshots(db: Db, storeId: string, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  const { rows } = await sql<OfferSnapshotRow>`
    SELECT o.id AS offer_id, o.product_id, o.variant_id, o.seller_id, p.name AS product_name,
      o.seller_product_name, v.sku, v.options, o.price_amount, o.compare_at_amount, o.currency,
      p.thumbnail_url AS image_url,
      (p.status = 'ACTIVE' AND p.deleted_at IS NULL AND v.deleted_at IS NULL AND o.deleted_at IS NULL
        AND o.is_available) AS purchasable,
      o.available_quantity, coalesce(v.weight_grams, p.weight_grams) AS weight_grams,
      p.requires_shipping, p.category_id, o.reward_percent_bp AS offer_reward_bp,
      o.reward_set_by_staff AS offer_reward_by_staff, p.created_by AS product_owner,
      p.reward_percent_bp AS product_reward_bp, p.reward_set_by_staff AS product_reward_by_staff
    FROM offers o
    JOIN variants v ON v.id = o.variant_id
    JOIN products p ON p.id = o.product_id
    WHERE o.store_id = ${storeId} AND o.id = ANY (${offerIds}::uuid[])
  `.execute(db);
  return rows;
}

export async function setProductRating(db: Db, storeId: string, id: string, average: number, count: number) {
  await sql`UPDATE products SET rating_avg = ${average}, rating_count = ${count}
            WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
}

export async function setOfferRating(db: Db, storeId: string, id: string, average: number, count: number) {
  await sql`UPDATE offers SET rating_avg = ${average}, rating_count = ${count}
            WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
}

export async function anyProducts(db: Db, storeId: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM products WHERE store_id = ${storeId} LIMIT 1`.execute(db);
  return rows.length > 0;
}
