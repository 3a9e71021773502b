-- Terms (seed 000 Terms: PK termId, SK INFO | DETAIL#{detailId}): a store's versioned documents
-- (terms of sale, privacy, seller agreement, returns policy, and kinds of its own) per language, and
-- who accepted which version, when and where (sign-up, checkout, a prompt).
--
-- terms_documents is the seed's INFO item: one row per store and kind, holding the kind's version
-- counter (so versions of a kind are numbered 1, 2, 3… across its languages, in publish order) and
-- the first version a reader must have accepted (`required_from`).
CREATE TABLE terms_documents (
  store_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]{0,39}$'),
  -- who is asked to accept it: buyers (sign-up, checkout) or sellers (the seller console)
  audience text NOT NULL CHECK (audience IN ('BUYER', 'SELLER')),
  last_version integer NOT NULL DEFAULT 0 CHECK (last_version >= 0),
  -- the latest published version that asked for acceptance; an acceptance of it or a later
  -- version satisfies the kind (null: nothing to accept)
  required_from integer CHECK (required_from BETWEEN 1 AND last_version),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, kind)
);

-- terms_versions are the seed's DETAIL# items: a draft (no number, editable) or a published
-- version (numbered, immutable). Publishing makes a version the current one of its kind and
-- language; at most one is current per kind and language.
CREATE TABLE terms_versions (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  kind text NOT NULL,
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  requires_acceptance boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
  version integer CHECK (version >= 1),
  is_current boolean NOT NULL DEFAULT false,
  created_by uuid,
  published_by uuid,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'DRAFT') = (version IS NULL)),
  CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
  CHECK (NOT is_current OR status = 'PUBLISHED'),
  FOREIGN KEY (store_id, kind) REFERENCES terms_documents (store_id, kind) ON DELETE CASCADE,
  -- a version number names one published text of the kind (seed 000: SK DETAIL#{detailId})
  UNIQUE (store_id, kind, version)
);
-- the current version of each kind and language (GET /terms, checkout and sign-up)
CREATE UNIQUE INDEX terms_versions_current_idx ON terms_versions (store_id, kind, language) WHERE is_current;
-- a kind's versions and drafts, newest first (the console)
CREATE INDEX terms_versions_kind_idx ON terms_versions (store_id, kind, created_at DESC);

-- Acceptances: who accepted which version of a kind, when, and in what context. A user's
-- acceptance of a version is kept once; a guest's is kept per order, by email.
CREATE TABLE terms_acceptances (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  user_id uuid,
  email text CHECK (length(email) <= 254),
  kind text NOT NULL,
  version integer NOT NULL,
  language text NOT NULL,
  context text NOT NULL CHECK (context IN ('SIGN_UP', 'CHECKOUT', 'PROMPT')),
  order_id uuid,
  ip text CHECK (length(ip) <= 64),
  user_agent text CHECK (length(user_agent) <= 500),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NOT NULL OR email IS NOT NULL),
  FOREIGN KEY (store_id, kind, version) REFERENCES terms_versions (store_id, kind, version)
);
-- a user's acceptances by kind, latest version first (GET /me/terms, what is pending); once each
CREATE UNIQUE INDEX terms_acceptances_user_idx ON terms_acceptances (store_id, user_id, kind, version)
  WHERE user_id IS NOT NULL;
-- the acceptances an order was placed with
CREATE INDEX terms_acceptances_order_idx ON terms_acceptances (store_id, order_id) WHERE order_id IS NOT NULL;
-- who accepted a version (staff: how many have accepted the current one)
CREATE INDEX terms_acceptances_version_idx ON terms_acceptances (store_id, kind, version);

ALTER TABLE terms_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY terms_documents_store ON terms_documents USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE terms_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY terms_versions_store ON terms_versions USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE terms_acceptances ENABLE ROW LEVEL SECURITY;
CREATE POLICY terms_acceptances_store ON terms_acceptances USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
