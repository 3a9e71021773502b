-- Coupons with global and per-user limits and their usage records (seed 000 Coupons; seed 004).
CREATE TABLE coupons (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,40}$'),
  description text CHECK (length(description) <= 500),
  type text NOT NULL CHECK (type IN ('AMOUNT', 'PERCENT', 'FREE_SHIPPING')),
  -- AMOUNT: minor units; PERCENT: basis points (1000 = 10%); FREE_SHIPPING: 0
  value bigint NOT NULL CHECK (value >= 0),
  currency char(3) NOT NULL,
  min_order_amount bigint NOT NULL DEFAULT 0 CHECK (min_order_amount >= 0),
  max_discount_amount bigint CHECK (max_discount_amount > 0),
  starts_at timestamptz,
  expires_at timestamptz,
  usage_limit integer CHECK (usage_limit > 0),
  used_count integer NOT NULL DEFAULT 0 CHECK (used_count >= 0),
  per_user_limit integer CHECK (per_user_limit > 0),
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (usage_limit IS NULL OR used_count <= usage_limit),
  CHECK (type <> 'PERCENT' OR value BETWEEN 1 AND 10000),
  CHECK (expires_at IS NULL OR starts_at IS NULL OR expires_at > starts_at)
);
CREATE UNIQUE INDEX coupons_store_code_idx ON coupons (store_id, code);
CREATE INDEX coupons_store_id_idx ON coupons (store_id, id DESC);

CREATE TABLE coupon_usages (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  coupon_id uuid NOT NULL REFERENCES coupons (id),
  user_id uuid,
  email text,
  order_id uuid NOT NULL,
  discount_amount bigint NOT NULL CHECK (discount_amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  UNIQUE (coupon_id, order_id)
);
CREATE INDEX coupon_usages_user_idx ON coupon_usages (coupon_id, user_id) WHERE released_at IS NULL;
CREATE INDEX coupon_usages_email_idx ON coupon_usages (coupon_id, lower(email)) WHERE released_at IS NULL;

-- Reward points: an append-only ledger (seed 000 Rewards) and a per-user balance kept equal to
-- the ledger's sum in the same transaction, which can never go below zero.
CREATE TABLE reward_accounts (
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, user_id)
);

CREATE TABLE reward_ledger (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('EARN', 'REDEEM', 'EXPIRE', 'ADJUST')),
  reason text NOT NULL CHECK (reason IN ('PURCHASE', 'REVIEW', 'REFERRAL', 'CANCELLATION', 'ADMIN', 'EXPIRY')),
  points bigint NOT NULL CHECK (points <> 0),
  order_id uuid,
  note text CHECK (length(note) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'EARN' AND points > 0) OR (type IN ('REDEEM', 'EXPIRE') AND points < 0) OR type = 'ADJUST')
);
-- a user's history, newest first
CREATE INDEX reward_ledger_user_idx ON reward_ledger (store_id, user_id, id DESC);
-- one entry of each kind per order and reason keeps earning and redeeming idempotent
CREATE UNIQUE INDEX reward_ledger_order_idx ON reward_ledger (order_id, type, reason) WHERE order_id IS NOT NULL;
