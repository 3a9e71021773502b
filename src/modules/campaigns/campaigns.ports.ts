import type { RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/http/context.ts';
import type { CampaignChannel, Target } from './campaigns.schemas.ts';

/** What a page of a send hands to notifications: the campaign's content and the users of the page. */
export interface DeliveryPage {
  campaignId: string;
  channels: readonly CampaignChannel[];
  userIds: string[];
  content: {
    name: string;
    subject: string;
    body: string;
    couponCode: string | null;
    linkUrl: string | null;
    endsAt: Date | null;
  };
}

/** Users of a page by what the send did: messaged, left out by their preferences, or closed since. */
export interface DeliveryOutcome {
  reached: string[];
  skipped: string[];
  gone: string[];
}

export interface MessageStats {
  channel: CampaignChannel;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  opened: number;
  clicked: number;
}

export interface CouponFacts {
  code: string;
  type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
  active: boolean;
  expiresAt: Date | null;
}

/** What campaigns needs of other modules, wired by the composition root (src/flows/campaigns.ts). */
export interface CampaignPorts {
  /** The target as a subquery of `user_id`s of the store (identity's customers, orders' rules). */
  audience(ctx: Ctx, target: Target): Promise<RawBuilder<{ user_id: string }>>;
  /** Messages a page of users through notifications, in the caller's transaction. */
  deliver(ctx: Ctx, page: DeliveryPage): Promise<DeliveryOutcome>;
  /** The campaign's messages counted by channel (the notifications log). */
  messageStats(ctx: Ctx, campaignId: string): Promise<MessageStats[]>;
  /** Paid orders credited to the campaign: with its coupon, or within `windowDays` of a click. */
  attributed(
    ctx: Ctx,
    a: { campaignId: string; couponCode: string | null; since: Date; windowDays: number },
  ): Promise<{ orders: number; revenue: number; byCoupon: number; byClick: number }>;
  /** The store's currency (revenue is in it). */
  currency(ctx: Ctx): Promise<string>;
  /** A coupon of the store by code (promotions), or null. */
  coupon(ctx: Ctx, code: string): Promise<CouponFacts | null>;
  /** Which of these ids are not user groups / categories / products of the store. */
  missingGroup(ctx: Ctx, groupId: string): Promise<boolean>;
  missingCategories(ctx: Ctx, ids: string[]): Promise<string[]>;
  missingProducts(ctx: Ctx, ids: string[]): Promise<string[]>;
  /** Whether the user is a seller of the store. */
  isSeller(ctx: Ctx, userId: string): Promise<boolean>;
}
