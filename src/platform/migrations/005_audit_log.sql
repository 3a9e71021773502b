-- The audit trail (decision 029): who changed what, with the fields before and after, written in
-- the transaction of the change (so a rolled-back change leaves no entry). Append-only: a trigger
-- refuses UPDATE, TRUNCATE and every DELETE but the retention job's, which announces itself with the
-- transaction-local setting bazaar.audit_prune; the store-bound role may not even try.
CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  entity_type text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 60),
  entity_id uuid NOT NULL,
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
  -- null for work no person started (jobs, webhooks)
  actor_user_id uuid,
  actor_roles text[] NOT NULL DEFAULT '{}',
  -- the store the actor's account belongs to: this store, or the platform realm for owners and staff
  actor_realm uuid,
  request_id text CHECK (length(request_id) <= 200),
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- per entity and per actor, newest first (ids are time-ordered); the store's whole trail by time
CREATE INDEX audit_log_entity_idx ON audit_log (store_id, entity_type, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (store_id, actor_user_id, id DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_log_store_idx ON audit_log (store_id, id DESC);
-- retention deletes the oldest entries of every store
CREATE INDEX audit_log_created_idx ON audit_log (created_at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('bazaar.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_store ON audit_log
  USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- Requests work as bazaar_app (decision 016): it may add entries and read its store's, nothing more.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bazaar_app') THEN
    BEGIN
      EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM bazaar_app';
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'audit_log privileges of bazaar_app left as they were: %', SQLERRM;
    END;
  END IF;
END
$$;
