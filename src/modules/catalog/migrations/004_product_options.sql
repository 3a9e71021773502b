-- A product's options in the merchant's order, each with its values in order (Shopify's Option1–3):
-- [{"name": "Color", "values": ["Blue", "Black"]}, {"name": "Size", "values": ["S", "M"]}].
-- A variant's `options` object names one value of each; jsonb orders an object's keys by itself
-- (shorter first), so the order a variant picker shows lives here and nowhere else.
ALTER TABLE products ADD COLUMN options jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) <= 5);

-- The unit a variant's weight is shown in (Shopify's Variant Weight Unit); the weight stays in grams.
ALTER TABLE variants ADD COLUMN weight_unit text CHECK (weight_unit IN ('g', 'kg', 'lb', 'oz'));

-- Backfill from the live variants: an option where it is first seen, a value where it is first
-- used, taking variants by (position, id) and a variant's keys in jsonb's own order, the order
-- exports have written until now.
WITH ranked AS (
  SELECT v.product_id, v.options,
         row_number() OVER (PARTITION BY v.product_id ORDER BY v.position, v.id) AS n
    FROM variants v
   WHERE v.deleted_at IS NULL AND v.options <> '{}'::jsonb
), pairs AS (
  SELECT r.product_id, o.key, o.value, r.n, o.ord
    FROM ranked r CROSS JOIN LATERAL jsonb_each_text(r.options) WITH ORDINALITY AS o (key, value, ord)
), option_values AS (
  SELECT product_id, key, value, min(n) AS first_n FROM pairs GROUP BY product_id, key, value
), option_names AS (
  SELECT product_id, key, min(ARRAY[n, ord]) AS first_at FROM pairs GROUP BY product_id, key
), built AS (
  SELECT n.product_id,
         jsonb_agg(jsonb_build_object('name', n.key, 'values',
           (SELECT jsonb_agg(v.value ORDER BY v.first_n, v.value) FROM option_values v
             WHERE v.product_id = n.product_id AND v.key = n.key)) ORDER BY n.first_at) AS options
    FROM option_names n
   GROUP BY n.product_id
)
UPDATE products p SET options = b.options FROM built b WHERE p.id = b.product_id;
