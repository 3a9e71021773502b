-- Platform accounts (business owners, the platform's super administrators, and staff invited to
-- stores) are users of the platform realm, a store id no store has (see decision 014).
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (
  cardinality(roles) >= 1
  AND roles <@ ARRAY['CUSTOMER', 'SELLER', 'ADMIN', 'DELIVERY_AGENT', 'SUPER_ADMIN', 'BUSINESS_OWNER']
);
