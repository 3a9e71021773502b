-- Sales by hour of the store's day (issue 17: "hourly for today"): the hour of the store's clock an
-- order was placed in, added with the daily sums in the same statement batch and recounted with
-- them. Refunds stay daily.
CREATE TABLE analytics_hourly_store (
  store_id uuid NOT NULL,
  day date NOT NULL,
  hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
  orders integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, day, hour)
);
ALTER TABLE analytics_hourly_store ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_hourly_store_store ON analytics_hourly_store USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
