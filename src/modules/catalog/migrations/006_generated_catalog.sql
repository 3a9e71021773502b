-- A generated store's catalog (the store builder, decision 017): the categories and products a
-- store generator wrote are marked, so regenerating a DRAFT store replaces them and nothing the
-- owner made by hand.
ALTER TABLE categories ADD COLUMN generated boolean NOT NULL DEFAULT false;
ALTER TABLE products ADD COLUMN generated boolean NOT NULL DEFAULT false;
CREATE INDEX categories_generated_idx ON categories (store_id) WHERE generated;
CREATE INDEX products_generated_idx ON products (store_id) WHERE generated AND deleted_at IS NULL;
