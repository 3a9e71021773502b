-- Received webhooks keep the provider's payload, personal data included; a scheduled prune deletes
-- them after RETENTION_PAYMENT_EVENTS_DAYS, found by when they arrived.
CREATE INDEX payment_events_received_idx ON payment_events (received_at);
