-- Orders archive (issue 17, decision 037): final orders whose last change is older than
-- ORDERS_ARCHIVE_AFTER_DAYS move here, with their items and history, in the job's bounded batches
-- (`DELETE … RETURNING` into these tables). The same columns as the hot tables, plus when the row
-- moved; the same order calls read both. No foreign keys: an archived order's items and history
-- move in the same transaction as the order.
CREATE TABLE orders_archive (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE orders_archive ADD COLUMN archived_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders_archive ADD PRIMARY KEY (id);
-- numbers stay unique per store across hot and archive: both take them from the store's counter
CREATE UNIQUE INDEX orders_archive_store_number_idx ON orders_archive (store_id, number);
-- the same keyset reads as the hot table: a buyer's orders (all, by status), staff by status, by date
CREATE INDEX orders_archive_user_idx ON orders_archive (store_id, user_id, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX orders_archive_user_status_idx ON orders_archive (store_id, user_id, status, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX orders_archive_status_idx ON orders_archive (store_id, status, id DESC);
CREATE INDEX orders_archive_store_id_idx ON orders_archive (store_id, id DESC);

CREATE TABLE order_items_archive (LIKE order_items INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE order_items_archive ADD COLUMN archived_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE order_items_archive ADD PRIMARY KEY (id);
CREATE INDEX order_items_archive_order_idx ON order_items_archive (order_id);
-- a seller's order items by date
CREATE INDEX order_items_archive_seller_idx ON order_items_archive (store_id, seller_id, id DESC);

CREATE TABLE order_status_history_archive (LIKE order_status_history INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE order_status_history_archive ADD COLUMN archived_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE order_status_history_archive ADD PRIMARY KEY (id);
CREATE INDEX order_status_history_archive_order_idx ON order_status_history_archive (order_id, id);

-- The archive job's scan, across stores: final orders by their last change, oldest first.
CREATE INDEX orders_archivable_idx ON orders (updated_at, id)
  WHERE status IN ('DELIVERED', 'RETURNED', 'CANCELLED', 'REFUNDED');

-- Row-level security as on the hot tables (decision 016).
ALTER TABLE orders_archive ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_archive_store ON orders_archive USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE order_items_archive ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_items_archive_store ON order_items_archive USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE order_status_history_archive ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_status_history_archive_store ON order_status_history_archive USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
