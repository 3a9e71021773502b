import { mulDivRound } from '../../platform/money.ts';
import type { ItemRow, OrderRow } from './orders.repository.ts';

/** The figures of an order or of one seller's part of it, in minor units of the order's currency. */
export interface PartTotals {
  subtotal: number;
  discount: number;
  tax: number;
  /** The part of `tax` already inside the prices (shown, not added). */
  taxIncluded: number;
  shipping: number;
  total: number;
}

/**
 * A seller's share of an order: its items' sums. Exclusive tax is added; the part of the tax that
 * was inside the prices is taken in the order's proportion (exact unless one order mixes both).
 */
export function sellerTotals(o: OrderRow, items: ItemRow[]): PartTotals {
  const sum = (pick: (i: ItemRow) => number) => items.reduce((s, i) => s + pick(i), 0);
  const subtotal = sum((i) => i.subtotal_amount);
  const discount = sum((i) => i.discount_amount);
  const tax = sum((i) => i.tax_amount);
  const taxIncluded = o.tax_amount === 0 ? 0 : mulDivRound(o.tax_included_amount, tax, o.tax_amount);
  return {
    subtotal,
    discount,
    tax,
    taxIncluded,
    shipping: 0,
    total: subtotal - discount + tax - taxIncluded,
  };
}

/** The figures of a part of an order: the whole order as stored, or one seller's share. */
export function partTotals(o: OrderRow, items: ItemRow[], sellerId: string | null): PartTotals {
  if (sellerId)
    return sellerTotals(
      o,
      items.filter((i) => i.seller_id === sellerId),
    );
  return {
    subtotal: o.subtotal_amount,
    discount: o.discount_amount,
    tax: o.tax_amount,
    taxIncluded: o.tax_included_amount,
    shipping: o.shipping_amount,
    total: o.total_amount,
  };
}
