-- Campaigns (seed 000 Campaigns: PK campaignId, SK INFO | USER#{userid}): a store's message to a
-- target of its customers, with a schedule, products or categories, an optional coupon, and the
-- channels it goes out on. The target is kept as a snapshot of user ids (the USER# items), computed
-- in pages by INSERT … SELECT, and each target row records what the send did for that user.
CREATE TABLE campaigns (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('DISCOUNT', 'FREE_SHIPPING', 'FEATURED_PRODUCTS', 'ANNOUNCEMENT')),
  status text NOT NULL DEFAULT 'DRAFT'
    CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
  seller_id uuid,
  product_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(product_ids) <= 100),
  category_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(category_ids) <= 100),
  channels text[] NOT NULL
    CHECK (cardinality(channels) >= 1 AND channels <@ ARRAY['EMAIL', 'IN_APP', 'PUSH', 'SMS']),
  coupon_code text CHECK (coupon_code ~ '^[A-Z0-9_-]{3,40}$'),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  link_url text CHECK (length(link_url) <= 2000),
  -- who it goes to: { kind: EVERYONE | GROUP | SEGMENT | LIST, … } (campaigns.schemas.ts)
  target jsonb NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  -- SCHEDULED: the worker starts the send then
  send_at timestamptz,
  -- the snapshot: how many users, computed when (NULL: not computed since the target last changed)
  targeted_count integer CHECK (targeted_count >= 0),
  targeted_at timestamptz,
  send_started_at timestamptz,
  sent_at timestamptz,
  cancelled_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
  CHECK (status <> 'SCHEDULED' OR send_at IS NOT NULL)
);
-- staff's list, newest first, and by status (seed 000 PK campaignId + SK INFO)
CREATE INDEX campaigns_store_idx ON campaigns (store_id, id DESC);
CREATE INDEX campaigns_store_status_idx ON campaigns (store_id, status, id DESC);
-- the scheduler's question: which scheduled campaigns are due
CREATE INDEX campaigns_due_idx ON campaigns (send_at) WHERE status = 'SCHEDULED';

-- seed 000 USER#{userid} items: one row per targeted user; outcome NULL until the send handles it
CREATE TABLE campaign_targets (
  store_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  targeted_at timestamptz NOT NULL DEFAULT now(),
  -- MESSAGED: at least one message queued; SKIPPED: the user's preferences (or no address) allowed
  -- none of the campaign's channels; GONE: the account closed after the snapshot
  outcome text CHECK (outcome IN ('MESSAGED', 'SKIPPED', 'GONE')),
  handled_at timestamptz,
  PRIMARY KEY (store_id, campaign_id, user_id)
);
-- the send's claim: a campaign's users not handled yet, in user order (FOR UPDATE SKIP LOCKED)
CREATE INDEX campaign_targets_pending_idx ON campaign_targets (store_id, campaign_id, user_id)
  WHERE outcome IS NULL;

ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaigns_store ON campaigns USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE campaign_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaign_targets_store ON campaign_targets USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
