// SQL for products and their variants, images and specifications: the product page, the admin list.
import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';
import type { ImageRow } from './catalog.images.repository.ts';
import type { ProductOption } from './catalog.options.ts';
import type { CrumbT, Dimensions, WeightUnit } from './catalog.schemas.ts';
import {
  type ProductStatus,
  type ProductsTable,
  t,
  type VariantsTable,
  variantColumns,
} from './catalog.tables.ts';

export function insertProduct(db: Db, row: Insertable<ProductsTable>) {
  return t(db)
    .insertInto('products')
    .values(row.options ? { ...row, options: optionsJson(row.options) } : row)
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
}

/** The product's options as jsonb: the driver would send a JS array as a PostgreSQL array. */
function optionsJson(options: ProductOption[] | RawBuilder<ProductOption[]>) {
  return Array.isArray(options) ? sql<ProductOption[]>`${JSON.stringify(options)}::jsonb` : options;
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
      'options',
    ])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
export type ProductHead = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

/** The given columns of a live product, as they are before a change (for its audit entry). */
export function productFields(
  db: Db,
  storeId: string,
  id: string,
  columns: readonly (keyof ProductsTable)[],
) {
  return t(db)
    .selectFrom('products')
    .select(columns as (keyof ProductsTable & string)[])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
}

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
    .select(['id', 'created_by', 'status', 'published_at', 'currency', 'reward_percent_bp', 'options'])
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateProduct(db: Db, storeId: string, id: string, patch: Updateable<ProductsTable>) {
  const options = patch.options ? { options: optionsJson(patch.options as ProductOption[]) } : {};
  await t(db)
    .updateTable('products')
    .set({ ...patch, ...options, updated_at: sql<Date>`now()` })
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
  options: ProductOption[];
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
    weight_unit: WeightUnit | null;
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
  images: ImageRow[];
  specs: Array<{ name: string; value: string }>;
  breadcrumbs: CrumbT[] | null;
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
      p.short_description, p.brand, p.product_type, p.attributes, p.tags, p.options, p.seo_title,
      p.seo_description,
      p.status, p.published_at, p.is_digital, p.requires_shipping, p.weight_grams, p.dimensions,
      p.thumbnail_url, p.reward_percent_bp, p.reward_set_by_staff, p.rating_avg, p.rating_count, p.currency,
      p.best_price_amount, p.best_compare_at_amount, p.best_offer_id, p.in_stock, p.created_at, p.updated_at,
      (SELECT coalesce(json_agg(json_build_object('id', v.id, 'sku', v.sku, 'barcode', v.barcode,
                'options', v.options, 'position', v.position, 'weight_grams', v.weight_grams,
                'weight_unit', v.weight_unit)
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
                'position', i.position, 'is_primary', i.is_primary, 'media_name', i.media_name,
                'width', i.width, 'height', i.height) ORDER BY i.position), '[]')
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
  /** Words of the name, slug or brand, or a variant's SKU. */
  q?: string | undefined;
  /** The last id of the previous page. */
  after?: string | undefined;
}

/** The text the staff's product search reads; the same expression is indexed by products_admin_search_trgm_idx. */
const adminSearchText = sql<string>`(name || ' ' || slug || ' ' || coalesce(brand, ''))`;

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
  if (f.q) {
    const text = f.q;
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(adminSearchText, 'ilike', like),
        eb.exists(
          eb
            .selectFrom('variants as v')
            .select(sql`1`.as('one'))
            .whereRef('v.product_id', '=', 'products.id')
            .where('v.store_id', '=', f.storeId)
            .where('v.sku', '=', text)
            .where('v.deleted_at', 'is', null),
        ),
      ]),
    );
  }
  return newestFirst(q, { after: f.after, limit: f.limit }).execute();
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
    specs: Object.fromEntries(specs.map((s) => [s.name, s.value])),
  });
}

// ---------------------------------------------------------------- variants

export function insertVariants(db: Db, rows: Insertable<VariantsTable>[]) {
  return t(db).insertInto('variants').values(rows).execute();
}

export function findVariant(db: Db, storeId: string, id: string) {
  return t(db)
    .selectFrom('variants')
    .select(variantColumns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findVariantBySku(db: Db, storeId: string, sku: string) {
  return t(db)
    .selectFrom('variants')
    .select(variantColumns)
    .where('store_id', '=', storeId)
    .where('sku', '=', sku)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The options of a product's live variants (what a new order of its options must still list). */
export async function liveVariantOptions(db: Db, storeId: string, productId: string) {
  const rows = await t(db)
    .selectFrom('variants')
    .select(['options'])
    .where('store_id', '=', storeId)
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.options);
}

export async function countVariants(db: Db, storeId: string, productId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('variants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', storeId)
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
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

export async function softDeleteVariant(db: Db, storeId: string, id: string) {
  await sql`UPDATE variants SET deleted_at = now() WHERE store_id = ${storeId} AND id = ${id}`.execute(db);
  await sql`UPDATE offers SET deleted_at = now() WHERE store_id = ${storeId} AND variant_id = ${id}
            AND deleted_at IS NULL`.execute(db);
}

export async function anyProducts(db: Db, storeId: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM products WHERE store_id = ${storeId} LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Products a store has (not deleted): what a plan's product limit counts. */
export function countProducts(db: Db, storeId: string) {
  return t(db)
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('store_id', '=', storeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
