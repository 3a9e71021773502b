import type { ColumnType, Generated, RawBuilder, Selectable } from 'kysely';
import type { ReturnStatus, ShipmentStatus } from './fulfillment.status.ts';

/** Set to `now()` by every update. */
type UpdatedAt = ColumnType<Date, Date | undefined, Date | RawBuilder<Date>>;

export interface CarriersTable {
  id: string;
  store_id: string;
  code: string;
  name: string;
  tracking_url_template: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface DeliveryAgentsTable {
  store_id: string;
  user_id: string;
  vehicle: string | null;
  zone: string | null;
  phone: string | null;
  available: Generated<boolean>;
  last_lat: number | null;
  last_lng: number | null;
  last_located_at: Date | null;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface ShipmentsTable {
  id: string;
  store_id: string;
  order_id: string;
  order_number: string;
  seller_id: string;
  warehouse_id: string | null;
  status: ShipmentStatus;
  carrier: string | null;
  tracking_number: string | null;
  delivery_agent_id: string | null;
  currency: string;
  cod_amount: number;
  estimated_delivery_at: Date | null;
  weight_grams: number | null;
  package_count: number;
  address: unknown;
  zone: string | null;
  delivery_code_sealed: string | null;
  delivery_code_attempts: Generated<number>;
  recipient_name: string | null;
  proof_photo_url: string | null;
  failed_attempts: Generated<number>;
  last_lat: number | null;
  last_lng: number | null;
  last_accuracy_m: number | null;
  last_located_at: Date | null;
  received_back_at: Date | null;
  assigned_at: Date | null;
  picked_up_at: Date | null;
  delivered_at: Date | null;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface ShipmentItemsTable {
  shipment_id: string;
  store_id: string;
  order_id: string;
  order_item_id: string;
  offer_id: string;
  quantity: number;
}

export interface ShipmentEventsTable {
  id: string;
  store_id: string;
  shipment_id: string;
  status: string;
  actor_id: string | null;
  lat: number | null;
  lng: number | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface ShipmentLocationsTable {
  id: string;
  store_id: string;
  shipment_id: string;
  agent_id: string;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  recorded_at: Date;
  created_at: Generated<Date>;
}

export interface CodCollectionsTable {
  id: string;
  store_id: string;
  shipment_id: string;
  order_id: string;
  agent_id: string;
  currency: string;
  due_amount: number;
  collected_amount: number;
  discrepancy_amount: ColumnType<number, never, never>;
  collected_at: Generated<Date>;
}

export interface CodRemittancesTable {
  id: string;
  store_id: string;
  agent_id: string;
  currency: string;
  amount: number;
  method: 'CASH' | 'BANK_TRANSFER' | 'UPI' | 'OTHER';
  reference: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface ReturnsTable {
  id: string;
  store_id: string;
  order_id: string;
  user_id: string | null;
  status: ReturnStatus;
  reason: string;
  reason_code: string | null;
  decision_note: string | null;
  currency: string;
  refund_amount: number | null;
  decided_by: string | null;
  decided_at: Date | null;
  received_at: Date | null;
  refunded_at: Date | null;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface ReturnItemsTable {
  return_id: string;
  store_id: string;
  order_item_id: string;
  offer_id: string;
  quantity: number;
  condition: 'SELLABLE' | 'DAMAGED' | null;
}

export interface FulfillmentTables {
  carriers: CarriersTable;
  delivery_agents: DeliveryAgentsTable;
  shipments: ShipmentsTable;
  shipment_items: ShipmentItemsTable;
  shipment_events: ShipmentEventsTable;
  shipment_locations: ShipmentLocationsTable;
  cod_collections: CodCollectionsTable;
  cod_remittances: CodRemittancesTable;
  returns: ReturnsTable;
  return_items: ReturnItemsTable;
}

export type ShipmentRow = Selectable<ShipmentsTable>;
export type ShipmentItemRow = Selectable<ShipmentItemsTable>;
export type ShipmentEventRow = Selectable<ShipmentEventsTable>;
export type AgentRow = Selectable<DeliveryAgentsTable>;
export type CarrierRow = Selectable<CarriersTable>;
export type CollectionRow = Selectable<CodCollectionsTable>;
export type RemittanceRow = Selectable<CodRemittancesTable>;
export type ReturnRow = Selectable<ReturnsTable>;
export type ReturnItemRow = Selectable<ReturnItemsTable>;
