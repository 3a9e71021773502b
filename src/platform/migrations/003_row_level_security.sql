-- Row-level security (decision 016). Store-scoped work runs as bazaar_app, a role that cannot log in
-- and does not bypass row-level security, with the store in the transaction-local setting
-- app.store_id. The login role keeps owning the tables (owners and superusers bypass the policies),
-- which is how migrations, jobs and work across stores run unrestricted.
DO $$
DECLARE
  statement text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bazaar_app') THEN
    BEGIN
      CREATE ROLE bazaar_app NOLOGIN NOBYPASSRLS;
    EXCEPTION
      -- Another process created it meanwhile (roles are shared by the whole cluster).
      WHEN duplicate_object OR unique_violation THEN NULL;
      -- No CREATEROLE: an operator creates it (docs/operations.md); DATABASE_RLS=on refuses to start until then.
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'role bazaar_app not created: %', SQLERRM;
        RETURN;
    END;
  END IF;
  -- The role works on this schema's tables like the application does; the policies then narrow it
  -- to one store's rows. Tables made by later migrations get the same rights. Each step that this
  -- login role may not take is left to an operator (the start-up check names what is missing).
  FOREACH statement IN ARRAY ARRAY[
    format('GRANT bazaar_app TO %I', current_user),
    format('GRANT USAGE ON SCHEMA %I TO bazaar_app', current_schema()),
    format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO bazaar_app', current_schema()),
    format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO bazaar_app', current_schema()),
    format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bazaar_app', current_schema()),
    format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO bazaar_app', current_schema())
  ] LOOP
    IF statement LIKE 'GRANT bazaar_app TO %' AND pg_has_role(current_user, 'bazaar_app', 'MEMBER') THEN
      CONTINUE;
    END IF;
    BEGIN
      EXECUTE statement;
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
      RAISE NOTICE '%: %', statement, SQLERRM;
    END;
  END LOOP;
END
$$;

-- Jobs and events a store's request writes carry its store; platform work carries none and stays
-- visible to it (it reveals no other store).
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_store ON jobs
  USING (store_id IS NULL OR store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_events_store ON outbox_events
  USING (store_id IS NULL OR store_id = nullif(current_setting('app.store_id', true), '')::uuid);
