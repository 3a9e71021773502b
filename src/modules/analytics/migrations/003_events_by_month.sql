-- Raw storefront events by month (decision 036): retention drops a whole month at a time, and a
-- recount of a range reads only the months it covers. The primary key takes the partition key.
ALTER TABLE analytics_events RENAME TO analytics_events_unpartitioned;
ALTER TABLE analytics_events_unpartitioned RENAME CONSTRAINT analytics_events_pkey TO analytics_events_unpartitioned_pkey;
DROP INDEX analytics_events_store_day_idx;
DROP POLICY analytics_events_store ON analytics_events_unpartitioned;

CREATE TABLE analytics_events (
  id uuid NOT NULL,
  store_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('view', 'search', 'cart_add', 'checkout_started', 'checkout_completed')),
  product_id uuid,
  category_id uuid,
  seller_id uuid,
  query text CHECK (length(query) <= 200),
  results integer,
  occurred_at timestamptz NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (id, day)
) PARTITION BY RANGE (day);
CREATE INDEX analytics_events_store_day_idx ON analytics_events (store_id, day);

SELECT ensure_month_partitions('analytics_events',
  coalesce((SELECT min(day) FROM analytics_events_unpartitioned), current_date),
  (current_date + interval '2 months')::date);
INSERT INTO analytics_events (id, store_id, kind, product_id, category_id, seller_id, query, results, occurred_at, day)
  SELECT id, store_id, kind, product_id, category_id, seller_id, query, results, occurred_at, day
    FROM analytics_events_unpartitioned;
DROP TABLE analytics_events_unpartitioned;

ALTER TABLE analytics_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_events_store ON analytics_events USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
