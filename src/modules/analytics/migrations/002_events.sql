-- Storefront events (decision 025): product views, searches, cart adds and checkouts, written in
-- batches by each process, each batch added to the daily rollups in the same transaction.

CREATE TABLE analytics_events (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('view', 'search', 'cart_add', 'checkout_started', 'checkout_completed')),
  product_id uuid,
  category_id uuid,
  seller_id uuid,
  -- searches: the query as typed (trimmed, lower-cased) and the first page's result count
  query text CHECK (length(query) <= 200),
  results integer,
  occurred_at timestamptz NOT NULL,
  day date NOT NULL
);
-- a recount of a range, and the retention sweep
CREATE INDEX analytics_events_store_day_idx ON analytics_events (store_id, day);

-- The funnel per store and day.
CREATE TABLE analytics_daily_funnel (
  store_id uuid NOT NULL,
  day date NOT NULL,
  views integer NOT NULL DEFAULT 0,
  searches integer NOT NULL DEFAULT 0,
  zero_result_searches integer NOT NULL DEFAULT 0,
  cart_adds integer NOT NULL DEFAULT 0,
  checkouts_started integer NOT NULL DEFAULT 0,
  checkouts_completed integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day)
);

-- Search terms per store and day, with how many of their searches found nothing.
CREATE TABLE analytics_daily_search (
  store_id uuid NOT NULL,
  day date NOT NULL,
  query text NOT NULL,
  searches integer NOT NULL DEFAULT 0,
  zero_results integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, query)
);

ALTER TABLE analytics_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_events_store ON analytics_events USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_funnel ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_funnel_store ON analytics_daily_funnel USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_search ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_search_store ON analytics_daily_search USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
