import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/schemas.ts';
import { DomainBody, DomainView, type StoreDomains, VerifyDomainBody } from './tenancy.domains.ts';
import { listPlans, putPlan } from './tenancy.plans.ts';
import {
  OpenStoreBody,
  PlanBody,
  PlanParams,
  PlanView,
  PlatformStoreView,
  RegenerateBody,
  StoreHistoryView,
  TenantView,
} from './tenancy.platform.schemas.ts';
import type { PlatformStores } from './tenancy.platform.ts';
import {
  AcceptBody,
  AcceptedView,
  InviteBody,
  MembershipsView,
  StaffView,
  type StoreStaffService,
} from './tenancy.staff.ts';

/** The platform's calls: they run in the platform realm (platform accounts), whatever the Host. */
export function platformRoutes(
  app: ZodApp,
  stores: PlatformStores,
  domains: StoreDomains,
  staff: StoreStaffService,
) {
  const config = { platform: true };
  const tags = ['platform'];
  const security = [{ bearer: [] }];
  app.get(
    '/platform/tenant',
    {
      config,
      schema: { tags, security, summary: "The business owner's tenant", response: { 200: TenantView } },
    },
    async (req) => stores.myTenant(req.ctx),
  );
  app.post(
    '/platform/stores',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Open a store (BUSINESS_OWNER): generated from `description` when given (GENERATING, then DRAFT)',
        body: OpenStoreBody,
        response: { 201: PlatformStoreView },
      },
    },
    async (req, reply) => reply.code(201).send(await stores.open(req.ctx, req.body)),
  );
  app.get(
    '/platform/stores',
    {
      config,
      schema: {
        tags,
        security,
        summary: "The tenant's stores (BUSINESS_OWNER)",
        response: { 200: z.array(PlatformStoreView) },
      },
    },
    async (req) => stores.list(req.ctx),
  );
  app.get(
    '/platform/stores/:id',
    {
      config,
      schema: {
        tags,
        security,
        summary: "One of the tenant's stores",
        params: IdParams,
        response: { 200: PlatformStoreView },
      },
    },
    async (req) => stores.get(req.ctx, req.params.id),
  );
  app.get(
    '/platform/stores/:id/history',
    {
      config,
      schema: {
        tags,
        security,
        summary: "A store's status changes",
        params: IdParams,
        response: { 200: StoreHistoryView },
      },
    },
    async (req) => stores.history(req.ctx, req.params.id),
  );
  app.post(
    '/platform/stores/:id/publish',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Publish a DRAFT or PAID store at its address',
        params: IdParams,
        response: { 200: PlatformStoreView },
      },
    },
    async (req) => stores.publish(req.ctx, req.params.id),
  );
  app.post(
    '/platform/stores/:id/generate',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Generate a DRAFT or FAILED store again, from a new description or its last one',
        params: IdParams,
        body: RegenerateBody,
        response: { 202: PlatformStoreView },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await stores.regenerate(req.ctx, req.params.id, req.body.description)),
  );
  app.get(
    '/platform/plans',
    { config, schema: { tags, summary: 'The plans on offer', response: { 200: z.array(PlanView) } } },
    async (req) => listPlans(req.ctx),
  );
  app.put(
    '/platform/plans/:code',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Create or change a plan (SUPER_ADMIN)',
        params: PlanParams,
        body: PlanBody,
        response: { 200: PlanView },
      },
    },
    async (req) => putPlan(req.ctx, req.params.code, req.body),
  );
  domainRoutes(app, domains);
  staffRoutes(app, staff);
}

function domainRoutes(app: ZodApp, domains: StoreDomains) {
  const config = { platform: true };
  const tags = ['platform'];
  const security = [{ bearer: [] }];
  app.get(
    '/platform/stores/:id/domain',
    {
      config,
      schema: {
        tags,
        security,
        summary: "The store's custom domain and how to prove it",
        params: IdParams,
        response: { 200: DomainView },
      },
    },
    async (req) => domains.get(req.ctx, req.params.id),
  );
  app.put(
    '/platform/stores/:id/domain',
    {
      config,
      schema: {
        tags,
        security,
        summary: "Name the store's custom domain (unverified until proved; the plan's domain limit applies)",
        params: IdParams,
        body: DomainBody,
        response: { 200: DomainView },
      },
    },
    async (req) => domains.set(req.ctx, req.params.id, req.body.customDomain),
  );
  app.delete(
    '/platform/stores/:id/domain',
    {
      config,
      schema: {
        tags,
        security,
        summary: "Remove the store's custom domain",
        params: IdParams,
        response: { 200: DomainView },
      },
    },
    async (req) => domains.remove(req.ctx, req.params.id),
  );
  app.post(
    '/platform/stores/:id/domain/verify',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Check the proof of the custom domain (DNS TXT record or HTTP token) now',
        params: IdParams,
        body: VerifyDomainBody,
        response: { 200: DomainView },
      },
    },
    async (req) => domains.verify(req.ctx, req.params.id, req.body.method),
  );
  app.get(
    '/platform/domains/ask',
    {
      config,
      schema: {
        tags,
        summary:
          "For a TLS proxy's on-demand certificates (Caddy's `ask`): 200 if the platform serves the host, else 404",
        querystring: z.object({ domain: z.string().max(300) }),
        response: { 200: z.object({ domain: z.string() }) },
      },
    },
    async (req) => {
      if (await domains.allowsCertificate(req.ctx.db, req.query.domain)) return { domain: req.query.domain };
      throw new AppError(404, 'domain-unknown', 'Not Found', 'The platform serves no store at this host.');
    },
  );
}

function staffRoutes(app: ZodApp, staff: StoreStaffService) {
  const config = { platform: true };
  const tags = ['platform'];
  const security = [{ bearer: [] }];
  const MemberParams = z.object({ id: z.string().max(100), accountId: z.string().max(100) });
  const InvitationParams = z.object({ id: z.string().max(100), invitationId: z.string().max(100) });
  app.get(
    '/platform/stores/:id/staff',
    {
      config,
      schema: {
        tags,
        security,
        summary: "The store's staff and open invitations",
        params: IdParams,
        response: { 200: StaffView },
      },
    },
    async (req) => staff.list(req.ctx, req.params.id),
  );
  app.post(
    '/platform/stores/:id/staff/invitations',
    {
      config,
      schema: {
        tags,
        security,
        summary: "Invite someone by email to the store with a role (the plan's staff limit applies)",
        params: IdParams,
        body: InviteBody,
        response: { 201: StaffView },
      },
    },
    async (req, reply) => reply.code(201).send(await staff.invite(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/platform/stores/:id/staff/invitations/:invitationId',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Withdraw an invitation',
        params: InvitationParams,
        response: { 200: StaffView },
      },
    },
    async (req) => staff.revoke(req.ctx, req.params.id, req.params.invitationId),
  );
  app.delete(
    '/platform/stores/:id/staff/:accountId',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Remove a staff member from the store',
        params: MemberParams,
        response: { 200: StaffView },
      },
    },
    async (req) => staff.remove(req.ctx, req.params.id, req.params.accountId),
  );
  app.post(
    '/platform/invitations/accept',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Take up an invitation: the signed-in platform account becomes staff of its store',
        body: AcceptBody,
        response: { 200: AcceptedView },
      },
    },
    async (req) => staff.accept(req.ctx, req.body.token),
  );
  app.get(
    '/platform/memberships',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'The stores the signed-in platform account is staff of, with its role in each',
        response: { 200: MembershipsView },
      },
    },
    async (req) => staff.memberships(req.ctx),
  );
}
