-- Row-level security on every cart table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE carts ENABLE ROW LEVEL SECURITY;
CREATE POLICY carts_store ON carts USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE cart_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY cart_items_store ON cart_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE wishlists ENABLE ROW LEVEL SECURITY;
CREATE POLICY wishlists_store ON wishlists USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE wishlist_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY wishlist_items_store ON wishlist_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
