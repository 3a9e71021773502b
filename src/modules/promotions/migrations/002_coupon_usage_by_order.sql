-- Cancelling an order releases its coupon use: find the usage by order, not by scanning.
CREATE INDEX coupon_usages_order_idx ON coupon_usages (store_id, order_id) WHERE released_at IS NULL;
