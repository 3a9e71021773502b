import type { RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type Ctx, systemCtx } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import type { SellerScope } from './inventory.access.ts';
import {
  InsufficientStock,
  LotMismatch,
  LotNotFound,
  StockNotFound,
  WarehouseNotFound,
} from './inventory.errors.ts';
import { InventoryEvents, type StockLowPayload } from './inventory.events.ts';
import { type Allocation, Ledger, type MovementMeta } from './inventory.ledger.ts';
import type { LockedItem, LotRow, WarehouseRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import type { AvailabilityCte, AvailabilityWritten, ReserveOutcome } from './inventory.reserve.repository.ts';
import type { ReceiveBody, Reference, StockView } from './inventory.schemas.ts';
import { presentStock } from './inventory.views.ts';

/** Called in the changing transaction (`ctx.db`) with an offer's new total sellable quantity. */
export type AvailabilityListener = (ctx: Ctx, offerId: string, available: number) => Promise<void>;

/**
 * The catalog's sellable quantity written by the stock change's own statement (a port): `cte`
 * is added to the statement; `written` is told, in the same transaction, which offers were sent
 * and what the CTE wrote (it refreshes what reads the quantity, and refuses an offer it lacks).
 */
export interface AvailabilityWrite {
  cte: AvailabilityCte;
  written(ctx: Ctx, offerIds: string[], rows: AvailabilityWritten[]): Promise<void>;
}

/** A lot as a receipt names it: the code and, optionally, its dates and unit cost. */
export type LotInput = NonNullable<ReceiveBody['lot']>;

/**
 * How every stock change is written: lock the rows into a Ledger, change it in memory, then
 * `commit` (one write, low-stock events, and the availability listener told in the same
 * transaction). The sub-services share one writer.
 */
export class StockWriter {
  constructor(
    private readonly deps: {
      jobs: Jobs;
      log: Logger;
      onAvailabilityChange?: AvailabilityListener | undefined;
      availabilityWrite?: AvailabilityWrite | undefined;
    },
  ) {}

  /** The catalog's CTE for a one-statement change, when the catalog gives one. */
  get availabilityCte(): AvailabilityCte | undefined {
    return this.deps.availabilityWrite?.cte;
  }

  /**
   * What follows a one-statement reservation (`reserveInOne`) of the offers whose every stock row
   * `items` holds, locked: low-stock events on a downward crossing of the reorder point, and the
   * sellable totals the statement computed, written by it (`availabilityCte`) or told to the listener.
   */
  async reserved(ctx: Ctx, items: LockedItem[], out: ReserveOutcome): Promise<void> {
    const taken = new Map<string, number>();
    for (const l of out.lines) taken.set(l.item_id, (taken.get(l.item_id) ?? 0) + l.quantity);
    for (const item of items) {
      const after = item.available - (taken.get(item.id) ?? 0);
      if (item.available > item.reorder_point && after <= item.reorder_point) {
        await this.publishLowStock(ctx.db, item, after);
      }
    }
    const offerIds = out.sellable.map((s) => s.offer_id);
    if (this.availabilityCte) await this.deps.availabilityWrite!.written(ctx, offerIds, out.written);
    else await this.notify(ctx, [], new Map(out.sellable.map((s) => [s.offer_id, s.available])));
  }

  /** The context of a sweep's change in one store (no request, no actor), bound to its transaction. */
  sweepCtx(trx: Db, storeId: string, reason: string): Ctx {
    return systemCtx(trx, storeId, this.deps.log, { reason });
  }

  async lockLedger(db: Db, storeId: string, by: Parameters<typeof repo.lockItems>[2]): Promise<Ledger> {
    const items = await repo.lockItems(db, storeId, by);
    const lots = await repo.lotsOfItems(
      db,
      items.map((i) => i.id),
    );
    const ledger = new Ledger(items, lots);
    // locked by offer, the ledger holds every stock row of those offers: their sellable totals
    // after the change are known without reading them again
    if ('offerIds' in by) ledger.holdAllOf(by.offerIds);
    return ledger;
  }

  /** Locks one offer's stock row in a warehouse the caller may act on (404 otherwise). */
  async lockOne(db: Db, storeId: string, at: { offerId: string; warehouseId: string }, scope: SellerScope) {
    const { offerId, warehouseId } = at;
    await requireWarehouse(db, storeId, warehouseId);
    if (!isUuid(offerId)) throw new StockNotFound();
    const ledger = await this.lockLedger(db, storeId, { offerId, warehouseIds: [warehouseId] });
    const item = ledger.itemList()[0];
    if (!item || (scope && item.seller_id !== scope)) throw new StockNotFound();
    return { ledger, item };
  }

  /** Writes the ledger (locked in `ctx.storeId`) in `ctx.db`'s transaction and tells the listener. */
  async commit(ctx: Ctx, ledger: Ledger, also: RawBuilder<unknown>[] = []): Promise<void> {
    const changed = await ledger.flush(
      ctx.db,
      { lowStock: (trx, item, available) => this.publishLowStock(trx, item, available) },
      also,
    );
    const offerIds = changed.map((c) => c.offerId);
    const known = offerIds.filter((id) => ledger.holdsAllOf(id));
    await this.notify(
      ctx,
      offerIds.filter((id) => !ledger.holdsAllOf(id)),
      new Map(known.map((id) => [id, ledger.sellableOf(id)])),
    );
  }

  /**
   * Tells the listener, in `ctx.db`'s transaction, the sellable totals of these offers of the
   * store (read), and of those whose totals the caller knows already.
   */
  async notify(ctx: Ctx, offerIds: string[], known = new Map<string, number>()): Promise<void> {
    const listener = this.deps.onAvailabilityChange;
    if (!listener || offerIds.length + known.size === 0) return;
    const totals =
      offerIds.length > 0 ? await repo.sellableByOffer(ctx.db, ctx.storeId, offerIds) : new Map();
    for (const offerId of offerIds) await listener(ctx, offerId, totals.get(offerId) ?? 0);
    for (const [offerId, total] of known) await listener(ctx, offerId, total);
  }

  async publishLowStock(db: Db, item: LockedItem, available: number): Promise<void> {
    const payload: StockLowPayload = {
      offerId: item.offer_id,
      productId: item.product_id,
      sellerId: item.seller_id,
      warehouseId: item.warehouse_id,
      available,
      reorderPoint: item.reorder_point,
      reorderQuantity: item.reorder_quantity,
    };
    await this.deps.jobs.publish(db, {
      name: InventoryEvents.stockLow,
      storeId: item.store_id,
      payload: { ...payload },
    });
  }

  /** The item's lot with this code (null: the unlotted one), created when missing. */
  async lotFor(db: Db, ledger: Ledger, item: LockedItem, input: LotInput | null): Promise<LotRow> {
    const code = input?.code ?? null;
    const existing = ledger.lotsOf(item.id).find((l) => l.lot_code === code);
    if (existing) {
      if (input && !sameLot(existing, input)) throw new LotMismatch(input.code);
      return existing;
    }
    const expiresAt = input?.expiresAt === undefined ? null : new Date(input.expiresAt);
    const created = await repo.insertLot(db, {
      id: newId(),
      store_id: item.store_id,
      item_id: item.id,
      lot_code: code,
      manufactured_on: input?.manufacturedOn ?? null,
      expires_at: expiresAt,
      unit_cost_amount: input?.unitCost?.amount ?? null,
      currency: input?.unitCost?.currency ?? null,
    });
    ledger.addLot(created);
    return created;
  }
}

export function lotOf(ledger: Ledger, item: LockedItem, lotId: string): LotRow {
  const lot = isUuid(lotId) ? ledger.lot(lotId) : undefined;
  if (!lot || lot.item_id !== item.id) throw new LotNotFound();
  return lot;
}

/** Unreserved units of an item to move out: FEFO over all its lots (expired first), or one lot. */
export function take(ledger: Ledger, item: LockedItem, quantity: number, lotId?: string): Allocation[] {
  const lots = lotId ? [lotOf(ledger, item, lotId)] : ledger.lotsOf(item.id);
  const allocation = ledger.allocate(lots, quantity);
  if (!allocation) {
    throw new InsufficientStock([
      { offerId: item.offer_id, requested: quantity, available: ledger.totalFree(lots) },
    ]);
  }
  return allocation;
}

/** Who and why, as every movement of a change records it. */
export function movementMeta(ctx: Ctx, reason: string, reference?: Reference): MovementMeta {
  return { reason, reference: reference ?? null, actorUserId: ctx.actor?.userId ?? null };
}

export async function requireWarehouse(db: Db, storeId: string, id: string): Promise<WarehouseRow> {
  const row = isUuid(id) ? await repo.findWarehouse(db, storeId, id) : undefined;
  if (!row) throw new WarehouseNotFound();
  return row;
}

/** One offer's stock in one warehouse, with its lots, as read after a change. */
export async function stockView(
  db: Db,
  storeId: string,
  offerId: string,
  warehouseId: string,
): Promise<StockView> {
  const rows = await repo.stockOfOffer(db, storeId, offerId);
  const row = rows.find((r) => r.warehouse_id === warehouseId);
  if (!row) throw new StockNotFound();
  return presentStock(row, await repo.lotsOfItems(db, [row.id]));
}

/** A lot code names one batch: a receipt naming it again must not contradict its dates or cost. */
function sameLot(lot: LotRow, input: LotInput): boolean {
  if (input.expiresAt !== undefined && lot.expires_at?.getTime() !== new Date(input.expiresAt).getTime())
    return false;
  if (input.manufacturedOn !== undefined && lot.manufactured_on !== input.manufacturedOn) return false;
  if (
    input.unitCost !== undefined &&
    (lot.unit_cost_amount !== input.unitCost.amount || lot.currency !== input.unitCost.currency)
  ) {
    return false;
  }
  return true;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
