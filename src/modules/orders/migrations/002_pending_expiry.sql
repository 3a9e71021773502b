-- The expiry sweep reads unpaid orders of every store by age.
CREATE INDEX orders_pending_placed_idx ON orders (placed_at, id) WHERE status = 'PENDING';
