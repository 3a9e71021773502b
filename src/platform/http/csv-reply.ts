import type { FastifyReply, FastifyRequest } from 'fastify';

/** Whether the caller asked for CSV: `format=csv`, or (without `format`) an Accept that names text/csv. */
export function wantsCsv(req: FastifyRequest): boolean {
  const { format } = req.query as { format?: 'json' | 'csv' };
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(req.headers.accept ?? '');
}

/** Answers `body` as a CSV download named `filename`. */
export function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}
