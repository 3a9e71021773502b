-- Notifications: templates per store × type × channel × language (every save a new version),
-- preferences per user (per type, plus one '*' row with quiet hours, time zone and language), and
-- one table that is both the delivery queue and the log of what was sent.

CREATE TABLE notification_templates (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  type text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP')),
  language text NOT NULL CHECK (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  version integer NOT NULL CHECK (version > 0),
  subject text,
  body text NOT NULL,
  html text,
  -- STAFF: saved by staff; DEFAULT: the shipped default, saved again by "revert to default"
  source text NOT NULL DEFAULT 'STAFF' CHECK (source IN ('STAFF', 'DEFAULT')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, type, channel, language, version)
);

CREATE TABLE notification_preferences (
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  -- a notification type, or '*' for the user's defaults (channels, quiet hours, language)
  type text NOT NULL,
  email_enabled boolean,
  sms_enabled boolean,
  push_enabled boolean,
  in_app_enabled boolean,
  quiet_hours_start time,
  quiet_hours_end time,
  time_zone text,
  language text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, user_id, type),
  CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  -- the domain event that caused it: with the recipient and channel, a replayed event finds its row
  event_id uuid NOT NULL,
  user_id uuid,
  recipient text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'IN_APP')),
  type text NOT NULL,
  language text NOT NULL,
  -- 0: the shipped default file; otherwise notification_templates.version of the store's template
  template_version integer NOT NULL CHECK (template_version >= 0),
  subject text,
  body text NOT NULL,
  html text,
  -- a message that carries a secret (a code) keeps its body sealed with the data key
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
  created_at timestamptz NOT NULL DEFAULT now()
);

-- idempotency: one message per event, recipient and channel, however often the event is replayed
CREATE UNIQUE INDEX notifications_once ON notifications (event_id, recipient, channel);
-- the in-app feed, newest first, and its unread count
CREATE INDEX notifications_feed ON notifications (store_id, user_id, id DESC) WHERE channel = 'IN_APP';
CREATE INDEX notifications_unread ON notifications (store_id, user_id) WHERE channel = 'IN_APP' AND read_at IS NULL;
-- the delivery log for staff: a store's messages, newest first, by status
CREATE INDEX notifications_log ON notifications (store_id, status, id DESC);

ALTER TABLE notification_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_templates_store ON notification_templates USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_preferences_store ON notification_preferences USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_store ON notifications USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
