-- The stock ledger by month (decision 036): it only grows, and reads are by offer, item, lot,
-- reference or shipment, each served by the same indexes on every month. No month is ever dropped:
-- on_hand is the sum of the ledger. The primary key takes the partition key.
ALTER TABLE inventory_movements RENAME TO inventory_movements_unpartitioned;
ALTER TABLE inventory_movements_unpartitioned RENAME CONSTRAINT inventory_movements_pkey TO inventory_movements_unpartitioned_pkey;
DROP INDEX inventory_movements_offer_idx, inventory_movements_item_idx, inventory_movements_lot_idx,
  inventory_movements_reference_idx, inventory_movements_shipment_idx;
DROP POLICY inventory_movements_store ON inventory_movements_unpartitioned;

CREATE TABLE inventory_movements (
  id uuid NOT NULL,
  store_id uuid NOT NULL,
  item_id uuid NOT NULL REFERENCES inventory_items (id),
  lot_id uuid NOT NULL REFERENCES inventory_lots (id),
  offer_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('INBOUND', 'OUTBOUND', 'ADJUSTMENT', 'TRANSFER', 'DAMAGE', 'RETURN',
    'EXPIRE', 'SHIPMENT')),
  quantity_change bigint NOT NULL CHECK (quantity_change <> 0 OR type = 'SHIPMENT'),
  quantity_before bigint NOT NULL CHECK (quantity_before >= 0),
  quantity_after bigint NOT NULL CHECK (quantity_after >= 0),
  reason text CHECK (length(reason) <= 500),
  reference_type text CHECK (length(reference_type) BETWEEN 1 AND 32),
  reference_id text CHECK (length(reference_id) BETWEEN 1 AND 100),
  actor_user_id uuid,
  unit_cost_amount bigint,
  currency char(3),
  created_at timestamptz NOT NULL DEFAULT now(),
  committed_change bigint NOT NULL DEFAULT 0,
  shipment_id uuid,
  PRIMARY KEY (id, created_at),
  CHECK (quantity_after = quantity_before + quantity_change),
  CHECK ((type = 'SHIPMENT') = (shipment_id IS NOT NULL) AND (type = 'SHIPMENT' OR committed_change = 0))
) PARTITION BY RANGE (created_at);

SELECT ensure_month_partitions('inventory_movements',
  coalesce((SELECT min(created_at) FROM inventory_movements_unpartitioned)::date, current_date),
  (current_date + interval '2 months')::date);
INSERT INTO inventory_movements (id, store_id, item_id, lot_id, offer_id, warehouse_id, type, quantity_change,
    quantity_before, quantity_after, reason, reference_type, reference_id, actor_user_id, unit_cost_amount,
    currency, created_at, committed_change, shipment_id)
  SELECT id, store_id, item_id, lot_id, offer_id, warehouse_id, type, quantity_change, quantity_before,
    quantity_after, reason, reference_type, reference_id, actor_user_id, unit_cost_amount, currency,
    created_at, committed_change, shipment_id
    FROM inventory_movements_unpartitioned;
DROP TABLE inventory_movements_unpartitioned;

-- movements of an offer, newest first (keyset on the time-ordered id)
CREATE INDEX inventory_movements_offer_idx ON inventory_movements (store_id, offer_id, id);
CREATE INDEX inventory_movements_item_idx ON inventory_movements (item_id);
CREATE INDEX inventory_movements_lot_idx ON inventory_movements (lot_id);
CREATE INDEX inventory_movements_reference_idx ON inventory_movements (store_id, reference_type, reference_id);
-- what a shipment moved
CREATE INDEX inventory_movements_shipment_idx ON inventory_movements (shipment_id) WHERE shipment_id IS NOT NULL;

ALTER TABLE inventory_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY inventory_movements_store ON inventory_movements USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
