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

/** How many minor units a currency has (INR 2, JPY 0, KWD 3), from the ISO 4217 data in Intl. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Plain ASCII, for documents whose fonts lack currency symbols: "INR 1234.50". */
export function formatMoney(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  return `${currency} ${sign}${(Math.abs(amount) / 10 ** digits).toFixed(digits)}`;
}
