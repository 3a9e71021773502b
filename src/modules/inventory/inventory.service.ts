import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import type { Actor, Role } from '../../platform/http/context.ts';
import { BadRequest, Forbidden, Unauthorized } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, type Page, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import {
  AboveMaximumLevel,
  InsufficientStock,
  LotMismatch,
  LotNotFound,
  OfferMismatch,
  OfferNotFound,
  ReservationExists,
  ReservationNotFound,
  ReservationStateConflict,
  ReturnExceedsSold,
  SellerNotFound,
  type Shortage,
  StockNotFound,
  WarehouseCodeTaken,
  WarehouseNotEmpty,
  WarehouseNotFound,
} from './inventory.errors.ts';
import { STOCK_LOW, type StockLowPayload } from './inventory.events.ts';
import { type Allocation, fefo, Ledger, type MovementMeta, type Reference } from './inventory.ledger.ts';
import type {
  Address,
  LockedItem,
  LotRow,
  MovementType,
  OperatingHours,
  ReservationLineRow,
  ReservationRow,
  ReservationStatus,
  WarehouseRow,
  WarehouseType,
} from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import {
  type Money,
  type MovementView,
  presentMovement,
  presentReservation,
  presentStock,
  presentWarehouse,
  type ReservationView,
  type StockView,
  type WarehouseView,
} from './inventory.views.ts';

/** What inventory needs of the request context: the store and who acts (for the ledger). */
export interface InventoryCtx {
  storeId: string;
  actor: Actor | null;
}

/** Called in the changing transaction with an offer's new total sellable quantity. */
export type AvailabilityListener = (
  db: Db,
  storeId: string,
  offerId: string,
  available: number,
) => Promise<void>;

/**
 * Who owns an offer, as the catalog says (the only source of truth for it): its seller and product,
 * or undefined for an offer the store's catalog does not have.
 */
export type OfferOwnerLookup = (
  db: Db,
  storeId: string,
  offerId: string,
) => Promise<{ sellerId: string; productId: string } | undefined>;

/** Sellers act only on stock they own; undefined = the whole store (ADMIN). */
export type SellerScope = string | undefined;

export interface LotInput {
  code: string;
  manufacturedOn?: string | undefined;
  expiresAt?: string | Date | undefined;
  unitCost?: Money | undefined;
}

export interface ReceiveInput {
  offerId: string;
  /** Optional: the owner comes from the catalog offer; when given they must be the offer's. */
  productId?: string | undefined;
  sellerId?: string | undefined;
  /** Defaults to the store's default warehouse (created on demand). */
  warehouseId?: string | undefined;
  quantity: number;
  lot?: LotInput | undefined;
  reason?: string | undefined;
  reference?: Reference | undefined;
}

export interface AdjustInput {
  offerId: string;
  warehouseId: string;
  /** Signed change of on_hand; negative takes unreserved units, FEFO unless `lotId` names one. */
  delta: number;
  reason: string;
  lotId?: string | undefined;
}

export interface DamageInput {
  offerId: string;
  warehouseId: string;
  quantity: number;
  reason: string;
  lotId?: string | undefined;
}

export interface TransferInput {
  offerId: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  lotId?: string | undefined;
  reason?: string | undefined;
}

export interface StockSettings {
  reorderPoint?: number | undefined;
  reorderQuantity?: number | undefined;
  maxLevel?: number | null | undefined;
  bin?: string | null | undefined;
  shelf?: string | null | undefined;
}

export interface ReserveInput {
  reference: Reference;
  lines: { offerId: string; quantity: number }[];
  /** Defaults to RESERVATION_TTL_SECONDS. */
  ttlSeconds?: number | undefined;
}

/** A reservation named by its caller's reference (the live one) or by its own id. */
export type ReservationKey = Reference | { reservationId: string };

export interface ReturnInput {
  reference: ReservationKey;
  /** Defaults to everything sold under the reference and not returned yet. */
  lines?: { offerId: string; quantity: number }[] | undefined;
  reason?: string | undefined;
}

export interface WarehouseInput {
  code: string;
  name: string;
  type?: WarehouseType | undefined;
  address?: Address | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  timezone?: string | undefined;
  operatingHours?: OperatingHours | null | undefined;
  maxCapacity?: number | null | undefined;
  active?: boolean | undefined;
}

export interface ProductStockView {
  productId: string;
  totalAvailable: number;
  warehouses: { warehouseId: string; code: string; name: string; available: number }[];
  offers: { offerId: string; sellerId: string; available: number }[];
  stock: StockView[];
}

export interface Mismatch {
  kind: string;
  itemId: string;
  lotId: string | null;
  offerId: string;
  warehouseId: string;
  expected: number;
  actual: number;
}

/** Reservation states and the moves between them; nothing else changes a reservation's status. */
const RESERVATION_TRANSITIONS: Record<ReservationStatus, readonly ReservationStatus[]> = {
  ACTIVE: ['CONFIRMED', 'RELEASED', 'EXPIRED'],
  CONFIRMED: [],
  RELEASED: [],
  EXPIRED: [],
};

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return RESERVATION_TRANSITIONS[from].includes(to);
}

const DEFAULT_WAREHOUSE = { code: 'DEFAULT', name: 'Default warehouse' };
const WarehouseCursor = z.object({ code: z.string() });
const SellerCursor = z.object({ productId: z.string().uuid(), id: z.string().uuid() });

export function requireRole(ctx: InventoryCtx, ...roles: Role[]): Actor {
  if (!ctx.actor) throw new Unauthorized();
  if (!hasRole(ctx.actor, ...roles)) throw new Forbidden();
  return ctx.actor;
}

/** The caller's reach over stock: ADMIN the whole store, SELLER its own offers, anyone else 403. */
export function stockScope(ctx: InventoryCtx): SellerScope {
  const actor = requireRole(ctx, 'ADMIN', 'SELLER');
  return hasRole(actor, 'ADMIN') ? undefined : actor.userId;
}

/** Whether `sellerId` is a seller of the store, asked as the caller (the composition root asks identity). */
export type SellerDirectory = (db: Db, ctx: InventoryCtx, sellerId: string) => Promise<boolean>;

export interface InventoryDeps {
  jobs: Jobs;
  reservationTtlSeconds: number;
  onAvailabilityChange?: AvailabilityListener | undefined;
  /** The catalog's owner of an offer: every receipt takes its seller and product from it. */
  offerOwner: OfferOwnerLookup;
  isSeller?: SellerDirectory | undefined;
}

export class InventoryService {
  constructor(private readonly deps: InventoryDeps) {}

  // ------------------------------------------------------------------ warehouses

  async createWarehouse(db: Db, ctx: InventoryCtx, input: WarehouseInput): Promise<WarehouseView> {
    requireRole(ctx, 'ADMIN');
    try {
      const row = await repo.insertWarehouse(db, {
        id: newId(),
        store_id: ctx.storeId,
        code: input.code,
        name: input.name,
        ...(input.type ? { type: input.type } : {}),
        address: JSON.stringify(input.address ?? {}),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        ...(input.timezone ? { timezone: input.timezone } : {}),
        operating_hours: input.operatingHours ? JSON.stringify(input.operatingHours) : null,
        max_capacity: input.maxCapacity ?? null,
        ...(input.active !== undefined ? { is_active: input.active } : {}),
      });
      return presentWarehouse(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new WarehouseCodeTaken(input.code);
      throw error;
    }
  }

  async listWarehouses(db: Db, ctx: InventoryCtx, query: { limit: number; cursor?: string | undefined }) {
    stockScope(ctx);
    const after = decodeCursor(query.cursor, WarehouseCursor);
    const rows = await repo.listWarehouses(db, ctx.storeId, {
      limit: query.limit,
      ...(after ? { afterCode: after.code } : {}),
    });
    return toPage(rows, query.limit, presentWarehouse, (w) => ({ code: w.code }));
  }

  async getWarehouse(db: Db, ctx: InventoryCtx, id: string): Promise<WarehouseView> {
    stockScope(ctx);
    return presentWarehouse(await this.requireWarehouse(db, ctx.storeId, id));
  }

  /** Activating or deactivating changes what can be sold, so the catalog hears about every offer in it. */
  async updateWarehouse(
    db: Db,
    ctx: InventoryCtx,
    id: string,
    patch: Partial<WarehouseInput>,
  ): Promise<WarehouseView> {
    requireRole(ctx, 'ADMIN');
    return transaction(db, async (trx) => {
      if (!isUuid(id)) throw new WarehouseNotFound();
      const current = await repo.lockWarehouse(trx, ctx.storeId, id);
      if (!current) throw new WarehouseNotFound();
      let row: WarehouseRow | undefined;
      try {
        row = await repo.updateWarehouse(trx, ctx.storeId, id, {
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.type !== undefined ? { type: patch.type } : {}),
          ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
          ...(patch.latitude !== undefined ? { latitude: patch.latitude } : {}),
          ...(patch.longitude !== undefined ? { longitude: patch.longitude } : {}),
          ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
          ...(patch.operatingHours !== undefined
            ? { operating_hours: patch.operatingHours === null ? null : JSON.stringify(patch.operatingHours) }
            : {}),
          ...(patch.maxCapacity !== undefined ? { max_capacity: patch.maxCapacity } : {}),
          ...(patch.active !== undefined ? { is_active: patch.active } : {}),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new WarehouseCodeTaken(patch.code ?? current.code);
        throw error;
      }
      if (!row) throw new WarehouseNotFound();
      if (row.is_active !== current.is_active) {
        const offers = await repo.offersInWarehouse(trx, ctx.storeId, id);
        await this.notify(
          trx,
          offers.map((offerId) => ({ storeId: ctx.storeId, offerId })),
        );
      }
      return presentWarehouse(row);
    });
  }

  async deleteWarehouse(db: Db, ctx: InventoryCtx, id: string): Promise<void> {
    requireRole(ctx, 'ADMIN');
    await transaction(db, async (trx) => {
      if (!isUuid(id) || !(await repo.lockWarehouse(trx, ctx.storeId, id))) throw new WarehouseNotFound();
      if (await repo.warehouseHasStockRecords(trx, ctx.storeId, id)) throw new WarehouseNotEmpty();
      await repo.deleteWarehouse(trx, ctx.storeId, id);
    });
  }

  /** The store's default warehouse, created on first use. */
  async defaultWarehouse(db: Db, storeId: string): Promise<WarehouseRow> {
    const existing = await repo.findDefaultWarehouse(db, storeId);
    if (existing) return existing;
    await repo.insertDefaultWarehouse(db, { id: newId(), store_id: storeId, ...DEFAULT_WAREHOUSE });
    let created = await repo.findDefaultWarehouse(db, storeId);
    if (!created) {
      // an admin created a warehouse with the default's code: that one becomes the default
      await repo.promoteToDefault(db, storeId, DEFAULT_WAREHOUSE.code);
      created = await repo.findDefaultWarehouse(db, storeId);
    }
    if (!created) throw new Error('default warehouse could not be created');
    return created;
  }

  private async requireWarehouse(db: Db, storeId: string, id: string): Promise<WarehouseRow> {
    const row = isUuid(id) ? await repo.findWarehouse(db, storeId, id) : undefined;
    if (!row) throw new WarehouseNotFound();
    return row;
  }

  // ------------------------------------------------------------------ stock changes

  /** Puts units on hand (into a lot when given) and records an INBOUND movement. */
  async receive(db: Db, ctx: InventoryCtx, input: ReceiveInput, scope?: SellerScope): Promise<StockView> {
    return transaction(db, async (trx) => {
      const warehouse = input.warehouseId
        ? await this.requireWarehouse(trx, ctx.storeId, input.warehouseId)
        : await this.defaultWarehouse(trx, ctx.storeId);
      const owner = await this.ownerOf(trx, ctx.storeId, input, scope);
      await repo.insertItemIfMissing(trx, {
        id: newId(),
        store_id: ctx.storeId,
        offer_id: input.offerId,
        warehouse_id: warehouse.id,
        product_id: owner.productId,
        seller_id: owner.sellerId,
      });
      const ledger = await this.lockLedger(trx, ctx.storeId, {
        offerId: input.offerId,
        warehouseIds: [warehouse.id],
      });
      const item = ledger.itemList()[0]!;
      if (item.max_level !== null && item.on_hand + input.quantity > item.max_level) {
        throw new AboveMaximumLevel(item.max_level);
      }
      const lot = await this.lotFor(trx, ledger, item, input.lot ?? null);
      ledger.move(
        lot.id,
        'INBOUND',
        input.quantity,
        this.meta(ctx, input.reason ?? 'received', input.reference),
      );
      ledger.received(lot.id, input.quantity);
      await this.commit(trx, ledger);
      return this.stockView(trx, ctx.storeId, input.offerId, warehouse.id);
    });
  }

  /** Corrects on_hand (stock counts, shrinkage, found units) with a reason; ADJUSTMENT movement. */
  async adjust(db: Db, ctx: InventoryCtx, input: AdjustInput, scope?: SellerScope): Promise<StockView> {
    return transaction(db, async (trx) => {
      const { ledger, item } = await this.lockOne(trx, ctx.storeId, input.offerId, input.warehouseId, scope);
      const meta = this.meta(ctx, input.reason);
      if (input.delta > 0) {
        const lot = input.lotId
          ? this.lotOf(ledger, item, input.lotId)
          : await this.lotFor(trx, ledger, item, null);
        ledger.move(lot.id, 'ADJUSTMENT', input.delta, meta);
      } else {
        for (const a of this.take(ledger, item, -input.delta, input.lotId)) {
          ledger.move(a.lot.id, 'ADJUSTMENT', -a.quantity, meta);
        }
      }
      ledger.count(item.id, 'total_adjusted', input.delta);
      await this.commit(trx, ledger);
      return this.stockView(trx, ctx.storeId, input.offerId, input.warehouseId);
    });
  }

  /** Moves unreserved units out of on_hand into damaged (quarantine); DAMAGE movement. */
  async markDamaged(db: Db, ctx: InventoryCtx, input: DamageInput, scope?: SellerScope): Promise<StockView> {
    return transaction(db, async (trx) => {
      const { ledger, item } = await this.lockOne(trx, ctx.storeId, input.offerId, input.warehouseId, scope);
      for (const a of this.take(ledger, item, input.quantity, input.lotId)) {
        ledger.move(a.lot.id, 'DAMAGE', -a.quantity, this.meta(ctx, input.reason));
      }
      ledger.count(item.id, 'damaged', input.quantity);
      await this.commit(trx, ledger);
      return this.stockView(trx, ctx.storeId, input.offerId, input.warehouseId);
    });
  }

  /** Moves unreserved units between warehouses lot by lot (lot code, dates and cost travel along). */
  async transfer(db: Db, ctx: InventoryCtx, input: TransferInput, scope?: SellerScope) {
    if (input.fromWarehouseId === input.toWarehouseId) {
      throw new BadRequest('Choose two different warehouses.', [
        { pointer: '/toWarehouseId', in: 'body', detail: 'Must differ from fromWarehouseId.' },
      ]);
    }
    return transaction(db, async (trx) => {
      const from = await this.requireWarehouse(trx, ctx.storeId, input.fromWarehouseId);
      const to = await this.requireWarehouse(trx, ctx.storeId, input.toWarehouseId);
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
      const ledger = await this.lockLedger(trx, ctx.storeId, {
        offerId: input.offerId,
        warehouseIds: [from.id, to.id],
      });
      const source = ledger.itemList().find((i) => i.warehouse_id === from.id);
      const target = ledger.itemList().find((i) => i.warehouse_id === to.id)!;
      if (!source) throw new StockNotFound();
      const transferId = newId();
      const meta = this.meta(ctx, input.reason ?? 'transfer', { type: 'TRANSFER', id: transferId });
      for (const a of this.take(ledger, source, input.quantity, input.lotId)) {
        const lot = await this.lotFor(
          trx,
          ledger,
          target,
          a.lot.lot_code === null ? null : lotInputOf(a.lot),
        );
        ledger.move(a.lot.id, 'TRANSFER', -a.quantity, meta);
        ledger.move(lot.id, 'TRANSFER', a.quantity, meta);
      }
      await this.commit(trx, ledger);
      return {
        transferId,
        from: await this.stockView(trx, ctx.storeId, input.offerId, from.id),
        to: await this.stockView(trx, ctx.storeId, input.offerId, to.id),
      };
    });
  }

  async updateSettings(
    db: Db,
    ctx: InventoryCtx,
    offerId: string,
    warehouseId: string,
    settings: StockSettings,
    scope?: SellerScope,
  ): Promise<StockView> {
    return transaction(db, async (trx) => {
      const { item } = await this.lockOne(trx, ctx.storeId, offerId, warehouseId, scope);
      await repo.updateItemSettings(trx, item.id, {
        ...(settings.reorderPoint !== undefined ? { reorder_point: settings.reorderPoint } : {}),
        ...(settings.reorderQuantity !== undefined ? { reorder_quantity: settings.reorderQuantity } : {}),
        ...(settings.maxLevel !== undefined ? { max_level: settings.maxLevel } : {}),
        ...(settings.bin !== undefined ? { location_bin: settings.bin } : {}),
        ...(settings.shelf !== undefined ? { location_shelf: settings.shelf } : {}),
      });
      // a raised reorder point is a crossing too
      const point = settings.reorderPoint ?? item.reorder_point;
      if (item.available > item.reorder_point && item.available <= point) {
        await this.publishLowStock(trx, { ...item, reorder_point: point }, item.available);
      }
      return this.stockView(trx, ctx.storeId, offerId, warehouseId);
    });
  }

  // ------------------------------------------------------------------ reservations

  /**
   * Reserves every line or none: locks the offers' stock rows in id order, allocates FEFO from
   * unexpired lots in active warehouses, and throws InsufficientStock naming every short offer.
   * Runs in `db`'s transaction when it is one (checkout composes it), else in its own.
   */
  async reserve(db: Db, ctx: InventoryCtx, input: ReserveInput): Promise<ReservationView> {
    const lines = mergeLines(validLines(input.lines));
    return transaction(db, async (trx) => {
      // inserted before the row locks are taken, to hold them for as short a time as possible
      const reservation = await repo.insertReservation(trx, {
        id: newId(),
        store_id: ctx.storeId,
        reference_type: input.reference.type,
        reference_id: input.reference.id,
        actor_user_id: ctx.actor?.userId ?? null,
        ttl_seconds: input.ttlSeconds ?? this.deps.reservationTtlSeconds,
      });
      if (!reservation) throw new ReservationExists();
      const ledger = await this.lockLedger(trx, ctx.storeId, { offerIds: lines.map((l) => l.offerId) });
      const shortages: Shortage[] = [];
      const allocations: { offerId: string; allocation: Allocation[] }[] = [];
      for (const line of lines) {
        const candidates = ledger
          .itemList()
          .filter((i) => i.offer_id === line.offerId)
          .flatMap((i) => ledger.lotsOf(i.id))
          .filter((lot) => ledger.sellable(lot))
          .sort(fefo);
        const allocation = ledger.allocate(candidates, line.quantity);
        if (allocation) allocations.push({ offerId: line.offerId, allocation });
        else {
          shortages.push({
            offerId: line.offerId,
            requested: line.quantity,
            available: ledger.totalFree(candidates),
          });
        }
      }
      if (shortages.length > 0) {
        // leave nothing behind, so a caller may catch this and go on in its transaction
        await repo.deleteReservation(trx, reservation.id);
        throw new InsufficientStock(shortages);
      }
      const rows: ReservationLineRow[] = [];
      for (const { offerId, allocation } of allocations) {
        for (const a of allocation) {
          ledger.reserve(a.lot.id, a.quantity);
          rows.push({
            id: newId(),
            reservation_id: reservation.id,
            item_id: a.lot.item_id,
            lot_id: a.lot.id,
            offer_id: offerId,
            quantity: a.quantity,
            returned_quantity: 0,
          });
        }
      }
      const inserts = rows.map(({ returned_quantity: _, ...r }) => ({ ...r, store_id: ctx.storeId }));
      await this.commit(trx, ledger, [repo.reservationLinesWrite(inserts)]);
      return presentReservation(reservation, rows);
    });
  }

  /** Turns the reference's reservation into a sale: OUTBOUND movements, committed += quantity. Idempotent. */
  async confirm(db: Db, ctx: InventoryCtx, key: ReservationKey): Promise<ReservationView> {
    return transaction(db, async (trx) => {
      const reservation = await this.lockReservation(trx, ctx.storeId, key);
      const reference = referenceOf(reservation);
      if (reservation.status === 'CONFIRMED') return this.reservationView(trx, reservation);
      if (!canTransition(reservation.status, 'CONFIRMED')) {
        throw new ReservationStateConflict(reservation.status, 'confirmed');
      }
      const lines = await repo.linesOfReservations(trx, [reservation.id]);
      const ledger = await this.lockLedger(trx, ctx.storeId, { ids: unique(lines.map((l) => l.item_id)) });
      const meta = this.meta(ctx, 'sold', reference);
      for (const line of lines) {
        ledger.reserve(line.lot_id, -line.quantity);
        ledger.move(line.lot_id, 'OUTBOUND', -line.quantity, meta);
        ledger.count(line.item_id, 'committed', line.quantity);
        ledger.count(line.item_id, 'total_sold', line.quantity);
      }
      await repo.setReservationStatus(trx, reservation.id, 'CONFIRMED');
      await this.commit(trx, ledger);
      return this.reservationView(trx, { ...reservation, status: 'CONFIRMED' }, lines);
    });
  }

  /** Cancels an ACTIVE reservation and frees its units. Idempotent once released or expired. */
  async release(db: Db, ctx: InventoryCtx, key: ReservationKey, reason: string): Promise<ReservationView> {
    return transaction(db, async (trx) => {
      const reservation = await this.lockReservation(trx, ctx.storeId, key);
      if (reservation.status === 'RELEASED' || reservation.status === 'EXPIRED') {
        return this.reservationView(trx, reservation);
      }
      if (!canTransition(reservation.status, 'RELEASED')) {
        throw new ReservationStateConflict(reservation.status, 'released');
      }
      const lines = await this.unreserve(trx, [reservation]);
      await repo.setReservationStatus(trx, reservation.id, 'RELEASED', reason);
      return this.reservationView(trx, { ...reservation, status: 'RELEASED', release_reason: reason }, lines);
    });
  }

  /**
   * Takes back units sold under a confirmed reservation (order cancelled or returned) into the lots
   * they left; RETURN movements. Without lines, everything not yet returned comes back.
   */
  async returnStock(db: Db, ctx: InventoryCtx, input: ReturnInput): Promise<ReservationView> {
    return transaction(db, async (trx) => {
      const reservation = await this.lockReservation(trx, ctx.storeId, input.reference);
      const reference = referenceOf(reservation);
      if (reservation.status !== 'CONFIRMED') {
        throw new ReservationStateConflict(reservation.status, 'returned');
      }
      const lines = await repo.linesOfReservations(trx, [reservation.id]);
      const wanted =
        input.lines !== undefined
          ? mergeLines(input.lines)
          : mergeLines(
              lines
                .filter((l) => l.quantity > l.returned_quantity)
                .map((l) => ({ offerId: l.offer_id, quantity: l.quantity - l.returned_quantity })),
            );
      if (wanted.length === 0) return this.reservationView(trx, reservation, lines);
      const plan: { line: ReservationLineRow; quantity: number }[] = [];
      for (const want of wanted) {
        let remaining = want.quantity;
        for (const line of lines.filter((l) => l.offer_id === want.offerId)) {
          const take = Math.min(line.quantity - line.returned_quantity, remaining);
          if (take <= 0) continue;
          plan.push({ line, quantity: take });
          remaining -= take;
        }
        if (remaining > 0) throw new ReturnExceedsSold(want.offerId);
      }
      const ledger = await this.lockLedger(trx, ctx.storeId, { ids: unique(lines.map((l) => l.item_id)) });
      const meta = this.meta(ctx, input.reason ?? 'returned', reference);
      for (const { line, quantity } of plan) {
        ledger.move(line.lot_id, 'RETURN', quantity, meta);
        ledger.count(line.item_id, 'committed', -quantity);
        ledger.count(line.item_id, 'total_returned', quantity);
        await repo.addReturnedQuantity(trx, line.id, quantity);
        line.returned_quantity += quantity;
      }
      await this.commit(trx, ledger);
      return this.reservationView(trx, reservation, lines);
    });
  }

  /**
   * Expires ACTIVE reservations past their time and frees their units. Rows are claimed with
   * SKIP LOCKED and change status under that lock, so with any number of workers each expired
   * reservation returns its stock exactly once. Returns how many expired.
   */
  async expireReservations(db: Db, batchSize = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < 1000; round++) {
      const n = await transaction(db, async (trx) => {
        const claimed = await repo.claimExpiredReservations(trx, batchSize);
        for (const storeId of unique(claimed.map((r) => r.store_id))) {
          const ofStore = claimed.filter((r) => r.store_id === storeId);
          await this.unreserve(trx, ofStore);
          for (const r of ofStore) await repo.setReservationStatus(trx, r.id, 'EXPIRED', 'expired');
        }
        return claimed.length;
      });
      total += n;
      if (n < batchSize) break;
    }
    return total;
  }

  /**
   * Moves the unreserved units of expired lots out of on_hand into damaged (EXPIRE movements).
   * Quantities are re-read under the item lock, so a second sweep finds nothing left to move.
   */
  async expireLots(db: Db, batchSize = 100): Promise<number> {
    let moved = 0;
    for (let round = 0; round < 1000; round++) {
      const candidates = await repo.itemsWithExpiredStock(db, batchSize);
      for (const storeId of unique(candidates.map((c) => c.store_id))) {
        const ids = candidates.filter((c) => c.store_id === storeId).map((c) => c.id);
        moved += await transaction(db, async (trx) => {
          const ledger = await this.lockLedger(trx, storeId, { ids });
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
          await this.commit(trx, ledger);
          // The units stopped being sellable when the lot expired, which no write marked; the
          // sweep is the first change to tell the listener about (the ledger skips expired lots).
          await this.notify(
            trx,
            [...swept].map((offerId) => ({ storeId, offerId })),
          );
          return units;
        });
      }
      if (candidates.length < batchSize) break;
    }
    return moved;
  }

  private async lockReservation(db: Db, storeId: string, key: ReservationKey): Promise<ReservationRow> {
    const reservation =
      'reservationId' in key
        ? isUuid(key.reservationId)
          ? await repo.lockReservationById(db, storeId, key.reservationId)
          : undefined
        : await repo.lockReservationByReference(db, storeId, key);
    if (!reservation) throw new ReservationNotFound();
    return reservation;
  }

  /** Frees what ACTIVE reservations (locked by the caller, of one store) hold. */
  private async unreserve(db: Db, reservations: ReservationRow[]): Promise<ReservationLineRow[]> {
    const lines = await repo.linesOfReservations(
      db,
      reservations.map((r) => r.id),
    );
    if (lines.length === 0) return lines;
    const ledger = await this.lockLedger(db, reservations[0]!.store_id, {
      ids: unique(lines.map((l) => l.item_id)),
    });
    for (const line of lines) ledger.reserve(line.lot_id, -line.quantity);
    await this.commit(db, ledger);
    return lines;
  }

  // ------------------------------------------------------------------ reads

  /** Sellable units per offer (0 for offers without stock): what the catalog shows as in stock. */
  async getAvailability(db: Db, storeId: string, offerIds: string[]): Promise<Map<string, number>> {
    const ids = unique(offerIds.filter(isUuid));
    const found = await repo.sellableByOffer(db, storeId, ids);
    return new Map(offerIds.map((id) => [id, found.get(id) ?? 0]));
  }

  async offerStock(db: Db, ctx: InventoryCtx, offerId: string, scope?: SellerScope) {
    if (!isUuid(offerId)) throw new StockNotFound();
    const rows = await repo.stockOfOffer(db, ctx.storeId, offerId, scope);
    if (rows.length === 0) throw new StockNotFound();
    const lots = await repo.lotsOfItems(
      db,
      rows.map((r) => r.id),
    );
    const stock = rows.map((r) => presentStock(r, lots));
    return {
      offerId,
      productId: rows[0]!.product_id,
      sellerId: rows[0]!.seller_id,
      onHand: sum(stock.map((s) => s.onHand)),
      reserved: sum(stock.map((s) => s.reserved)),
      committed: sum(stock.map((s) => s.committed)),
      damaged: sum(stock.map((s) => s.damaged)),
      available: sum(stock.map((s) => s.sellable)),
      warehouses: stock,
    };
  }

  /** Seed 004 get_product_availability: a product's sellable stock across warehouses and offers. */
  async productStock(
    db: Db,
    ctx: InventoryCtx,
    productId: string,
    scope?: SellerScope,
  ): Promise<ProductStockView> {
    if (!isUuid(productId)) throw new StockNotFound();
    const rows = await repo.stockOfProduct(db, ctx.storeId, productId, scope);
    if (rows.length === 0) throw new StockNotFound();
    const warehouses = new Map<string, ProductStockView['warehouses'][number]>();
    const offers = new Map<string, ProductStockView['offers'][number]>();
    for (const r of rows) {
      const w = warehouses.get(r.warehouse_id) ?? {
        warehouseId: r.warehouse_id,
        code: r.warehouse_code,
        name: r.warehouse_name,
        available: 0,
      };
      w.available += r.sellable;
      warehouses.set(r.warehouse_id, w);
      const o = offers.get(r.offer_id) ?? { offerId: r.offer_id, sellerId: r.seller_id, available: 0 };
      o.available += r.sellable;
      offers.set(r.offer_id, o);
    }
    return {
      productId,
      totalAvailable: sum(rows.map((r) => r.sellable)),
      warehouses: [...warehouses.values()],
      offers: [...offers.values()],
      stock: rows.map((r) => presentStock(r)),
    };
  }

  /** Seed 000 GSI1: a seller's stock, by product. Sellers see only their own. */
  async sellerStock(
    db: Db,
    ctx: InventoryCtx,
    sellerId: string,
    query: { limit: number; cursor?: string | undefined },
    scope?: SellerScope,
  ): Promise<Page<StockView>> {
    if (scope && scope !== sellerId) throw new Forbidden('Sellers can list only their own stock.');
    const after = decodeCursor(query.cursor, SellerCursor);
    if (!isUuid(sellerId)) throw new SellerNotFound();
    const rows = await repo.stockOfSeller(db, ctx.storeId, sellerId, {
      limit: query.limit,
      ...(after ? { after } : {}),
    });
    if (rows.length === 0 && !(await this.knownSeller(db, ctx, sellerId))) throw new SellerNotFound();
    return toPage(
      rows,
      query.limit,
      (r) => presentStock(r),
      (r) => ({ productId: r.product_id, id: r.id }),
    );
  }

  /** The store itself, the caller, or a seller of the store (a seller with stock is known already). */
  private async knownSeller(db: Db, ctx: InventoryCtx, sellerId: string): Promise<boolean> {
    if (sellerId === ctx.storeId || sellerId === ctx.actor?.userId) return true;
    return this.deps.isSeller ? this.deps.isSeller(db, ctx, sellerId) : true;
  }

  async lowStock(
    db: Db,
    ctx: InventoryCtx,
    query: { limit: number; cursor?: string | undefined; warehouseId?: string | undefined },
    scope?: SellerScope,
  ): Promise<Page<StockView>> {
    const after = decodeCursor(query.cursor, IdCursor);
    if (query.warehouseId) await this.requireWarehouse(db, ctx.storeId, query.warehouseId);
    const rows = await repo.lowStock(db, ctx.storeId, {
      limit: query.limit,
      ...(after ? { afterId: after.id } : {}),
      ...(query.warehouseId ? { warehouseId: query.warehouseId } : {}),
      ...(scope ? { sellerScope: scope } : {}),
    });
    return toPage(
      rows,
      query.limit,
      (r) => presentStock(r),
      (r) => ({ id: r.id }),
    );
  }

  async movements(
    db: Db,
    ctx: InventoryCtx,
    offerId: string,
    query: { limit: number; cursor?: string | undefined; type?: MovementType | undefined },
    scope?: SellerScope,
  ): Promise<Page<MovementView>> {
    const owner = isUuid(offerId) ? await repo.findOfferIdentity(db, ctx.storeId, offerId) : undefined;
    if (!owner || (scope && owner.seller_id !== scope)) throw new StockNotFound();
    const before = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.movementsOfOffer(db, ctx.storeId, offerId, {
      limit: query.limit,
      ...(before ? { beforeId: before.id } : {}),
      ...(query.type ? { type: query.type } : {}),
    });
    return toPage(rows, query.limit, presentMovement, (m) => ({ id: m.id }));
  }

  async reservationById(db: Db, ctx: InventoryCtx, id: string): Promise<ReservationView> {
    const reservation = isUuid(id) ? await repo.findReservation(db, ctx.storeId, id) : undefined;
    if (!reservation) throw new ReservationNotFound();
    return this.reservationView(db, reservation);
  }

  /** The reference's live reservation, else its latest one; locked in the caller's transaction. */
  async reservationFor(db: Db, ctx: InventoryCtx, reference: Reference): Promise<ReservationView | null> {
    return transaction(db, async (trx) => {
      const reservation = await repo.lockReservationByReference(trx, ctx.storeId, reference);
      return reservation ? this.reservationView(trx, reservation) : null;
    });
  }

  /** The ledger invariants of one store; an empty list when healthy. */
  async check(db: Db, storeId: string): Promise<Mismatch[]> {
    const rows = await repo.findMismatches(db, storeId);
    return rows.map((r) => ({
      kind: r.kind,
      itemId: r.item_id,
      lotId: r.lot_id,
      offerId: r.offer_id,
      warehouseId: r.warehouse_id,
      expected: Number(r.expected),
      actual: Number(r.actual),
    }));
  }

  // ------------------------------------------------------------------ internals

  private async lockLedger(
    db: Db,
    storeId: string,
    by: Parameters<typeof repo.lockItems>[2],
  ): Promise<Ledger> {
    const items = await repo.lockItems(db, storeId, by);
    const lots = await repo.lotsOfItems(
      db,
      items.map((i) => i.id),
    );
    return new Ledger(items, lots);
  }

  /** Locks one offer's stock row in a warehouse the caller may act on (404 otherwise). */
  private async lockOne(db: Db, storeId: string, offerId: string, warehouseId: string, scope: SellerScope) {
    await this.requireWarehouse(db, storeId, warehouseId);
    if (!isUuid(offerId)) throw new StockNotFound();
    const ledger = await this.lockLedger(db, storeId, { offerId, warehouseIds: [warehouseId] });
    const item = ledger.itemList()[0];
    if (!item || (scope && item.seller_id !== scope)) throw new StockNotFound();
    return { ledger, item };
  }

  private async commit(db: Db, ledger: Ledger, also: RawBuilder<unknown>[] = []): Promise<void> {
    const changed = await ledger.flush(
      db,
      { lowStock: (trx, item, available) => this.publishLowStock(trx, item, available) },
      also,
    );
    await this.notify(db, changed);
  }

  private async notify(db: Db, changed: { storeId: string; offerId: string }[]): Promise<void> {
    const listener = this.deps.onAvailabilityChange;
    if (!listener || changed.length === 0) return;
    for (const storeId of unique(changed.map((c) => c.storeId))) {
      const offerIds = changed.filter((c) => c.storeId === storeId).map((c) => c.offerId);
      const totals = await repo.sellableByOffer(db, storeId, offerIds);
      for (const offerId of offerIds) await listener(db, storeId, offerId, totals.get(offerId) ?? 0);
    }
  }

  private async publishLowStock(db: Db, item: LockedItem, available: number): Promise<void> {
    const payload: StockLowPayload = {
      offerId: item.offer_id,
      productId: item.product_id,
      sellerId: item.seller_id,
      warehouseId: item.warehouse_id,
      available,
      reorderPoint: item.reorder_point,
      reorderQuantity: item.reorder_quantity,
    };
    await this.deps.jobs.publish(db, { name: STOCK_LOW, storeId: item.store_id, payload: { ...payload } });
  }

  private meta(ctx: InventoryCtx, reason: string, reference?: Reference): MovementMeta {
    return { reason, reference: reference ?? null, actorUserId: ctx.actor?.userId ?? null };
  }

  /**
   * The seller and product of a receipt's offer, from the catalog on every receipt (never from the
   * body, so no seller can claim another's offer, stocked or not). A seller receiving on an offer
   * that is not its own is told the offer does not exist. Stock rows that disagree with the catalog
   * (written before receipts were checked) are handed back to the offer's owner.
   */
  private async ownerOf(db: Db, storeId: string, input: ReceiveInput, scope: SellerScope) {
    const offer = isUuid(input.offerId) ? await this.deps.offerOwner(db, storeId, input.offerId) : undefined;
    if (!offer || (scope && offer.sellerId !== scope)) throw new OfferNotFound();
    if (
      (input.sellerId && input.sellerId !== offer.sellerId) ||
      (input.productId && input.productId !== offer.productId)
    ) {
      throw new OfferMismatch();
    }
    const recorded = await repo.findOfferIdentity(db, storeId, input.offerId);
    if (recorded && (recorded.seller_id !== offer.sellerId || recorded.product_id !== offer.productId)) {
      await repo.setOfferIdentity(db, storeId, input.offerId, offer);
    }
    return offer;
  }

  /** The item's lot with this code (null: the unlotted one), created when missing. */
  private async lotFor(db: Db, ledger: Ledger, item: LockedItem, input: LotInput | null): Promise<LotRow> {
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

  private lotOf(ledger: Ledger, item: LockedItem, lotId: string): LotRow {
    const lot = isUuid(lotId) ? ledger.lot(lotId) : undefined;
    if (!lot || lot.item_id !== item.id) throw new LotNotFound();
    return lot;
  }

  /** Unreserved units of an item to move out: FEFO over all its lots (expired first), or one lot. */
  private take(ledger: Ledger, item: LockedItem, quantity: number, lotId?: string): Allocation[] {
    const lots = lotId ? [this.lotOf(ledger, item, lotId)] : ledger.lotsOf(item.id);
    const allocation = ledger.allocate(lots, quantity);
    if (!allocation) {
      throw new InsufficientStock([
        { offerId: item.offer_id, requested: quantity, available: ledger.totalFree(lots) },
      ]);
    }
    return allocation;
  }

  private async stockView(db: Db, storeId: string, offerId: string, warehouseId: string): Promise<StockView> {
    const rows = await repo.stockOfOffer(db, storeId, offerId);
    const row = rows.find((r) => r.warehouse_id === warehouseId);
    if (!row) throw new StockNotFound();
    return presentStock(row, await repo.lotsOfItems(db, [row.id]));
  }

  private async reservationView(
    db: Db,
    reservation: ReservationRow,
    lines?: ReservationLineRow[],
  ): Promise<ReservationView> {
    return presentReservation(reservation, lines ?? (await repo.linesOfReservations(db, [reservation.id])));
  }
}

function referenceOf(r: ReservationRow): Reference {
  return { type: r.reference_type, id: r.reference_id };
}

function lotInputOf(lot: LotRow): LotInput {
  return {
    code: lot.lot_code!,
    ...(lot.manufactured_on ? { manufacturedOn: lot.manufactured_on } : {}),
    ...(lot.expires_at ? { expiresAt: lot.expires_at } : {}),
    ...(lot.unit_cost_amount !== null && lot.currency
      ? { unitCost: { amount: lot.unit_cost_amount, currency: lot.currency } }
      : {}),
  };
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

/** One line per offer (quantities of repeated offers add up), in offer id order. */
function mergeLines(lines: { offerId: string; quantity: number }[]): { offerId: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.offerId, (merged.get(l.offerId) ?? 0) + l.quantity);
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([offerId, quantity]) => ({ offerId, quantity }));
}

/** Checkout and other in-process callers skip the HTTP schemas: the same rules, checked here. */
function validLines(lines: { offerId: string; quantity: number }[]) {
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

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
