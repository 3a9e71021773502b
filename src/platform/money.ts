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

/**
 * An amount that is not a safe integer (|n| > 2^53 − 1, or not whole) where exact money is needed.
 * Callers that take amounts from outside turn it into a 400 before it can reach a total.
 */
export class UnsafeAmount extends RangeError {
  constructor(value: number | bigint) {
    super(`${value} is not a whole amount within ±${Number.MAX_SAFE_INTEGER}`);
    this.name = 'UnsafeAmount';
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function big(n: number): bigint {
  if (!Number.isSafeInteger(n)) throw new UnsafeAmount(n);
  return BigInt(n);
}

function safeNumber(n: bigint): number {
  if (n > MAX_SAFE || n < -MAX_SAFE) throw new UnsafeAmount(n);
  return Number(n);
}

/** True when `n` is a whole number that doubles hold exactly (what every amount must be). */
export function isSafeAmount(n: number): boolean {
  return Number.isSafeInteger(n);
}

/**
 * `a × b ÷ c`, exact: the product is taken in `bigint` (it may pass 2^53), then divided and
 * rounded half away from zero. Inputs and result are safe integers (else UnsafeAmount).
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = big(a) * big(b);
  const divisor = big(c);
  if (divisor === 0n) throw new RangeError('division by zero');
  const negative = product < 0n !== divisor < 0n;
  const n = product < 0n ? -product : product;
  const d = divisor < 0n ? -divisor : divisor;
  const q = n / d + ((n % d) * 2n >= d ? 1n : 0n);
  return safeNumber(negative ? -q : q);
}

/** `⌊a × b ÷ c⌋`, exact (bigint inside), rounded toward −∞. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = big(a) * big(b);
  const divisor = big(c);
  if (divisor === 0n) throw new RangeError('division by zero');
  const q = product / divisor;
  const inexact = product % divisor !== 0n;
  return safeNumber(inexact && product < 0n !== divisor < 0n ? q - 1n : q);
}

/** `a × b` when it is a safe integer (else UnsafeAmount): unit price × quantity, points × value. */
export function multiply(a: number, b: number): number {
  return safeNumber(big(a) * big(b));
}

/** `amount × basisPoints / 10000`, rounded half away from zero (per line, before summing). */
export function percentOf(amount: number, basisPoints: number): number {
  return mulDivRound(amount, basisPoints, 10_000);
}

const digitsOf = new Map<string, number>();

/** How many minor units a currency has (INR 2, JPY 0, KWD 3), from the ISO 4217 data in Intl. */
export function minorDigits(currency: string): number {
  // a NumberFormat costs tens of microseconds to build; a mail renders a dozen amounts
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    if (digitsOf.size < 1000) digitsOf.set(currency, digits);
  }
  return digits;
}

/** Plain ASCII, for documents whose fonts lack currency symbols: "INR 1234.50". */
export function formatMoney(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  // from the integer's digits, not by dividing: a double cannot hold every large amount ÷ 100
  const units = (amount < 0 ? -big(amount) : big(amount)).toString().padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  return `${currency} ${sign}${digits > 0 ? `${whole}.${units.slice(-digits)}` : units}`;
}

/**
 * Minor units as the decimal string providers such as PayPal take ("25.00" USD, "2500" JPY), from
 * the integer's digits (no float arithmetic).
 */
export function toDecimalString(amount: number, currency: string): string {
  return formatMoney(amount, currency).slice(currency.length + 1);
}

/**
 * A provider's decimal string back to minor units ("25.5" USD → 2550); null when it is not a plain
 * non-negative decimal with at most the currency's digits.
 */
export function fromDecimalString(value: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  const fraction = (match?.[2] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > digits) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > MAX_SAFE ? null : Number(minor);
}
