-- The permission to run marketing campaigns (campaigns:manage) is new. Admins who held every
-- permission there was get it too, so they keep holding all of them; narrower admins are left as they are.
UPDATE admin_profiles
SET permissions = array_append(permissions, 'campaigns:manage'), updated_at = now()
WHERE permissions @> ARRAY['orders:refund', 'rewards:adjust', 'users:roles', 'settings:manage', 'sellers:approve', 'coupons:manage', 'reviews:moderate', 'quotes:manage', 'audit:read']
  AND NOT ('campaigns:manage' = ANY (permissions));
