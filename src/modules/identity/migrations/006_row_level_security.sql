-- Row-level security on every identity table (decision 016): a session that is not the tables' owner
-- (the application's bazaar_app role) sees and writes only the rows of the store in app.store_id;
-- with no store set it sees none. The owner (migrations, jobs, work across stores) is not restricted.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_store ON users USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE user_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_tokens_store ON user_tokens USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_sessions_store ON user_sessions USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE auth_attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY auth_attempts_store ON auth_attempts USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE customer_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_profiles_store ON customer_profiles USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE seller_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY seller_profiles_store ON seller_profiles USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE admin_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_profiles_store ON admin_profiles USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE user_addresses ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_addresses_store ON user_addresses USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE user_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_groups_store ON user_groups USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
