-- Catalog: categories, products, variants, seller offers, images, specifications and filters
-- (seed 000 Products/Categories/Filters tables, seed 002 Products, seed 004 product catalog).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- Parses a number out of free text (spec and attribute values such as "6.1"), NULL when it is not one,
-- so range filters never fail on a value a merchant typed by hand.
CREATE FUNCTION catalog_number(value text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^\s*-?[0-9]{1,15}(\.[0-9]{1,6})?\s*$' THEN trim(value)::numeric END
$$;

-- A tree of any depth. `path` holds the ids from the root down to the category itself, so
-- breadcrumbs are one indexed read and "this category and everything below it" is `path @> {id}`.
CREATE TABLE categories (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  parent_id uuid REFERENCES categories (id),
  path uuid[] NOT NULL CHECK (cardinality(path) BETWEEN 1 AND 32 AND path[cardinality(path)] = id),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 5000),
  image_url text CHECK (length(image_url) <= 2000),
  sort_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
-- seed 000/004: slug unique per store; the tree read (children of a parent in order)
CREATE UNIQUE INDEX categories_store_slug_idx ON categories (store_id, slug);
CREATE INDEX categories_store_parent_idx ON categories (store_id, parent_id, sort_order, name);
-- descendants of a category (seed 000 SUBCATEGORY#)
CREATE INDEX categories_path_idx ON categories USING gin (path);

CREATE TABLE products (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  -- who created it: a seller's user id, or the store id for products the store sells itself
  created_by uuid NOT NULL,
  category_id uuid REFERENCES categories (id),
  category_path uuid[] NOT NULL DEFAULT '{}',
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 100000),
  short_description text CHECK (length(short_description) <= 1000),
  brand text CHECK (length(brand) BETWEEN 1 AND 120),
  product_type text CHECK (length(product_type) <= 120),
  attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
  -- name → value, kept from product_specs for filters and facets
  specs jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(specs) = 'object'),
  tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 100),
  seo_title text CHECK (length(seo_title) <= 300),
  seo_description text CHECK (length(seo_description) <= 1000),
  status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'INACTIVE', 'ARCHIVED')),
  published_at timestamptz,
  is_digital boolean NOT NULL DEFAULT false,
  requires_shipping boolean NOT NULL DEFAULT true,
  weight_grams integer CHECK (weight_grams >= 0),
  dimensions jsonb CHECK (dimensions IS NULL OR jsonb_typeof(dimensions) = 'object'),
  thumbnail_url text CHECK (length(thumbnail_url) <= 2000),
  reward_percent_bp integer NOT NULL DEFAULT 0 CHECK (reward_percent_bp BETWEEN 0 AND 10000),
  rating_avg numeric(3, 2) NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
  rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
  -- Browse summary of the offers, rewritten by the catalog on every offer or availability change:
  -- the best offer is the cheapest available one (else the cheapest), in_stock whether any is available.
  currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  best_price_amount bigint CHECK (best_price_amount >= 0),
  best_compare_at_amount bigint CHECK (best_compare_at_amount >= 0),
  best_offer_id uuid,
  in_stock boolean NOT NULL DEFAULT false,
  seller_ids uuid[] NOT NULL DEFAULT '{}',
  search_vector tsvector NOT NULL DEFAULT ''::tsvector,
  listable boolean GENERATED ALWAYS AS (
    status = 'ACTIVE' AND deleted_at IS NULL AND best_price_amount IS NOT NULL
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (status <> 'ACTIVE' OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX products_store_slug_idx ON products (store_id, slug) WHERE deleted_at IS NULL;
-- Browse (seed 000 GSI1 CATEGORY#/PRICE#/RATING#, seed 002 GSI-1 category by price): one index per
-- sort order, across the store and within a category; keyset pagination continues inside them.
CREATE INDEX products_browse_newest_idx ON products (store_id, published_at DESC, id DESC) WHERE listable;
CREATE INDEX products_browse_price_idx ON products (store_id, best_price_amount, id) WHERE listable;
CREATE INDEX products_browse_rating_idx ON products (store_id, rating_avg DESC, id DESC) WHERE listable;
CREATE INDEX products_category_newest_idx
  ON products (store_id, category_id, published_at DESC, id DESC) WHERE listable;
CREATE INDEX products_category_price_idx
  ON products (store_id, category_id, best_price_amount, id) WHERE listable;
CREATE INDEX products_category_rating_idx
  ON products (store_id, category_id, rating_avg DESC, id DESC) WHERE listable;
CREATE INDEX products_brand_idx ON products (store_id, brand) WHERE listable;
-- Facet counts of a category page (brand, price buckets, in stock) as an index-only scan:
-- the product rows are wide, the facet columns are few.
CREATE INDEX products_category_facets_idx
  ON products (store_id, category_id) INCLUDE (brand, best_price_amount, in_stock) WHERE listable;
-- seed 000 GSI2 (a seller's products, public side)
CREATE INDEX products_sellers_idx ON products USING gin (seller_ids) WHERE listable;
-- full-text search and typo tolerance
CREATE INDEX products_search_idx ON products USING gin (search_vector) WHERE listable;
CREATE INDEX products_name_trgm_idx ON products USING gin (lower(name) gin_trgm_ops) WHERE listable;
-- seed 002 GSI-2 (admin listing by status, newest first) and a seller's own products
CREATE INDEX products_admin_status_idx ON products (store_id, status, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX products_admin_all_idx ON products (store_id, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX products_created_by_idx ON products (store_id, created_by, id DESC) WHERE deleted_at IS NULL;

-- Weighted document: name A, brand and tags B, descriptions C.
CREATE FUNCTION catalog_products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.brand, '') || ' ' || array_to_string(NEW.tags, ' ')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.short_description, '') || ' ' || NEW.description), 'C');
  RETURN NEW;
END
$$;
CREATE TRIGGER products_search_vector_trg
  BEFORE INSERT OR UPDATE OF name, brand, tags, description, short_description ON products
  FOR EACH ROW EXECUTE FUNCTION catalog_products_search_vector();

-- Every product has at least one variant: an option set with its own SKU.
CREATE TABLE variants (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  product_id uuid NOT NULL REFERENCES products (id),
  sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 100),
  barcode text CHECK (length(barcode) <= 100),
  options jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
  position integer NOT NULL DEFAULT 0,
  weight_grams integer CHECK (weight_grams >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX variants_store_sku_idx ON variants (store_id, sku) WHERE deleted_at IS NULL;
CREATE INDEX variants_product_idx ON variants (product_id, position, id) WHERE deleted_at IS NULL;
-- two variants of one product never share an option set (jsonb equality ignores key order)
CREATE UNIQUE INDEX variants_product_options_idx ON variants (product_id, options) WHERE deleted_at IS NULL;

-- A seller's offer of a variant (seed 000 SELLER#): own price, name and reward; what is bought.
-- available_quantity is written by the inventory module through setOfferAvailability.
CREATE TABLE offers (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  product_id uuid NOT NULL REFERENCES products (id),
  variant_id uuid NOT NULL REFERENCES variants (id),
  seller_id uuid NOT NULL,
  seller_product_name text CHECK (length(seller_product_name) BETWEEN 1 AND 300),
  price_amount bigint NOT NULL CHECK (price_amount >= 0),
  compare_at_amount bigint CHECK (compare_at_amount >= 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reward_percent_bp integer CHECK (reward_percent_bp BETWEEN 0 AND 10000),
  is_available boolean NOT NULL DEFAULT true,
  available_quantity integer NOT NULL DEFAULT 0 CHECK (available_quantity >= 0),
  rating_avg numeric(3, 2) NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
  rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- one live offer per seller and variant; seed 000 "PK = product, SK begins_with SELLER#"
CREATE UNIQUE INDEX offers_variant_seller_idx ON offers (variant_id, seller_id) WHERE deleted_at IS NULL;
CREATE INDEX offers_product_idx ON offers (product_id) WHERE deleted_at IS NULL;
-- seed 000 GSI2 (seller → products), for a seller's own listing
CREATE INDEX offers_seller_idx ON offers (store_id, seller_id, product_id) WHERE deleted_at IS NULL;

CREATE TABLE product_images (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  product_id uuid NOT NULL REFERENCES products (id),
  url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
  alt_text text CHECK (length(alt_text) <= 500),
  position integer NOT NULL CHECK (position >= 1),
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, position)
);
CREATE UNIQUE INDEX product_images_primary_idx ON product_images (product_id) WHERE is_primary;

-- seed 000 SPEC#{name}
CREATE TABLE product_specs (
  product_id uuid NOT NULL REFERENCES products (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  store_id uuid NOT NULL,
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, name)
);

-- seed 000 Filters (PK subcategoryId, SK FILTER#name): what a category page can be filtered by.
-- A filter applies to its category and everything below it.
CREATE TABLE category_filters (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  category_id uuid NOT NULL REFERENCES categories (id),
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 60),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('ENUM', 'RANGE', 'BOOLEAN')),
  source text NOT NULL CHECK (source IN ('SPEC', 'ATTRIBUTE')),
  source_key text NOT NULL CHECK (length(source_key) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (category_id, key)
);
CREATE INDEX category_filters_store_idx ON category_filters (store_id, category_id, position);
