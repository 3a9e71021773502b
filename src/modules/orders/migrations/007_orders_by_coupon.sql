-- Orders placed with a coupon, by code and time: what a campaign carrying that coupon earned.
CREATE INDEX orders_coupon_idx ON orders (store_id, coupon_code, placed_at) WHERE coupon_code IS NOT NULL;
