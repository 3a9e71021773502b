-- Row-level security on every orders table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_store ON orders USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_items_store ON order_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE order_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_status_history_store ON order_status_history USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE order_number_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_number_counters_store ON order_number_counters USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE checkout_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY checkout_requests_store ON checkout_requests USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE shipping_methods ENABLE ROW LEVEL SECURITY;
CREATE POLICY shipping_methods_store ON shipping_methods USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE tax_rules ENABLE ROW LEVEL SECURITY;
CREATE POLICY tax_rules_store ON tax_rules USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
