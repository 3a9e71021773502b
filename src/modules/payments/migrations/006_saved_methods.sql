-- Saved payment methods (seed 002's user.paymentMethods; decision 033): the provider's token and the
-- card's display fields only, never a card number. A buyer's customer record at each provider is
-- kept once per (store, user, provider). Removal is soft (removed_at) so payments keep their history;
-- detached_at records when the provider confirmed the token is gone.
CREATE TABLE payment_customers (
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  provider text NOT NULL,
  provider_customer_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, user_id, provider)
);

CREATE TABLE saved_payment_methods (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  provider text NOT NULL,
  provider_customer_id text NOT NULL,
  provider_method_id text NOT NULL,
  type text NOT NULL DEFAULT 'card' CHECK (type IN ('card')),
  brand text NOT NULL CHECK (length(brand) BETWEEN 1 AND 40),
  last4 char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month smallint NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year smallint NOT NULL CHECK (exp_year BETWEEN 2000 AND 2200),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  detached_at timestamptz,
  FOREIGN KEY (store_id, user_id, provider) REFERENCES payment_customers (store_id, user_id, provider)
);
-- the buyer's list (seed 002: the user item's paymentMethods), newest first
CREATE INDEX saved_payment_methods_user_idx ON saved_payment_methods (store_id, user_id, created_at DESC)
  WHERE removed_at IS NULL;
-- one default per buyer
CREATE UNIQUE INDEX saved_payment_methods_default_idx ON saved_payment_methods (store_id, user_id)
  WHERE is_default AND removed_at IS NULL;
-- a token is saved once
CREATE UNIQUE INDEX saved_payment_methods_token_idx ON saved_payment_methods (store_id, provider, provider_method_id)
  WHERE removed_at IS NULL;

-- Row-level security as on every payments table (migration 005, decision 016).
ALTER TABLE payment_customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_customers_store ON payment_customers USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE saved_payment_methods ENABLE ROW LEVEL SECURITY;
CREATE POLICY saved_payment_methods_store ON saved_payment_methods USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
