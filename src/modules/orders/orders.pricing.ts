import { mulDivFloor, mulDivRound, multiply, percentOf, UnsafeAmount } from '../../platform/money.ts';
import { OrderTooLarge } from './orders.errors.ts';

/**
 * Order totals in integer minor units, as a pure function (docs/money.md):
 * subtotal − discount + tax (the part not already inside prices) + shipping = total ≥ 0.
 * Discounts apply in order: user-group percent (per line, staying on its line), coupon, reward points;
 * coupon and points are spread over the lines in proportion to what each still costs (largest
 * remainder), and tax is computed per line
 * on what the buyer pays for it, rounded half away from zero.
 * Every product of amounts is taken in `bigint` (money.ts) and every figure is a safe integer: an
 * order whose amounts would pass 2^53 minor units is refused with OrderTooLarge (400), never rounded.
 */
export interface PricingLine {
  key: string;
  unitPrice: number;
  quantity: number;
  categoryId: string | null;
  weightGrams: number | null;
  requiresShipping: boolean;
  /** The buyer's user-group discount on this line (seed 000: one rate for the store's own items, one for sellers'). */
  groupDiscountBp?: number;
}

export interface TaxRule {
  name: string;
  country: string;
  region: string | null;
  categoryId: string | null;
  rateBp: number;
  inclusive: boolean;
}

export interface ShippingMethod {
  code: string;
  name: string;
  flatAmount: number;
  weightBands: { upToGrams: number; amount: number }[];
  freeOverAmount: number | null;
}

export interface CouponEffect {
  discount: number;
  freeShipping: boolean;
}

export interface PricingInput {
  lines: PricingLine[];
  /** Given the items' value after the group discount and the shipping price, what the coupon takes. */
  coupon?: ((itemsAfterGroup: number, shipping: number) => CouponEffect) | undefined;
  pointsToRedeem: number;
  pointValue: number;
  destination: { country: string; region: string | null };
  taxRules: TaxRule[];
  shipping: ShippingMethod | null;
}

export interface PricedLine {
  key: string;
  subtotal: number;
  discount: number;
  tax: number;
  taxRateBp: number;
}

export interface Totals {
  subtotal: number;
  groupDiscount: number;
  couponDiscount: number;
  pointsRedeemed: number;
  pointsDiscount: number;
  discount: number;
  tax: number;
  taxIncluded: number;
  shipping: number;
  freeShipping: boolean;
  total: number;
  lines: PricedLine[];
}

export function priceOrder(input: PricingInput): Totals {
  try {
    return price(input);
  } catch (error) {
    if (error instanceof UnsafeAmount) throw new OrderTooLarge();
    throw error;
  }
}

function price(input: PricingInput): Totals {
  const subtotals = input.lines.map((l) => multiply(l.unitPrice, l.quantity));
  const subtotal = sum(subtotals);
  const groupParts = input.lines.map((l, i) =>
    Math.min(percentOf(subtotals[i]!, l.groupDiscountBp ?? 0), subtotals[i]!),
  );
  const groupDiscount = sum(groupParts);
  const baseShipping = shippingPrice(input.lines, input.shipping, subtotal - groupDiscount);
  const coupon = input.coupon?.(subtotal - groupDiscount, baseShipping) ?? {
    discount: 0,
    freeShipping: false,
  };
  const couponDiscount = Math.min(coupon.discount, subtotal - groupDiscount);
  const remaining = subtotal - groupDiscount - couponDiscount;
  const pointsDiscount = Math.min(pointsValue(input.pointsToRedeem, input.pointValue, remaining), remaining);
  const pointsRedeemed = input.pointValue > 0 ? Math.ceil(pointsDiscount / input.pointValue) : 0;
  const discount = sum([groupDiscount, couponDiscount, pointsDiscount]);
  // each line keeps its own group discount; coupon and points are spread over what remains
  const shared = allocate(
    couponDiscount + pointsDiscount,
    subtotals.map((v, i) => v - groupParts[i]!),
  );
  const lineDiscounts = groupParts.map((g, i) => g + shared[i]!);
  const lines = input.lines.map((line, i) => {
    const net = subtotals[i]! - lineDiscounts[i]!;
    const rule = taxRuleFor(input.taxRules, input.destination, line.categoryId);
    return {
      key: line.key,
      subtotal: subtotals[i]!,
      discount: lineDiscounts[i]!,
      tax: rule ? taxOn(net, rule) : 0,
      taxRateBp: rule?.rateBp ?? 0,
      inclusive: rule?.inclusive ?? false,
    };
  });
  const tax = sum(lines.map((l) => l.tax));
  const taxIncluded = sum(lines.filter((l) => l.inclusive).map((l) => l.tax));
  const shipping = coupon.freeShipping ? 0 : baseShipping;
  const total = sum([subtotal - discount, tax - taxIncluded, shipping]);
  return {
    subtotal,
    groupDiscount,
    couponDiscount,
    pointsRedeemed,
    pointsDiscount,
    discount,
    tax,
    taxIncluded,
    shipping,
    freeShipping: coupon.freeShipping,
    total,
    lines: lines.map(({ inclusive: _, ...l }) => l),
  };
}

/** What the points are worth, capped at `cap` before the product can pass 2^53. */
function pointsValue(points: number, value: number, cap: number): number {
  if (points === 0 || value === 0) return 0;
  return points > Math.floor(cap / value) ? cap : multiply(points, value);
}

/** A sum of safe integers that is itself safe (else UnsafeAmount): no total is ever rounded. */
function sum(values: number[]): number {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new UnsafeAmount(total);
  }
  return total;
}

/**
 * Splits `amount` over `weights` proportionally; the parts are whole and add up exactly. Each part
 * is ⌊amount × weight ÷ total⌋, taken in `bigint`, and the units left over go to the largest
 * remainders (ties to the earlier part).
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = sum(weights);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const whole = BigInt(total);
  const shares = weights.map((w, i) => {
    return { i, part: mulDivFloor(amount, w, total), remainder: (BigInt(amount) * BigInt(w)) % whole };
  });
  const parts = shares.map((s) => s.part);
  let left = amount - sum(parts);
  const order = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

/** The most specific active rule for the destination and category (region beats category). */
export function taxRuleFor(
  rules: TaxRule[],
  to: { country: string; region: string | null },
  categoryId: string | null,
): TaxRule | null {
  let best: TaxRule | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.country !== to.country) continue;
    if (rule.region !== null && rule.region.toLowerCase() !== (to.region ?? '').toLowerCase()) continue;
    if (rule.categoryId !== null && rule.categoryId !== categoryId) continue;
    const score = (rule.region !== null ? 2 : 0) + (rule.categoryId !== null ? 1 : 0);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/** Exclusive: rate × net. Inclusive: the tax already inside a gross price, net − net / (1 + rate). */
export function taxOn(amount: number, rule: Pick<TaxRule, 'rateBp' | 'inclusive'>): number {
  if (rule.inclusive) return amount - mulDivRound(amount, 10_000, 10_000 + rule.rateBp);
  return percentOf(amount, rule.rateBp);
}

export function shippingPrice(
  lines: PricingLine[],
  method: ShippingMethod | null,
  itemsValue: number,
): number {
  const shippable = lines.filter((l) => l.requiresShipping);
  if (!method || shippable.length === 0) return 0;
  if (method.freeOverAmount !== null && itemsValue >= method.freeOverAmount) return 0;
  if (method.weightBands.length === 0) return method.flatAmount;
  const grams = sum(shippable.map((l) => multiply(l.weightGrams ?? 0, l.quantity)));
  const band = method.weightBands.find((b) => grams <= b.upToGrams) ?? method.weightBands.at(-1)!;
  return band.amount;
}
