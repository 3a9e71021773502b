-- A cancellation's reason chosen from the store's `cancellation-reason` lookup (reference module),
-- beside the words kept in cancel_reason; the index answers "does an order use this reason?"
-- before a value of the lookup is deleted.
ALTER TABLE orders ADD COLUMN cancel_reason_code text CHECK (length(cancel_reason_code) <= 64);
CREATE INDEX orders_cancel_reason_code_idx ON orders (store_id, cancel_reason_code) WHERE cancel_reason_code IS NOT NULL;
