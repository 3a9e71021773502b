-- Admin permissions are now enforced. Admins who had none set (every admin so far) get all of
-- them, so that existing deployments keep working; a SUPER_ADMIN narrows them afterwards.
INSERT INTO admin_profiles (user_id, store_id, permissions)
SELECT u.id, u.store_id,
  ARRAY['orders:refund', 'rewards:adjust', 'users:roles', 'settings:manage', 'sellers:approve', 'coupons:manage']
FROM users u
WHERE 'ADMIN' = ANY (u.roles) AND u.deleted_at IS NULL
ON CONFLICT (user_id) DO UPDATE SET permissions = EXCLUDED.permissions, updated_at = now()
WHERE cardinality(admin_profiles.permissions) = 0;
