-- Billing wired to tenants (issue 13): where each tenant's billing stands, as the webhooks and the
-- grace sweep last left it (decision 015, nextTenantBilling), and the plan a change waits for.
ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_subscription_status_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_subscription_status_check
  CHECK (subscription_status IN ('PENDING', 'ACTIVE', 'PAST_DUE', 'PAUSED', 'CANCELLED', 'EXPIRED'));
-- the time of the provider event that set the billing state: an older event changes nothing
ALTER TABLE tenants ADD COLUMN billing_state_at timestamptz;
-- billing (not an operator) suspended the tenant's stores: a replay never suspends twice
ALTER TABLE tenants ADD COLUMN stores_suspended boolean NOT NULL DEFAULT false;
-- the provider's plan the subscription is on
ALTER TABLE tenants ADD COLUMN provider_plan_id text;
-- a plan change asked for and not yet confirmed by the provider: the plan, and its provider plan
ALTER TABLE tenants ADD COLUMN pending_plan text REFERENCES plans (code);
ALTER TABLE tenants ADD COLUMN pending_provider_plan_id text;
-- why an operator suspended the tenant
ALTER TABLE tenants ADD COLUMN suspended_reason text CHECK (length(suspended_reason) <= 1000);
-- the grace sweep: PAST_DUE tenants whose stores are still up
CREATE INDEX tenants_past_due_idx ON tenants (grace_until) WHERE subscription_status = 'PAST_DUE';
