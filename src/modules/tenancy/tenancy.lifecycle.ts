import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { Conflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { StoreStatus } from './tenancy.schemas.ts';

/**
 * A store's life (seed 001): GENERATING → DRAFT → PAID → PUBLISHED, SUSPENDED from any of them and
 * back. Generation can fail (FAILED) and be run again from DRAFT or FAILED. A move not listed here
 * is refused (409), and every move is kept in `store_status_history`.
 */
export const STORE_TRANSITIONS: Readonly<Record<StoreStatus, readonly StoreStatus[]>> = {
  GENERATING: ['DRAFT', 'FAILED', 'SUSPENDED'],
  FAILED: ['GENERATING', 'SUSPENDED'],
  DRAFT: ['GENERATING', 'PAID', 'PUBLISHED', 'SUSPENDED'],
  PAID: ['PUBLISHED', 'SUSPENDED'],
  PUBLISHED: ['DRAFT', 'SUSPENDED'],
  SUSPENDED: ['GENERATING', 'FAILED', 'DRAFT', 'PAID', 'PUBLISHED'],
};

export class StoreTransitionRefused extends Conflict {
  constructor(from: StoreStatus, to: StoreStatus) {
    super(`A ${from} store cannot become ${to}.`, 'store-transition-refused');
  }
}

export interface StoreMove {
  storeId: string;
  to: StoreStatus;
  actorId?: string | null;
  reason?: string | null;
  /** Columns written with the status, in the same statement. */
  set?: Record<string, unknown>;
}

/**
 * Moves a store to `to` if its status allows it, in one conditional UPDATE (two concurrent moves
 * cannot both pass from the same status), and records the move. Returns the status it left;
 * 404-style undefined when the store does not exist; 409 when the move is not allowed.
 */
export async function moveStore(db: Db, move: StoreMove): Promise<StoreStatus | undefined> {
  const from = (Object.keys(STORE_TRANSITIONS) as StoreStatus[]).filter((s) =>
    STORE_TRANSITIONS[s].includes(move.to),
  );
  const { rows } = await sql<{ previous: StoreStatus; moved: boolean }>`
    WITH current AS (SELECT id, status FROM stores WHERE id = ${move.storeId} FOR UPDATE),
    moved AS (
      UPDATE stores SET status = ${move.to}, status_reason = ${move.reason ?? null}, updated_at = now()
        ${setColumns(move.set)}
      FROM current WHERE stores.id = current.id AND current.status = ANY(${from}::text[])
      RETURNING stores.id)
    SELECT current.status AS previous, EXISTS (SELECT 1 FROM moved) AS moved FROM current`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (!row.moved) throw new StoreTransitionRefused(row.previous, move.to);
  await platformRepo.insertHistory(db, {
    id: newId(),
    store_id: move.storeId,
    from_status: row.previous,
    to_status: move.to,
    actor_id: move.actorId ?? null,
    reason: move.reason ?? null,
  });
  return row.previous;
}

const SETTABLE = new Set([
  'published_at',
  'live_url',
  'preview_url',
  'preview_token',
  'suspended_from',
  'store_type',
  'prompt',
  'config',
]);

function setColumns(set: Record<string, unknown> | undefined) {
  const entries = Object.entries(set ?? {});
  for (const [column] of entries) if (!SETTABLE.has(column)) throw new Error(`Not a store column: ${column}`);
  if (entries.length === 0) return sql``;
  return sql`, ${sql.join(
    entries.map(([column, value]) =>
      column === 'config' ? sql`config = ${value}::jsonb` : sql`${sql.ref(column)} = ${value}`,
    ),
  )}`;
}
