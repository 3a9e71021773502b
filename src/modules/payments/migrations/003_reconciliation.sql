-- Reconciliation: the sweep finds unsettled payments across stores by age, and refund webhooks
-- find their refund by the provider's refund id.
CREATE INDEX payments_unsettled_idx ON payments (created_at)
  WHERE status IN ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED');
CREATE INDEX refunds_provider_refund_idx ON refunds (provider_refund_id) WHERE provider_refund_id IS NOT NULL;
