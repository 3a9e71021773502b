-- Stock forecasts (decision 028): each day the job forecasts every stocked offer's demand from its
-- sales history and writes one row per store, day and offer (a rerun the same day replaces it).

-- Days from ordering an offer's stock to having it on the shelf; NULL: the store default
-- (FORECAST_LEAD_TIME_DAYS). An offer stocked in several warehouses takes the longest.
ALTER TABLE inventory_items ADD COLUMN lead_time_days integer CHECK (lead_time_days BETWEEN 1 AND 365);

CREATE TABLE stock_forecasts (
  store_id uuid NOT NULL,
  computed_on date NOT NULL,
  offer_id uuid NOT NULL,
  product_id uuid NOT NULL,
  seller_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('holt-winters', 'sba', 'none')),
  -- why there is no forecast (method 'none')
  reason text,
  history_days integer NOT NULL CHECK (history_days >= 0),
  zero_share numeric(5, 4) NOT NULL,
  available bigint NOT NULL,
  lead_time_days integer NOT NULL CHECK (lead_time_days > 0),
  review_days integer NOT NULL CHECK (review_days > 0),
  -- the forecast, in units (NULL for 'none')
  daily_demand numeric(14, 2),
  demand_7 numeric(14, 2),
  demand_14 numeric(14, 2),
  demand_30 numeric(14, 2),
  demand_30_low numeric(14, 2),
  demand_30_high numeric(14, 2),
  sigma numeric(14, 4),
  -- available / daily demand; NULL when no demand is expected
  days_of_cover numeric(14, 2),
  safety_stock bigint,
  reorder_point bigint,
  reorder_qty bigint CHECK (reorder_qty >= 0),
  -- MASE of the offer's last 14 days forecast from the days before, and what it says
  error numeric(10, 4),
  confidence text CHECK (confidence IN ('high', 'medium', 'low')),
  -- days the stock falls short of lead time + review period: below 0, time to reorder
  slack_days numeric GENERATED ALWAYS AS (days_of_cover - lead_time_days - review_days) STORED,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, computed_on, offer_id)
);
-- one offer's latest forecast
CREATE INDEX stock_forecasts_offer_idx ON stock_forecasts (store_id, offer_id, computed_on DESC);
-- the reorder suggestions of a day, most urgent first
CREATE INDEX stock_forecasts_reorder_idx ON stock_forecasts (store_id, computed_on, slack_days, offer_id)
  WHERE slack_days < 0;

ALTER TABLE stock_forecasts ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_forecasts_store ON stock_forecasts USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
