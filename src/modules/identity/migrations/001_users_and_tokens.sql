-- Users of one store (seed 004 users; seed 000 Users PROFILE; seed 001 users keyed by phone).
-- Emails are unique per store ignoring case; roles are a set drawn from the platform's roles.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  password_hash text,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone text CHECK (phone ~ '^\+?[0-9]{6,20}$'),
  roles text[] NOT NULL DEFAULT ARRAY['CUSTOMER']
    CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['CUSTOMER', 'SELLER', 'ADMIN', 'DELIVERY_AGENT', 'SUPER_ADMIN']),
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
  email_verified_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- seed 000 GSI1 (email lookup) and the uniqueness rule
CREATE UNIQUE INDEX users_store_email_idx ON users (store_id, lower(email)) WHERE deleted_at IS NULL;
-- seed 001 key (phone lookup)
CREATE INDEX users_store_phone_idx ON users (store_id, phone) WHERE phone IS NOT NULL;
-- admin listing, newest first (keyset on id, which is time-ordered)
CREATE INDEX users_store_id_idx ON users (store_id, id DESC);

-- Refresh, password-reset and email-verification tokens, stored as SHA-256 hashes only
-- (seed 004 user_tokens; seed 000 SESSION items with TTL). A refresh family is one session.
CREATE TABLE user_tokens (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  type text NOT NULL CHECK (type IN ('REFRESH', 'RESET_PASSWORD', 'EMAIL_VERIFICATION')),
  token_hash text NOT NULL,
  family_id uuid,
  user_agent text,
  ip text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (type <> 'REFRESH' OR family_id IS NOT NULL)
);
CREATE UNIQUE INDEX user_tokens_hash_idx ON user_tokens (token_hash);
CREATE INDEX user_tokens_family_idx ON user_tokens (family_id) WHERE family_id IS NOT NULL;
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, type, created_at DESC);
CREATE INDEX user_tokens_expiry_idx ON user_tokens (expires_at);
