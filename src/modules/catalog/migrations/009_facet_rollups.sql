-- Facet counts of category pages without reading the products (decision 035): per store and
-- category, how many listable products (and how many of them in stock) have each brand, price
-- bucket, specification value and attribute value, plus one 'total' row. A trigger on products
-- keeps the counts in the transaction of every product change, with `count = count + delta`
-- upserts (never read-modify-write), so racing changes add up. A category page (or the whole
-- store's) without other filters sums its categories' rows; any other list counts its matches.

-- The price facet's buckets (lower bounds in minor units), the same in the rollups and in counts
-- over matches: `catalog.search.repository.ts` calls this function too.
CREATE FUNCTION catalog_price_bucket(amount bigint) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(amount, '{0,50000,100000,250000,500000,1000000,2500000,5000000,10000000}'::bigint[])
$$;

CREATE TABLE product_facet_counts (
  store_id uuid NOT NULL,
  -- the product's category; the nil uuid for products in no category (counted for the store only)
  category_id uuid NOT NULL,
  facet text NOT NULL CHECK (facet IN ('total', 'brand', 'price', 'spec', 'attribute')),
  -- the specification's or attribute's name; '' for total, brand and price
  key text NOT NULL,
  value text NOT NULL,
  count bigint NOT NULL DEFAULT 0,
  in_stock bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, category_id, facet, key, value)
);
-- the whole store's page sums totals, brands and price buckets over every category
CREATE INDEX product_facet_counts_store_idx ON product_facet_counts (store_id, facet) INCLUDE (value, count, in_stock);

ALTER TABLE product_facet_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_facet_counts_store ON product_facet_counts
  USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- What one listable product contributes: a total, its brand, its price bucket, and each scalar
-- specification and attribute value of at most 500 characters (longer values are not counted).
CREATE FUNCTION catalog_facet_entries(brand text, price bigint, specs jsonb, attributes jsonb)
RETURNS TABLE (facet text, key text, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'total', '', ''
  UNION ALL SELECT 'brand', '', brand WHERE brand IS NOT NULL
  UNION ALL SELECT 'price', '', catalog_price_bucket(price)::text WHERE price IS NOT NULL
  UNION ALL SELECT 'spec', s.key, s.value #>> '{}' FROM jsonb_each(specs) s
    WHERE jsonb_typeof(s.value) IN ('string', 'number', 'boolean') AND length(s.value #>> '{}') <= 500
  UNION ALL SELECT 'attribute', a.key, a.value #>> '{}' FROM jsonb_each(attributes) a
    WHERE jsonb_typeof(a.value) IN ('string', 'number', 'boolean') AND length(a.value #>> '{}') <= 500
$$;

-- Adds the old row's contribution negatively and the new row's positively; values whose delta is
-- zero are not touched (no lock, no dead tuple). Keys are upserted in one order, so two
-- transactions changing products of one category wait for each other instead of deadlocking.
CREATE FUNCTION catalog_products_facet_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The bulk seeder counts a whole batch at once (catalog_count_facets) and says so.
  IF current_setting('bazaar.facet_counts', true) = 'batch' THEN
    RETURN NULL;
  END IF;
  INSERT INTO product_facet_counts AS c (store_id, category_id, facet, key, value, count, in_stock)
  SELECT d.store_id, d.category_id, d.facet, d.key, d.value, sum(d.n), sum(d.s)
  FROM (
    SELECT NEW.store_id AS store_id,
           coalesce(NEW.category_id, '00000000-0000-0000-0000-000000000000') AS category_id,
           e.facet, e.key, e.value, 1 AS n, CASE WHEN NEW.in_stock THEN 1 ELSE 0 END AS s
    FROM catalog_facet_entries(NEW.brand, NEW.best_price_amount, NEW.specs, NEW.attributes) e
    WHERE TG_OP <> 'DELETE' AND NEW.listable
    UNION ALL
    SELECT OLD.store_id,
           coalesce(OLD.category_id, '00000000-0000-0000-0000-000000000000'),
           e.facet, e.key, e.value, -1, CASE WHEN OLD.in_stock THEN -1 ELSE 0 END
    FROM catalog_facet_entries(OLD.brand, OLD.best_price_amount, OLD.specs, OLD.attributes) e
    WHERE TG_OP <> 'INSERT' AND OLD.listable
  ) d
  GROUP BY d.store_id, d.category_id, d.facet, d.key, d.value
  HAVING sum(d.n) <> 0 OR sum(d.s) <> 0
  ORDER BY d.store_id, d.category_id, d.facet, d.key, d.value
  ON CONFLICT (store_id, category_id, facet, key, value)
  DO UPDATE SET count = c.count + excluded.count, in_stock = c.in_stock + excluded.in_stock;
  RETURN NULL;
END
$$;
CREATE TRIGGER products_facet_counts_insert_trg
  AFTER INSERT ON products FOR EACH ROW WHEN (NEW.listable)
  EXECUTE FUNCTION catalog_products_facet_counts();
CREATE TRIGGER products_facet_counts_update_trg
  AFTER UPDATE ON products FOR EACH ROW
  WHEN ((OLD.listable OR NEW.listable) AND
        (OLD.listable, OLD.store_id, OLD.category_id, OLD.brand, OLD.best_price_amount, OLD.in_stock,
         OLD.specs, OLD.attributes)
        IS DISTINCT FROM
        (NEW.listable, NEW.store_id, NEW.category_id, NEW.brand, NEW.best_price_amount, NEW.in_stock,
         NEW.specs, NEW.attributes))
  EXECUTE FUNCTION catalog_products_facet_counts();
CREATE TRIGGER products_facet_counts_delete_trg
  AFTER DELETE ON products FOR EACH ROW WHEN (OLD.listable)
  EXECUTE FUNCTION catalog_products_facet_counts();

-- Counts the given products (just inserted with `bazaar.facet_counts = batch`) in one pass.
CREATE FUNCTION catalog_count_facets(store uuid, ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO product_facet_counts AS c (store_id, category_id, facet, key, value, count, in_stock)
  SELECT p.store_id, coalesce(p.category_id, '00000000-0000-0000-0000-000000000000'),
         e.facet, e.key, e.value, count(*), count(*) FILTER (WHERE p.in_stock)
  FROM products p
  CROSS JOIN LATERAL catalog_facet_entries(p.brand, p.best_price_amount, p.specs, p.attributes) e
  WHERE p.store_id = store AND p.id = ANY (ids) AND p.listable
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (store_id, category_id, facet, key, value)
  DO UPDATE SET count = c.count + excluded.count, in_stock = c.in_stock + excluded.in_stock
$$;

-- Counts what is already there (catalogs made before this migration).
INSERT INTO product_facet_counts (store_id, category_id, facet, key, value, count, in_stock)
SELECT p.store_id, coalesce(p.category_id, '00000000-0000-0000-0000-000000000000'),
       e.facet, e.key, e.value, count(*), count(*) FILTER (WHERE p.in_stock)
FROM products p
CROSS JOIN LATERAL catalog_facet_entries(p.brand, p.best_price_amount, p.specs, p.attributes) e
WHERE p.listable
GROUP BY 1, 2, 3, 4, 5;

-- Keyset pages of a category page: the per-category sort indexes of 001 serve one category; a
-- category with subcategories reads each subcategory's index and merges (see the search
-- repository), so no new sort index is needed. Relevance candidates come from the GIN index.
