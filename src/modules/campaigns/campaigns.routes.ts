import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  CampaignBody,
  CampaignPage,
  CampaignPatch,
  CampaignQuery,
  CampaignView,
  TargetResult,
} from './campaigns.schemas.ts';
import type { CampaignsService } from './campaigns.service.ts';

const staff = { tags: ['admin', 'campaigns'], security: [{ bearer: [] }] };

export function campaignsRoutes(campaigns: CampaignsService) {
  return async (app: ZodApp) => {
    app.get(
      '/admin/campaigns',
      {
        schema: {
          ...staff,
          summary: 'Campaigns newest first, by status (campaigns:manage)',
          querystring: CampaignQuery,
          response: { 200: CampaignPage },
        },
      },
      async (req) => campaigns.list(req.ctx, req.query),
    );
    app.post(
      '/admin/campaigns',
      {
        schema: {
          ...staff,
          summary: 'Create a campaign: DRAFT, or SCHEDULED with sendAt (campaigns:manage)',
          description:
            'Discount and free-shipping campaigns carry a coupon of the store of their kind (400 `coupon-required`, `coupon-unknown`, `coupon-not-usable`).',
          body: CampaignBody,
          response: { 201: CampaignView },
        },
      },
      async (req, reply) => reply.code(201).send(await campaigns.create(req.ctx, req.body)),
    );
    app.get(
      '/admin/campaigns/:id',
      {
        schema: {
          ...staff,
          summary: 'A campaign with its metrics (campaigns:manage)',
          params: IdParams,
          response: { 200: CampaignView },
        },
      },
      async (req) => campaigns.get(req.ctx, req.params.id),
    );
    app.patch(
      '/admin/campaigns/:id',
      {
        schema: {
          ...staff,
          summary: 'Change a DRAFT or SCHEDULED campaign (campaigns:manage)',
          description:
            '409 `campaign-not-editable` once it is sending, sent or cancelled. A new target drops the snapshot.',
          params: IdParams,
          body: CampaignPatch,
          response: { 200: CampaignView },
        },
      },
      async (req) => campaigns.update(req.ctx, req.params.id, req.body),
    );
    actionRoutes(app, campaigns);
  };
}

function actionRoutes(app: ZodApp, campaigns: CampaignsService) {
  app.post(
    '/admin/campaigns/:id/target',
    {
      schema: {
        ...staff,
        summary: 'Compute the target’s snapshot now; answers how many users it holds (campaigns:manage)',
        params: IdParams,
        response: { 200: TargetResult },
      },
    },
    async (req) => campaigns.target(req.ctx, req.params.id),
  );
  app.post(
    '/admin/campaigns/:id/send',
    {
      schema: {
        ...staff,
        summary: 'Send the campaign now: SENDING, then SENT when the worker is done (campaigns:manage)',
        description:
          'The snapshot is computed first if it was not (or the target changed since). 409 from SENDING, SENT or CANCELLED.',
        params: IdParams,
        response: { 200: CampaignView },
      },
    },
    async (req) => campaigns.send(req.ctx, req.params.id),
  );
  app.post(
    '/admin/campaigns/:id/cancel',
    {
      schema: {
        ...staff,
        summary: 'Cancel a campaign not yet sent (campaigns:manage)',
        description: 'A send in progress stops after the page in hand; 409 once SENT or CANCELLED.',
        params: IdParams,
        response: { 200: CampaignView },
      },
    },
    async (req) => campaigns.cancel(req.ctx, req.params.id),
  );
}
