-- Row-level security on every payments table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY payments_store ON payments USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE payment_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_events_store ON payment_events USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
CREATE POLICY refunds_store ON refunds USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
