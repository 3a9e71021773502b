-- Workers sleep until told: a statement that adds jobs sends NOTIFY bazaar_jobs (payload: the
-- schema), which PostgreSQL delivers only when the transaction commits, so a woken worker finds the
-- jobs committed, and a rolled-back enqueue wakes nobody. One per statement, not per row.
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bazaar_jobs', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();
