import type {
  LotRow,
  MovementRow,
  ReservationLineRow,
  ReservationRow,
  StockRow,
  WarehouseRow,
} from './inventory.repository.ts';
import type {
  LotView,
  MovementView,
  ReservationView,
  StockView,
  WarehouseView,
} from './inventory.schemas.ts';

export function presentWarehouse(w: WarehouseRow): WarehouseView {
  return {
    id: w.id,
    code: w.code,
    name: w.name,
    type: w.type,
    address: w.address,
    latitude: w.latitude === null ? null : Number(w.latitude),
    longitude: w.longitude === null ? null : Number(w.longitude),
    timezone: w.timezone,
    operatingHours: w.operating_hours,
    maxCapacity: w.max_capacity,
    active: w.is_active,
    isDefault: w.is_default,
    createdAt: w.created_at.toISOString(),
    updatedAt: w.updated_at.toISOString(),
  };
}

export function presentLot(l: LotRow): LotView {
  return {
    id: l.id,
    code: l.lot_code,
    manufacturedOn: l.manufactured_on,
    expiresAt: l.expires_at?.toISOString() ?? null,
    expired: l.expired,
    onHand: l.on_hand,
    reserved: l.reserved,
    receivedQuantity: l.received_quantity,
    unitCost:
      l.unit_cost_amount === null || l.currency === null
        ? null
        : { amount: l.unit_cost_amount, currency: l.currency },
  };
}

export function presentStock(s: StockRow, lots?: LotRow[]): StockView {
  return {
    id: s.id,
    offerId: s.offer_id,
    productId: s.product_id,
    sellerId: s.seller_id,
    warehouse: {
      id: s.warehouse_id,
      code: s.warehouse_code,
      name: s.warehouse_name,
      active: s.warehouse_active,
    },
    onHand: s.on_hand,
    reserved: s.reserved,
    committed: s.committed,
    damaged: s.damaged,
    available: s.available,
    sellable: s.sellable,
    reorderPoint: s.reorder_point,
    reorderQuantity: s.reorder_quantity,
    maxLevel: s.max_level,
    leadTimeDays: s.lead_time_days,
    bin: s.location_bin,
    shelf: s.location_shelf,
    totals: {
      received: s.total_received,
      sold: s.total_sold,
      returned: s.total_returned,
      adjusted: s.total_adjusted,
      shipped: s.total_shipped,
    },
    ...(lots ? { lots: lots.filter((l) => l.item_id === s.id).map(presentLot) } : {}),
    updatedAt: s.updated_at.toISOString(),
  };
}

export function presentMovement(m: MovementRow): MovementView {
  return {
    id: m.id,
    type: m.type,
    offerId: m.offer_id,
    warehouseId: m.warehouse_id,
    lotId: m.lot_id,
    lotCode: m.lot_code,
    quantityChange: m.quantity_change,
    quantityBefore: m.quantity_before,
    quantityAfter: m.quantity_after,
    committedChange: m.committed_change,
    shipmentId: m.shipment_id,
    reason: m.reason,
    reference:
      m.reference_type !== null && m.reference_id !== null
        ? { type: m.reference_type, id: m.reference_id }
        : null,
    actorUserId: m.actor_user_id,
    unitCost:
      m.unit_cost_amount === null || m.currency === null
        ? null
        : { amount: m.unit_cost_amount, currency: m.currency },
    createdAt: m.created_at.toISOString(),
  };
}

export function presentReservation(r: ReservationRow, lines: ReservationLineRow[]): ReservationView {
  return {
    id: r.id,
    reference: { type: r.reference_type, id: r.reference_id },
    status: r.status,
    expiresAt: r.expires_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    releasedAt: r.released_at?.toISOString() ?? null,
    releaseReason: r.release_reason,
    lines: lines.map((l) => ({
      offerId: l.offer_id,
      lotId: l.lot_id,
      quantity: l.quantity,
      returnedQuantity: l.returned_quantity,
      shippedQuantity: l.shipped_quantity,
      shippedReturnedQuantity: l.shipped_returned_quantity,
    })),
  };
}
