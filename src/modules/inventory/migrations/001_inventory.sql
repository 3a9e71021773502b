-- Inventory (seeds 000, 003, 004): stock points, stock per seller offer and warehouse, lots with
-- expiry, reservations held during checkout, and the movement ledger every on-hand change writes.
-- Offers, products and sellers belong to other modules: their ids are kept here without foreign keys.

CREATE TABLE warehouses (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL DEFAULT 'FULFILLMENT' CHECK (type IN ('FULFILLMENT', 'DROPSHIP', 'RETAIL')),
  address jsonb NOT NULL DEFAULT '{}'::jsonb,
  latitude numeric(10, 8) CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(11, 8) CHECK (longitude BETWEEN -180 AND 180),
  timezone text NOT NULL DEFAULT 'UTC' CHECK (length(timezone) BETWEEN 1 AND 64),
  -- {"monday": {"open": "09:00", "close": "18:00"}, ...}
  operating_hours jsonb,
  max_capacity bigint CHECK (max_capacity > 0),
  is_active boolean NOT NULL DEFAULT true,
  -- created on demand by the first receipt that names no warehouse
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, code),
  -- target of the composite foreign key below: stock can only sit in a warehouse of its own store
  UNIQUE (store_id, id)
);
CREATE UNIQUE INDEX warehouses_one_default_idx ON warehouses (store_id) WHERE is_default;

-- One row per (offer, warehouse). available = on_hand - reserved can never be negative because
-- reserved <= on_hand is a CHECK; every quantity is >= 0. Units sold (committed) and quarantined
-- (damaged or expired) have left on_hand.
CREATE TABLE inventory_items (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  product_id uuid NOT NULL,
  seller_id uuid NOT NULL,
  on_hand bigint NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  committed bigint NOT NULL DEFAULT 0 CHECK (committed >= 0),
  damaged bigint NOT NULL DEFAULT 0 CHECK (damaged >= 0),
  available bigint GENERATED ALWAYS AS (on_hand - reserved) STORED,
  reorder_point bigint NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
  reorder_quantity bigint NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
  max_level bigint CHECK (max_level > 0),
  location_bin text CHECK (length(location_bin) BETWEEN 1 AND 20),
  location_shelf text CHECK (length(location_shelf) BETWEEN 1 AND 20),
  total_received bigint NOT NULL DEFAULT 0 CHECK (total_received >= 0),
  total_sold bigint NOT NULL DEFAULT 0 CHECK (total_sold >= 0),
  total_returned bigint NOT NULL DEFAULT 0 CHECK (total_returned >= 0),
  -- signed sum of ADJUSTMENT movements
  total_adjusted bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reserved <= on_hand),
  UNIQUE (store_id, offer_id, warehouse_id),
  FOREIGN KEY (store_id, warehouse_id) REFERENCES warehouses (store_id, id)
);
-- seed 004 get_product_availability: stock of a product across warehouses
CREATE INDEX inventory_items_product_idx ON inventory_items (store_id, product_id);
-- seed 000 GSI1 (sellerId, STOCK#productId#lot): a seller's stock, by product
CREATE INDEX inventory_items_seller_idx ON inventory_items (store_id, seller_id, product_id, id);
CREATE INDEX inventory_items_warehouse_idx ON inventory_items (warehouse_id);
-- seed 004 idx_inventory_low_stock: the low-stock list
CREATE INDEX inventory_items_low_stock_idx ON inventory_items (store_id, id) WHERE available <= reorder_point;

-- Every unit on hand sits in exactly one lot; stock received without a lot code goes to the item's
-- lot with a NULL code (at most one, NULLS NOT DISTINCT). Lots are changed only while their item's
-- row is locked.
CREATE TABLE inventory_lots (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  item_id uuid NOT NULL REFERENCES inventory_items (id),
  lot_code text CHECK (length(lot_code) BETWEEN 1 AND 64),
  manufactured_on date,
  expires_at timestamptz,
  on_hand bigint NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  received_quantity bigint NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
  unit_cost_amount bigint CHECK (unit_cost_amount >= 0),
  currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reserved <= on_hand),
  CHECK ((unit_cost_amount IS NULL) = (currency IS NULL))
);
CREATE UNIQUE INDEX inventory_lots_code_idx ON inventory_lots (item_id, lot_code) NULLS NOT DISTINCT;
-- the expiry sweep: lots past expiry that still hold unreserved units
CREATE INDEX inventory_lots_expiry_idx ON inventory_lots (expires_at)
  WHERE expires_at IS NOT NULL AND on_hand > reserved;

CREATE TABLE inventory_reservations (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  reference_type text NOT NULL CHECK (reference_type ~ '^[A-Z][A-Z0-9_]{0,31}$'),
  reference_id text NOT NULL CHECK (length(reference_id) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
  actor_user_id uuid,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  released_at timestamptz,
  release_reason text CHECK (length(release_reason) <= 500)
);
-- one live (ACTIVE or CONFIRMED) reservation per reference; a released one may be made again
CREATE UNIQUE INDEX inventory_reservations_live_reference_idx
  ON inventory_reservations (store_id, reference_type, reference_id) WHERE status IN ('ACTIVE', 'CONFIRMED');
CREATE INDEX inventory_reservations_reference_idx
  ON inventory_reservations (store_id, reference_type, reference_id, id);
-- the reservation expiry job
CREATE INDEX inventory_reservations_expiry_idx ON inventory_reservations (expires_at) WHERE status = 'ACTIVE';

-- What a reservation holds, lot by lot (FEFO allocation), so confirm and release undo it exactly.
CREATE TABLE inventory_reservation_lines (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  reservation_id uuid NOT NULL REFERENCES inventory_reservations (id),
  item_id uuid NOT NULL REFERENCES inventory_items (id),
  lot_id uuid NOT NULL REFERENCES inventory_lots (id),
  offer_id uuid NOT NULL,
  quantity bigint NOT NULL CHECK (quantity > 0),
  returned_quantity bigint NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0),
  CHECK (returned_quantity <= quantity)
);
CREATE INDEX inventory_reservation_lines_reservation_idx ON inventory_reservation_lines (reservation_id);
CREATE INDEX inventory_reservation_lines_lot_idx ON inventory_reservation_lines (lot_id);

-- The ledger: every change of on_hand, lot by lot. Per item and per lot, on_hand = sum(quantity_change).
CREATE TABLE inventory_movements (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  item_id uuid NOT NULL REFERENCES inventory_items (id),
  lot_id uuid NOT NULL REFERENCES inventory_lots (id),
  offer_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  type text NOT NULL
    CHECK (type IN ('INBOUND', 'OUTBOUND', 'ADJUSTMENT', 'TRANSFER', 'DAMAGE', 'RETURN', 'EXPIRE')),
  quantity_change bigint NOT NULL CHECK (quantity_change <> 0),
  -- the item's on_hand around this movement
  quantity_before bigint NOT NULL CHECK (quantity_before >= 0),
  quantity_after bigint NOT NULL CHECK (quantity_after >= 0),
  reason text CHECK (length(reason) <= 500),
  reference_type text CHECK (length(reference_type) BETWEEN 1 AND 32),
  reference_id text CHECK (length(reference_id) BETWEEN 1 AND 100),
  actor_user_id uuid,
  unit_cost_amount bigint,
  currency char(3),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (quantity_after = quantity_before + quantity_change)
);
-- movements of an offer, newest first (keyset on the time-ordered id)
CREATE INDEX inventory_movements_offer_idx ON inventory_movements (store_id, offer_id, id);
CREATE INDEX inventory_movements_item_idx ON inventory_movements (item_id);
CREATE INDEX inventory_movements_lot_idx ON inventory_movements (lot_id);
CREATE INDEX inventory_movements_reference_idx ON inventory_movements (store_id, reference_type, reference_id);
