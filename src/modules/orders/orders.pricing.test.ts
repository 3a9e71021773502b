import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
    const lineArb = fc.record({
      unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
      quantity: fc.integer({ min: 1, max: 99 }),
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
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.array(ruleArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
        (lines, taxRules, couponAmount, freeShipping, points, freeOver) => {
          const t = priceOrder({
            lines: lines.map((l, i) => ({ key: String(i), ...l })),
            coupon: (items) => ({ discount: Math.min(couponAmount, items), freeShipping }),
            pointsToRedeem: points,
            pointValue: 100,
            destination: { country: 'IN', region: 'KA' },
            taxRules,
            shipping: { code: 's', name: 's', flatAmount: 4_900, weightBands: [], freeOverAmount: freeOver },
          });
          const ints = [t.subtotal, t.discount, t.tax, t.taxIncluded, t.shipping, t.total].every(
            Number.isSafeInteger,
          );
          return (
            ints &&
            t.total === t.subtotal - t.discount + t.tax - t.taxIncluded + t.shipping &&
            t.total >= 0 &&
            t.discount <= t.subtotal &&
            t.discount === t.groupDiscount + t.couponDiscount + t.pointsDiscount &&
            t.lines.reduce((s, l) => s + l.discount, 0) === t.discount &&
            t.lines.reduce((s, l) => s + l.tax, 0) === t.tax &&
            t.taxIncluded <= t.tax
          );
        },
      ),
      { numRuns: 500 },
    );
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
});
