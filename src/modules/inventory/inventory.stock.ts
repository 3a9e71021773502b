import { pick, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { SellerScope } from './inventory.access.ts';
import { AboveMaximumLevel, OfferMismatch, OfferNotFound, StockNotFound } from './inventory.errors.ts';
import type { LotRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import type {
  AdjustBody,
  DamageBody,
  ReceiveBody,
  SettingsBody,
  StockView,
  TransferBody,
  TransferView,
} from './inventory.schemas.ts';
import {
  type LotInput,
  lotOf,
  movementMeta,
  requireWarehouse,
  type StockWriter,
  stockView,
  take,
  unique,
} from './inventory.stock-writer.ts';
import type { WarehouseService } from './inventory.warehouses.ts';

/**
 * Who owns an offer, as the catalog says (the only source of truth for it): its seller and product,
 * or undefined for an offer the store's catalog does not have.
 */
export type OfferOwnerLookup = (
  ctx: Ctx,
  offerId: string,
) => Promise<{ sellerId: string; productId: string } | undefined>;

/** One offer's opening stock (demo catalogs, imports). */
export interface OpeningStock {
  offerId: string;
  productId: string;
  sellerId: string;
  quantity: number;
}

/**
 * Changes of on-hand stock: receipts, adjustments, damage, transfers, and an item's settings.
 * `scope` is the caller's reach (see stockScope); in-process callers pass none and act store-wide.
 */
export class StockService {
  constructor(
    private readonly writer: StockWriter,
    private readonly warehouses: WarehouseService,
    private readonly offerOwner: OfferOwnerLookup,
  ) {}

  /** Puts units on hand (into a lot when given) and records an INBOUND movement. */
  async receive(ctx: Ctx, input: ReceiveBody, scope?: SellerScope): Promise<StockView> {
    return transaction(ctx.db, async (trx) => {
      const warehouse = input.warehouseId
        ? await requireWarehouse(trx, ctx.storeId, input.warehouseId)
        : await this.warehouses.defaultWarehouse(withDb(ctx, trx));
      const owner = await this.ownerOf(withDb(ctx, trx), input, scope);
      await repo.insertItemIfMissing(trx, {
        id: newId(),
        store_id: ctx.storeId,
        offer_id: input.offerId,
        warehouse_id: warehouse.id,
        product_id: owner.productId,
        seller_id: owner.sellerId,
      });
      const ledger = await this.writer.lockLedger(trx, ctx.storeId, {
        offerId: input.offerId,
        warehouseIds: [warehouse.id],
      });
      const item = ledger.itemList()[0]!;
      if (item.max_level !== null && item.on_hand + input.quantity > item.max_level) {
        throw new AboveMaximumLevel(item.max_level);
      }
      const lot = await this.writer.lotFor(trx, ledger, item, input.lot ?? null);
      const meta = movementMeta(ctx, input.reason ?? 'received', input.reference);
      ledger.move(lot.id, 'INBOUND', input.quantity, meta);
      ledger.received(lot.id, input.quantity);
      await this.writer.commit(withDb(ctx, trx), ledger);
      return stockView(trx, ctx.storeId, input.offerId, warehouse.id);
    });
  }

  /**
   * Opening stock for offers that have none yet, in set-based statements (demo catalogs, imports):
   * one item in the default warehouse, one lot without a code and one INBOUND movement each, so the
   * ledger holds exactly as for single receipts. Offers that already have stock are left alone.
   * Returns how many offers were stocked. The caller keeps the catalog's availability in step.
   */
  async receiveOpening(ctx: Ctx, lines: OpeningStock[]): Promise<number> {
    const wanted = lines.filter((l) => l.quantity > 0);
    if (wanted.length === 0) return 0;
    return transaction(ctx.db, async (trx) => {
      const warehouse = await this.warehouses.defaultWarehouse(withDb(ctx, trx));
      const rows = wanted.map((l) => ({ ...l, itemId: newId(), lotId: newId(), movementId: newId() }));
      const made = await repo.insertOpeningStock(trx, ctx.storeId, warehouse.id, rows);
      return made.length;
    });
  }

  /** Corrects on_hand (stock counts, shrinkage, found units) with a reason; ADJUSTMENT movement. */
  async adjust(ctx: Ctx, input: AdjustBody, scope?: SellerScope): Promise<StockView> {
    return transaction(ctx.db, async (trx) => {
      const { ledger, item } = await this.writer.lockOne(trx, ctx.storeId, input, scope);
      const meta = movementMeta(ctx, input.reason);
      if (input.delta > 0) {
        const lot = input.lotId
          ? lotOf(ledger, item, input.lotId)
          : await this.writer.lotFor(trx, ledger, item, null);
        ledger.move(lot.id, 'ADJUSTMENT', input.delta, meta);
      } else {
        for (const a of take(ledger, item, -input.delta, input.lotId)) {
          ledger.move(a.lot.id, 'ADJUSTMENT', -a.quantity, meta);
        }
      }
      ledger.count(item.id, 'total_adjusted', input.delta);
      await this.writer.commit(withDb(ctx, trx), ledger);
      return stockView(trx, ctx.storeId, input.offerId, input.warehouseId);
    });
  }

  /** Moves unreserved units out of on_hand into damaged (quarantine); DAMAGE movement. */
  async markDamaged(ctx: Ctx, input: DamageBody, scope?: SellerScope): Promise<StockView> {
    return transaction(ctx.db, async (trx) => {
      const { ledger, item } = await this.writer.lockOne(trx, ctx.storeId, input, scope);
      for (const a of take(ledger, item, input.quantity, input.lotId)) {
        ledger.move(a.lot.id, 'DAMAGE', -a.quantity, movementMeta(ctx, input.reason));
      }
      ledger.count(item.id, 'damaged', input.quantity);
      await this.writer.commit(withDb(ctx, trx), ledger);
      return stockView(trx, ctx.storeId, input.offerId, input.warehouseId);
    });
  }

  /** Moves unreserved units between warehouses lot by lot (lot code, dates and cost travel along). */
  async transfer(ctx: Ctx, input: TransferBody, scope?: SellerScope): Promise<TransferView> {
    if (input.fromWarehouseId === input.toWarehouseId) {
      throw new BadRequest('Choose two different warehouses.', [
        { pointer: '/toWarehouseId', in: 'body', detail: 'Must differ from fromWarehouseId.' },
      ]);
    }
    return transaction(ctx.db, async (trx) => {
      const from = await requireWarehouse(trx, ctx.storeId, input.fromWarehouseId);
      const to = await requireWarehouse(trx, ctx.storeId, input.toWarehouseId);
      const owner = await repo.findOfferIdentity(trx, ctx.storeId, input.offerId);
      if (!owner || (scope && owner.seller_id !== scope)) throw new StockNotFound();
      await repo.insertItemIfMissing(trx, {
        id: newId(),
        store_id: ctx.storeId,
        offer_id: input.offerId,
        warehouse_id: to.id,
        product_id: owner.product_id,
        seller_id: owner.seller_id,
      });
      const ledger = await this.writer.lockLedger(trx, ctx.storeId, {
        offerId: input.offerId,
        warehouseIds: [from.id, to.id],
      });
      const source = ledger.itemList().find((i) => i.warehouse_id === from.id);
      const target = ledger.itemList().find((i) => i.warehouse_id === to.id)!;
      if (!source) throw new StockNotFound();
      const transferId = newId();
      const meta = movementMeta(ctx, input.reason ?? 'transfer', { type: 'TRANSFER', id: transferId });
      for (const a of take(ledger, source, input.quantity, input.lotId)) {
        const lot = await this.writer.lotFor(
          trx,
          ledger,
          target,
          a.lot.lot_code === null ? null : lotInputOf(a.lot),
        );
        ledger.move(a.lot.id, 'TRANSFER', -a.quantity, meta);
        ledger.move(lot.id, 'TRANSFER', a.quantity, meta);
      }
      await this.writer.commit(withDb(ctx, trx), ledger);
      return {
        transferId,
        from: await stockView(trx, ctx.storeId, input.offerId, from.id),
        to: await stockView(trx, ctx.storeId, input.offerId, to.id),
      };
    });
  }

  async updateSettings(
    ctx: Ctx,
    offerId: string,
    warehouseId: string,
    settings: SettingsBody,
    scope?: SellerScope,
  ): Promise<StockView> {
    return transaction(ctx.db, async (trx) => {
      const { item } = await this.writer.lockOne(trx, ctx.storeId, { offerId, warehouseId }, scope);
      const patch = {
        ...(settings.reorderPoint !== undefined ? { reorder_point: settings.reorderPoint } : {}),
        ...(settings.reorderQuantity !== undefined ? { reorder_quantity: settings.reorderQuantity } : {}),
        ...(settings.maxLevel !== undefined ? { max_level: settings.maxLevel } : {}),
        ...(settings.leadTimeDays !== undefined ? { lead_time_days: settings.leadTimeDays } : {}),
        ...(settings.bin !== undefined ? { location_bin: settings.bin } : {}),
        ...(settings.shelf !== undefined ? { location_shelf: settings.shelf } : {}),
      };
      await repo.updateItemSettings(trx, ctx.storeId, item.id, patch);
      // the thresholds staff set are audited; the quantities that every sale moves are the ledger's
      await recordAudit(withDb(ctx, trx), {
        entityType: 'stock_item',
        entityId: item.id,
        action: 'settings.change',
        before: pick(item, Object.keys(patch) as (keyof typeof item)[]),
        after: { ...patch },
      });
      // a raised reorder point is a crossing too
      const point = settings.reorderPoint ?? item.reorder_point;
      if (item.available > item.reorder_point && item.available <= point) {
        await this.writer.publishLowStock(trx, { ...item, reorder_point: point }, item.available);
      }
      return stockView(trx, ctx.storeId, offerId, warehouseId);
    });
  }

  /**
   * Moves the unreserved units of expired lots out of on_hand into damaged (EXPIRE movements).
   * Quantities are re-read under the item lock, so a second sweep finds nothing left to move.
   * A sweep of every store.
   */
  async expireLots(db: Db, batchSize = 100): Promise<number> {
    let moved = 0;
    for (let round = 0; round < 1000; round++) {
      const candidates = await repo.itemsWithExpiredStock(db, batchSize);
      for (const storeId of unique(candidates.map((c) => c.store_id))) {
        const ids = candidates.filter((c) => c.store_id === storeId).map((c) => c.id);
        moved += await transaction(db, (trx) => this.expireLotsOfItems(trx, storeId, ids));
      }
      if (candidates.length < batchSize) break;
    }
    return moved;
  }

  private async expireLotsOfItems(trx: Db, storeId: string, ids: string[]): Promise<number> {
    const ledger = await this.writer.lockLedger(trx, storeId, { ids });
    let units = 0;
    const swept = new Set<string>();
    for (const item of ledger.itemList()) {
      for (const lot of ledger.lotsOf(item.id)) {
        const free = ledger.free(lot.id);
        if (!lot.expired || free <= 0) continue;
        ledger.move(lot.id, 'EXPIRE', -free, {
          reason: 'lot expired',
          reference: { type: 'LOT', id: lot.id },
        });
        ledger.count(item.id, 'damaged', free);
        units += free;
        swept.add(item.offer_id);
      }
    }
    const ctx = this.writer.sweepCtx(trx, storeId, 'lot expiry');
    await this.writer.commit(ctx, ledger);
    // The units stopped being sellable when the lot expired, which no write marked; the
    // sweep is the first change to tell the listener about (the ledger skips expired lots).
    await this.writer.notify(ctx, [...swept]);
    return units;
  }

  /**
   * The seller and product of a receipt's offer, from the catalog on every receipt (never from the
   * body, so no seller can claim another's offer, stocked or not). A seller receiving on an offer
   * that is not its own is told the offer does not exist. Stock rows that disagree with the catalog
   * (written before receipts were checked) are handed back to the offer's owner.
   */
  private async ownerOf(ctx: Ctx, input: ReceiveBody, scope: SellerScope) {
    const offer = isUuid(input.offerId) ? await this.offerOwner(ctx, input.offerId) : undefined;
    if (!offer || (scope && offer.sellerId !== scope)) throw new OfferNotFound();
    if (
      (input.sellerId && input.sellerId !== offer.sellerId) ||
      (input.productId && input.productId !== offer.productId)
    ) {
      throw new OfferMismatch();
    }
    const recorded = await repo.findOfferIdentity(ctx.db, ctx.storeId, input.offerId);
    if (recorded && (recorded.seller_id !== offer.sellerId || recorded.product_id !== offer.productId)) {
      await repo.setOfferIdentity(ctx.db, ctx.storeId, input.offerId, offer);
    }
    return offer;
  }
}

/** A lot's code, dates and cost, for the lot of the same batch in another warehouse. */
function lotInputOf(lot: LotRow): LotInput {
  return {
    code: lot.lot_code!,
    ...(lot.manufactured_on ? { manufacturedOn: lot.manufactured_on } : {}),
    ...(lot.expires_at ? { expiresAt: lot.expires_at.toISOString() } : {}),
    ...(lot.unit_cost_amount !== null && lot.currency
      ? { unitCost: { amount: lot.unit_cost_amount, currency: lot.currency } }
      : {}),
  };
}
