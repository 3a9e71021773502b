-- Orders with immutable item and address snapshots, status history, and the checkout
-- idempotency records (seed 004 orders/order_items/order_status_history; seed 000 Orders and
-- OrderItems; seed 001 payment method/status; seed 002 status and date indexes).
CREATE SEQUENCE order_number_seq START 100001;

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  number text NOT NULL,
  user_id uuid,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  status text NOT NULL CHECK (status IN
    ('PENDING', 'CONFIRMED', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED', 'RETURNED')),
  payment_status text NOT NULL DEFAULT 'PENDING' CHECK (payment_status IN
    ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
  payment_provider text NOT NULL,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  subtotal_amount bigint NOT NULL CHECK (subtotal_amount >= 0),
  discount_amount bigint NOT NULL DEFAULT 0 CHECK (discount_amount >= 0 AND discount_amount <= subtotal_amount),
  tax_amount bigint NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
  -- the part of tax_amount already inside the prices (tax-inclusive rules, GST-style)
  tax_included_amount bigint NOT NULL DEFAULT 0 CHECK (tax_included_amount >= 0 AND tax_included_amount <= tax_amount),
  shipping_amount bigint NOT NULL DEFAULT 0 CHECK (shipping_amount >= 0),
  total_amount bigint NOT NULL CHECK (total_amount >= 0),
  coupon_code text,
  coupon_discount_amount bigint NOT NULL DEFAULT 0 CHECK (coupon_discount_amount >= 0),
  group_discount_amount bigint NOT NULL DEFAULT 0 CHECK (group_discount_amount >= 0),
  points_redeemed bigint NOT NULL DEFAULT 0 CHECK (points_redeemed >= 0),
  points_discount_amount bigint NOT NULL DEFAULT 0 CHECK (points_discount_amount >= 0),
  shipping_method text,
  shipping_address jsonb NOT NULL,
  billing_address jsonb NOT NULL,
  cart_id uuid,
  cancel_reason text,
  placed_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- seed 004 "total validation": the totals rule holds in the database too
  CONSTRAINT orders_total_rule CHECK (
    total_amount = subtotal_amount - discount_amount + tax_amount - tax_included_amount + shipping_amount
  ),
  CONSTRAINT orders_discount_parts CHECK (
    discount_amount = coupon_discount_amount + group_discount_amount + points_discount_amount
  )
);
CREATE UNIQUE INDEX orders_store_number_idx ON orders (store_id, number);
-- a user's orders, newest first (seed 000 PK userid + SK ORDER#date)
CREATE INDEX orders_user_idx ON orders (store_id, user_id, id DESC) WHERE user_id IS NOT NULL;
-- a user's orders by status (seed 000 LSI1)
CREATE INDEX orders_user_status_idx ON orders (store_id, user_id, status, id DESC) WHERE user_id IS NOT NULL;
-- all orders by status for admins (seed 000 GSI2, seed 002 status index)
CREATE INDEX orders_status_idx ON orders (store_id, status, id DESC);
-- all orders by date (seed 002 date index; ids are time-ordered)
CREATE INDEX orders_store_id_idx ON orders (store_id, id DESC);

CREATE TABLE order_items (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES orders (id),
  offer_id uuid NOT NULL,
  product_id uuid NOT NULL,
  variant_id uuid,
  seller_id uuid NOT NULL,
  name text NOT NULL,
  sku text NOT NULL,
  options jsonb NOT NULL DEFAULT '{}'::jsonb,
  image_url text,
  category_id uuid,
  unit_price_amount bigint NOT NULL CHECK (unit_price_amount >= 0),
  quantity integer NOT NULL CHECK (quantity > 0),
  subtotal_amount bigint NOT NULL CHECK (subtotal_amount = unit_price_amount * quantity),
  discount_amount bigint NOT NULL DEFAULT 0 CHECK (discount_amount >= 0 AND discount_amount <= subtotal_amount),
  tax_amount bigint NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
  tax_rate_bp integer NOT NULL DEFAULT 0 CHECK (tax_rate_bp >= 0),
  reward_percent_bp integer NOT NULL DEFAULT 0 CHECK (reward_percent_bp >= 0),
  weight_grams integer,
  fulfillment_status text NOT NULL DEFAULT 'PENDING' CHECK (fulfillment_status IN
    ('PENDING', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_items_order_idx ON order_items (order_id);
-- a seller's order items by date (seed 000 OrderItems GSI1)
CREATE INDEX order_items_seller_idx ON order_items (store_id, seller_id, id DESC);

CREATE TABLE order_status_history (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  order_id uuid NOT NULL REFERENCES orders (id),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  reason text CHECK (length(reason) <= 1000),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id);

-- Checkout idempotency: one order per (store, scope, key); a retry finds it and answers the same.
CREATE TABLE checkout_requests (
  store_id uuid NOT NULL,
  scope text NOT NULL,
  idempotency_key text NOT NULL,
  order_id uuid NOT NULL,
  payment_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, scope, idempotency_key)
);

-- Tax rules by destination and category; the most specific active rule wins.
CREATE TABLE tax_rules (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  country char(2) NOT NULL,
  region text,
  category_id uuid,
  rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  inclusive boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tax_rules_lookup_idx ON tax_rules (store_id, country) WHERE active;

-- Shipping methods per store: a flat rate, weight bands, and free above a threshold.
CREATE TABLE shipping_methods (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  currency char(3) NOT NULL,
  flat_amount bigint NOT NULL DEFAULT 0 CHECK (flat_amount >= 0),
  -- [{ "upToGrams": 1000, "amount": 4000 }, …] ascending; heavier than the last band uses the last
  weight_bands jsonb NOT NULL DEFAULT '[]'::jsonb,
  free_over_amount bigint CHECK (free_over_amount >= 0),
  countries text[],
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX shipping_methods_code_idx ON shipping_methods (store_id, code);
