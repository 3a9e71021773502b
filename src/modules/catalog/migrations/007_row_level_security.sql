-- Row-level security on every catalog table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE categories ENABLE ROW LEVEL SECURITY;
CREATE POLICY categories_store ON categories USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE category_filters ENABLE ROW LEVEL SECURITY;
CREATE POLICY category_filters_store ON category_filters USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
CREATE POLICY products_store ON products USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE variants ENABLE ROW LEVEL SECURITY;
CREATE POLICY variants_store ON variants USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
CREATE POLICY offers_store ON offers USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE product_images ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_images_store ON product_images USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE product_specs ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_specs_store ON product_specs USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
