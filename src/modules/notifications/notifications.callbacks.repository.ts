import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Channel } from './notifications.channels.ts';
import type { Status } from './notifications.repository.ts';

/** Which statuses a provider's report may move a notification from. */
const FROM: Record<'DELIVERED' | 'FAILED' | 'BOUNCED', Status[]> = {
  DELIVERED: ['QUEUED', 'SENT'],
  FAILED: ['QUEUED', 'SENT'],
  // a mail accepted by the receiving server may still bounce later
  BOUNCED: ['QUEUED', 'SENT', 'DELIVERED'],
};

/**
 * Records a provider's delivery report on one notification of a store and channel; a report that
 * comes late or twice (a DELIVERED after FAILED, a second bounce) changes nothing. Returns whether
 * the row changed.
 */
export async function recordReport(
  db: Db,
  report: {
    storeId: string;
    id: string;
    channel: Channel;
    status: 'DELIVERED' | 'FAILED' | 'BOUNCED';
    error: string | null;
  },
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE notifications SET
      status = ${report.status},
      delivered_at = CASE WHEN ${report.status} = 'DELIVERED' THEN coalesce(delivered_at, now()) ELSE delivered_at END,
      error = coalesce(${report.error?.slice(0, 1000) ?? null}, error)
    WHERE store_id = ${report.storeId} AND id = ${report.id} AND channel = ${report.channel}
      AND status = ANY(${FROM[report.status]}::text[])
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/** The store and account of a notification, by its id (mail reports name the Message-ID only). */
export async function ownerOfNotification(
  db: Db,
  id: string,
): Promise<{ storeId: string; userId: string | null } | null> {
  const { rows } = await sql<{ store_id: string; user_id: string | null }>`
    SELECT store_id, user_id FROM notifications WHERE id = ${id}`.execute(db);
  return rows[0] ? { storeId: rows[0].store_id, userId: rows[0].user_id } : null;
}
