-- Accepting a quote (decision 026): when the buyer accepted, and the order its cart became.
ALTER TABLE leads
  ADD COLUMN accepted_at timestamptz,
  ADD COLUMN order_id uuid,
  ADD COLUMN order_number text CHECK (length(order_number) <= 40),
  ADD CONSTRAINT leads_order_check CHECK ((order_id IS NULL) = (order_number IS NULL)),
  ADD CONSTRAINT leads_converted_order_check CHECK (status <> 'CONVERTED' OR order_id IS NOT NULL);
-- the expiry sweep: quotes, accepted or not, past their validity (replaces the QUOTED-only index)
CREATE INDEX leads_open_valid_idx ON leads (valid_until) WHERE status IN ('QUOTED', 'ACCEPTED');
DROP INDEX leads_quoted_valid_idx;
