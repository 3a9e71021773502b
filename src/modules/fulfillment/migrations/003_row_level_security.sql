-- Row-level security on every fulfillment table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE carriers ENABLE ROW LEVEL SECURITY;
CREATE POLICY carriers_store ON carriers USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE delivery_agents ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_agents_store ON delivery_agents USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE shipments ENABLE ROW LEVEL SECURITY;
CREATE POLICY shipments_store ON shipments USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE shipment_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY shipment_items_store ON shipment_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE shipment_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY shipment_events_store ON shipment_events USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE shipment_locations ENABLE ROW LEVEL SECURITY;
CREATE POLICY shipment_locations_store ON shipment_locations USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE cod_collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY cod_collections_store ON cod_collections USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE cod_remittances ENABLE ROW LEVEL SECURITY;
CREATE POLICY cod_remittances_store ON cod_remittances USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE returns ENABLE ROW LEVEL SECURITY;
CREATE POLICY returns_store ON returns USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE return_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY return_items_store ON return_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
