import { type Insertable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { type KeysetPage, newestFirst } from '../../platform/db/keyset.ts';
import type { CodRemittancesTable, FulfillmentTables, RemittanceRow } from './fulfillment.tables.ts';

const t = (db: Db) => tables<FulfillmentTables>(db);

const REMITTANCE_COLUMNS = [
  'id',
  'store_id',
  'agent_id',
  'currency',
  'amount',
  'method',
  'reference',
  'note',
  'recorded_by',
  'created_at',
] as const;

export interface BalanceRow {
  currency: string;
  collected: number;
  remitted: number;
}

/**
 * An agent's collections and remittances per currency (`cod_collections_agent_idx`,
 * `cod_remittances_agent_idx`); `currency` narrows it to one.
 */
export async function agentBalances(
  db: Db,
  storeId: string,
  agentId: string,
  currency?: string,
): Promise<BalanceRow[]> {
  const only = (column: string) =>
    currency === undefined ? sql`` : sql`AND ${sql.ref(column)} = ${currency}`;
  const { rows } = await sql<BalanceRow>`
    SELECT currency::text AS currency, sum(collected)::bigint AS collected, sum(remitted)::bigint AS remitted
    FROM (
      SELECT currency, sum(collected_amount) AS collected, 0 AS remitted
        FROM cod_collections
        WHERE store_id = ${storeId} AND agent_id = ${agentId} ${only('currency')}
        GROUP BY currency
      UNION ALL
      SELECT currency, 0, sum(amount)
        FROM cod_remittances
        WHERE store_id = ${storeId} AND agent_id = ${agentId} ${only('currency')}
        GROUP BY currency
    ) AS moves
    GROUP BY currency
    ORDER BY currency`.execute(db);
  return rows;
}

export interface DiscrepancyRow {
  shipment_id: string;
  order_id: string;
  currency: string;
  due_amount: number;
  collected_amount: number;
  discrepancy_amount: number;
  collected_at: Date;
}

/** An agent's collections that differ from what was due, newest first (at most `limit`). */
export async function agentDiscrepancies(
  db: Db,
  storeId: string,
  agentId: string,
  limit: number,
): Promise<DiscrepancyRow[]> {
  return t(db)
    .selectFrom('cod_collections')
    .select([
      'shipment_id',
      'order_id',
      'currency',
      'due_amount',
      'collected_amount',
      'discrepancy_amount',
      'collected_at',
    ])
    .where('store_id', '=', storeId)
    .where('agent_id', '=', agentId)
    .where('discrepancy_amount', '<>', 0)
    .orderBy('collected_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Locks the agent's row (making it first if the agent has none yet), so remittances of one agent
 * run one at a time: each then sees the ones before it.
 */
export async function lockAgent(db: Db, storeId: string, agentId: string): Promise<void> {
  await t(db)
    .insertInto('delivery_agents')
    .values({ store_id: storeId, user_id: agentId })
    .onConflict((oc) => oc.columns(['store_id', 'user_id']).doNothing())
    .execute();
  await t(db)
    .selectFrom('delivery_agents')
    .select('user_id')
    .where('store_id', '=', storeId)
    .where('user_id', '=', agentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertRemittance(
  db: Db,
  row: Omit<Insertable<CodRemittancesTable>, 'created_at'>,
): Promise<RemittanceRow> {
  return t(db)
    .insertInto('cod_remittances')
    .values(row)
    .returning(REMITTANCE_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** An agent's remittances, newest first by their time-ordered id. */
export async function listRemittances(
  db: Db,
  storeId: string,
  agentId: string,
  page: KeysetPage,
): Promise<RemittanceRow[]> {
  const q = t(db)
    .selectFrom('cod_remittances')
    .select(REMITTANCE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('agent_id', '=', agentId);
  return newestFirst(q, page).execute();
}

export interface DayRow {
  day: string;
  agent_id: string;
  currency: string;
  due: number;
  collected: number;
  remitted: number;
  deliveries: number;
  outstanding: number;
}

/**
 * The reconciliation: per agent, currency and UTC day in [from, until), what was due, collected
 * and remitted, and the outstanding at the day's end (the balance before `from` plus the running
 * sum). Days without collections or remittances have no row, but an agent that holds cash and
 * did nothing in the range has one on its last day (so the totals' outstanding is whole). The collections are read
 * index-only (`cod_collections_store_day_cover_idx`, migration 002).
 */
export async function reconciliationDays(
  db: Db,
  storeId: string,
  range: { from: Date; until: Date; agentId?: string | undefined },
): Promise<DayRow[]> {
  const agent = (column: string) =>
    range.agentId === undefined ? sql`` : sql`AND ${sql.ref(column)} = ${range.agentId}`;
  const { rows } = await sql<DayRow>`
    WITH moves AS (
      SELECT agent_id, currency, (collected_at AT TIME ZONE 'UTC')::date AS day,
             sum(due_amount) AS due, sum(collected_amount) AS collected, 0 AS remitted, count(*) AS deliveries
        FROM cod_collections
        WHERE store_id = ${storeId} AND collected_at >= ${range.from} AND collected_at < ${range.until}
          ${agent('agent_id')}
        GROUP BY 1, 2, 3
      UNION ALL
      SELECT agent_id, currency, (created_at AT TIME ZONE 'UTC')::date, 0, 0, sum(amount), 0
        FROM cod_remittances
        WHERE store_id = ${storeId} AND created_at >= ${range.from} AND created_at < ${range.until}
          ${agent('agent_id')}
        GROUP BY 1, 2, 3
    ), opening AS (
      SELECT agent_id, currency, sum(held) AS held FROM (
        SELECT agent_id, currency, sum(collected_amount) AS held
          FROM cod_collections
          WHERE store_id = ${storeId} AND collected_at < ${range.from} ${agent('agent_id')}
          GROUP BY 1, 2
        UNION ALL
        SELECT agent_id, currency, -sum(amount)
          FROM cod_remittances
          WHERE store_id = ${storeId} AND created_at < ${range.from} ${agent('agent_id')}
          GROUP BY 1, 2
      ) AS before GROUP BY 1, 2
    ), days AS (
      SELECT agent_id, currency, day, sum(due) AS due, sum(collected) AS collected,
             sum(remitted) AS remitted, sum(deliveries) AS deliveries
        FROM moves GROUP BY 1, 2, 3
      UNION ALL
      -- an agent still holding cash with nothing in the range: one row on the last day
      SELECT o.agent_id, o.currency, (${range.until}::timestamptz AT TIME ZONE 'UTC')::date - 1, 0, 0, 0, 0
        FROM opening o
        WHERE o.held <> 0
          AND NOT EXISTS (SELECT 1 FROM moves m WHERE m.agent_id = o.agent_id AND m.currency = o.currency)
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.agent_id::text AS agent_id, d.currency::text AS currency,
           d.due::bigint AS due, d.collected::bigint AS collected, d.remitted::bigint AS remitted,
           d.deliveries::int AS deliveries,
           (coalesce(o.held, 0) + sum(d.collected - d.remitted)
             OVER (PARTITION BY d.agent_id, d.currency ORDER BY d.day))::bigint AS outstanding
      FROM days d
      LEFT JOIN opening o ON o.agent_id = d.agent_id AND o.currency = d.currency
      ORDER BY d.day, d.agent_id, d.currency`.execute(db);
  return rows;
}
