-- Guest carts that were abandoned or merged into a user's cart are deleted, lines first, after
-- RETENTION_GUEST_CARTS_DAYS (a scheduled prune); this index finds them by their last change.
-- (Their lines are found through the UNIQUE (cart_id, offer_id) index.)
CREATE INDEX carts_guest_closed_idx ON carts (updated_at) WHERE user_id IS NULL AND status IN ('ABANDONED', 'MERGED');
