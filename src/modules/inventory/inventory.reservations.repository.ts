import { type Insertable, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import {
  type InventoryReservationLinesTable,
  type InventoryReservationsTable,
  type ReservationStatus,
  t,
} from './inventory.tables.ts';

export interface ReservationRow {
  id: string;
  store_id: string;
  reference_type: string;
  reference_id: string;
  status: ReservationStatus;
  actor_user_id: string | null;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  released_at: Date | null;
  release_reason: string | null;
}

export interface ReservationLineRow {
  id: string;
  reservation_id: string;
  item_id: string;
  lot_id: string;
  offer_id: string;
  quantity: number;
  returned_quantity: number;
  shipped_quantity: number;
  shipped_returned_quantity: number;
}

const RESERVATION_COLUMNS = [
  'id',
  'store_id',
  'reference_type',
  'reference_id',
  'status',
  'actor_user_id',
  'expires_at',
  'created_at',
  'confirmed_at',
  'released_at',
  'release_reason',
] as const;

const LINE_COLUMNS = [
  'id',
  'reservation_id',
  'item_id',
  'lot_id',
  'offer_id',
  'quantity',
  'returned_quantity',
  'shipped_quantity',
  'shipped_returned_quantity',
] as const;

export async function insertReservation(
  db: Db,
  row: Omit<Insertable<InventoryReservationsTable>, 'expires_at'> & { ttl_seconds: number },
): Promise<ReservationRow | undefined> {
  const { ttl_seconds, ...values } = row;
  // a live reservation of the same reference makes this a no-op (undefined), not an error that
  // would abort the caller's transaction
  return t(db)
    .insertInto('inventory_reservations')
    .values({ ...values, expires_at: sql<Date>`now() + make_interval(secs => ${ttl_seconds})` })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'reference_type', 'reference_id'])
        .where('status', 'in', ['ACTIVE', 'CONFIRMED'])
        .doNothing(),
    )
    .returning(RESERVATION_COLUMNS)
    .executeTakeFirst();
}

export async function deleteReservation(db: Db, storeId: string, id: string): Promise<void> {
  await t(db)
    .deleteFrom('inventory_reservations')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/** The insert of reservation lines as a CTE, written together with the stock change (applyChanges). */
export function reservationLinesWrite(
  rows: Insertable<InventoryReservationLinesTable>[],
): RawBuilder<unknown> {
  const values = rows.map(
    (r) => sql`(${r.id}::uuid, ${r.store_id}::uuid, ${r.reservation_id}::uuid, ${r.item_id}::uuid,
      ${r.lot_id}::uuid, ${r.offer_id}::uuid, ${r.quantity}::bigint)`,
  );
  return sql`rl AS (
    INSERT INTO inventory_reservation_lines (id, store_id, reservation_id, item_id, lot_id, offer_id, quantity)
    VALUES ${sql.join(values)} RETURNING 1)`;
}

/**
 * The reservation a reference names, locked: its live (ACTIVE or CONFIRMED) one if any, else its
 * most recent one (so callers can tell "expired" from "never existed").
 */
export function lockReservationByReference(
  db: Db,
  storeId: string,
  ref: { type: string; id: string },
): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('reference_type', '=', ref.type)
    .where('reference_id', '=', ref.id)
    .orderBy(sql`status IN ('ACTIVE', 'CONFIRMED')`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export function lockReservationById(
  db: Db,
  storeId: string,
  id: string,
): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findReservation(db: Db, storeId: string, id: string): Promise<ReservationRow | undefined> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function linesOfReservations(db: Db, reservationIds: string[]): Promise<ReservationLineRow[]> {
  if (reservationIds.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('inventory_reservation_lines')
    .select(LINE_COLUMNS)
    .where('reservation_id', 'in', reservationIds)
    .orderBy('id')
    .execute();
}

export async function setReservationStatus(
  db: Db,
  storeId: string,
  id: string,
  status: ReservationStatus,
  reason: string | null = null,
): Promise<void> {
  await t(db)
    .updateTable('inventory_reservations')
    .set(
      status === 'CONFIRMED'
        ? { status, confirmed_at: sql<Date>`now()` }
        : { status, released_at: sql<Date>`now()`, release_reason: reason },
    )
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

/** `setReservationStatus` as a CTE, written together with the stock change (applyChanges). */
export function reservationStatusWrite(
  storeId: string,
  id: string,
  status: ReservationStatus,
  reason: string | null = null,
): RawBuilder<unknown> {
  const set =
    status === 'CONFIRMED'
      ? sql`status = ${status}, confirmed_at = now()`
      : sql`status = ${status}, released_at = now(), release_reason = ${reason}`;
  return sql`rs AS (
    UPDATE inventory_reservations SET ${set} WHERE store_id = ${storeId} AND id = ${id} RETURNING 1)`;
}

/** What one change adds to a reservation line's shipped and returned counts. */
export interface LineCounts {
  shipped_quantity: number;
  returned_quantity: number;
  shipped_returned_quantity: number;
}

/**
 * The update of reservation lines' counts as a CTE, written together with the stock change
 * (applyChanges); one entry per line (a row may be updated once per statement).
 */
export function reservationLinesCount(
  storeId: string,
  changes: Map<string, LineCounts>,
): RawBuilder<unknown> {
  const values = [...changes.entries()].map(
    ([id, c]) =>
      sql`(${id}::uuid, ${c.shipped_quantity}::bigint, ${c.returned_quantity}::bigint,
        ${c.shipped_returned_quantity}::bigint)`,
  );
  return sql`rlc AS (
    UPDATE inventory_reservation_lines t SET shipped_quantity = t.shipped_quantity + v.shipped,
      returned_quantity = t.returned_quantity + v.returned,
      shipped_returned_quantity = t.shipped_returned_quantity + v.shipped_returned
    FROM (VALUES ${sql.join(values)}) AS v (id, shipped, returned, shipped_returned)
    WHERE t.id = v.id AND t.store_id = ${storeId} RETURNING 1)`;
}

/**
 * Claims ACTIVE reservations past their expiry, across stores (a system sweep). SKIP LOCKED lets
 * two workers split the work; a reservation being confirmed or released right now is skipped.
 */
export function claimExpiredReservations(db: Db, limit: number): Promise<ReservationRow[]> {
  return t(db)
    .selectFrom('inventory_reservations')
    .select(RESERVATION_COLUMNS)
    .where('status', '=', 'ACTIVE')
    .where('expires_at', '<=', sql<Date>`now()`)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Items holding expired lots with unreserved units, across stores (a system sweep). */
export async function itemsWithExpiredStock(
  db: Db,
  limit: number,
): Promise<{ id: string; store_id: string }[]> {
  const { rows } = await sql<{ id: string; store_id: string }>`
    SELECT DISTINCT l.item_id AS id, l.store_id FROM inventory_lots l
    WHERE l.expires_at IS NOT NULL AND l.on_hand > l.reserved AND l.expires_at <= now()
    LIMIT ${limit}`.execute(db);
  return rows;
}
