-- Sessions, profiles, addresses, user groups and the per-account attempt counters.

-- A session is one refresh-token family (seed 000 SESSION items with TTL): the access tokens it
-- issues carry its id (`sid`), and the authentication hook checks it by primary key, so revoking a
-- session stops its access tokens at once. `expires_at` slides with each rotation.
CREATE TABLE user_sessions (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  user_agent text,
  ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoke_reason text CHECK (revoke_reason IN ('LOGOUT', 'LOGOUT_ALL', 'REVOKED', 'REUSE_DETECTED', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'DEACTIVATED'))
);
-- the user's active sessions, newest first
CREATE INDEX user_sessions_user_idx ON user_sessions (store_id, user_id, id DESC) WHERE revoked_at IS NULL;
-- the purge job
CREATE INDEX user_sessions_expiry_idx ON user_sessions (expires_at);

-- Families issued before sessions existed become sessions, so the foreign key below holds.
INSERT INTO user_sessions (id, store_id, user_id, user_agent, ip, created_at, last_used_at, expires_at, revoked_at)
SELECT family_id, min(store_id::text)::uuid, min(user_id::text)::uuid, max(user_agent), max(ip),
       min(created_at), max(created_at), max(expires_at),
       CASE WHEN bool_and(revoked_at IS NOT NULL OR used_at IS NOT NULL) THEN max(coalesce(revoked_at, used_at)) END
FROM user_tokens WHERE family_id IS NOT NULL GROUP BY family_id;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_family_fk FOREIGN KEY (family_id) REFERENCES user_sessions (id);

-- User groups (seed 000 UserGroups); percents are basis points (1 bp = 0.01 %).
CREATE TABLE user_groups (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  seller_discount_bps integer NOT NULL DEFAULT 0 CHECK (seller_discount_bps BETWEEN 0 AND 10000),
  admin_discount_bps integer NOT NULL DEFAULT 0 CHECK (admin_discount_bps BETWEEN 0 AND 10000),
  seller_reward_bps integer NOT NULL DEFAULT 0 CHECK (seller_reward_bps BETWEEN 0 AND 10000),
  admin_reward_bps integer NOT NULL DEFAULT 0 CHECK (admin_reward_bps BETWEEN 0 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_groups_store_name_idx ON user_groups (store_id, lower(name));
CREATE INDEX user_groups_store_id_idx ON user_groups (store_id, id);

ALTER TABLE users ADD COLUMN group_id uuid REFERENCES user_groups (id) ON DELETE SET NULL;
CREATE INDEX users_store_group_idx ON users (store_id, group_id, id DESC) WHERE group_id IS NOT NULL;
ALTER TABLE users ADD COLUMN deactivated_reason text CHECK (length(deactivated_reason) <= 500);

-- Admin search over email, name and phone (`?q=`): one trigram index on the searched text.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX users_search_trgm_idx ON users
  USING gin ((email || ' ' || name || ' ' || coalesce(phone, '')) public.gin_trgm_ops);

-- Customer profile (seed 004 customer_profiles). `loyalty_points` is a balance the promotions
-- module will feed through the identity service; the ledger itself will live there.
CREATE TABLE customer_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  store_id uuid NOT NULL,
  loyalty_points bigint NOT NULL DEFAULT 0 CHECK (loyalty_points >= 0),
  preferred_currency char(3) CHECK (preferred_currency ~ '^[A-Z]{3}$'),
  date_of_birth date CHECK (date_of_birth >= DATE '1900-01-01'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Seller profile and onboarding (seed 004 seller_profiles). Bank details are AES-256-GCM
-- ciphertext made by the application; the database never sees them in clear.
CREATE TABLE seller_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  store_id uuid NOT NULL,
  business_name text NOT NULL CHECK (length(business_name) BETWEEN 1 AND 200),
  business_type text CHECK (length(business_type) BETWEEN 1 AND 50),
  tax_id text CHECK (length(tax_id) BETWEEN 1 AND 50),
  business_address jsonb,
  commission_rate_bps integer NOT NULL DEFAULT 500 CHECK (commission_rate_bps BETWEEN 0 AND 10000),
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
  documents jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(documents) = 'array'),
  bank_details_encrypted text,
  applied_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
);
-- the admin review queue: applications by status, oldest first
CREATE INDEX seller_profiles_store_status_idx ON seller_profiles (store_id, status, user_id);

-- Admin profile (seed 004 admin_profiles).
CREATE TABLE admin_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  store_id uuid NOT NULL,
  permissions text[] NOT NULL DEFAULT '{}' CHECK (cardinality(permissions) <= 100),
  department text CHECK (length(department) BETWEEN 1 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Addresses (seed 000 ADDRESS#<label>, seed 003 addresses). At most one default shipping and one
-- default billing address per user, held by partial unique indexes.
CREATE TABLE user_addresses (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  label text CHECK (length(label) BETWEEN 1 AND 50),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  line1 text NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
  line2 text CHECK (length(line2) <= 200),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  state text NOT NULL CHECK (length(state) BETWEEN 1 AND 100),
  postal_code text NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 20),
  country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  phone text CHECK (phone ~ '^\+?[0-9]{6,20}$'),
  is_default_shipping boolean NOT NULL DEFAULT false,
  is_default_billing boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_addresses_user_idx ON user_addresses (store_id, user_id, id);
CREATE UNIQUE INDEX user_addresses_label_idx ON user_addresses (user_id, lower(label)) WHERE label IS NOT NULL;
CREATE UNIQUE INDEX user_addresses_default_shipping_idx ON user_addresses (user_id) WHERE is_default_shipping;
CREATE UNIQUE INDEX user_addresses_default_billing_idx ON user_addresses (user_id) WHERE is_default_billing;

-- Per-account abuse counters, keyed by the lower-cased email whether or not an account has it
-- (so limits never reveal which emails exist). Shared by every API process through the database.
--   login: consecutive failures and the backoff they earned;
--   others: requests in the current fixed window.
CREATE TABLE auth_attempts (
  store_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('login', 'register', 'password-reset', 'verify-email')),
  subject text NOT NULL CHECK (length(subject) <= 254),
  count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, action, subject)
);
CREATE INDEX auth_attempts_updated_idx ON auth_attempts (updated_at);
