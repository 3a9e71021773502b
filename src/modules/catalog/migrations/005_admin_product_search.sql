-- The staff's product search (GET /admin/products?q=): words of the name, slug or brand, drafts
-- and archived products included, so it cannot use products_name_trgm_idx (listable only).
CREATE INDEX products_admin_search_trgm_idx ON products
  USING gin ((name || ' ' || slug || ' ' || coalesce(brand, '')) public.gin_trgm_ops)
  WHERE deleted_at IS NULL;
