-- The delivery queue lives on the notifications rows themselves: a queued message is due at
-- next_attempt_at (its scheduled time, then each retry's backoff; a claim moves it one lease ahead,
-- so a worker that dies mid-send leaves it to be claimed again). Workers claim due rows in batches,
-- urgent first, with FOR UPDATE SKIP LOCKED.
ALTER TABLE notifications ADD COLUMN next_attempt_at timestamptz;
-- headers a channel adds as sent (mail: List-Unsubscribe and List-Unsubscribe-Post on marketing mail)
ALTER TABLE notifications ADD COLUMN headers jsonb;
UPDATE notifications SET next_attempt_at = scheduled_at WHERE status = 'QUEUED';

CREATE FUNCTION notifications_priority_rank(priority text) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END::smallint $$;

-- the claim: queued rows by priority, then by when they are due
CREATE INDEX notifications_due ON notifications (notifications_priority_rank(priority), next_attempt_at)
  WHERE status = 'QUEUED';
-- an idle worker's question: when is the next queued row due
CREATE INDEX notifications_next ON notifications (next_attempt_at) WHERE status = 'QUEUED';

-- Workers sleep until told: a statement that queues messages wakes them (as jobs do, on the same
-- channel, once the transaction commits). Rows written SENT (in-app) wake nobody.
CREATE FUNCTION notifications_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM added WHERE status = 'QUEUED') THEN
    PERFORM pg_notify('bazaar_jobs', TG_TABLE_SCHEMA);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER notifications_notify AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION notifications_notify();

-- messages that failed for good: few, counted for the dead-letter gauge
CREATE INDEX notifications_failed ON notifications (id) WHERE status = 'FAILED';
