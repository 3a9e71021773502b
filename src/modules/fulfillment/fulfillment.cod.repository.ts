import type { Insertable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { CodCollectionsTable, CollectionRow, FulfillmentTables } from './fulfillment.tables.ts';

const t = (db: Db) => tables<FulfillmentTables>(db);

const COLLECTION_COLUMNS = [
  'id',
  'store_id',
  'shipment_id',
  'order_id',
  'agent_id',
  'currency',
  'due_amount',
  'collected_amount',
  'discrepancy_amount',
  'collected_at',
] as const;

/** One collection per shipment: a second insert for the same shipment finds the first. */
export async function insertCollection(db: Db, row: Insertable<CodCollectionsTable>): Promise<CollectionRow> {
  return t(db)
    .insertInto('cod_collections')
    .values(row)
    .returning(COLLECTION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function collectionsOfShipments(db: Db, shipmentIds: string[]): Promise<CollectionRow[]> {
  if (shipmentIds.length === 0) return [];
  return t(db)
    .selectFrom('cod_collections')
    .select(COLLECTION_COLUMNS)
    .where('shipment_id', 'in', shipmentIds)
    .execute();
}
