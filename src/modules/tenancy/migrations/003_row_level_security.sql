-- Row-level security on the platform's store-keyed tables (decision 016): a store's session sees
-- only its own rows; the platform realm (PLATFORM_REALM, where business owners manage their
-- stores, decision 014) sees them all, and the application scopes those calls by tenant.
ALTER TABLE store_staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY store_staff_store ON store_staff USING (
  store_id = nullif(current_setting('app.store_id', true), '')::uuid
  OR current_setting('app.store_id', true) = '00000000-0000-0000-0000-000000000000');
ALTER TABLE staff_invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_invitations_store ON staff_invitations USING (
  store_id = nullif(current_setting('app.store_id', true), '')::uuid
  OR current_setting('app.store_id', true) = '00000000-0000-0000-0000-000000000000');
ALTER TABLE store_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY store_status_history_store ON store_status_history USING (
  store_id = nullif(current_setting('app.store_id', true), '')::uuid
  OR current_setting('app.store_id', true) = '00000000-0000-0000-0000-000000000000');
