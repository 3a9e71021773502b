-- The audit trail by month (decision 036): retention drops whole months past AUDIT_RETENTION_DAYS
-- besides the daily delete of the days in between. Still append-only: the triggers sit on the
-- parent and every partition has them. The primary key takes the partition key.
ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
ALTER TABLE audit_log_unpartitioned RENAME CONSTRAINT audit_log_pkey TO audit_log_unpartitioned_pkey;
DROP INDEX audit_log_entity_idx, audit_log_actor_idx, audit_log_store_idx, audit_log_created_idx;
DROP POLICY audit_log_store ON audit_log_unpartitioned;

CREATE TABLE audit_log (
  id uuid NOT NULL,
  store_id uuid NOT NULL,
  entity_type text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 60),
  entity_id uuid NOT NULL,
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
  actor_user_id uuid,
  actor_roles text[] NOT NULL DEFAULT '{}',
  actor_realm uuid,
  request_id text CHECK (length(request_id) <= 200),
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

SELECT ensure_month_partitions('audit_log',
  coalesce((SELECT min(created_at) FROM audit_log_unpartitioned)::date, current_date),
  (current_date + interval '2 months')::date);
INSERT INTO audit_log (id, store_id, entity_type, entity_id, action, actor_user_id, actor_roles, actor_realm,
    request_id, before, after, created_at)
  SELECT id, store_id, entity_type, entity_id, action, actor_user_id, actor_roles, actor_realm, request_id,
    before, after, created_at
    FROM audit_log_unpartitioned;
DROP TABLE audit_log_unpartitioned;

CREATE INDEX audit_log_entity_idx ON audit_log (store_id, entity_type, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (store_id, actor_user_id, id DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_log_store_idx ON audit_log (store_id, id DESC);
CREATE INDEX audit_log_created_idx ON audit_log (created_at);

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_store ON audit_log
  USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

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
