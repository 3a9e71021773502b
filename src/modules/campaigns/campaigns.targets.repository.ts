// The snapshot of a campaign's target (seed 000 USER#{userid} items) and the send's claim on it.
// Every statement works on a set in the database: a page of the snapshot is one INSERT … SELECT of
// the audience's next user ids, so a million users never pass through the process.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type Outcome = 'MESSAGED' | 'SKIPPED' | 'GONE';

export async function clearTargets(db: Db, storeId: string, campaignId: string): Promise<void> {
  await sql`DELETE FROM campaign_targets WHERE store_id = ${storeId} AND campaign_id = ${campaignId}`.execute(
    db,
  );
}

/**
 * Writes the next page of the snapshot: the audience's user ids after `after`, in id order, at most
 * `size`. Answers how many the page held and its last id (the next page starts after it).
 */
export async function insertTargetPage(
  db: Db,
  page: {
    storeId: string;
    campaignId: string;
    audience: RawBuilder<{ user_id: string }>;
    after: string | null;
    size: number;
  },
): Promise<{ count: number; last: string | null }> {
  const after = page.after === null ? sql`` : sql`WHERE a.user_id > ${page.after}`;
  const { rows } = await sql<{ count: number; last: string | null }>`
    WITH page AS (
      SELECT a.user_id FROM (${page.audience}) a ${after} ORDER BY a.user_id LIMIT ${page.size}
    ), written AS (
      INSERT INTO campaign_targets (store_id, campaign_id, user_id)
      SELECT ${page.storeId}, ${page.campaignId}, user_id FROM page
      ON CONFLICT DO NOTHING
    )
    SELECT count(*)::int AS count, max(user_id::text) AS last FROM page`.execute(db);
  return rows[0] ?? { count: 0, last: null };
}

/**
 * Claims up to `limit` targets the send has not handled, in user order, with FOR UPDATE SKIP LOCKED:
 * two workers sending the same campaign at once take different users. Hold the claim in the
 * transaction that records their outcome.
 */
export async function claimPending(db: Db, storeId: string, campaignId: string, limit: number) {
  const { rows } = await sql<{ user_id: string }>`
    SELECT user_id FROM campaign_targets
    WHERE store_id = ${storeId} AND campaign_id = ${campaignId} AND outcome IS NULL
    ORDER BY user_id LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.execute(db);
  return rows.map((r) => r.user_id);
}

export async function recordOutcomes(
  db: Db,
  storeId: string,
  campaignId: string,
  outcomes: Record<Outcome, string[]>,
): Promise<void> {
  const ids = [...outcomes.MESSAGED, ...outcomes.SKIPPED, ...outcomes.GONE];
  if (ids.length === 0) return;
  await sql`
    UPDATE campaign_targets SET handled_at = now(), outcome = CASE
      WHEN user_id = ANY (${outcomes.MESSAGED}::uuid[]) THEN 'MESSAGED'
      WHEN user_id = ANY (${outcomes.SKIPPED}::uuid[]) THEN 'SKIPPED'
      ELSE 'GONE' END
    WHERE store_id = ${storeId} AND campaign_id = ${campaignId} AND user_id = ANY (${ids}::uuid[])
      AND outcome IS NULL`.execute(db);
}

export interface TargetCounts {
  targeted: number;
  pending: number;
  messaged: number;
  skipped: number;
  gone: number;
}

export async function targetCounts(db: Db, storeId: string, campaignId: string): Promise<TargetCounts> {
  const { rows } = await sql<TargetCounts>`
    SELECT count(*)::int AS targeted,
      count(*) FILTER (WHERE outcome IS NULL)::int AS pending,
      count(*) FILTER (WHERE outcome = 'MESSAGED')::int AS messaged,
      count(*) FILTER (WHERE outcome = 'SKIPPED')::int AS skipped,
      count(*) FILTER (WHERE outcome = 'GONE')::int AS gone
    FROM campaign_targets WHERE store_id = ${storeId} AND campaign_id = ${campaignId}`.execute(db);
  return rows[0]!;
}

/** Whether any target of the campaign is left for the send. */
export async function anyPending(db: Db, storeId: string, campaignId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM campaign_targets
      WHERE store_id = ${storeId} AND campaign_id = ${campaignId} AND outcome IS NULL
    ) AS found`.execute(db);
  return rows[0]?.found ?? false;
}
