-- Fulfilment (seed 001 deliveries and payment reconciliation; seed 000 courierName/trackingCode;
-- seed 002 trackingNumber/estimatedDelivery; seed 004 tracking_number, estimated_delivery_at,
-- returns): shipments with their items, events and location track, delivery agents, carriers,
-- cash collected on delivery and handed in, and returns. Orders, items, offers, warehouses and
-- users belong to other modules: their ids are kept here without foreign keys.

-- Couriers a store ships with; a shipment's tracking link is the template with {trackingNumber}.
CREATE TABLE carriers (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  tracking_url_template text CHECK (length(tracking_url_template) <= 500),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, code)
);

-- A delivery agent's profile in a store (seed 001 users with role DELIVERY_AGENT); the user is identity's.
CREATE TABLE delivery_agents (
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  vehicle text CHECK (length(vehicle) <= 50),
  zone text CHECK (length(zone) <= 100),
  phone text CHECK (length(phone) <= 32),
  available boolean NOT NULL DEFAULT true,
  last_lat double precision CHECK (last_lat BETWEEN -90 AND 90),
  last_lng double precision CHECK (last_lng BETWEEN -180 AND 180),
  last_located_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, user_id)
);
-- the automatic assignment: available agents of a zone
CREATE INDEX delivery_agents_zone_idx ON delivery_agents (store_id, lower(zone)) WHERE available;

CREATE TABLE shipments (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  order_number text NOT NULL,
  seller_id uuid NOT NULL,
  warehouse_id uuid,
  status text NOT NULL CHECK (status IN
    ('PENDING', 'ASSIGNED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'FAILED', 'RETURNED_TO_SENDER', 'CANCELLED')),
  carrier text CHECK (length(carrier) BETWEEN 1 AND 100),
  tracking_number text CHECK (length(tracking_number) BETWEEN 1 AND 100),
  delivery_agent_id uuid,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- cash on delivery: what the agent is to collect at the door (0 when prepaid)
  cod_amount bigint NOT NULL DEFAULT 0 CHECK (cod_amount >= 0),
  estimated_delivery_at timestamptz,
  weight_grams integer CHECK (weight_grams > 0),
  package_count integer NOT NULL DEFAULT 1 CHECK (package_count BETWEEN 1 AND 1000),
  -- the order's shipping address snapshot, and the zone the automatic assignment matches
  address jsonb NOT NULL,
  zone text,
  -- the one-time delivery code, sealed with the data key (only where the store turns codes on)
  delivery_code_sealed text,
  delivery_code_attempts integer NOT NULL DEFAULT 0,
  recipient_name text CHECK (length(recipient_name) <= 200),
  proof_photo_url text CHECK (length(proof_photo_url) <= 2000),
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  -- the newest location reported (seed 001 last_location)
  last_lat double precision CHECK (last_lat BETWEEN -90 AND 90),
  last_lng double precision CHECK (last_lng BETWEEN -180 AND 180),
  last_accuracy_m real,
  last_located_at timestamptz,
  -- set when a FAILED or returned parcel is back in the warehouse and its stock returned
  received_back_at timestamptz,
  assigned_at timestamptz,
  picked_up_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- seed 001 deliveries PK (agent_id, delivery_id): an agent's deliveries, newest first
CREATE INDEX shipments_agent_idx ON shipments (store_id, delivery_agent_id, id DESC) WHERE delivery_agent_id IS NOT NULL;
-- an agent's open deliveries (its load, the automatic assignment)
CREATE INDEX shipments_agent_open_idx ON shipments (store_id, delivery_agent_id)
  WHERE status IN ('ASSIGNED', 'PICKED_UP', 'IN_TRANSIT');
-- by order (the order view, tracking)
CREATE INDEX shipments_order_idx ON shipments (store_id, order_id, id);
-- by store, and by store and status (the admin's lists)
CREATE INDEX shipments_store_status_idx ON shipments (store_id, status, id DESC);
CREATE INDEX shipments_store_idx ON shipments (store_id, id DESC);
-- a seller's shipments
CREATE INDEX shipments_seller_idx ON shipments (store_id, seller_id, id DESC);

CREATE TABLE shipment_items (
  shipment_id uuid NOT NULL REFERENCES shipments (id),
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  order_item_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_item_id)
);
CREATE INDEX shipment_items_order_idx ON shipment_items (store_id, order_id);

-- Each step of a shipment: status, when, by whom, where, and why.
CREATE TABLE shipment_events (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  shipment_id uuid NOT NULL REFERENCES shipments (id),
  status text NOT NULL,
  actor_id uuid,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  note text CHECK (length(note) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipment_events_shipment_idx ON shipment_events (shipment_id, id);

-- The GPS track an agent reports while carrying a shipment.
CREATE TABLE shipment_locations (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy_m real CHECK (accuracy_m >= 0),
  recorded_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipment_locations_shipment_idx ON shipment_locations (shipment_id, recorded_at);

-- Cash on delivery collected at the door: one per shipment; short or over collection is kept.
CREATE TABLE cod_collections (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  shipment_id uuid NOT NULL UNIQUE REFERENCES shipments (id),
  order_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  currency char(3) NOT NULL,
  due_amount bigint NOT NULL CHECK (due_amount >= 0),
  collected_amount bigint NOT NULL CHECK (collected_amount >= 0),
  discrepancy_amount bigint GENERATED ALWAYS AS (collected_amount - due_amount) STORED,
  collected_at timestamptz NOT NULL DEFAULT now()
);
-- an agent's collections by day (cash balance, reconciliation)
CREATE INDEX cod_collections_agent_idx ON cod_collections (store_id, agent_id, collected_at);
CREATE INDEX cod_collections_store_day_idx ON cod_collections (store_id, collected_at);

-- Cash an agent hands in to the store.
CREATE TABLE cod_remittances (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  currency char(3) NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  method text NOT NULL CHECK (method IN ('CASH', 'BANK_TRANSFER', 'UPI', 'OTHER')),
  reference text CHECK (length(reference) <= 200),
  note text CHECK (length(note) <= 1000),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cod_remittances_agent_idx ON cod_remittances (store_id, agent_id, created_at);
CREATE INDEX cod_remittances_store_day_idx ON cod_remittances (store_id, created_at);

-- Returns (RMA): a buyer asks to send delivered items back; staff decide, receive and refund.
CREATE TABLE returns (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  user_id uuid,
  status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED', 'CANCELLED')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  decision_note text CHECK (length(decision_note) <= 1000),
  currency char(3) NOT NULL,
  refund_amount bigint CHECK (refund_amount >= 0),
  decided_by uuid,
  decided_at timestamptz,
  received_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX returns_order_idx ON returns (store_id, order_id, id);
CREATE INDEX returns_store_status_idx ON returns (store_id, status, id DESC);
CREATE INDEX returns_user_idx ON returns (store_id, user_id, id DESC) WHERE user_id IS NOT NULL;

CREATE TABLE return_items (
  return_id uuid NOT NULL REFERENCES returns (id),
  store_id uuid NOT NULL,
  order_item_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  -- how it came back: SELLABLE goes back on hand, DAMAGED into quarantine
  condition text CHECK (condition IN ('SELLABLE', 'DAMAGED')),
  PRIMARY KEY (return_id, order_item_id)
);
