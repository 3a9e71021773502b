import { percentOf } from '../../platform/money.ts';
import type { CouponRejection } from './promotions.errors.ts';
import type { CouponRow } from './promotions.repository.ts';

export interface CouponBasket {
  /** Items after other discounts, minor units. */
  subtotal: number;
  shipping: number;
  currency: string;
  now?: Date;
}

export interface CouponEffect {
  /** Taken off the items. */
  discount: number;
  /** Shipping is waived. */
  freeShipping: boolean;
}

/** Why a coupon cannot apply to this basket (usage limits are checked separately, under a lock). */
export function couponProblem(coupon: CouponRow, basket: CouponBasket): CouponRejection | null {
  const now = basket.now ?? new Date();
  if (!coupon.active) return 'inactive';
  if (coupon.starts_at && coupon.starts_at > now) return 'not-started';
  if (coupon.expires_at && coupon.expires_at <= now) return 'expired';
  if (coupon.currency !== basket.currency) return 'currency';
  if (basket.subtotal < coupon.min_order_amount) return 'minimum-not-met';
  if (coupon.usage_limit !== null && coupon.used_count >= coupon.usage_limit) return 'usage-limit-reached';
  return null;
}

/** The discount a valid coupon gives: never more than the items cost, PERCENT capped by max_discount. */
export function couponEffect(coupon: CouponRow, basket: CouponBasket): CouponEffect {
  switch (coupon.type) {
    case 'AMOUNT':
      return { discount: Math.min(coupon.value, basket.subtotal), freeShipping: false };
    case 'PERCENT': {
      const raw = percentOf(basket.subtotal, coupon.value);
      const capped = coupon.max_discount_amount === null ? raw : Math.min(raw, coupon.max_discount_amount);
      return { discount: Math.min(capped, basket.subtotal), freeShipping: false };
    }
    case 'FREE_SHIPPING':
      return { discount: 0, freeShipping: true };
  }
}
