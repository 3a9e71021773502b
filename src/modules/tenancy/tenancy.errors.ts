import { AppError, Conflict, NotFound } from '../../platform/http/errors.ts';

export class StoreNotFound extends NotFound {
  constructor() {
    super('store', 'store-not-found');
  }
}

export class PolicyNotFound extends NotFound {
  constructor() {
    super('policy', 'policy-not-found');
  }
}

/** A suspended store answers its staff only (they may still sign in and pay); everyone else 503. */
export class StoreSuspended extends AppError {
  constructor() {
    super(503, 'store-suspended', 'Temporarily unavailable', 'This store is temporarily unavailable.');
  }
}

/**
 * An order cannot be placed in a store that is not published yet: its preview link and its staff
 * see it, and may fill a cart, but it takes no orders until its owner publishes it.
 */
export class StoreNotPublished extends Conflict {
  constructor() {
    super(
      'This store is not published yet: orders can be placed once its owner publishes it.',
      'store-not-published',
    );
  }
}

/** The tenant's plan does not allow more: 402, naming the limit, the plan and its maximum. */
export class PlanLimitReached extends AppError {
  constructor(limit: PlanLimit, plan: string, max: number) {
    super(
      402,
      'plan-limit-reached',
      'Plan limit reached',
      `The ${plan} plan allows ${max} ${LIMIT_WORDS[limit]}; upgrade the plan for more.`,
      { limit, plan, max },
    );
  }
}

export type PlanLimit = 'stores' | 'productsPerStore' | 'staffPerStore' | 'customDomains';

const LIMIT_WORDS: Record<PlanLimit, string> = {
  stores: 'store(s)',
  productsPerStore: 'product(s) per store',
  staffPerStore: 'staff member(s) per store',
  customDomains: 'custom domain(s)',
};

export class SubdomainTaken extends Conflict {
  constructor() {
    super('This subdomain is taken; choose another.', 'subdomain-taken', {
      errors: [{ pointer: '/subdomain', in: 'body', detail: 'This subdomain is taken.' }],
    });
  }
}

export class TenantNotFound extends NotFound {
  constructor() {
    super('tenant', 'tenant-not-found');
  }
}

/**
 * Prices and orders are kept in minor units of the store's currency (docs/decisions/018): once the
 * store has priced offers or orders, changing the currency would change what they mean.
 */
export class CurrencyInUse extends AppError {
  constructor(current: string) {
    const detail = `The store's prices and orders are in ${current}: its currency cannot change once it has priced offers or orders.`;
    super(409, 'currency-in-use', 'Conflict', detail, {
      errors: [{ pointer: '/currency', in: 'body', detail }],
    });
  }
}
