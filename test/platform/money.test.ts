import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  mulDivFloor,
  mulDivRound,
  multiply,
  percentOf,
  UnsafeAmount,
} from '../../src/platform/money.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const safeAmount = fc.integer({ min: -MAX, max: MAX });

/** The exact answer, in bigint: a × b ÷ c rounded half away from zero. */
function roundedQuotient(a: number, b: number, c: number): bigint {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = an / ad + ((an % ad) * 2n >= ad ? 1n : 0n);
  return negative ? -q : q;
}

describe('money arithmetic', () => {
  it('takes percentages of any safe amount exactly, rounded half away from zero', () => {
    expect(percentOf(250, 500)).toBe(13);
    expect(percentOf(-250, 500)).toBe(-13);
    expect(percentOf(149, 500)).toBe(7);
    fc.assert(
      fc.property(safeAmount, fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        expect(BigInt(percentOf(amount, bp))).toBe(roundedQuotient(amount, bp, 10_000));
      }),
      { numRuns: 2_000 },
    );
    // products past 2^53 that doubles round the wrong way
    expect(percentOf(85_455_686_914_496, 7_252)).toBe(61_972_464_150_392);
    expect(percentOf(5_484_140_258_976_351, 2_531)).toBe(1_388_035_899_546_914);
  });

  it('multiplies and divides in bigint, and refuses inputs or results that are not safe integers', () => {
    fc.assert(
      fc.property(safeAmount, safeAmount, fc.integer({ min: 1, max: MAX }), (a, b, c) => {
        const exact = roundedQuotient(a, b, c);
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) {
          expect(() => mulDivRound(a, b, c)).toThrow(UnsafeAmount);
        } else expect(BigInt(mulDivRound(a, b, c))).toBe(exact);
        const floor = BigInt(a) * BigInt(b);
        const expected = floor / BigInt(c) - (floor % BigInt(c) < 0n ? 1n : 0n);
        if (expected <= BigInt(MAX) && expected >= -BigInt(MAX)) {
          expect(BigInt(mulDivFloor(a, b, c))).toBe(expected);
        }
      }),
      { numRuns: 2_000 },
    );
    expect(() => multiply(1e12, 100_000)).toThrow(UnsafeAmount);
    expect(multiply(1e12, 9_000)).toBe(9e15);
    expect(() => percentOf(2 ** 53, 100)).toThrow(UnsafeAmount);
    expect(() => percentOf(1.5, 100)).toThrow(UnsafeAmount);
  });

  it('formats large amounts from their digits, never through a division in doubles', () => {
    expect(formatMoney(9_007_199_254_740_991, 'INR')).toBe('INR 90071992547409.91');
    expect(formatMoney(-9_007_199_254_740_991, 'KWD')).toBe('KWD -9007199254740.991');
    expect(formatMoney(123_450, 'INR')).toBe('INR 1234.50');
    expect(formatMoney(-5, 'INR')).toBe('INR -0.05');
    expect(formatMoney(1_234, 'JPY')).toBe('JPY 1234');
    expect(formatMoney(0, 'INR')).toBe('INR 0.00');
  });
});
