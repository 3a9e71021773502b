-- Payments and refunds (seed 004 payments/refunds; seed 001 payments with gateway references).
-- Payments are never deleted. Amounts are integer minor units.
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  user_id uuid,
  provider text NOT NULL CHECK (provider IN ('test', 'cod', 'stripe', 'razorpay')),
  method text NOT NULL CHECK (method IN ('CARD', 'UPI', 'COD', 'WALLET', 'NETBANKING', 'TEST')),
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN
    ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  captured_amount bigint NOT NULL DEFAULT 0 CHECK (captured_amount >= 0 AND captured_amount <= amount),
  -- includes refunds in flight, so concurrent refunds can never exceed what was captured
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount),
  provider_transaction_id text,
  provider_reference text,
  provider_response jsonb,
  gateway_fee_amount bigint NOT NULL DEFAULT 0 CHECK (gateway_fee_amount >= 0),
  net_amount bigint GENERATED ALWAYS AS (captured_amount - refunded_amount - gateway_fee_amount) STORED,
  card_last4 char(4),
  card_brand text,
  risk_score integer CHECK (risk_score BETWEEN 0 AND 100),
  error_code text,
  error_message text,
  retry_count integer NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
  collected_by uuid,
  captured_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_idx ON payments (store_id, order_id);
-- seed 000 GSI1 / seed 001: find a payment (and so its order) by the gateway's reference
CREATE UNIQUE INDEX payments_provider_txn_idx ON payments (provider, provider_transaction_id)
  WHERE provider_transaction_id IS NOT NULL;
CREATE INDEX payments_store_status_idx ON payments (store_id, status, created_at DESC);

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  payment_id uuid NOT NULL REFERENCES payments (id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  provider_refund_id text,
  error_message text,
  idempotency_key text,
  processed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, created_at);
CREATE UNIQUE INDEX refunds_idempotency_idx ON refunds (payment_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Provider webhook events, stored once per provider event id: a replay finds the row and stops.
CREATE TABLE payment_events (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  provider text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  payment_id uuid,
  payload jsonb NOT NULL,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, event_id)
);
