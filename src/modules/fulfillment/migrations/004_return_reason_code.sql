-- A return's reason chosen from the store's `return-reason` lookup (reference module), beside the
-- buyer's words; the index answers "does a return use this reason?" before a value is deleted.
ALTER TABLE returns ADD COLUMN reason_code text CHECK (length(reason_code) <= 64);
CREATE INDEX returns_reason_code_idx ON returns (store_id, reason_code) WHERE reason_code IS NOT NULL;
