-- Facet counts of a filtered list as an index-only scan (decision 035): a category page with a
-- price range, brands, a rating, in-stock only or specification and attribute filters counts its
-- matches (up to CATALOG_FACET_EXACT_LIMIT + 1) from one index that holds every column those
-- conditions and counts read, in category and price order, instead of a random read of a wide
-- product row per match.

-- Whether a product's specifications and attributes are small enough to ride in that index: an
-- index entry has a hard size limit (about 2.7 kB), so products whose values are larger (rare)
-- are left out of it and counted from their rows through an index of their own.
CREATE FUNCTION catalog_facets_fit(specs jsonb, attributes jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT octet_length(specs::text) + octet_length(attributes::text) <= 1000
$$;

DROP INDEX products_category_facets_idx;
CREATE INDEX products_category_facets_idx
  ON products (store_id, category_id, best_price_amount)
  INCLUDE (brand, in_stock, rating_avg, specs, attributes)
  WHERE listable AND catalog_facets_fit(specs, attributes);
CREATE INDEX products_category_wide_facets_idx
  ON products (store_id, category_id)
  WHERE listable AND NOT catalog_facets_fit(specs, attributes);

-- Suggestions match the words of product names only (what `search_vector` weighs A). Asked of
-- `search_vector`, a prefix such as `cot:*A` first finds every product whose description has a
-- word starting so and drops it on the weight, row by row; the names' own index finds only names.
CREATE INDEX products_name_words_idx ON products USING gin (to_tsvector('english', name)) WHERE listable;
