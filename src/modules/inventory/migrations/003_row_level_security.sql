-- Row-level security on every inventory table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE warehouses ENABLE ROW LEVEL SECURITY;
CREATE POLICY warehouses_store ON warehouses USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE inventory_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_items_store ON inventory_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE inventory_lots ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_lots_store ON inventory_lots USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE inventory_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_movements_store ON inventory_movements USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE inventory_reservations ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_reservations_store ON inventory_reservations USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE inventory_reservation_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_reservation_lines_store ON inventory_reservation_lines USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
