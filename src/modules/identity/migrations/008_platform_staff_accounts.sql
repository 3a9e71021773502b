-- A platform account may hold no role at all: staff invited to a store sign up through the
-- invitation and act only in the stores whose staff they are (decision 014). Every account of a
-- store (any other store id) keeps at least one role.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (
  (cardinality(roles) >= 1 OR store_id = '00000000-0000-0000-0000-000000000000')
  AND roles <@ ARRAY['CUSTOMER', 'SELLER', 'ADMIN', 'DELIVERY_AGENT', 'SUPER_ADMIN', 'BUSINESS_OWNER']
);
