-- Durable job queue and outbox. Jobs are inserted in the caller's transaction, so a rolled-back
-- change never runs its side effects; the worker claims them with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  store_id uuid,
  queue text NOT NULL CHECK (length(queue) BETWEEN 1 AND 200),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'succeeded', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- The claim query: pending jobs due now, oldest first.
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE status = 'pending';
-- The reaper: running jobs whose lease expired.
CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_dead_idx ON jobs (queue, created_at) WHERE status = 'dead';
CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (queue, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- Every domain event, as written in the transaction that caused it (audit trail and replay source).
CREATE TABLE outbox_events (
  id uuid PRIMARY KEY,
  store_id uuid,
  name text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_events_name_idx ON outbox_events (name, created_at);

-- Recurring jobs: one row per schedule; whichever process advances next_run_at first enqueues the run.
CREATE TABLE job_schedules (
  name text PRIMARY KEY,
  cron text NOT NULL,
  queue text NOT NULL,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz
);
