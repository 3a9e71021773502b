import type { FastifyReply } from 'fastify';
import type { ZodApp } from '../http/app.ts';
import { exportAudit, listAudit } from './audit.query.ts';
import { AuditPage, AuditQuery } from './audit.schemas.ts';

export function auditRoutes(app: ZodApp) {
  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin', 'audit'],
        security: [{ bearer: [] }],
        summary: 'The store’s audit trail, newest first (ADMIN with audit:read)',
        description:
          'Who changed what, with the fields before and after. Filters: `entityType` with `entityId` (one entity’s history), `actorId` (what one account did), `from` (inclusive) and `to` (exclusive; a YYYY-MM-DD day includes that day). 400 when `from` is after `to`. `format=csv` answers every matching entry (up to 50,000) as CSV.',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req, reply) => {
      if (req.query.format !== 'csv') return listAudit(req.ctx, req.query);
      return sendCsv(reply, await exportAudit(req.ctx, req.query));
    },
  );
}

function sendCsv(reply: FastifyReply, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="audit.csv"')
    .send(csv);
}
