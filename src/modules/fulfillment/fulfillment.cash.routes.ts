import type { ZodApp } from '../../platform/http/app.ts';
import {
  AgentCashView,
  AgentParams,
  ReconciliationQuery,
  ReconciliationView,
  RemittanceBody,
  RemittanceList,
  RemittanceListQuery,
  RemittanceView,
} from './fulfillment.cash.schemas.ts';
import { reconciliationCsv } from './fulfillment.cash.ts';
import type { FulfillmentService } from './fulfillment.service.ts';

const bearer = [{ bearer: [] }];
const adminTags = ['fulfillment', 'admin'];

/** Cash on delivery: what agents hold, what they hand in, and the daily reconciliation. */
export function cashRoutes(app: ZodApp, f: FulfillmentService) {
  app.get(
    '/admin/delivery-agents/:userId/cash',
    {
      schema: {
        tags: adminTags,
        security: bearer,
        summary:
          'The cash an agent holds per currency (collected minus remitted) and its collections that differ from what was due (ADMIN)',
        params: AgentParams,
        response: { 200: AgentCashView },
      },
    },
    async (req) => f.cash.ofAgent(req.ctx, req.params.userId),
  );
  app.get(
    '/agent/cash',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary:
          'The cash the calling agent holds per currency, and its collections that differ from what was due',
        response: { 200: AgentCashView },
      },
    },
    async (req) => f.cash.mine(req.ctx),
  );
  app.post(
    '/admin/delivery-agents/:userId/remittances',
    {
      schema: {
        tags: adminTags,
        security: bearer,
        summary: 'Record cash an agent hands in (ADMIN); 409 for more than the agent holds in that currency',
        params: AgentParams,
        body: RemittanceBody,
        response: { 201: RemittanceView },
      },
    },
    async (req, reply) => reply.code(201).send(await f.cash.remit(req.ctx, req.params.userId, req.body)),
  );
  app.get(
    '/admin/delivery-agents/:userId/remittances',
    {
      schema: {
        tags: adminTags,
        security: bearer,
        summary: "An agent's remittances, newest first (ADMIN)",
        params: AgentParams,
        querystring: RemittanceListQuery,
        response: { 200: RemittanceList },
      },
    },
    async (req) => f.cash.remittances(req.ctx, req.params.userId, req.query),
  );
  app.get(
    '/admin/cod/reconciliation',
    {
      schema: {
        tags: adminTags,
        security: bearer,
        summary:
          'Cash on delivery per agent and UTC day: due, collected, remitted, discrepancy and outstanding, with totals (ADMIN; at most 92 days)',
        querystring: ReconciliationQuery,
        response: { 200: ReconciliationView },
      },
    },
    async (req) => f.cash.reconciliation(req.ctx, req.query),
  );
  app.get(
    '/admin/cod/reconciliation.csv',
    {
      schema: {
        tags: adminTags,
        security: bearer,
        summary:
          'The cash-on-delivery reconciliation as CSV, amounts in minor units (ADMIN; at most 92 days)',
        querystring: ReconciliationQuery,
      },
    },
    async (req, reply) => {
      const report = await f.cash.reconciliation(req.ctx, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="cod-reconciliation-${report.from}-${report.to}.csv"`,
        )
        .send(reconciliationCsv(report.rows));
    },
  );
}
