-- Web push subscriptions, one per device (browser) and user: the push service's endpoint and the
-- keys that encrypt messages for it. An endpoint belongs to one user of a store at a time; a
-- subscription the push service answers 404 or 410 for is removed when a message meets it.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid NOT NULL,
  endpoint text NOT NULL CHECK (length(endpoint) BETWEEN 10 AND 2000),
  p256dh text NOT NULL CHECK (length(p256dh) BETWEEN 16 AND 200),
  auth text NOT NULL CHECK (length(auth) BETWEEN 8 AND 100),
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, endpoint)
);
-- a user's devices, for each push message
CREATE INDEX push_subscriptions_user ON push_subscriptions (store_id, user_id);

ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY push_subscriptions_store ON push_subscriptions USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
