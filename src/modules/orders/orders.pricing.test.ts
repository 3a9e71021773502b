import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderTooLarge } from './orders.errors.ts';
import { allocate, type PricingLine, priceOrder, type TaxRule, taxOn, taxRuleFor } from './orders.pricing.ts';

const line = (unitPrice: number, quantity: number, extra: Partial<PricingLine> = {}): PricingLine => ({
  key: `${unitPrice}x${quantity}`,
  unitPrice,
  quantity,
  categoryId: null,
  weightGrams: 500,
  requiresShipping: true,
  ...extra,
});
const india = { country: 'IN', region: 'KA' };
const gst18: TaxRule = {
  name: 'GST 18%',
  country: 'IN',
  region: null,
  categoryId: null,
  rateBp: 1800,
  inclusive: true,
};
const salesTax: TaxRule = {
  name: 'Sales tax',
  country: 'US',
  region: 'CA',
  categoryId: null,
  rateBp: 725,
  inclusive: false,
};

describe('order pricing', () => {
  it('adds exclusive tax on top and keeps inclusive tax inside the price', () => {
    const exclusive = priceOrder({
      lines: [line(10_000, 2)],
      pointsToRedeem: 0,
      pointValue: 100,
      destination: { country: 'US', region: 'CA' },
      taxRules: [salesTax],
      shipping: null,
    });
    expect(exclusive).toMatchObject({ subtotal: 20_000, tax: 1_450, taxIncluded: 0, total: 21_450 });
    const inclusive = priceOrder({
      lines: [line(11_800, 1)],
      pointsToRedeem: 0,
      pointValue: 100,
      destination: india,
      taxRules: [gst18],
      shipping: null,
    });
    expect(inclusive).toMatchObject({ subtotal: 11_800, tax: 1_800, taxIncluded: 1_800, total: 11_800 });
  });

  it('applies group discount, then coupon, then points, and spreads them over the lines', () => {
    const totals = priceOrder({
      lines: [line(3_000, 1, { groupDiscountBp: 1_000 }), line(7_000, 1, { groupDiscountBp: 1_000 })],
      coupon: (items) => ({ discount: Math.min(1_000, items), freeShipping: false }),
      pointsToRedeem: 5,
      pointValue: 100,
      destination: india,
      taxRules: [],
      shipping: null,
    });
    expect(totals).toMatchObject({
      subtotal: 10_000,
      groupDiscount: 1_000,
      couponDiscount: 1_000,
      pointsDiscount: 500,
      pointsRedeemed: 5,
      discount: 2_500,
    });
    expect(totals.lines.map((l) => l.discount)).toEqual([750, 1_750]);
    expect(totals.total).toBe(7_500);
  });

  it('keeps a line’s user-group discount on that line', () => {
    const totals = priceOrder({
      lines: [line(10_000, 1, { groupDiscountBp: 2_000 }), line(10_000, 1, { groupDiscountBp: 0 })],
      pointsToRedeem: 0,
      pointValue: 100,
      destination: india,
      taxRules: [{ ...gst18, inclusive: false, rateBp: 1_000 }],
      shipping: null,
    });
    expect(totals.lines.map((l) => l.discount)).toEqual([2_000, 0]);
    expect(totals.tax).toBe(800 + 1_000);
  });

  it('prices shipping by weight band, waives it above the threshold or with a free-shipping coupon', () => {
    const method = {
      code: 'std',
      name: 'Standard',
      flatAmount: 0,
      weightBands: [
        { upToGrams: 1_000, amount: 4_000 },
        { upToGrams: 5_000, amount: 9_000 },
      ],
      freeOverAmount: 50_000,
    };
    const base = {
      pointsToRedeem: 0,
      pointValue: 100,
      destination: india,
      taxRules: [],
      shipping: method,
    };
    expect(priceOrder({ ...base, lines: [line(1_000, 2)] }).shipping).toBe(4_000);
    expect(priceOrder({ ...base, lines: [line(1_000, 3)] }).shipping).toBe(9_000);
    expect(priceOrder({ ...base, lines: [line(1_000, 30)] }).shipping).toBe(9_000);
    expect(priceOrder({ ...base, lines: [line(60_000, 1)] }).shipping).toBe(0);
    expect(
      priceOrder({ ...base, lines: [line(1_000, 1)], coupon: () => ({ discount: 0, freeShipping: true }) })
        .shipping,
    ).toBe(0);
    expect(priceOrder({ ...base, lines: [line(1_000, 1, { requiresShipping: false })] }).shipping).toBe(0);
  });

  it('chooses the most specific tax rule', () => {
    const rules: TaxRule[] = [
      { ...gst18, name: 'country' },
      { ...gst18, name: 'books', categoryId: 'books', rateBp: 500 },
      { ...gst18, name: 'state', region: 'KA', rateBp: 1200 },
    ];
    expect(taxRuleFor(rules, india, null)?.name).toBe('state');
    expect(taxRuleFor(rules, { country: 'IN', region: 'MH' }, 'books')?.name).toBe('books');
    expect(taxRuleFor(rules, { country: 'US', region: null }, null)).toBeNull();
    expect(taxOn(11_800, { rateBp: 1_800, inclusive: true })).toBe(1_800);
  });

  it('always adds up, never goes below zero, and discounts exactly what it says', () => {
    fc.assert(fc.property(basketArb({ maxPrice: 5_000_000, maxQuantity: 99 }), addsUp), { numRuns: 500 });
  });

  it('adds up exactly with amounts up to 10^12 and quantities up to 100,000, or refuses the order', () => {
    let refused = 0;
    fc.assert(
      fc.property(basketArb({ maxPrice: 1_000_000_000_000, maxQuantity: 100_000 }), (basket) => {
        const exactSubtotal = basket.lines.reduce((s, l) => s + BigInt(l.unitPrice) * BigInt(l.quantity), 0n);
        try {
          const ok = addsUp(basket);
          return ok && exactSubtotal <= BigInt(Number.MAX_SAFE_INTEGER);
        } catch (error) {
          refused++;
          // refused only when the exact figures really pass 2^53 (the subtotal, or it with tax and shipping)
          return (
            error instanceof OrderTooLarge &&
            exactSubtotal * 2n + 10_000_000n > BigInt(Number.MAX_SAFE_INTEGER)
          );
        }
      }),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses an order whose amounts would pass 2^53 with a typed 400, never a rounded total', () => {
    const priced = (lines: PricingLine[]) => () =>
      priceOrder({
        lines,
        pointsToRedeem: 0,
        pointValue: 100,
        destination: india,
        taxRules: [gst18],
        shipping: null,
      });
    expect(priced([line(1_000_000_000_000, 100_000)])).toThrow(OrderTooLarge);
    expect(priced(Array.from({ length: 91 }, () => line(1_000_000_000_000, 99)))).toThrow(OrderTooLarge);
    expect(priced([line(1_000_000_000_000, 100_000)])).toThrow(
      expect.objectContaining({ status: 400, code: 'order-too-large' }),
    );
    const big = priceOrder({
      lines: [line(1_000_000_000_000, 9_000), line(7, 1)],
      pointsToRedeem: 0,
      pointValue: 100,
      destination: india,
      taxRules: [gst18],
      shipping: null,
    });
    expect(big.subtotal).toBe(9_000_000_000_000_007);
    expect(big.total).toBe(big.subtotal);
    expect(big.tax).toBe(big.taxIncluded);
    expect(big.lines.reduce((s, l) => s + l.tax, 0)).toBe(big.tax);
  });

  it('allocates whole parts that add up exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          return total === 0
            ? parts.every((p) => p === 0)
            : parts.reduce((a, b) => a + b, 0) === amount && parts.every((p) => p >= 0);
        },
      ),
    );
  });

  it('allocates large amounts exactly: the floor of each share, plus one for the largest remainders', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const amount = Math.floor(total * fraction);
          expect(allocate(amount, weights)).toEqual(largestRemainder(amount, weights));
        },
      ),
      { numRuns: 1_000 },
    );
    expect(allocate(4_000_000_000_000_001, [3_000_000_000_000_001, 3_000_000_000_000_000])).toEqual([
      2_000_000_000_000_001, 2_000_000_000_000_000,
    ]);
  });
});

/** The reference split, all in bigint: floors, then one unit each to the largest remainders. */
function largestRemainder(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (amount === 0 || total === 0n) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const parts = exact.map((e) => e / total);
  let left = BigInt(amount) - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

interface Basket {
  lines: PricingLine[];
  taxRules: TaxRule[];
  couponAmount: number;
  freeShipping: boolean;
  points: number;
  freeOver: number | null;
}

function basketArb(bounds: { maxPrice: number; maxQuantity: number }): fc.Arbitrary<Basket> {
  const lineArb = fc.record({
    unitPrice: fc.integer({ min: 0, max: bounds.maxPrice }),
    quantity: fc.integer({ min: 1, max: bounds.maxQuantity }),
    categoryId: fc.constantFrom(null, 'a', 'b'),
    weightGrams: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
    requiresShipping: fc.boolean(),
    groupDiscountBp: fc.integer({ min: 0, max: 10_000 }),
  });
  const ruleArb = fc.record({
    name: fc.constant('r'),
    country: fc.constantFrom('IN', 'US'),
    region: fc.constantFrom(null, 'KA', 'CA'),
    categoryId: fc.constantFrom(null, 'a', 'b'),
    rateBp: fc.integer({ min: 0, max: 10_000 }),
    inclusive: fc.boolean(),
  });
  return fc.record({
    lines: fc
      .array(lineArb, { minLength: 1, maxLength: 8 })
      .map((ls) => ls.map((l, i) => ({ key: String(i), ...l }))),
    taxRules: fc.array(ruleArb, { maxLength: 4 }),
    couponAmount: fc.integer({ min: 0, max: bounds.maxPrice * 2 }),
    freeShipping: fc.boolean(),
    points: fc.integer({ min: 0, max: 1_000_000_000 }),
    freeOver: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
  });
}

/** The totals rule, line sums and safe integers, for one random basket. */
function addsUp(b: Basket): boolean {
  const t = priceOrder({
    lines: b.lines,
    coupon: (items) => ({ discount: Math.min(b.couponAmount, items), freeShipping: b.freeShipping }),
    pointsToRedeem: b.points,
    pointValue: 100,
    destination: { country: 'IN', region: 'KA' },
    taxRules: b.taxRules,
    shipping: { code: 's', name: 's', flatAmount: 4_900, weightBands: [], freeOverAmount: b.freeOver },
  });
  const figures = [t.subtotal, t.discount, t.tax, t.taxIncluded, t.shipping, t.total];
  const lineFigures = t.lines.flatMap((l) => [l.subtotal, l.discount, l.tax]);
  const exactSubtotals = b.lines.map((l) => BigInt(l.unitPrice) * BigInt(l.quantity));
  // checked in bigint: the sums themselves may pass 2^53 on the way
  const n = BigInt;
  const sumOf = (values: number[]) => values.reduce((s, v) => s + n(v), 0n);
  return (
    [...figures, ...lineFigures].every(Number.isSafeInteger) &&
    t.lines.every((l, i) => n(l.subtotal) === exactSubtotals[i]) &&
    n(t.total) === n(t.subtotal) - n(t.discount) + n(t.tax) - n(t.taxIncluded) + n(t.shipping) &&
    t.total >= 0 &&
    t.discount <= t.subtotal &&
    n(t.discount) === n(t.groupDiscount) + n(t.couponDiscount) + n(t.pointsDiscount) &&
    sumOf(t.lines.map((l) => l.discount)) === n(t.discount) &&
    sumOf(t.lines.map((l) => l.tax)) === n(t.tax) &&
    t.taxIncluded <= t.tax
  );
}
