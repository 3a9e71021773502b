import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import {
  InsufficientStock,
  ReservationExists,
  ReservationNotFound,
  ReservationStateConflict,
  ReturnExceedsSold,
} from './inventory.errors.ts';
import type { LineCounts, ReservationLineRow, ReservationRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import { confirmInOne, reserveInOne } from './inventory.reserve.repository.ts';
import type { Reference, ReservationView, ReserveBody, ReturnBody } from './inventory.schemas.ts';
import { canTransition } from './inventory.status.ts';
import { movementMeta, type StockWriter, unique } from './inventory.stock-writer.ts';
import { presentReservation } from './inventory.views.ts';

/** A reservation named by its caller's reference (the live one) or by its own id. */
export type ReservationKey = Reference | { reservationId: string };

/**
 * What to take back: without lines, everything sold under the reservation and not returned yet.
 * `shipped`: true takes back only units that shipped (a parcel or RMA received back), false only
 * units still in the warehouse (committed), absent unshipped ones first. `condition: 'DAMAGED'`
 * puts the returned units into damaged instead of on hand.
 */
export type ReturnInput = NonNullable<ReturnBody> & { reference: ReservationKey };

export type Line = { offerId: string; quantity: number };

/**
 * Stock held for a reference (checkout's order, a manual hold) until it is confirmed into a sale,
 * released, or expires; and units sold under it taken back.
 */
export class ReservationService {
  constructor(
    private readonly writer: StockWriter,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * Reserves every line or none, in two statements: the offers' stock rows locked in id order
   * (as every stock writer locks them), then `reserveInOne` — FEFO over unexpired lots in active
   * warehouses, the reservation, its lines, the counts and the offers' sellable totals, or
   * nothing and InsufficientStock naming every short offer. Runs in `ctx.db`'s transaction when
   * it is one (checkout composes it), else in its own; a failure leaves nothing behind in it.
   */
  async reserve(ctx: Ctx, input: ReserveBody): Promise<ReservationView> {
    const lines = mergeLines(validLines(input.lines));
    return transaction(ctx.db, async (trx) => {
      const items = await repo.lockItems(trx, ctx.storeId, { offerIds: lines.map((l) => l.offerId) });
      const out = await reserveInOne(
        trx,
        {
          storeId: ctx.storeId,
          reservation: {
            id: newId(),
            reference_type: input.reference.type,
            reference_id: input.reference.id,
            actor_user_id: ctx.actor?.userId ?? null,
            ttl_seconds: input.ttlSeconds ?? this.ttlSeconds,
          },
          lines,
          lineIdBase: newId(),
        },
        this.writer.availabilityCte,
      );
      if (out.live) throw new ReservationExists();
      if (out.shortages.length > 0) throw new InsufficientStock(out.shortages);
      if (!out.reservation) throw new ReservationExists();
      await this.writer.reserved(withDb(ctx, trx), items, out);
      return presentReservation(out.reservation, out.lines);
    });
  }

  /**
   * Turns the reference's reservation into a sale: OUTBOUND movements, committed += quantity, in
   * one statement (`confirmInOne`). Idempotent: a CONFIRMED one is answered as it is.
   */
  async confirm(ctx: Ctx, key: ReservationKey): Promise<ReservationView> {
    if ('reservationId' in key && !isUuid(key.reservationId)) throw new ReservationNotFound();
    return transaction(ctx.db, async (trx) => {
      const { reservation, lines } = await confirmInOne(trx, {
        storeId: ctx.storeId,
        key,
        actorUserId: ctx.actor?.userId ?? null,
        reason: 'sold',
        movementIdBase: newId(),
      });
      if (!reservation) throw new ReservationNotFound();
      if (reservation.status === 'CONFIRMED') return presentReservation(reservation, lines);
      if (!canTransition(reservation.status, 'CONFIRMED')) {
        throw new ReservationStateConflict(reservation.status, 'confirmed');
      }
      return presentReservation({ ...reservation, status: 'CONFIRMED' }, lines);
    });
  }

  /** Cancels an ACTIVE reservation and frees its units. Idempotent once released or expired. */
  async release(ctx: Ctx, key: ReservationKey, reason: string): Promise<ReservationView> {
    return transaction(ctx.db, async (trx) => {
      const reservation = await lockReservation(trx, ctx.storeId, key);
      if (reservation.status === 'RELEASED' || reservation.status === 'EXPIRED') {
        return reservationView(trx, reservation);
      }
      if (!canTransition(reservation.status, 'RELEASED')) {
        throw new ReservationStateConflict(reservation.status, 'released');
      }
      const lines = await this.unreserve(withDb(ctx, trx), [reservation]);
      await repo.setReservationStatus(trx, ctx.storeId, reservation.id, 'RELEASED', reason);
      return reservationView(trx, { ...reservation, status: 'RELEASED', release_reason: reason }, lines);
    });
  }

  /**
   * Takes back units sold under a confirmed reservation (order cancelled or returned) into the lots
   * they left; RETURN movements (then DAMAGE ones for a damaged return). Unshipped units leave
   * committed; shipped ones had left it when they shipped.
   */
  async returnStock(ctx: Ctx, input: ReturnInput): Promise<ReservationView> {
    return transaction(ctx.db, async (trx) => {
      const reservation = await lockReservation(trx, ctx.storeId, input.reference);
      if (reservation.status !== 'CONFIRMED') {
        throw new ReservationStateConflict(reservation.status, 'returned');
      }
      const lines = await repo.linesOfReservations(trx, [reservation.id]);
      const plan = returnPlan(lines, input.lines, input.shipped);
      if (plan.length === 0) return reservationView(trx, reservation, lines);
      const ledger = await this.writer.lockLedger(trx, ctx.storeId, {
        ids: unique(plan.map((p) => p.line.item_id)),
      });
      const meta = movementMeta(ctx, input.reason ?? 'returned', referenceOf(reservation));
      const counts = new Map<string, LineCounts>();
      for (const { line, quantity, shipped } of plan) {
        ledger.move(line.lot_id, 'RETURN', quantity, meta);
        ledger.count(line.item_id, 'total_returned', quantity);
        if (!shipped) ledger.count(line.item_id, 'committed', -quantity);
        if (input.condition === 'DAMAGED') {
          ledger.move(line.lot_id, 'DAMAGE', -quantity, { ...meta, reason: 'returned damaged' });
          ledger.count(line.item_id, 'damaged', quantity);
        }
        addCounts(counts, line, {
          returned_quantity: quantity,
          shipped_returned_quantity: shipped ? quantity : 0,
        });
      }
      await this.writer.commit(withDb(ctx, trx), ledger, [repo.reservationLinesCount(ctx.storeId, counts)]);
      return reservationView(trx, reservation, lines);
    });
  }

  /**
   * Expires ACTIVE reservations past their time and frees their units. Rows are claimed with
   * SKIP LOCKED and change status under that lock, so with any number of workers each expired
   * reservation returns its stock exactly once. Returns how many expired. A sweep of every store.
   */
  async expire(db: Db, batchSize = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < 1000; round++) {
      const n = await transaction(db, async (trx) => {
        const claimed = await repo.claimExpiredReservations(trx, batchSize);
        for (const storeId of unique(claimed.map((r) => r.store_id))) {
          const ofStore = claimed.filter((r) => r.store_id === storeId);
          await this.unreserve(this.writer.sweepCtx(trx, storeId, 'reservation expiry'), ofStore);
          for (const r of ofStore) await repo.setReservationStatus(trx, storeId, r.id, 'EXPIRED', 'expired');
        }
        return claimed.length;
      });
      total += n;
      if (n < batchSize) break;
    }
    return total;
  }

  async byId(ctx: Ctx, id: string): Promise<ReservationView> {
    const reservation = isUuid(id) ? await repo.findReservation(ctx.db, ctx.storeId, id) : undefined;
    if (!reservation) throw new ReservationNotFound();
    return reservationView(ctx.db, reservation);
  }

  /** The reference's live reservation, else its latest one; locked in the caller's transaction. */
  async forReference(ctx: Ctx, reference: Reference): Promise<ReservationView | null> {
    return transaction(ctx.db, async (trx) => {
      const reservation = await repo.lockReservationByReference(trx, ctx.storeId, reference);
      return reservation ? reservationView(trx, reservation) : null;
    });
  }

  /** Frees what ACTIVE reservations (locked by the caller in `ctx.db`, of `ctx.storeId`) hold. */
  private async unreserve(ctx: Ctx, reservations: ReservationRow[]): Promise<ReservationLineRow[]> {
    const lines = await repo.linesOfReservations(
      ctx.db,
      reservations.map((r) => r.id),
    );
    if (lines.length === 0) return lines;
    const ledger = await this.writer.lockLedger(ctx.db, ctx.storeId, {
      ids: unique(lines.map((l) => l.item_id)),
    });
    for (const line of lines) ledger.reserve(line.lot_id, -line.quantity);
    await this.writer.commit(ctx, ledger);
    return lines;
  }
}

export async function lockReservation(db: Db, storeId: string, key: ReservationKey): Promise<ReservationRow> {
  const reservation =
    'reservationId' in key
      ? isUuid(key.reservationId)
        ? await repo.lockReservationById(db, storeId, key.reservationId)
        : undefined
      : await repo.lockReservationByReference(db, storeId, key);
  if (!reservation) throw new ReservationNotFound();
  return reservation;
}

async function reservationView(
  db: Db,
  reservation: ReservationRow,
  lines?: ReservationLineRow[],
): Promise<ReservationView> {
  return presentReservation(reservation, lines ?? (await repo.linesOfReservations(db, [reservation.id])));
}

type LinePart = 'unshipped' | 'shipped';

/** Units of a line that can still come back: those never shipped, or those shipped. */
function returnable(line: ReservationLineRow, part: LinePart): number {
  const shippedLeft = line.shipped_quantity - line.shipped_returned_quantity;
  return part === 'shipped' ? shippedLeft : line.quantity - line.returned_quantity - shippedLeft;
}

/**
 * Which sold lines give back how many units, unshipped ones first unless `shipped` says which;
 * ReturnExceedsSold when more is asked than can come back.
 */
function returnPlan(lines: ReservationLineRow[], asked: Line[] | undefined, shipped: boolean | undefined) {
  const parts: LinePart[] =
    shipped === undefined ? ['unshipped', 'shipped'] : [shipped ? 'shipped' : 'unshipped'];
  const left = (l: ReservationLineRow) => parts.reduce((sum, p) => sum + returnable(l, p), 0);
  const wanted = mergeLines(
    asked ?? lines.filter((l) => left(l) > 0).map((l) => ({ offerId: l.offer_id, quantity: left(l) })),
  );
  const plan: { line: ReservationLineRow; quantity: number; shipped: boolean }[] = [];
  for (const want of wanted) {
    let remaining = want.quantity;
    for (const part of parts) {
      for (const line of lines.filter((l) => l.offer_id === want.offerId)) {
        const take = Math.min(returnable(line, part), remaining);
        if (take <= 0) continue;
        plan.push({ line, quantity: take, shipped: part === 'shipped' });
        remaining -= take;
      }
    }
    if (remaining > 0) throw new ReturnExceedsSold(want.offerId);
  }
  return plan;
}

/** Adds to a line's counts, in the change to write and in the row read (for the view). */
export function addCounts(
  counts: Map<string, LineCounts>,
  line: ReservationLineRow,
  add: Partial<LineCounts>,
) {
  const c = counts.get(line.id) ?? {
    shipped_quantity: 0,
    returned_quantity: 0,
    shipped_returned_quantity: 0,
  };
  for (const key of ['shipped_quantity', 'returned_quantity', 'shipped_returned_quantity'] as const) {
    c[key] += add[key] ?? 0;
    line[key] += add[key] ?? 0;
  }
  counts.set(line.id, c);
}

export function referenceOf(r: ReservationRow): Reference {
  return { type: r.reference_type, id: r.reference_id };
}

/** One line per offer (quantities of repeated offers add up), in offer id order. */
export function mergeLines(lines: Line[]): Line[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.offerId, (merged.get(l.offerId) ?? 0) + l.quantity);
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([offerId, quantity]) => ({ offerId, quantity }));
}

/** Checkout and other in-process callers skip the HTTP schemas: the same rules, checked here. */
export function validLines(lines: Line[]) {
  const errors = lines.flatMap((l, i) => [
    ...(isUuid(l.offerId)
      ? []
      : [{ pointer: `/lines/${i}/offerId`, in: 'body' as const, detail: 'Not a UUID.' }]),
    ...(Number.isSafeInteger(l.quantity) && l.quantity >= 1
      ? []
      : [{ pointer: `/lines/${i}/quantity`, in: 'body' as const, detail: 'A whole number ≥ 1.' }]),
  ]);
  if (lines.length === 0) errors.push({ pointer: '/lines', in: 'body', detail: 'At least one line.' });
  if (errors.length > 0) throw new BadRequest('The reservation lines are not valid.', errors);
  return lines;
}
