-- Staff look a payment (and so its order) up by the gateway's transaction or payment id.
CREATE INDEX payments_store_txn_idx ON payments (store_id, provider_transaction_id) WHERE provider_transaction_id IS NOT NULL;
CREATE INDEX payments_store_reference_idx ON payments (store_id, provider_reference) WHERE provider_reference IS NOT NULL;
