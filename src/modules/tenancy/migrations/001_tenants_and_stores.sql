-- Tenants are the businesses hosted on the platform; each owns one or more stores (seed 001).
CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  business_name text NOT NULL CHECK (length(business_name) BETWEEN 1 AND 200),
  owner_user_id uuid,
  plan text NOT NULL DEFAULT 'FREE' CHECK (plan IN ('FREE', 'PRO', 'ENTERPRISE')),
  subscription_status text NOT NULL DEFAULT 'ACTIVE'
    CHECK (subscription_status IN ('ACTIVE', 'CANCELLED', 'EXPIRED')),
  billing_customer_id text,
  max_stores integer NOT NULL DEFAULT 1 CHECK (max_stores >= 0),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenants_one_default_idx ON tenants (is_default) WHERE is_default;
CREATE INDEX tenants_owner_idx ON tenants (owner_user_id);

CREATE TABLE stores (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'DRAFT'
    CHECK (status IN ('GENERATING', 'DRAFT', 'PAID', 'PUBLISHED', 'SUSPENDED')),
  store_type text NOT NULL DEFAULT 'general' CHECK (length(store_type) BETWEEN 1 AND 50),
  prompt text,
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  language text NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 16),
  currency char(3) NOT NULL DEFAULT 'INR' CHECK (currency ~ '^[A-Z]{3}$'),
  -- subdomain label: <domain>.<BASE_DOMAIN>
  domain text CHECK (domain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  custom_domain text CHECK (custom_domain = lower(custom_domain)),
  live_url text,
  preview_url text,
  is_default boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX stores_domain_idx ON stores (domain) WHERE domain IS NOT NULL;
CREATE UNIQUE INDEX stores_custom_domain_idx ON stores (custom_domain) WHERE custom_domain IS NOT NULL;
CREATE UNIQUE INDEX stores_one_default_idx ON stores (is_default) WHERE is_default;
-- seed 001 access pattern: a tenant's stores (PK tenant_id, SK store_id)
CREATE INDEX stores_tenant_idx ON stores (tenant_id, id);
