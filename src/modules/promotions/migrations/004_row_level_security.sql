-- Row-level security on every promotions table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE coupons ENABLE ROW LEVEL SECURITY;
CREATE POLICY coupons_store ON coupons USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE coupon_usages ENABLE ROW LEVEL SECURITY;
CREATE POLICY coupon_usages_store ON coupon_usages USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE reward_accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY reward_accounts_store ON reward_accounts USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE reward_ledger ENABLE ROW LEVEL SECURITY;
CREATE POLICY reward_ledger_store ON reward_ledger USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
