// SQL of leads, their items, status history and messages. Every statement is scoped by store.
import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { LeadActorRole, LeadStatus } from './quotes.schemas.ts';

export interface LeadsTable {
  id: string;
  store_id: string;
  user_id: string | null;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  message: string | null;
  delivery_location: string | null;
  wanted_by: string | null;
  status: LeadStatus;
  assigned_to: string | null;
  currency: string;
  quote_total: string | number | null;
  valid_until: Date | null;
  quote_terms: string | null;
  quote_notes: string | null;
  quoted_by: string | null;
  quoted_at: Date | null;
  accepted_at: Date | null;
  /** The order the accepted quote's cart became (CONVERTED). */
  order_id: string | null;
  order_number: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LeadItemsTable {
  id: string;
  store_id: string;
  lead_id: string;
  position: number;
  offer_id: string | null;
  product_id: string | null;
  seller_id: string | null;
  description: string;
  quantity: number;
  list_unit_amount: string | number | null;
  quoted_unit_amount: string | number | null;
  /** Who priced the item (decision 034): staff, or the seller of the item for their part. */
  quoted_by: string | null;
  quoted_by_role: 'STAFF' | 'SELLER' | null;
  quoted_at: Date | null;
  quoted_valid_until: Date | null;
  quoted_notes: string | null;
}

export interface LeadHistoryTable {
  id: string;
  store_id: string;
  lead_id: string;
  status: LeadStatus;
  by_user_id: string | null;
  by_role: LeadActorRole;
  remarks: string | null;
  at: Generated<Date>;
}

export interface LeadMessagesTable {
  id: string;
  store_id: string;
  lead_id: string;
  author_id: string;
  author_role: Exclude<LeadActorRole, 'SYSTEM'>;
  body: string;
  created_at: Generated<Date>;
}

interface QuoteTables {
  leads: LeadsTable;
  lead_items: LeadItemsTable;
  lead_status_history: LeadHistoryTable;
  lead_messages: LeadMessagesTable;
}

export type LeadRow = Selectable<LeadsTable>;
export type LeadSummaryRow = LeadRow & { item_count: number };
export type LeadItemRow = Selectable<LeadItemsTable>;
export type HistoryRow = Selectable<LeadHistoryTable>;
export type MessageRow = Selectable<LeadMessagesTable>;

const t = (db: Db) => tables<QuoteTables>(db);

export async function insertLead(
  db: Db,
  lead: Insertable<LeadsTable>,
  items: Insertable<LeadItemsTable>[],
  history: Insertable<LeadHistoryTable>,
): Promise<void> {
  await t(db).insertInto('leads').values(lead).execute();
  await t(db).insertInto('lead_items').values(items).execute();
  await t(db).insertInto('lead_status_history').values(history).execute();
}

export function findLead(db: Db, storeId: string, id: string): Promise<LeadRow | undefined> {
  return t(db)
    .selectFrom('leads')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The lead an order was placed from (CONVERTED), if any (leads_order_idx). */
export function findLeadByOrder(db: Db, storeId: string, orderId: string): Promise<LeadRow | undefined> {
  return t(db)
    .selectFrom('leads')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

export function itemsOf(db: Db, storeId: string, leadId: string): Promise<LeadItemRow[]> {
  return t(db)
    .selectFrom('lead_items')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('lead_id', '=', leadId)
    .orderBy('position')
    .execute();
}

export function historyOf(db: Db, storeId: string, leadId: string): Promise<HistoryRow[]> {
  return t(db)
    .selectFrom('lead_status_history')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('lead_id', '=', leadId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Moves a lead from `from` to its new fields, only if it is still in `from` (a racing change loses). */
export function moveLead(
  db: Db,
  storeId: string,
  id: string,
  from: LeadStatus,
  fields: Partial<Omit<LeadsTable, 'id' | 'store_id' | 'created_at' | 'updated_at'>>,
): Promise<LeadRow | undefined> {
  return t(db)
    .updateTable('leads')
    .set({ ...fields, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

export async function addHistory(db: Db, entry: Insertable<LeadHistoryTable>): Promise<void> {
  await t(db).insertInto('lead_status_history').values(entry).execute();
}

/** A price for an item: the unit price and who gave it, until when, with what notes. */
export interface ItemPrice {
  itemId: string;
  unitPrice: number;
  by: string;
  role: 'STAFF' | 'SELLER';
  validUntil: Date;
  notes: string | null;
}

/** Writes the quoted price of each item in one statement. */
export async function setQuotedPrices(db: Db, storeId: string, leadId: string, prices: ItemPrice[]) {
  if (prices.length === 0) return;
  const col = <K extends keyof ItemPrice>(key: K) => prices.map((p) => p[key]);
  await sql`
    UPDATE lead_items i
    SET quoted_unit_amount = p.amount, quoted_by = p.who, quoted_by_role = p.role, quoted_at = now(),
      quoted_valid_until = p.valid_until, quoted_notes = p.notes
    FROM unnest(${col('itemId')}::uuid[], ${col('unitPrice')}::bigint[], ${col('by')}::uuid[],
      ${col('role')}::text[], ${col('validUntil').map((d) => d.toISOString())}::timestamptz[],
      ${col('notes')}::text[]) AS p(id, amount, who, role, valid_until, notes)
    WHERE i.store_id = ${storeId} AND i.lead_id = ${leadId} AND i.id = p.id
  `.execute(db);
}

/** The lead, its row locked to the end of the transaction: one change to its quote at a time. */
export function lockLead(db: Db, storeId: string, id: string): Promise<LeadRow | undefined> {
  return t(db)
    .selectFrom('leads')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface ListPage {
  after?: string | undefined;
  limit: number;
}

const SUMMARY = sql`l.*, (SELECT count(*)::int FROM lead_items i WHERE i.lead_id = l.id) AS item_count`;

async function list(db: Db, where: ReturnType<typeof sql>[], page: ListPage): Promise<LeadSummaryRow[]> {
  const conditions = page.after ? [...where, sql`l.id < ${page.after}`] : where;
  const { rows } = await sql<LeadSummaryRow>`
    SELECT ${SUMMARY} FROM leads l
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY l.id DESC
    LIMIT ${page.limit + 1}
  `.execute(db);
  return rows;
}

/** A buyer's leads, newest first (seed 000 GSI1 Leads by Customer: leads_customer_idx). */
export function customerLeads(db: Db, storeId: string, userId: string, page: ListPage) {
  return list(db, [sql`l.store_id = ${storeId}`, sql`l.user_id = ${userId}`], page);
}

/** Staff lists: by status (leads_status_idx), by assignee (leads_assignee_idx), within days. */
export function staffLeads(
  db: Db,
  storeId: string,
  filter: {
    status?: LeadStatus | undefined;
    assignedTo?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  page: ListPage,
) {
  const where = [sql`l.store_id = ${storeId}`];
  if (filter.status) where.push(sql`l.status = ${filter.status}`);
  if (filter.assignedTo) where.push(sql`l.assigned_to = ${filter.assignedTo}`);
  if (filter.from) where.push(sql`l.created_at >= ${filter.from}::date`);
  if (filter.to) where.push(sql`l.created_at < ${filter.to}::date + 1`);
  return list(db, where, page);
}

/** A seller's leads: those with an item of theirs (lead_items_seller_idx). */
export function sellerLeads(db: Db, storeId: string, sellerId: string, page: ListPage) {
  return list(
    db,
    [
      sql`l.store_id = ${storeId}`,
      sql`l.id IN (SELECT i.lead_id FROM lead_items i WHERE i.store_id = ${storeId} AND i.seller_id = ${sellerId})`,
    ],
    page,
  );
}

export async function insertMessage(db: Db, message: Insertable<LeadMessagesTable>): Promise<MessageRow> {
  return t(db).insertInto('lead_messages').values(message).returningAll().executeTakeFirstOrThrow();
}

export function messagesOf(db: Db, storeId: string, leadId: string, page: ListPage): Promise<MessageRow[]> {
  let q = t(db)
    .selectFrom('lead_messages')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('lead_id', '=', leadId);
  if (page.after) q = q.where('id', '>', page.after);
  return q
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
}

/**
 * Quotes not answered past their validity become EXPIRED, with their history, across stores, in one
 * statement (the sweep's work; leads_open_valid_idx). Returns how many.
 */
export async function expireDue(db: Db, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH due AS (
      SELECT id FROM leads WHERE status = 'QUOTED' AND valid_until < now()
      ORDER BY valid_until LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), moved AS (
      UPDATE leads l SET status = 'EXPIRED', updated_at = now() FROM due WHERE l.id = due.id
      RETURNING l.id, l.store_id
    ), logged AS (
      INSERT INTO lead_status_history (id, store_id, lead_id, status, by_role, remarks)
      SELECT gen_random_uuid(), store_id, id, 'EXPIRED', 'SYSTEM', 'The quote lapsed.' FROM moved
    )
    SELECT count(*)::int AS n FROM moved
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/** Accepted quotes past their validity, locked (skipping those another sweep or a checkout holds). */
export async function claimAcceptedDue(db: Db, limit: number): Promise<LeadRow[]> {
  const { rows } = await sql<LeadRow>`
    SELECT * FROM leads WHERE status = 'ACCEPTED' AND valid_until < now()
    ORDER BY valid_until LIMIT ${limit} FOR UPDATE SKIP LOCKED
  `.execute(db);
  return rows;
}
