-- Leads: a buyer's (or a guest's) request for a quote, the quote staff or sellers answer with, and
-- every status the lead went through (seed 000 Leads: INFO, ITEM#, STATUS# history, by customer).
CREATE TABLE leads (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  -- the signed-in buyer; NULL for a guest, who is reached at the contact below
  user_id uuid,
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email text CHECK (length(contact_email) <= 320),
  contact_phone text CHECK (length(contact_phone) <= 20),
  message text CHECK (length(message) <= 5000),
  delivery_location text CHECK (length(delivery_location) <= 500),
  wanted_by date,
  status text NOT NULL CHECK (status IN ('NEW', 'CONTACTED', 'QUOTED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CONVERTED')),
  assigned_to uuid,
  currency char(3) NOT NULL,
  -- the quote (seed 000 leadPrice): its total, validity, terms and notes; NULL until quoted
  quote_total bigint CHECK (quote_total >= 0),
  valid_until timestamptz,
  quote_terms text CHECK (length(quote_terms) <= 5000),
  quote_notes text CHECK (length(quote_notes) <= 5000),
  quoted_by uuid,
  quoted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL),
  CHECK ((quote_total IS NULL) = (valid_until IS NULL))
);
-- a buyer's leads, newest first (seed 000 GSI1: Leads by Customer)
CREATE INDEX leads_customer_idx ON leads (store_id, user_id, id DESC) WHERE user_id IS NOT NULL;
-- staff lists by status and date
CREATE INDEX leads_status_idx ON leads (store_id, status, id DESC);
-- a staff member's assigned leads
CREATE INDEX leads_assignee_idx ON leads (store_id, assigned_to, id DESC) WHERE assigned_to IS NOT NULL;
-- the expiry sweep: quotes past their validity
CREATE INDEX leads_quoted_valid_idx ON leads (valid_until) WHERE status = 'QUOTED';

CREATE TABLE lead_items (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 100),
  -- an offer of the catalog, or NULL for an item described in words
  offer_id uuid,
  product_id uuid,
  seller_id uuid,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  -- the catalog's unit price when asked, and the quoted unit price once quoted
  list_unit_amount bigint CHECK (list_unit_amount >= 0),
  quoted_unit_amount bigint CHECK (quoted_unit_amount >= 0),
  UNIQUE (lead_id, position)
);
-- a seller's leads: those with an item of theirs
CREATE INDEX lead_items_seller_idx ON lead_items (store_id, seller_id, lead_id DESC) WHERE seller_id IS NOT NULL;

CREATE TABLE lead_status_history (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  status text NOT NULL,
  -- who (NULL: the system, e.g. the expiry sweep, or a guest) and in what role
  by_user_id uuid,
  by_role text NOT NULL CHECK (by_role IN ('BUYER', 'STAFF', 'SELLER', 'SYSTEM')),
  remarks text CHECK (length(remarks) <= 1000),
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX lead_status_history_lead_idx ON lead_status_history (lead_id, at, id);

CREATE TABLE lead_messages (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  author_id uuid NOT NULL,
  author_role text NOT NULL CHECK (author_role IN ('BUYER', 'STAFF', 'SELLER')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX lead_messages_lead_idx ON lead_messages (lead_id, id);

ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY leads_store ON leads USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE lead_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY lead_items_store ON lead_items USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE lead_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY lead_status_history_store ON lead_status_history USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE lead_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY lead_messages_store ON lead_messages USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
