// The catalog's tables as Kysely sees them, their row types and the column lists queries name.
import type { ColumnType, Generated, RawBuilder, Selectable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { ProductOption } from './catalog.options.ts';
import type {
  Dimensions,
  FILTER_KINDS,
  FILTER_SOURCES,
  PRODUCT_STATUSES,
  WeightUnit,
} from './catalog.schemas.ts';

export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type FilterKind = (typeof FILTER_KINDS)[number];
export type FilterSource = (typeof FILTER_SOURCES)[number];

/** Set by the database on insert; written as `now()` (or a date) on update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | RawBuilder<Date> | string>;

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
  updated_at: UpdatedAt;
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
  /** The options in the merchant's order with their values in order (migration 003). */
  options: Generated<ProductOption[]>;
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
  updated_at: UpdatedAt;
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
  weight_unit: Generated<WeightUnit | null>;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
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
  updated_at: UpdatedAt;
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
  /** An uploaded image's stored original (media), with its displayed size; null for a URL. */
  media_name: string | null;
  width: number | null;
  height: number | null;
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

export const categoryColumns = [
  'id',
  'store_id',
  'parent_id',
  'path',
  'slug',
  'name',
  'description',
  'image_url',
  'sort_order',
  'is_active',
  'created_at',
  'updated_at',
] as const;

export const filterColumns = [
  'id',
  'store_id',
  'category_id',
  'key',
  'label',
  'kind',
  'source',
  'source_key',
  'position',
  'created_at',
] as const;

export const variantColumns = [
  'id',
  'store_id',
  'product_id',
  'sku',
  'barcode',
  'options',
  'position',
  'weight_grams',
  'weight_unit',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

export const offerColumns = [
  'id',
  'store_id',
  'product_id',
  'variant_id',
  'seller_id',
  'seller_product_name',
  'price_amount',
  'compare_at_amount',
  'currency',
  'reward_percent_bp',
  'reward_set_by_staff',
  'is_available',
  'available_quantity',
  'rating_avg',
  'rating_count',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;
