-- The platform (seed 001): plans, tenants on a plan and a subscription, the store lifecycle with
-- its history, and the staff a business owner invites to a store.

-- The plan catalogue; a SUPER_ADMIN edits it. A limit of NULL means unlimited.
CREATE TABLE plans (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  price_minor integer NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
  currency char(3) NOT NULL DEFAULT 'INR' CHECK (currency ~ '^[A-Z]{3}$'),
  period text NOT NULL DEFAULT 'monthly' CHECK (period IN ('monthly', 'yearly')),
  max_stores integer CHECK (max_stores >= 0),
  max_products_per_store integer CHECK (max_products_per_store >= 0),
  max_staff_per_store integer CHECK (max_staff_per_store >= 0),
  max_custom_domains integer CHECK (max_custom_domains >= 0),
  -- basis points of each order's total the platform keeps
  transaction_fee_bp integer NOT NULL DEFAULT 0 CHECK (transaction_fee_bp BETWEEN 0 AND 10000),
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO plans (code, name, price_minor, max_stores, max_products_per_store, max_staff_per_store,
                   max_custom_domains, transaction_fee_bp, sort) VALUES
  ('FREE', 'Free', 0, 1, 100, 1, 0, 200, 0),
  ('PRO', 'Pro', 99900, 3, 5000, 10, 3, 50, 1),
  ('ENTERPRISE', 'Enterprise', 999900, NULL, NULL, NULL, NULL, 0, 2);

ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_plan_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_plan_fkey FOREIGN KEY (plan) REFERENCES plans (code);
ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_subscription_status_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_subscription_status_check
  CHECK (subscription_status IN ('PENDING', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED'));
-- stores the tenant has opened and not closed: kept exact by the statement that opens one
ALTER TABLE tenants ADD COLUMN store_count integer NOT NULL DEFAULT 0 CHECK (store_count >= 0);
ALTER TABLE tenants ADD COLUMN billing_subscription_id text;
ALTER TABLE tenants ADD COLUMN current_period_end timestamptz;
-- after a failed renewal the tenant's stores stay up until then
ALTER TABLE tenants ADD COLUMN grace_until timestamptz;
ALTER TABLE tenants ADD COLUMN suspended_at timestamptz;
CREATE UNIQUE INDEX tenants_subscription_idx ON tenants (billing_subscription_id)
  WHERE billing_subscription_id IS NOT NULL;
UPDATE tenants SET store_count = (SELECT count(*) FROM stores WHERE stores.tenant_id = tenants.id);

ALTER TABLE stores DROP CONSTRAINT IF EXISTS stores_status_check;
ALTER TABLE stores ADD CONSTRAINT stores_status_check
  CHECK (status IN ('GENERATING', 'FAILED', 'DRAFT', 'PAID', 'PUBLISHED', 'SUSPENDED'));
-- why generation failed (FAILED), or what produced the draft
ALTER TABLE stores ADD COLUMN status_reason text;
-- the status a SUSPENDED store returns to when restored
ALTER TABLE stores ADD COLUMN suspended_from text;
-- the secret in the store's preview URL: an unpublished store answers requests that carry it
ALTER TABLE stores ADD COLUMN preview_token text;
ALTER TABLE stores ADD COLUMN custom_domain_token text;
ALTER TABLE stores ADD COLUMN custom_domain_verified_at timestamptz;
ALTER TABLE stores ADD COLUMN custom_domain_checked_at timestamptz;

-- Every change of a store's status: who, when, from what, and why.
CREATE TABLE store_status_history (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_status_history_store_idx ON store_status_history (store_id, at, id);

-- Platform accounts a business owner invited to one of its stores, with their role there.
CREATE TABLE store_staff (
  store_id uuid NOT NULL REFERENCES stores (id),
  account_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('ADMIN', 'CATALOG_MANAGER', 'ORDER_MANAGER', 'SUPPORT')),
  invited_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, account_id)
);
CREATE INDEX store_staff_account_idx ON store_staff (account_id);

CREATE TABLE staff_invitations (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  role text NOT NULL CHECK (role IN ('ADMIN', 'CATALOG_MANAGER', 'ORDER_MANAGER', 'SUPPORT')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_invitations_store_idx ON staff_invitations (store_id, created_at DESC);

-- Webhook events already applied, so a replay changes nothing.
CREATE TABLE billing_events (
  event_id text PRIMARY KEY,
  tenant_id uuid REFERENCES tenants (id),
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
