import rateLimit from '@fastify/rate-limit';
import type { ZodApp } from '../../platform/http/app.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  AcceptedView,
  AssignBody,
  DeclineBody,
  LeadBody,
  LeadPage,
  LeadView,
  MessageBody,
  MessagePage,
  MessageView,
  PageQuery,
  QuoteBody,
  SellerQuoteBody,
  StaffLeadQuery,
  StatusBody,
} from './quotes.schemas.ts';
import type { QuotesService } from './quotes.service.ts';

const bearer = [{ bearer: [] }];
const signedIn = { tags: ['quotes'], security: bearer };
const staff = { tags: ['admin', 'quotes'], security: bearer };

export function quotesRoutes(quotes: QuotesService, leadsPerMinute: number) {
  return async (app: ZodApp) => {
    // Asking for a quote is open to guests: a per-address limit, in a scope of its own.
    await app.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        errorResponseBuilder: (_req, context) =>
          new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
      });
      createRoute(scope as unknown as ZodApp, quotes, leadsPerMinute);
    });
    buyerRoutes(app, quotes);
    staffRoutes(app, quotes);
  };
}

function createRoute(app: ZodApp, quotes: QuotesService, perMinute: number) {
  app.post(
    '/leads',
    {
      config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['quotes'],
        security: [{}, ...bearer],
        summary: 'Ask for a quote on items (signed in, or a guest giving contact details)',
        description:
          'Items are offers with quantities, or items described in words. Without a bearer token, `contact` is required (400 `contact-required`).',
        body: LeadBody,
        response: { 201: LeadView },
      },
    },
    async (req, reply) => reply.code(201).send(await quotes.create(req.ctx, req.body)),
  );
}

function buyerRoutes(app: ZodApp, quotes: QuotesService) {
  app.get(
    '/me/leads',
    {
      schema: {
        ...signedIn,
        summary: 'Your leads, newest first',
        querystring: PageQuery,
        response: { 200: LeadPage },
      },
    },
    async (req) => quotes.mine(req.ctx, req.query),
  );
  app.get(
    '/leads/:id',
    {
      schema: {
        ...signedIn,
        summary: 'A lead with its items, quote and status history',
        description:
          'Its buyer, staff, or a seller of one of its items (who sees their items only); 404 for anyone else.',
        params: IdParams,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.get(req.ctx, req.params.id),
  );
  app.post(
    '/leads/:id/decline',
    {
      schema: {
        ...signedIn,
        summary: 'Decline your lead or its quote',
        description: '409 `lead-transition-not-allowed` once it is declined or converted.',
        params: IdParams,
        body: DeclineBody,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.decline(req.ctx, req.params.id, req.body.remarks),
  );
  app.post(
    '/leads/:id/accept',
    {
      schema: {
        ...signedIn,
        summary: 'Accept your quote: its items go into your cart at the quoted prices, held until it lapses',
        description:
          '409 `quote-expired` once it lapsed, `lead-transition-not-allowed` unless QUOTED, `quote-has-unlisted-items` with items described in words, `quoted-items-unavailable` naming each item no longer sellable (and why), `cart-holds-quote` when your cart holds another quote.',
        params: IdParams,
        response: { 200: AcceptedView },
      },
    },
    async (req) => quotes.accept(req.ctx, req.params.id),
  );
  app.get(
    '/leads/:id/messages',
    {
      schema: {
        ...signedIn,
        summary: 'The lead’s thread, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: MessagePage },
      },
    },
    async (req) => quotes.messages(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/leads/:id/messages',
    {
      schema: {
        ...signedIn,
        summary: 'Write in the lead’s thread',
        params: IdParams,
        body: MessageBody,
        response: { 201: MessageView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await quotes.postMessage(req.ctx, req.params.id, req.body.body)),
  );
  app.get(
    '/seller/leads',
    {
      schema: {
        ...signedIn,
        summary: 'Leads with an item of yours (SELLER)',
        querystring: PageQuery,
        response: { 200: LeadPage },
      },
    },
    async (req) => quotes.forSeller(req.ctx, req.query),
  );
  app.post(
    '/seller/leads/:id/quote',
    {
      schema: {
        ...signedIn,
        summary: 'Quote your items of a lead (SELLER): a unit price for each, validity, notes',
        description:
          'Every item of yours in the lead, once (400 `quote-incomplete`); 403 `lead-item-not-yours` for anyone else’s item; 404 for a lead without items of yours; 409 from ACCEPTED, DECLINED or CONVERTED. The lead becomes QUOTED once every item has a price still valid.',
        params: IdParams,
        body: SellerQuoteBody,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.sellerQuote(req.ctx, req.params.id, req.body),
  );
}

function staffRoutes(app: ZodApp, quotes: QuotesService) {
  app.get(
    '/admin/leads',
    {
      schema: {
        ...staff,
        summary: 'Leads by status, assignee and day, newest first',
        querystring: StaffLeadQuery,
        response: { 200: LeadPage },
      },
    },
    async (req) => quotes.staff.list(req.ctx, req.query),
  );
  app.post(
    '/admin/leads/:id/assign',
    {
      schema: {
        ...staff,
        summary: 'Assign the lead to a staff member (quotes:manage)',
        params: IdParams,
        body: AssignBody,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.staff.assign(req.ctx, req.params.id, req.body.userId),
  );
  app.post(
    '/admin/leads/:id/status',
    {
      schema: {
        ...staff,
        summary: 'Record contact with the buyer, or decline the lead (quotes:manage)',
        params: IdParams,
        body: StatusBody,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.staff.setStatus(req.ctx, req.params.id, req.body.status, req.body.remarks),
  );
  app.post(
    '/admin/leads/:id/quote',
    {
      schema: {
        ...staff,
        summary: 'Quote the lead: a unit price per item, validity, terms (quotes:manage)',
        description:
          '400 `quote-incomplete` unless every item is priced once; 409 from DECLINED, ACCEPTED or CONVERTED.',
        params: IdParams,
        body: QuoteBody,
        response: { 200: LeadView },
      },
    },
    async (req) => quotes.staff.quote(req.ctx, req.params.id, req.body),
  );
}
