import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  CreateReturnBody,
  DecisionBody,
  ReceiveBody,
  RefundBody,
  ReturnList,
  ReturnListQuery,
  ReturnView,
} from './fulfillment.returns.schemas.ts';
import type { FulfillmentService } from './fulfillment.service.ts';

const bearer = [{ bearer: [] }];

/** Returns (RMA): the buyer asks and may withdraw; staff approve or reject, receive and refund. */
export function returnRoutes(app: ZodApp, f: FulfillmentService) {
  app.post(
    '/orders/:id/returns',
    {
      schema: {
        tags: ['fulfillment', 'returns'],
        security: bearer,
        summary:
          "The buyer asks to return delivered units, with a reason; 409 past the store's window or for more than was delivered, 404 for another's order",
        params: IdParams,
        body: CreateReturnBody,
        response: { 201: ReturnView },
      },
    },
    async (req, reply) => reply.code(201).send(await f.returns.request(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/me/returns',
    {
      schema: {
        tags: ['fulfillment', 'returns'],
        security: bearer,
        summary: "The caller's returns, newest first",
        querystring: ReturnListQuery,
        response: { 200: ReturnList },
      },
    },
    async (req) => f.returns.mine(req.ctx, req.query),
  );
  app.get(
    '/returns/:id',
    {
      schema: {
        tags: ['fulfillment', 'returns'],
        security: bearer,
        summary: 'A return (its buyer, ADMIN); 404 for anyone else',
        params: IdParams,
        response: { 200: ReturnView },
      },
    },
    async (req) => f.returns.get(req.ctx, req.params.id),
  );
  app.post(
    '/returns/:id/cancel',
    {
      schema: {
        tags: ['fulfillment', 'returns'],
        security: bearer,
        summary: 'The buyer withdraws a REQUESTED return (ADMIN also an APPROVED one); 409 otherwise',
        params: IdParams,
        response: { 200: ReturnView },
      },
    },
    async (req) => f.returns.cancel(req.ctx, req.params.id),
  );
  app.get(
    '/admin/returns',
    {
      schema: {
        tags: ['fulfillment', 'returns', 'admin'],
        security: bearer,
        summary: "The store's returns, newest first, by status or order (ADMIN)",
        querystring: ReturnListQuery,
        response: { 200: ReturnList },
      },
    },
    async (req) => f.returns.list(req.ctx, req.query),
  );
  for (const [action, to] of [
    ['approve', 'APPROVED'],
    ['reject', 'REJECTED'],
  ] as const) {
    app.post(
      `/admin/returns/:id/${action}`,
      {
        schema: {
          tags: ['fulfillment', 'returns', 'admin'],
          security: bearer,
          summary: `${action === 'approve' ? 'Approve' : 'Reject'} a REQUESTED return, with a note (ADMIN with orders:refund)`,
          params: IdParams,
          body: DecisionBody,
          response: { 200: ReturnView },
        },
      },
      async (req) => f.returns.decide(req.ctx, req.params.id, to, req.body),
    );
  }
  app.post(
    '/admin/returns/:id/receive',
    {
      schema: {
        tags: ['fulfillment', 'returns', 'admin'],
        security: bearer,
        summary:
          'An APPROVED return is back: its units return to stock (RETURN movements), sellable unless named DAMAGED; items wholly returned become RETURNED (ADMIN)',
        params: IdParams,
        body: ReceiveBody,
        response: { 200: ReturnView },
      },
    },
    async (req) => f.returns.receive(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/admin/returns/:id/refund',
    {
      schema: {
        tags: ['fulfillment', 'returns', 'admin'],
        security: bearer,
        summary:
          'Refund a RECEIVED return: by default what its lines were paid, never more; once per return (ADMIN with orders:refund)',
        params: IdParams,
        body: RefundBody,
        response: { 200: ReturnView },
      },
    },
    async (req) => f.returns.refund(req.ctx, req.params.id, req.body),
  );
}
