import type { CampaignRow } from './campaigns.repository.ts';
import type { CampaignMetrics, CampaignView } from './campaigns.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCampaign(row: CampaignRow, metrics?: CampaignMetrics): CampaignView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    channels: row.channels,
    subject: row.subject,
    body: row.body,
    target: row.target,
    sellerId: row.seller_id,
    productIds: row.product_ids,
    categoryIds: row.category_ids,
    couponCode: row.coupon_code,
    linkUrl: row.link_url,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    sendAt: iso(row.send_at),
    targetedCount: row.targeted_count,
    targetedAt: iso(row.targeted_at),
    sendStartedAt: iso(row.send_started_at),
    sentAt: iso(row.sent_at),
    cancelledAt: iso(row.cancelled_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(metrics ? { metrics } : {}),
  };
}
