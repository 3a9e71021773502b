-- Shipments: units sold (committed) leave the warehouse, and may come back. A SHIPMENT movement
-- does not change on_hand (sold units already left it): it records committed going down
-- (committed_change), for the shipment named by shipment_id. Every other movement keeps
-- committed_change 0.
ALTER TABLE inventory_items ADD COLUMN total_shipped bigint NOT NULL DEFAULT 0
  CONSTRAINT inventory_items_total_shipped_check CHECK (total_shipped >= 0);

-- Per line: shipped units, and how many of the returned ones had been shipped. Returned units
-- that were never shipped (returned − shipped_returned) cannot exceed the units never shipped.
ALTER TABLE inventory_reservation_lines
  ADD COLUMN shipped_quantity bigint NOT NULL DEFAULT 0,
  ADD COLUMN shipped_returned_quantity bigint NOT NULL DEFAULT 0,
  ADD CONSTRAINT inventory_reservation_lines_shipped_check
    CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity),
  ADD CONSTRAINT inventory_reservation_lines_shipped_returned_check
    CHECK (shipped_returned_quantity >= 0 AND shipped_returned_quantity <= shipped_quantity
      AND shipped_returned_quantity <= returned_quantity),
  ADD CONSTRAINT inventory_reservation_lines_unshipped_returned_check
    CHECK (returned_quantity - shipped_returned_quantity <= quantity - shipped_quantity);

ALTER TABLE inventory_movements
  ADD COLUMN committed_change bigint NOT NULL DEFAULT 0,
  ADD COLUMN shipment_id uuid,
  DROP CONSTRAINT inventory_movements_type_check,
  ADD CONSTRAINT inventory_movements_type_check CHECK (type IN ('INBOUND', 'OUTBOUND', 'ADJUSTMENT',
    'TRANSFER', 'DAMAGE', 'RETURN', 'EXPIRE', 'SHIPMENT')),
  DROP CONSTRAINT inventory_movements_quantity_change_check,
  ADD CONSTRAINT inventory_movements_quantity_change_check
    CHECK (quantity_change <> 0 OR type = 'SHIPMENT'),
  ADD CONSTRAINT inventory_movements_shipment_check
    CHECK ((type = 'SHIPMENT') = (shipment_id IS NOT NULL) AND (type = 'SHIPMENT' OR committed_change = 0));
-- what a shipment moved
CREATE INDEX inventory_movements_shipment_idx ON inventory_movements (shipment_id) WHERE shipment_id IS NOT NULL;
