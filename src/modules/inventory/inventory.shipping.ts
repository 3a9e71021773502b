import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { ReservationStateConflict, ShipExceedsCommitted } from './inventory.errors.ts';
import type { LineCounts, ReservationLineRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import {
  addCounts,
  type Line,
  lockReservation,
  mergeLines,
  referenceOf,
  validLines,
} from './inventory.reservations.ts';
import type { Reference } from './inventory.schemas.ts';
import { movementMeta, type StockWriter, unique } from './inventory.stock-writer.ts';

/** Units of a sold order that leave the warehouse in one shipment (fulfilment's parcel). */
export interface ShipInput {
  /** The order's reference, whose reservation is CONFIRMED. */
  reference: Reference;
  lines: Line[];
  /** Kept on every SHIPMENT movement of this call. */
  shipmentId: string;
  /** Ship only units sold from this warehouse. */
  warehouseId?: string;
}

export interface ShipResult {
  /** The distinct warehouses the units left from. */
  warehouses: string[];
}

/** Sold units leaving the warehouse: committed → shipped. Returns are ReservationService.returnStock. */
export class ShippingService {
  constructor(private readonly writer: StockWriter) {}

  /**
   * Moves sold units of the reference's CONFIRMED reservation from committed to shipped, taking its
   * lines in order (only lines in `warehouseId` when given): committed down, total_shipped up, one
   * SHIPMENT movement per lot. All lines or none: ShipExceedsCommitted names the first short offer.
   * The reservation row lock serializes shipments of one order, so each unit ships once.
   */
  async ship(ctx: Ctx, input: ShipInput): Promise<ShipResult> {
    const wanted = mergeLines(validLines(input.lines));
    validShipment(input);
    return transaction(ctx.db, async (trx) => {
      const reservation = await lockReservation(trx, ctx.storeId, input.reference);
      if (reservation.status !== 'CONFIRMED') {
        throw new ReservationStateConflict(reservation.status, 'shipped');
      }
      const lines = (await repo.linesOfReservations(trx, [reservation.id])).filter((l) =>
        wanted.some((w) => w.offerId === l.offer_id),
      );
      const ledger = await this.writer.lockLedger(trx, ctx.storeId, {
        ids: unique(lines.map((l) => l.item_id)),
      });
      const from = input.warehouseId;
      const plan = shipPlan(
        lines.filter((l) => from === undefined || ledger.item(l.item_id).warehouse_id === from),
        wanted,
      );
      const meta = {
        ...movementMeta(ctx, 'shipped', referenceOf(reservation)),
        shipmentId: input.shipmentId,
      };
      const counts = new Map<string, LineCounts>();
      for (const { line, quantity } of plan) {
        ledger.ship(line.lot_id, quantity, meta);
        addCounts(counts, line, { shipped_quantity: quantity });
      }
      await this.writer.commit(withDb(ctx, trx), ledger, [repo.reservationLinesCount(ctx.storeId, counts)]);
      return { warehouses: unique(plan.map((p) => ledger.item(p.line.item_id).warehouse_id)) };
    });
  }
}

/** Units of a line sold and still in the warehouse: neither shipped nor returned. */
function committedLeft(line: ReservationLineRow): number {
  return line.quantity - line.shipped_quantity - (line.returned_quantity - line.shipped_returned_quantity);
}

function shipPlan(lines: ReservationLineRow[], wanted: Line[]) {
  const plan: { line: ReservationLineRow; quantity: number }[] = [];
  for (const want of wanted) {
    const ofOffer = lines.filter((l) => l.offer_id === want.offerId);
    let remaining = want.quantity;
    for (const line of ofOffer) {
      const take = Math.min(committedLeft(line), remaining);
      if (take <= 0) continue;
      plan.push({ line, quantity: take });
      remaining -= take;
    }
    if (remaining > 0) {
      const committed = ofOffer.reduce((sum, l) => sum + committedLeft(l), 0);
      throw new ShipExceedsCommitted(want.offerId, want.quantity, committed);
    }
  }
  return plan;
}

/** In-process callers skip the HTTP schemas: the ids are checked here. */
function validShipment(input: ShipInput) {
  const errors = [
    ...(isUuid(input.shipmentId)
      ? []
      : [{ pointer: '/shipmentId', in: 'body' as const, detail: 'Not a UUID.' }]),
    ...(input.warehouseId === undefined || isUuid(input.warehouseId)
      ? []
      : [{ pointer: '/warehouseId', in: 'body' as const, detail: 'Not a UUID.' }]),
  ];
  if (errors.length > 0) throw new BadRequest('The shipment is not valid.', errors);
}
