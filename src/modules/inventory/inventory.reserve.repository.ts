import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Shortage } from './inventory.errors.ts';
import type { ReservationLineRow, ReservationRow } from './inventory.reservations.repository.ts';

/**
 * The catalog's sellable quantity written inside the stock change's statement: a CTE named `as`
 * that sets each offer of `from` (a relation of `offer_id uuid, available bigint`) and returns
 * `offer_id, product_id, before, after`. Given by the module that owns offers (a port).
 */
export type AvailabilityCte = (storeId: string, names: { from: string; as: string }) => RawBuilder<unknown>;

/** What the catalog's CTE wrote: one row per offer it found. */
export interface AvailabilityWritten {
  offer_id: string;
  product_id: string;
  before: number;
  after: number;
}

export interface ReserveInput {
  storeId: string;
  reservation: {
    id: string;
    reference_type: string;
    reference_id: string;
    actor_user_id: string | null;
    ttl_seconds: number;
  };
  /** One per offer, in offer id order (mergeLines). */
  lines: { offerId: string; quantity: number }[];
  /** A fresh id whose last four hex digits are replaced by each line's rank: line ids in order. */
  lineIdBase: string;
}

export interface ReserveOutcome {
  /** A live reservation of the reference was there already (nothing written). */
  live: boolean;
  reservation: ReservationRow | null;
  lines: ReservationLineRow[];
  shortages: Shortage[];
  /** Each offer's sellable units after the change (every stock row of the offer counted). */
  sellable: { offer_id: string; available: number }[];
  /** The catalog's write, when a CTE was given and the reservation was made. */
  written: AvailabilityWritten[];
}

/** Line ids of one statement: a v7 id with its last 16 bits replaced by the row's rank (0–65535). */
const rankedId = (base: string, rank: RawBuilder<unknown>) =>
  sql`(left(${base}::text, 32) || lpad(to_hex(${rank}), 4, '0'))::uuid`;

/**
 * A whole reservation in one statement, with the offers' stock rows already locked by the caller
 * (so this statement's snapshot holds the latest lots, and none of them can change under it):
 * FEFO allocation over the unexpired lots of active warehouses (a running sum per offer), the
 * shortages, and — only when there are none and no live reservation of the reference — the
 * reservation, its lines, the lots' and items' reserved counts, and the offers' sellable totals
 * (written by the catalog's CTE when given). Nothing is written when anything is short.
 */
export async function reserveInOne(
  db: Db,
  input: ReserveInput,
  availability?: AvailabilityCte,
): Promise<ReserveOutcome> {
  const catalog = availability
    ? sql`, avail AS (SELECT s.offer_id, s.available FROM sellable s, res),
        ${availability(input.storeId, { from: 'avail', as: 'aw' })}`
    : sql``;
  const written = availability ? sql`(SELECT coalesce(json_agg(aw), '[]') FROM aw)` : sql`'[]'::json`;
  const { rows } = await sql<ReserveJson>`
    WITH ${allocation(input)}, ${reservationWrites(input)}${catalog}
    SELECT EXISTS (SELECT 1 FROM live) AS live,
      (SELECT row_to_json(res) FROM res) AS reservation,
      (SELECT json_agg(rl ORDER BY rl.id) FROM rl) AS lines,
      (SELECT json_agg(short ORDER BY short.ord) FROM short) AS shortages,
      (SELECT json_agg(sellable) FROM sellable) AS sellable,
      ${written} AS written`.execute(db);
  const row = rows[0]!;
  return {
    live: row.live,
    reservation: reservationOf(row.reservation),
    lines: (row.lines ?? []).map(numericLine),
    shortages: (row.shortages ?? []).map((s) => ({
      offerId: s.offer_id,
      requested: Number(s.requested),
      available: Number(s.available),
    })),
    sellable: (row.sellable ?? []).map((s) => ({ offer_id: s.offer_id, available: Number(s.available) })),
    written: row.written.map((w) => ({ ...w, before: Number(w.before), after: Number(w.after) })),
  };
}

interface ReserveJson {
  live: boolean;
  reservation: JsonReservation | null;
  lines: ReservationLineRow[] | null;
  shortages: { offer_id: string; requested: number; available: number }[] | null;
  sellable: { offer_id: string; available: number }[] | null;
  written: AvailabilityWritten[];
}

/**
 * The reads of reserveInOne: the lines (`req`), the offers' lots (`lots`, with whether each is
 * sellable), the FEFO running sum over the sellable ones with free units (`cand`), the short
 * offers (`short`), each lot's part (`alloc`, ranked in line then FEFO order), the sellable totals
 * after it (`sellable`) and whether the reference has a live reservation (`live`).
 */
function allocation(input: ReserveInput): RawBuilder<unknown> {
  const { storeId, reservation: r } = input;
  const req = input.lines.map((l, i) => sql`(${l.offerId}::uuid, ${l.quantity}::bigint, ${i}::int)`);
  return sql`req (offer_id, q, ord) AS (VALUES ${sql.join(req)}),
    lots AS (
      SELECT r.offer_id, r.q, r.ord, i.id AS item_id, l.id AS lot_id, l.on_hand - l.reserved AS free,
        (w.is_active AND (l.expires_at IS NULL OR l.expires_at > now())) AS sellable, l.expires_at
      FROM req r
      JOIN inventory_items i ON i.store_id = ${storeId} AND i.offer_id = r.offer_id
      JOIN warehouses w ON w.id = i.warehouse_id
      JOIN inventory_lots l ON l.item_id = i.id
    ),
    cand AS (
      SELECT c.*, sum(c.free) OVER (PARTITION BY c.offer_id ORDER BY c.expires_at ASC NULLS LAST, c.lot_id
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto
      FROM lots c WHERE c.sellable AND c.free > 0
    ),
    short AS (
      SELECT r.offer_id, r.q AS requested, coalesce(sum(c.free), 0) AS available, r.ord
      FROM req r LEFT JOIN cand c ON c.offer_id = r.offer_id
      GROUP BY r.offer_id, r.q, r.ord HAVING coalesce(sum(c.free), 0) < r.q
    ),
    alloc AS (
      SELECT c.offer_id, c.item_id, c.lot_id, least(c.free, c.q - (c.upto - c.free)) AS take,
        row_number() OVER (ORDER BY c.ord, c.upto) AS n
      FROM cand c WHERE c.upto - c.free < c.q
    ),
    sellable AS (
      SELECT r.offer_id, coalesce(sum(greatest(0, c.free - coalesce(a.take, 0))) FILTER (WHERE c.sellable), 0)
        AS available
      FROM req r LEFT JOIN lots c ON c.offer_id = r.offer_id LEFT JOIN alloc a ON a.lot_id = c.lot_id
      GROUP BY r.offer_id
    ),
    live AS (
      SELECT 1 FROM inventory_reservations
      WHERE store_id = ${storeId} AND reference_type = ${r.reference_type} AND reference_id = ${r.reference_id}
        AND status IN ('ACTIVE', 'CONFIRMED')
    )`;
}

/**
 * The writes of reserveInOne, each joined to `res`: the reservation, inserted only when nothing
 * is short and the reference has no live one; then the lots' and items' reserved and the lines.
 */
function reservationWrites(input: ReserveInput): RawBuilder<unknown> {
  const { storeId, reservation: r } = input;
  return sql`res AS (
      INSERT INTO inventory_reservations (id, store_id, reference_type, reference_id, actor_user_id, expires_at)
      SELECT ${r.id}::uuid, ${storeId}::uuid, ${r.reference_type}, ${r.reference_id}, ${r.actor_user_id}::uuid,
        now() + make_interval(secs => ${r.ttl_seconds})
      WHERE NOT EXISTS (SELECT 1 FROM short) AND NOT EXISTS (SELECT 1 FROM live)
      ON CONFLICT (store_id, reference_type, reference_id) WHERE status IN ('ACTIVE', 'CONFIRMED') DO NOTHING
      RETURNING *
    ),
    lu AS (
      UPDATE inventory_lots t SET reserved = t.reserved + a.take, updated_at = now()
      FROM alloc a, res WHERE t.id = a.lot_id RETURNING 1
    ),
    iu AS (
      UPDATE inventory_items t SET reserved = t.reserved + s.take, updated_at = now()
      FROM (SELECT item_id, sum(take) AS take FROM alloc GROUP BY item_id) s, res
      WHERE t.id = s.item_id RETURNING 1
    ),
    rl AS (
      INSERT INTO inventory_reservation_lines (id, store_id, reservation_id, item_id, lot_id, offer_id, quantity)
      SELECT ${rankedId(input.lineIdBase, sql`a.n`)}, ${storeId}::uuid, res.id, a.item_id, a.lot_id, a.offer_id,
        a.take
      FROM alloc a, res
      RETURNING id, reservation_id, item_id, lot_id, offer_id, quantity, returned_quantity, shipped_quantity,
        shipped_returned_quantity
    )`;
}

/** A reservation row as `row_to_json` gives it: its times as text. */
type JsonReservation = Record<keyof ReservationRow, string | null>;

function reservationOf(json: JsonReservation | null): ReservationRow | null {
  if (!json) return null;
  const at = (v: string | null) => (v === null ? null : new Date(v));
  return {
    ...(json as unknown as ReservationRow),
    expires_at: new Date(json.expires_at!),
    created_at: new Date(json.created_at!),
    confirmed_at: at(json.confirmed_at),
    released_at: at(json.released_at),
  };
}

function numericLine(l: ReservationLineRow): ReservationLineRow {
  return {
    ...l,
    quantity: Number(l.quantity),
    returned_quantity: Number(l.returned_quantity),
    shipped_quantity: Number(l.shipped_quantity),
    shipped_returned_quantity: Number(l.shipped_returned_quantity),
  };
}

/**
 * A reservation turned into a sale in one statement, when it is ACTIVE: the reservation named by
 * `key` locked first (its reference's live one, else its latest, as lockReservationByReference),
 * its lines read (they never change while it is ACTIVE), their stock rows locked in id order (the
 * order of every stock writer) and read at their latest, then the lots and items changed (reserved
 * → out of on hand, committed and sold up; each lot's row written only once its item's lock is
 * held), OUTBOUND movements with the item's on-hand around each, and the reservation CONFIRMED.
 * Returns the reservation as locked (its status before this statement; null when none) and its lines.
 */
export async function confirmInOne(
  db: Db,
  input: ConfirmInput,
): Promise<{ reservation: ReservationRow | null; lines: ReservationLineRow[] }> {
  const { rows } = await sql<{ reservation: JsonReservation | null; lines: ReservationLineRow[] | null }>`
    WITH ${confirmReads(input)}, ${confirmWrites(input)}
    SELECT (SELECT row_to_json(r) FROM r) AS reservation,
      (SELECT json_agg(ln ORDER BY ln.id) FROM ln) AS lines`.execute(db);
  const row = rows[0];
  return { reservation: reservationOf(row?.reservation ?? null), lines: (row?.lines ?? []).map(numericLine) };
}

interface ConfirmInput {
  storeId: string;
  key: { reservationId: string } | { type: string; id: string };
  actorUserId: string | null;
  reason: string;
  /** As `lineIdBase` of reserveInOne: the movements' ids, in line order. */
  movementIdBase: string;
}

/**
 * The locks and reads of confirmInOne, in the order they are taken: the reservation (`r`; `act`
 * when it is ACTIVE), its lines (`ln`), their stock rows (`li`, locked in id order only when
 * ACTIVE) and each line's movement with the item's on-hand before it (`mv`).
 */
function confirmReads(input: ConfirmInput): RawBuilder<unknown> {
  const { storeId, key } = input;
  const which =
    'reservationId' in key
      ? sql`id = ${key.reservationId}`
      : sql`reference_type = ${key.type} AND reference_id = ${key.id}`;
  return sql`r AS (
      SELECT * FROM inventory_reservations WHERE store_id = ${storeId} AND ${which}
      ORDER BY status IN ('ACTIVE', 'CONFIRMED') DESC, id DESC LIMIT 1 FOR UPDATE
    ),
    act AS (SELECT id, reference_type, reference_id FROM r WHERE status = 'ACTIVE'),
    ln AS (
      SELECT id, reservation_id, item_id, lot_id, offer_id, quantity, returned_quantity, shipped_quantity,
        shipped_returned_quantity
      FROM inventory_reservation_lines WHERE reservation_id = (SELECT id FROM r)
    ),
    li AS (
      SELECT i.id, i.on_hand, i.warehouse_id FROM inventory_items i
      WHERE i.store_id = ${storeId} AND i.id IN (SELECT item_id FROM ln) AND EXISTS (SELECT 1 FROM act)
      ORDER BY i.id FOR NO KEY UPDATE
    ),
    mv AS (
      SELECT ln.*, li.warehouse_id, l.unit_cost_amount, l.currency,
        li.on_hand - coalesce(sum(ln.quantity) OVER (PARTITION BY ln.item_id ORDER BY ln.id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
        row_number() OVER (ORDER BY ln.id) AS n
      FROM ln JOIN li ON li.id = ln.item_id JOIN inventory_lots l ON l.id = ln.lot_id
    )`;
}

/** The writes of confirmInOne, each joined to the locked stock rows or the ACTIVE reservation. */
function confirmWrites(input: ConfirmInput): RawBuilder<unknown> {
  const { storeId } = input;
  return sql`lu AS (
      UPDATE inventory_lots t SET on_hand = t.on_hand - v.q, reserved = t.reserved - v.q, updated_at = now()
      FROM (SELECT lot_id, item_id, sum(quantity) AS q FROM ln GROUP BY lot_id, item_id) v, li
      WHERE t.id = v.lot_id AND li.id = v.item_id RETURNING 1
    ),
    iu AS (
      UPDATE inventory_items t SET on_hand = t.on_hand - v.q, reserved = t.reserved - v.q,
        committed = t.committed + v.q, total_sold = t.total_sold + v.q, updated_at = now()
      FROM (SELECT item_id, sum(quantity) AS q FROM ln GROUP BY item_id) v, li
      WHERE t.id = v.item_id AND li.id = v.item_id RETURNING 1
    ),
    m AS (
      INSERT INTO inventory_movements (id, store_id, item_id, lot_id, offer_id, warehouse_id, type,
        quantity_change, quantity_before, quantity_after, reason, reference_type, reference_id, actor_user_id,
        unit_cost_amount, currency)
      SELECT ${rankedId(input.movementIdBase, sql`mv.n`)}, ${storeId}::uuid, mv.item_id, mv.lot_id, mv.offer_id,
        mv.warehouse_id, 'OUTBOUND', -mv.quantity, mv.before, mv.before - mv.quantity, ${input.reason},
        act.reference_type, act.reference_id, ${input.actorUserId}::uuid, mv.unit_cost_amount, mv.currency
      FROM mv, act
      RETURNING 1
    ),
    rs AS (
      UPDATE inventory_reservations SET status = 'CONFIRMED', confirmed_at = now()
      WHERE store_id = ${storeId} AND id IN (SELECT id FROM act) RETURNING 1
    )`;
}
