-- Lookups (seed 000 Lookups: PK lookupType, SK lookupName): typed value lists per store, such as
-- return reasons, cancellation reasons, units of measure, business types and delivery time slots.
-- A built-in type answers with the shipped defaults until the store changes it: its first change
-- copies the defaults here and marks the type as the store's own (lookup_types).
CREATE TABLE lookup_types (
  store_id uuid NOT NULL,
  type text NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]{0,39}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, type)
);

CREATE TABLE lookup_values (
  store_id uuid NOT NULL,
  type text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  -- the label per language: { "en": "Damaged on arrival", "hi": "…" }
  labels jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
  position integer NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 100000),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- a type's values in order (seed 000: PK = lookupType, SK = lookupName)
  PRIMARY KEY (store_id, type, code),
  FOREIGN KEY (store_id, type) REFERENCES lookup_types (store_id, type) ON DELETE CASCADE
);
CREATE INDEX lookup_values_order_idx ON lookup_values (store_id, type, position, code);

ALTER TABLE lookup_types ENABLE ROW LEVEL SECURITY;
CREATE POLICY lookup_types_store ON lookup_types USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE lookup_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY lookup_values_store ON lookup_values USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
