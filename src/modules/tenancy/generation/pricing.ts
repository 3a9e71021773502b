/**
 * Template prices are whole rupees; a store may sell in another currency. Each supported currency
 * has a fixed, approximate rate (its minor units per 1,000 INR, late 2026): prices only have to be
 * plausible for a first draft the owner edits, and a fixed table keeps generation deterministic and
 * offline. Any other currency is taken one major unit per rupee, scaled by its own minor digits.
 */
import { minorDigits, mulDivRound } from '../../../platform/money.ts';

export const MINOR_PER_1000_INR: Readonly<Record<string, number>> = {
  INR: 100_000,
  USD: 1_130,
  EUR: 980,
  GBP: 860,
  AED: 4_150,
  SGD: 1_470,
  AUD: 1_730,
  CAD: 1_580,
  JPY: 1_750,
  LKR: 340_000,
  NPR: 160_000,
  BDT: 137_000,
  KWD: 347,
};

function minorPer1000(currency: string): number {
  return MINOR_PER_1000_INR[currency] ?? 1000 * 10 ** minorDigits(currency);
}

/** Rounds a positive amount to three significant digits, never below one minor unit. */
function roundPrice(minor: number): number {
  const digits = String(minor).length;
  const step = digits > 3 ? 10 ** (digits - 3) : 1;
  return Math.max(1, Math.round(minor / step) * step);
}

/** `rupees × percent / 100` in the store currency's minor units, rounded to a shelf price. */
export function priceIn(currency: string, rupees: number, percent = 100): number {
  return roundPrice(mulDivRound(rupees * percent, minorPer1000(currency), 100 * 1000));
}
