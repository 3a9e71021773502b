-- Order numbers count per store, so that no store learns from its numbers how many orders the
-- platform (its other stores) takes. A store's counter row is taken and incremented in the
-- order's own transaction: numbers are unique per store, consecutive, and a rolled-back checkout
-- leaves no gap. A store without orders yet starts at 100001, as numbers always have.
CREATE TABLE order_number_counters (
  store_id uuid PRIMARY KEY,
  last_number bigint NOT NULL CHECK (last_number > 0)
);

-- Stores that already have orders continue after their highest number (from the old global
-- sequence), so no number is ever given twice in a store.
INSERT INTO order_number_counters (store_id, last_number)
SELECT store_id, max(number::bigint)
FROM orders
WHERE number ~ '^[0-9]{1,18}$'
GROUP BY store_id;

DROP SEQUENCE order_number_seq;
