-- The scheduled prune (src/platform/jobs/retention.ts) finds succeeded jobs by when they finished,
-- outbox events by age, and whether an event still has a subscriber job to run.
CREATE INDEX jobs_succeeded_idx ON jobs (finished_at) WHERE status = 'succeeded';
CREATE INDEX jobs_open_dedupe_idx ON jobs (dedupe_key) WHERE status IN ('pending', 'running') AND dedupe_key IS NOT NULL;
CREATE INDEX outbox_events_created_idx ON outbox_events (created_at);
