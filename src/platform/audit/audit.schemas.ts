import { z } from 'zod';
import { PageQuery } from '../http/pagination.ts';
import { AUDIT_ENTITY_TYPES } from './audit.ts';

/** A moment as an ISO 8601 date-time with an offset, or a UTC day (YYYY-MM-DD: its midnight). */
const Moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditQuery = PageQuery.extend({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  /** From this moment on (inclusive). */
  from: Moment.optional(),
  /** Up to this moment (exclusive); a day means up to its end. */
  to: Moment.optional(),
  /** `csv` answers every matching entry (up to the export limit) as CSV instead of one page. */
  format: z.enum(['json', 'csv']).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z.object({
      userId: z.string().nullable(),
      roles: z.array(z.string()),
      /** The store the account belongs to, or the platform realm for owners and platform staff. */
      realm: z.string().nullable(),
    }),
    requestId: z.string().nullable(),
    /** The fields before the change (for an update, only those that changed); null for a create. */
    before: z.record(z.string(), z.unknown()).nullable(),
    /** The fields after the change; null for a delete. */
    after: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z
  .object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
