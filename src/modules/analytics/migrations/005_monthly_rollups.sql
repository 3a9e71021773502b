-- Monthly rollups (decision 040): the sales sums of the product, category and seller rollups per
-- calendar month of the store's days (`month` is the month's first day), written by the same
-- statements as the daily rows and recounted from them. A year's ranking reads its whole months
-- here and only the partial months' days from the daily tables. Views and cart adds stay daily.
CREATE TABLE analytics_monthly_product (
  store_id uuid NOT NULL,
  month date NOT NULL,
  product_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, month, product_id)
);

CREATE TABLE analytics_monthly_category (
  store_id uuid NOT NULL,
  month date NOT NULL,
  category_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, month, category_id)
);

CREATE TABLE analytics_monthly_seller (
  store_id uuid NOT NULL,
  month date NOT NULL,
  seller_id uuid NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, month, seller_id)
);

INSERT INTO analytics_monthly_product (store_id, month, product_id, orders, units, revenue)
  SELECT store_id, date_trunc('month', day::timestamp)::date, product_id, sum(orders), sum(units), sum(revenue)
  FROM analytics_daily_product GROUP BY 1, 2, 3 HAVING sum(orders) > 0;
INSERT INTO analytics_monthly_category (store_id, month, category_id, orders, units, revenue)
  SELECT store_id, date_trunc('month', day::timestamp)::date, category_id, sum(orders), sum(units), sum(revenue)
  FROM analytics_daily_category GROUP BY 1, 2, 3 HAVING sum(orders) > 0;
INSERT INTO analytics_monthly_seller (store_id, month, seller_id, orders, units, revenue)
  SELECT store_id, date_trunc('month', day::timestamp)::date, seller_id, sum(orders), sum(units), sum(revenue)
  FROM analytics_daily_seller GROUP BY 1, 2, 3 HAVING sum(orders) > 0;

ALTER TABLE analytics_monthly_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_monthly_product_store ON analytics_monthly_product USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_monthly_category ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_monthly_category_store ON analytics_monthly_category USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE analytics_monthly_seller ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_monthly_seller_store ON analytics_monthly_seller USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
