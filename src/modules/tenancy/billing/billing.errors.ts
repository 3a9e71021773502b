import { AppError, Conflict } from '../../../platform/http/errors.ts';

/**
 * The billing provider refused a call or did not answer: a 502 carrying the provider's own
 * description (never our request or credentials), so the owner can retry or fix what it names.
 */
export class BillingProviderError extends AppError {
  constructor(
    readonly provider: string,
    readonly providerStatus: number,
    readonly providerCode: string,
    description: string,
  ) {
    super(502, 'billing-provider-failed', 'The billing provider refused the request.', description, {
      provider,
      providerCode,
    });
  }
}

/** A downgrade to a plan whose limit the tenant is over; the limit and the numbers are named. */
export class PlanDowngradeRefused extends Conflict {
  constructor(
    readonly limit: string,
    readonly usage: number,
    readonly allowed: number,
  ) {
    super(
      `The plan allows ${allowed} ${limitLabel(limit)} and you have ${usage}; remove some before downgrading.`,
      'plan-downgrade-over-limit',
      { limit, usage, allowed },
    );
  }
}

const LABELS: Record<string, string> = {
  stores: 'stores',
  productsPerStore: 'products in a store',
  staff: 'staff members',
  customDomains: 'custom domains',
};

function limitLabel(limit: string): string {
  return LABELS[limit] ?? limit;
}
