import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export type CouponRejection =
  | 'unknown'
  | 'inactive'
  | 'not-started'
  | 'expired'
  | 'currency'
  | 'minimum-not-met'
  | 'usage-limit-reached'
  | 'per-user-limit-reached';

const MESSAGES: Record<CouponRejection, string> = {
  unknown: 'This coupon code does not exist.',
  inactive: 'This coupon is no longer active.',
  'not-started': 'This coupon is not valid yet.',
  expired: 'This coupon has expired.',
  currency: 'This coupon is for another currency.',
  'minimum-not-met': 'The order total is below this coupon’s minimum.',
  'usage-limit-reached': 'This coupon has been used up.',
  'per-user-limit-reached': 'You have already used this coupon as often as allowed.',
};

/** A coupon that cannot apply: limits reached are conflicts (409), everything else bad input (400). */
export function couponRejected(reason: CouponRejection) {
  if (reason === 'usage-limit-reached' || reason === 'per-user-limit-reached') {
    return new Conflict(MESSAGES[reason], `coupon-${reason}`);
  }
  return new BadRequest(
    MESSAGES[reason],
    [{ pointer: '/couponCode', in: 'body', detail: MESSAGES[reason] }],
    `coupon-${reason}`,
  );
}

export class CouponNotFound extends NotFound {
  constructor() {
    super('coupon', 'coupon-not-found');
  }
}

export class CouponCodeTaken extends Conflict {
  constructor() {
    super('A coupon with this code exists already.', 'coupon-code-taken');
  }
}

export class InsufficientPoints extends Conflict {
  constructor(balance: number) {
    super(`Only ${balance} reward points are available.`, 'insufficient-reward-points', { balance });
  }
}
