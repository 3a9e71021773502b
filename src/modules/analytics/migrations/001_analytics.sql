-- Analytics rollups (decision 025): daily sums per store, product, category, seller and payment
-- method, added to by the job worker as domain events arrive and recounted from source by
-- `rebuild`. A day is a calendar day of the store's time zone; money is in the store's currency.

CREATE TABLE analytics_daily_store (
  store_id uuid NOT NULL,
  day date NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day)
);

-- Per product, category and seller: views and cart adds come from the event stream.
CREATE TABLE analytics_daily_product (
  store_id uuid NOT NULL,
  day date NOT NULL,
  product_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  cart_adds integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, product_id)
);

-- category_id is the nil uuid for lines without a category
CREATE TABLE analytics_daily_category (
  store_id uuid NOT NULL,
  day date NOT NULL,
  category_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  cart_adds integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, category_id)
);

CREATE TABLE analytics_daily_seller (
  store_id uuid NOT NULL,
  day date NOT NULL,
  seller_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  cart_adds integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, seller_id)
);

CREATE TABLE analytics_daily_payment (
  store_id uuid NOT NULL,
  day date NOT NULL,
  provider text NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, provider)
);

-- Orders counted in the rollups, with the day they count on: an order counts once, however many
-- events announce its capture, and a recount of a range replaces the range's rows.
CREATE TABLE analytics_counted_orders (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (store_id, order_id)
);
CREATE INDEX analytics_counted_orders_day_idx ON analytics_counted_orders (store_id, day);

-- Events already added to the rollups: a replayed delivery finds its key and adds nothing.
CREATE TABLE analytics_processed_events (
  store_id uuid NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, event_id)
);
CREATE INDEX analytics_processed_events_at_idx ON analytics_processed_events (processed_at);

ALTER TABLE analytics_daily_store ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_store_store ON analytics_daily_store USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_product_store ON analytics_daily_product USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_category ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_category_store ON analytics_daily_category USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_seller ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_seller_store ON analytics_daily_seller USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_daily_payment ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_daily_payment_store ON analytics_daily_payment USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_counted_orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_counted_orders_store ON analytics_counted_orders USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_processed_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_processed_events_store ON analytics_processed_events USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
