-- Messages by month (decision 036): retention drops a whole month at a time. The partition key is
-- caused_at, the time of what the message tells about (the domain event, or the campaign), taken
-- from that id (UUID v7): a replayed event or a resumed campaign send has the same key, so the
-- once-per-(event, recipient, channel) and once-per-(campaign, user, channel) indexes, which must
-- include the key, still hold across months. The primary key takes the partition key.
ALTER TABLE notifications RENAME TO notifications_unpartitioned;
ALTER TABLE notifications_unpartitioned RENAME CONSTRAINT notifications_pkey TO notifications_unpartitioned_pkey;
DROP TRIGGER notifications_notify ON notifications_unpartitioned;
DROP POLICY notifications_store ON notifications_unpartitioned;
DROP INDEX notifications_once, notifications_feed, notifications_unread, notifications_log, notifications_due,
  notifications_next, notifications_failed, notifications_campaign_once;

CREATE TABLE notifications (
  id uuid NOT NULL,
  store_id uuid NOT NULL,
  event_id uuid NOT NULL,
  user_id uuid,
  recipient text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP')),
  type text NOT NULL,
  language text NOT NULL,
  template_version integer NOT NULL CHECK (template_version >= 0),
  subject text,
  body text NOT NULL,
  html text,
  sealed boolean NOT NULL DEFAULT false,
  sender_name text,
  reply_to text,
  priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  scheduled_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'QUEUED'
    CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  provider_message_id text,
  error text,
  sent_at timestamptz,
  delivered_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz,
  headers jsonb,
  campaign_id uuid,
  caused_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, caused_at)
) PARTITION BY RANGE (caused_at);

CREATE UNIQUE INDEX notifications_once ON notifications (event_id, recipient, channel, caused_at);
CREATE INDEX notifications_feed ON notifications (store_id, user_id, id DESC) WHERE channel = 'IN_APP';
CREATE INDEX notifications_unread ON notifications (store_id, user_id) WHERE channel = 'IN_APP' AND read_at IS NULL;
CREATE INDEX notifications_log ON notifications (store_id, status, id DESC);
CREATE INDEX notifications_due ON notifications (notifications_priority_rank(priority), next_attempt_at)
  WHERE status = 'QUEUED';
CREATE INDEX notifications_next ON notifications (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX notifications_failed ON notifications (id) WHERE status = 'FAILED';
CREATE UNIQUE INDEX notifications_campaign_once ON notifications (store_id, campaign_id, user_id, channel, caused_at)
  WHERE campaign_id IS NOT NULL;

SELECT ensure_month_partitions('notifications',
  coalesce((SELECT min(created_at) FROM notifications_unpartitioned)::date, current_date),
  (current_date + interval '2 months')::date);
INSERT INTO notifications (id, store_id, event_id, user_id, recipient, channel, type, language, template_version,
    subject, body, html, sealed, sender_name, reply_to, priority, scheduled_at, status, attempts,
    provider_message_id, error, sent_at, delivered_at, opened_at, clicked_at, read_at, created_at,
    next_attempt_at, headers, campaign_id, caused_at)
  SELECT id, store_id, event_id, user_id, recipient, channel, type, language, template_version,
    subject, body, html, sealed, sender_name, reply_to, priority, scheduled_at, status, attempts,
    provider_message_id, error, sent_at, delivered_at, opened_at, clicked_at, read_at, created_at,
    next_attempt_at, headers, campaign_id, created_at
    FROM notifications_unpartitioned;
DROP TABLE notifications_unpartitioned;

CREATE TRIGGER notifications_notify AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION notifications_notify();

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_store ON notifications USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
