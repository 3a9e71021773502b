/** Money is integer minor units with an ISO 4217 currency; never floats. See docs/money.md. */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`Money amounts are whole minor units, got ${amount}`);
  return { amount, currency };
}

/** `amount × basisPoints / 10000`, rounded half away from zero (per line, before summing). */
export function percentOf(amount: number, basisPoints: number): number {
  const exact = (amount * basisPoints) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
