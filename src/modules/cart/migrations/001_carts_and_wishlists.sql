-- Carts of guests and users (seed 004 carts/cart_items with guest carts; seed 002 Carts with TTL;
-- seed 000 Cart) and named wishlists (seed 000 Wishlist).
CREATE TABLE carts (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MERGED', 'CONVERTED', 'ABANDONED')),
  currency char(3) NOT NULL,
  converted_order_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- seed 002 TTL: untouched carts expire (a scheduled sweep marks them ABANDONED)
  expires_at timestamptz NOT NULL
);
-- one active cart per user and store
CREATE UNIQUE INDEX carts_user_active_idx ON carts (store_id, user_id) WHERE status = 'ACTIVE' AND user_id IS NOT NULL;
CREATE INDEX carts_expiry_idx ON carts (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE cart_items (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  cart_id uuid NOT NULL REFERENCES carts (id),
  offer_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  -- the price when added; reads flag a different current price instead of changing it
  unit_price_amount bigint NOT NULL CHECK (unit_price_amount >= 0),
  added_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cart_id, offer_id)
);

CREATE TABLE wishlists (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  description text CHECK (length(description) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, user_id, name)
);
CREATE INDEX wishlists_user_idx ON wishlists (store_id, user_id, id);

CREATE TABLE wishlist_items (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  offer_id uuid NOT NULL,
  note text CHECK (length(note) <= 500),
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (wishlist_id, offer_id)
);
