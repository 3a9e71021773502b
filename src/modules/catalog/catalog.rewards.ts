// Reward rates are store money: points earned on an offer are paid by the store, whoever sells it.
// Staff set rates freely; a marketplace seller's rate is capped by the store's limit for sellers
// (tenancy's `sellerMaxRewardBp`, default 0), both when it is set and when an order books it.
import type { Db } from '../../platform/db/database.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import type { Actor } from '../../platform/http/context.ts';
import { storeSettings } from '../tenancy/index.ts';
import { badField, RewardStaffOnly } from './catalog.errors.ts';

/** What decides an offer's reward rate: its own rate, else its product's (for the product's owner). */
export interface RewardSources {
  storeId: string;
  offerSellerId: string;
  offerBp: number | null;
  offerByStaff: boolean;
  productOwner: string;
  productBp: number;
  productByStaff: boolean;
}

/** The highest rate a marketplace seller's offer may carry in this store. */
export async function sellerRewardLimit(db: Db, storeId: string): Promise<number> {
  return (await storeSettings({ db, storeId })).sellerMaxRewardBp;
}

/**
 * The rate an order books for an offer. The offer's own rate wins; without one, the product-wide
 * rate applies only to offers of the product's owner (the store's offers of a store product, the
 * creator's otherwise), never to another seller's. A marketplace seller's rate that staff did not
 * set is capped by the sellers' limit, so a rate stored above it (earlier, or before the limit was
 * lowered) never earns more.
 */
export function effectiveRewardBp(s: RewardSources, sellerLimitBp: number): number {
  const ownRate = s.offerBp !== null;
  const bp = ownRate ? s.offerBp! : s.offerSellerId === s.productOwner ? s.productBp : 0;
  const byStaff = ownRate ? s.offerByStaff : s.productByStaff;
  if (s.offerSellerId === s.storeId || byStaff) return bp;
  return Math.min(bp, sellerLimitBp);
}

/** A product-wide rate is the store's alone: a seller may only send back the rate it already has. */
export function assertProductReward(actor: Actor, wanted: number | undefined, current: number): void {
  if (wanted !== undefined && wanted !== current && !hasRole(actor, 'ADMIN')) throw new RewardStaffOnly();
}

/**
 * The columns an offer's rate write sets: staff rates as they are, a seller's only up to the limit
 * (400 at /rewardPercentBp above it). Nothing when the request leaves the rate alone.
 */
export async function offerRewardWrite(
  db: Db,
  storeId: string,
  actor: Actor,
  wanted: number | null | undefined,
): Promise<{ reward_percent_bp?: number | null; reward_set_by_staff?: boolean }> {
  if (wanted === undefined) return {};
  const staff = hasRole(actor, 'ADMIN');
  if (!staff && wanted !== null) {
    const limit = await sellerRewardLimit(db, storeId);
    if (wanted > limit) {
      throw badField('/rewardPercentBp', `This store lets sellers give a reward of at most ${limit} bp.`);
    }
  }
  return { reward_percent_bp: wanted, reward_set_by_staff: staff };
}
