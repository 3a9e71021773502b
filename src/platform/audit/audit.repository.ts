// SQL of the audit trail: one insert, the filtered newest-first read, and the retention delete.
import { type Generated, type Insertable, sql } from 'kysely';
import { type Db, tables } from '../db/database.ts';
import { newestFirst } from '../db/keyset.ts';

export interface AuditLogTable {
  id: string;
  store_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_user_id: string | null;
  actor_roles: string[];
  actor_realm: string | null;
  request_id: string | null;
  /** JSON text on insert, parsed jsonb on read. */
  before: unknown;
  after: unknown;
  created_at: Generated<Date>;
}

const t = (db: Db) => tables<{ audit_log: AuditLogTable }>(db);

const COLUMNS = [
  'id',
  'entity_type',
  'entity_id',
  'action',
  'actor_user_id',
  'actor_roles',
  'actor_realm',
  'request_id',
  'before',
  'after',
  'created_at',
] as const;

export async function insertAuditEntry(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await t(db).insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

/**
 * One store's entries, newest first, `limit + 1` after the id `after`. Each filter set leads an
 * index: (store, entity type, entity id, id), (store, actor, id) or (store, id).
 */
export function listAuditEntries(
  db: Db,
  storeId: string,
  filter: AuditFilter,
  page: { after?: string | undefined; limit: number },
) {
  let query = t(db).selectFrom('audit_log').select(COLUMNS).where('store_id', '=', storeId);
  if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId !== undefined) query = query.where('actor_user_id', '=', filter.actorId);
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
  return newestFirst(query, page).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

/**
 * Deletes up to `batch` entries older than `days` days, of every store; answers how many went.
 * The setting is what the append-only trigger lets through, for this transaction only.
 */
export async function pruneAuditEntries(db: Db, days: number, batch: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('bazaar.audit_prune', 'on', true)`.execute(trx);
    const result = await sql`
      DELETE FROM audit_log WHERE id IN (
        SELECT id FROM audit_log WHERE created_at < now() - make_interval(days => ${days})
        ORDER BY created_at LIMIT ${batch})`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
