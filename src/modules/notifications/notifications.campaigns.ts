// What the campaigns module reads of a campaign's messages (through the composition root): counts
// by channel and status, opens and clicks, and who clicked when, for attributing orders. Served by
// the notifications_campaign_once index (store, campaign, user, channel).
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Channel } from './notifications.channels.ts';

export interface CampaignChannelStats {
  channel: Channel;
  /** Waiting: due later (quiet hours) or being retried. */
  queued: number;
  /** Handed to the channel (delivered ones included). */
  sent: number;
  failed: number;
  bounced: number;
  /** Mail opened (the pixel), or an in-app message read. */
  opened: number;
  clicked: number;
}

export async function campaignStats(
  db: Db,
  storeId: string,
  campaignId: string,
): Promise<CampaignChannelStats[]> {
  const { rows } = await sql<CampaignChannelStats>`
    SELECT channel,
      count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
      count(*) FILTER (WHERE status IN ('SENT', 'DELIVERED'))::int AS sent,
      count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
      count(*) FILTER (WHERE status = 'BOUNCED')::int AS bounced,
      count(*) FILTER (WHERE opened_at IS NOT NULL OR (channel = 'IN_APP' AND read_at IS NOT NULL))::int AS opened,
      count(*) FILTER (WHERE clicked_at IS NOT NULL)::int AS clicked
    FROM notifications
    WHERE store_id = ${storeId} AND campaign_id = ${campaignId}
    GROUP BY channel ORDER BY channel`.execute(db);
  return rows;
}

/**
 * Each user who clicked a link of the campaign's messages, with their first click: a subquery
 * (`user_id`, `clicked_at`) for a set-based join, never a list in memory.
 */
export function campaignClicks(
  storeId: string,
  campaignId: string,
): RawBuilder<{ user_id: string; clicked_at: Date }> {
  return sql`
    SELECT user_id, min(clicked_at) AS clicked_at FROM notifications
    WHERE store_id = ${storeId} AND campaign_id = ${campaignId}
      AND clicked_at IS NOT NULL AND user_id IS NOT NULL
    GROUP BY user_id`;
}
