// The audit trail's one door for modules (decision 029): `recordAudit(ctx, change)` inside the
// transaction of the change. The table, its reads and its retention are the platform's; what
// counts as an audited change is each owning module's call.
import type { Actor, Ctx } from '../http/context.ts';
import { newId } from '../ids.ts';
import { insertAuditEntry } from './audit.repository.ts';

/** What the trail covers; the query's `entityType` takes one of these. */
export const AUDIT_ENTITY_TYPES = [
  'product',
  'variant',
  'offer',
  'stock_item',
  'coupon',
  'user',
  'user_group',
  'store',
  'payment',
  'campaign',
  'terms_version',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Field values as the owning module stores them (column or setting names), JSON-safe. */
export type AuditFields = Record<string, unknown>;

export interface AuditChange {
  entityType: AuditEntityType;
  entityId: string;
  /** What happened, `create`, `update`, `delete`, or a verb of the entity (`roles.change`, `refund`). */
  action: string;
  /** The fields before the change; null or absent for a create. */
  before?: AuditFields | null;
  /** The fields after it; null or absent for a delete. */
  after?: AuditFields | null;
}

export class AuditOutsideTransaction extends Error {
  constructor() {
    super('recordAudit must run in the transaction of the change (ctx bound with withDb)');
  }
}

/**
 * Writes one entry in the transaction `ctx.db` is bound to, so it commits and rolls back with the
 * change. Given both `before` and `after`, only the fields whose value changed are kept; when none
 * did, nothing is written (answers false). The actor, its roles and realm and the request id come
 * from `ctx`.
 */
export async function recordAudit(ctx: Ctx, change: AuditChange): Promise<boolean> {
  if (!ctx.db.isTransaction) throw new AuditOutsideTransaction();
  let before = normalize(change.before);
  let after = normalize(change.after);
  if (before && after) {
    ({ before, after } = changedFields(before, after));
    if (Object.keys(after).length === 0) return false;
  }
  await insertAuditEntry(ctx.db, {
    id: newId(),
    store_id: ctx.storeId,
    entity_type: change.entityType,
    entity_id: change.entityId,
    action: change.action,
    actor_user_id: ctx.actor?.userId ?? null,
    actor_roles: ctx.actor?.roles ?? [],
    actor_realm: ctx.actor?.storeId ?? null,
    request_id: ctx.requestId.slice(0, 200),
    before: before ? JSON.stringify(before) : null,
    after: after ? JSON.stringify(after) : null,
  });
  return true;
}

/** The fields of `after` whose value differs from `before`, each side holding only those. */
export function changedFields(
  before: AuditFields,
  after: AuditFields,
): { before: AuditFields; after: AuditFields } {
  const was: AuditFields = {};
  const now: AuditFields = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return { before: was, after: now };
}

/** `fields` keeping only `keys` (a row narrowed to what an entry records). */
export function pick<T extends object, K extends keyof T>(fields: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((k) => k in fields).map((k) => [k, fields[k]])) as Pick<T, K>;
}

/**
 * Whether the actor acts for the store rather than as a buyer: staff, sellers, delivery agents and
 * platform accounts. Money moves a buyer starts (a cancelled order's refund) are the order's
 * history; the trail records the ones staff make.
 */
export function actsForStore(actor: Actor | null): boolean {
  return actor?.roles.some((r) => r !== 'CUSTOMER') ?? false;
}

/** Values as JSON keeps them (dates as ISO strings), undefined fields dropped. */
function normalize(fields: AuditFields | null | undefined): AuditFields | null {
  if (!fields) return null;
  return JSON.parse(JSON.stringify(fields)) as AuditFields;
}
