// Reading the trail: staff holding `audit:read` filter one store's entries by entity, actor and
// time, a page at a time or as a CSV export.
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../csv.ts';
import { requirePermission } from '../http/authorization.ts';
import type { Ctx } from '../http/context.ts';
import { BadRequest } from '../http/errors.ts';
import { decodeCursor, IdCursor, type Page, toPage } from '../http/pagination.ts';
import { isUuid } from '../ids.ts';
import { type AuditFilter, type AuditRow, listAuditEntries } from './audit.repository.ts';
import type { AuditEntryView, AuditQuery } from './audit.schemas.ts';

/** The most entries one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 50_000;
const EXPORT_BATCH = 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<Page<AuditEntryView>> {
  requirePermission(ctx, 'audit:read');
  const filter = filterOf(query);
  const after = decodeCursor(query.cursor, IdCursor)?.id;
  if (filter === null) return { items: [], nextCursor: null };
  const rows = await listAuditEntries(ctx.db, ctx.storeId, filter, { after, limit: query.limit });
  return toPage(rows, query.limit, presentAuditEntry, (r) => ({ id: r.id }));
}

/** Every matching entry, newest first, as CSV (at most AUDIT_EXPORT_MAX rows). */
export async function exportAudit(ctx: Ctx, query: AuditQuery): Promise<string> {
  requirePermission(ctx, 'audit:read');
  const filter = filterOf(query);
  const rows: AuditRow[] = [];
  let after = decodeCursor(query.cursor, IdCursor)?.id;
  while (filter !== null && rows.length < AUDIT_EXPORT_MAX) {
    const batch = await listAuditEntries(ctx.db, ctx.storeId, filter, { after, limit: EXPORT_BATCH });
    rows.push(...batch.slice(0, EXPORT_BATCH));
    if (batch.length <= EXPORT_BATCH) break;
    after = batch[EXPORT_BATCH - 1]!.id;
  }
  return auditCsv(rows.slice(0, AUDIT_EXPORT_MAX).map(presentAuditEntry));
}

export const AUDIT_CSV_COLUMNS = [
  'at',
  'entity_type',
  'entity_id',
  'action',
  'actor_user_id',
  'actor_roles',
  'actor_realm',
  'request_id',
  'before',
  'after',
] as const;

export function auditCsv(entries: AuditEntryView[]): string {
  const lines = entries.map((e) =>
    [
      e.at,
      e.entityType,
      e.entityId,
      e.action,
      e.actor.userId ?? '',
      e.actor.roles.join(' '),
      e.actor.realm ?? '',
      e.requestId ?? '',
      e.before ? JSON.stringify(e.before) : '',
      e.after ? JSON.stringify(e.after) : '',
    ].map(guardFormula),
  );
  return stringify(lines, { header: true, columns: [...AUDIT_CSV_COLUMNS] });
}

export function presentAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    actor: { userId: row.actor_user_id, roles: row.actor_roles, realm: row.actor_realm },
    requestId: row.request_id,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
    at: new Date(row.created_at).toISOString(),
  };
}

/**
 * The filter of a query; null when an id filter is not a UUID (nothing can match it). `from`
 * after `to` is 400.
 */
function filterOf(query: AuditQuery): AuditFilter | null {
  const from = query.from ? moment(query.from, false) : undefined;
  const to = query.to ? moment(query.to, true) : undefined;
  if (from && query.to && from > moment(query.to, false))
    throw new BadRequest('`from` is after `to`.', [{ pointer: '/from', in: 'query', detail: 'After `to`.' }]);
  if ((query.entityId && !isUuid(query.entityId)) || (query.actorId && !isUuid(query.actorId))) return null;
  return {
    entityType: query.entityType,
    entityId: query.entityId?.toLowerCase(),
    actorId: query.actorId?.toLowerCase(),
    from,
    to,
  };
}

/** A date-time as given; a day as its UTC midnight, or the next one when it ends a range. */
function moment(value: string, end: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  const day = new Date(`${value}T00:00:00Z`);
  return end ? new Date(day.getTime() + 86_400_000) : day;
}
