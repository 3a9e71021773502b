import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  RestoreBody,
  SubscriptionBody,
  SubscriptionChangeView,
  SuspendBody,
  SuspensionView,
  TenantPage,
  TenantsQuery,
  WebhookReceipt,
} from './tenancy.billing.schemas.ts';
import type { TenantBillingService } from './tenancy.billing.ts';
import type { PlatformStores } from './tenancy.platform.ts';
import type { TenantAdmin } from './tenancy.tenants.ts';

/** Billing and tenant administration, in the platform realm (decision 014) like every /platform call. */
export async function billingRoutes(
  app: ZodApp,
  deps: { billing: TenantBillingService; stores: PlatformStores; admin: TenantAdmin },
) {
  const config = { platform: true };
  const tags = ['platform'];
  const security = [{ bearer: [] }];
  app.post(
    '/platform/tenant/subscription',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          "Change the tenant's plan (BUSINESS_OWNER): subscribe, upgrade now, downgrade or cancel at the cycle's end",
        body: SubscriptionBody,
        response: { 200: SubscriptionChangeView },
      },
    },
    async (req) => {
      const change = await deps.billing.changePlan(req.ctx, req.body.plan);
      return { tenant: await deps.stores.myTenant(req.ctx), ...change };
    },
  );
  app.get(
    '/platform/tenants',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Every tenant, newest first (SUPER_ADMIN)',
        querystring: TenantsQuery,
        response: { 200: TenantPage },
      },
    },
    async (req) => deps.admin.list(req.ctx, req.query),
  );
  app.post(
    '/platform/tenants/:id/suspend',
    {
      config,
      schema: {
        tags,
        security,
        summary: "Suspend a tenant's stores (SUPER_ADMIN): buyers get 503, its staff can still sign in",
        params: IdParams,
        body: SuspendBody,
        response: { 200: SuspensionView },
      },
    },
    async (req) => deps.admin.suspend(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/platform/tenants/:id/restore',
    {
      config,
      schema: {
        tags,
        security,
        summary: "Restore a suspended tenant's stores to where they were (SUPER_ADMIN)",
        params: IdParams,
        body: RestoreBody.optional(),
        response: { 200: SuspensionView },
      },
    },
    async (req) => deps.admin.restore(req.ctx, req.params.id, req.body?.reason),
  );
  // The provider signs the exact bytes it sends, so this scope keeps JSON bodies as bytes.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/platform/billing/webhooks',
      {
        config,
        schema: {
          tags,
          summary: "The billing provider's webhook (signature verified; a replayed event changes nothing)",
          response: { 200: WebhookReceipt },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return deps.billing.handleWebhook(req.ctx.db, req.log, raw, req.headers);
      },
    );
  });
}
