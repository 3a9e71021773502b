import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams } from '../../platform/schemas.ts';
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

/** The platform's calls: they run in the platform realm (platform accounts), whatever the Host. */
export function platformRoutes(app: ZodApp, stores: PlatformStores) {
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
}
