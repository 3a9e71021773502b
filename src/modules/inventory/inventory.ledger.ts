import type { Insertable, RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type {
  InventoryMovementsTable,
  ItemDelta,
  LockedItem,
  LotDelta,
  LotRow,
  MovementType,
} from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import type { Reference } from './inventory.schemas.ts';

export interface MovementMeta {
  reason?: string | null | undefined;
  reference?: Reference | null | undefined;
  actorUserId?: string | null | undefined;
}

type Counter = Exclude<keyof ItemDelta, 'on_hand' | 'reserved'>;

const zeroItem = (): ItemDelta => ({
  on_hand: 0,
  reserved: 0,
  committed: 0,
  damaged: 0,
  total_received: 0,
  total_sold: 0,
  total_returned: 0,
  total_adjusted: 0,
  total_shipped: 0,
});

export interface Allocation {
  lot: LotRow;
  quantity: number;
}

export interface FlushHooks {
  /** An item's available quantity fell to or below its reorder point in this change. */
  lowStock(db: Db, item: LockedItem, available: number): Promise<void>;
}

/**
 * The working set of one stock change: rows locked by the caller (items) and read under those
 * locks (lots), changed in memory, then written in one go. Every on-hand change goes through
 * `move`, which also writes the movement, so the ledger and the quantities cannot drift apart.
 */
export class Ledger {
  private readonly items = new Map<string, { row: LockedItem; d: ItemDelta; onHand: number }>();
  private readonly lots = new Map<string, { row: LotRow; d: LotDelta }>();
  private readonly movements: Insertable<InventoryMovementsTable>[] = [];

  constructor(items: LockedItem[], lots: LotRow[]) {
    for (const row of items) this.items.set(row.id, { row, d: zeroItem(), onHand: row.on_hand });
    for (const lot of lots) this.addLot(lot);
  }

  addLot(lot: LotRow): void {
    if (!this.items.has(lot.item_id)) throw new Error(`lot ${lot.id} of an item that is not locked`);
    this.lots.set(lot.id, { row: lot, d: { on_hand: 0, reserved: 0, received_quantity: 0 } });
  }

  item(id: string): LockedItem {
    const state = this.items.get(id);
    if (!state) throw new Error(`item ${id} is not locked`);
    return state.row;
  }

  itemList(): LockedItem[] {
    return [...this.items.values()].map((s) => s.row);
  }

  /** Lots of an item, earliest expiry first, lots without expiry last, then oldest first. */
  lotsOf(itemId: string): LotRow[] {
    return [...this.lots.values()]
      .map((s) => s.row)
      .filter((l) => l.item_id === itemId)
      .sort(fefo);
  }

  lot(id: string): LotRow | undefined {
    return this.lots.get(id)?.row;
  }

  /** Units of the lot on hand and not reserved, as changed so far. */
  free(lotId: string): number {
    const s = this.lots.get(lotId)!;
    return s.row.on_hand + s.d.on_hand - (s.row.reserved + s.d.reserved);
  }

  sellable(lot: LotRow): boolean {
    return !lot.expired && this.item(lot.item_id).warehouse_active;
  }

  /**
   * Takes `quantity` from the given lots in their order (FEFO when they come from `lotsOf`), only
   * from unreserved units; null when they do not hold enough.
   */
  allocate(lots: LotRow[], quantity: number): Allocation[] | null {
    const taken: Allocation[] = [];
    let remaining = quantity;
    for (const lot of lots) {
      if (remaining === 0) break;
      const take = Math.min(this.free(lot.id), remaining);
      if (take <= 0) continue;
      taken.push({ lot, quantity: take });
      remaining -= take;
    }
    return remaining === 0 ? taken : null;
  }

  /**
   * An offer's sellable units after the changes so far: free units of unexpired lots in active
   * warehouses, over the ledger's items of the offer. The whole truth only when the ledger holds
   * every item of the offer (locked by offer: `holdsAllOf`).
   */
  sellableOf(offerId: string): number {
    let total = 0;
    for (const s of this.lots.values()) {
      const item = this.item(s.row.item_id);
      if (item.offer_id !== offerId || !this.sellable(s.row)) continue;
      total += Math.max(0, this.free(s.row.id));
    }
    return total;
  }

  /** Offers whose every stock row the ledger holds (it was locked by offer). */
  private readonly whole = new Set<string>();

  holdAllOf(offerIds: string[]): void {
    for (const id of offerIds) this.whole.add(id);
  }

  holdsAllOf(offerId: string): boolean {
    return this.whole.has(offerId);
  }

  totalFree(lots: LotRow[]): number {
    return lots.reduce((sum, lot) => sum + Math.max(0, this.free(lot.id)), 0);
  }

  reserve(lotId: string, quantity: number): void {
    const lot = this.lots.get(lotId)!;
    lot.d.reserved += quantity;
    this.items.get(lot.row.item_id)!.d.reserved += quantity;
  }

  /** Changes on_hand of a lot and its item and records the movement. */
  move(lotId: string, type: MovementType, change: number, meta: MovementMeta): void {
    if (change === 0) return;
    const lot = this.lots.get(lotId)!;
    const item = this.items.get(lot.row.item_id)!;
    lot.d.on_hand += change;
    item.d.on_hand += change;
    const before = item.onHand;
    item.onHand += change;
    this.movements.push({
      ...this.movement(item.row, lot.row, type, meta),
      quantity_change: change,
      quantity_before: before,
      quantity_after: item.onHand,
    });
  }

  /** A movement's identity and provenance; the caller adds the quantities. */
  private movement(item: LockedItem, lot: LotRow, type: MovementType, meta: MovementMeta) {
    return {
      id: newId(),
      store_id: item.store_id,
      item_id: item.id,
      lot_id: lot.id,
      offer_id: item.offer_id,
      warehouse_id: item.warehouse_id,
      type,
      shipment_id: null,
      reason: meta.reason ?? null,
      reference_type: meta.reference?.type ?? null,
      reference_id: meta.reference?.id ?? null,
      actor_user_id: meta.actorUserId ?? null,
      unit_cost_amount: lot.unit_cost_amount,
      currency: lot.currency,
    };
  }

  /**
   * Sold units of a lot leave the warehouse: committed down, total_shipped up, and a SHIPMENT
   * movement that records the committed change (on_hand does not change: sold units left it).
   */
  ship(lotId: string, quantity: number, meta: MovementMeta & { shipmentId: string }): void {
    const lot = this.lots.get(lotId)!;
    const item = this.items.get(lot.row.item_id)!;
    item.d.committed -= quantity;
    item.d.total_shipped += quantity;
    this.movements.push({
      ...this.movement(item.row, lot.row, 'SHIPMENT', meta),
      quantity_change: 0,
      committed_change: -quantity,
      quantity_before: item.onHand,
      quantity_after: item.onHand,
      shipment_id: meta.shipmentId,
    });
  }

  received(lotId: string, quantity: number): void {
    const lot = this.lots.get(lotId)!;
    lot.d.received_quantity += quantity;
    this.count(lot.row.item_id, 'total_received', quantity);
  }

  count(itemId: string, counter: Counter, delta: number): void {
    this.items.get(itemId)!.d[counter] += delta;
  }

  /** Available (on_hand − reserved) of an item as changed so far. */
  available(itemId: string): number {
    const s = this.items.get(itemId)!;
    return s.row.available + s.d.on_hand - s.d.reserved;
  }

  /**
   * Writes the changes (items and lots in id order) and the movements; raises low-stock events on
   * a downward crossing of the reorder point. Returns the offers whose sellable quantity changed.
   */
  async flush(
    db: Db,
    hooks: FlushHooks,
    also: RawBuilder<unknown>[] = [],
  ): Promise<{ storeId: string; offerId: string }[]> {
    const sellableChanged = new Map<string, { storeId: string; offerId: string }>();
    const lots = [...this.lots.entries()]
      .sort(byKey)
      .filter(([, s]) => s.d.on_hand !== 0 || s.d.reserved !== 0 || s.d.received_quantity !== 0);
    for (const [, s] of lots) {
      if (s.d.on_hand - s.d.reserved === 0 || !this.sellable(s.row)) continue;
      const item = this.item(s.row.item_id);
      sellableChanged.set(`${item.store_id}/${item.offer_id}`, {
        storeId: item.store_id,
        offerId: item.offer_id,
      });
    }
    const items = [...this.items.entries()]
      .sort(byKey)
      .filter(([, s]) => Object.values(s.d).some((v) => v !== 0));
    await repo.applyChanges(db, {
      lots: lots.map(([id, s]) => [id, s.d]),
      items: items.map(([id, s]) => [id, s.d]),
      movements: this.movements,
      also,
    });
    for (const [id, s] of items) {
      const after = this.available(id);
      if (s.row.available > s.row.reorder_point && after <= s.row.reorder_point) {
        await hooks.lowStock(db, s.row, after);
      }
    }
    return [...sellableChanged.values()];
  }
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export function fefo(a: LotRow, b: LotRow): number {
  const ea = a.expires_at?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expires_at?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea - eb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
