-- Units sold of an offer per day (decision 028, the stock forecast): an offer's order lines in
-- the order they were placed (a line is created when its order is placed).
CREATE INDEX order_items_offer_idx ON order_items (store_id, offer_id, created_at) INCLUDE (quantity, order_id);
