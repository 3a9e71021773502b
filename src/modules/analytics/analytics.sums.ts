// What sales and refunds add to the rollups, summed in memory: one counted order, one refund, or a
// whole recount, all through the same arithmetic so the increments and a recount agree.

/** The nil uuid stands for "no category" in the category rollup (its key is NOT NULL). */
export const NO_CATEGORY = '00000000-0000-0000-0000-000000000000';

export interface SaleLine {
  productId: string;
  categoryId: string | null;
  sellerId: string;
  quantity: number;
  revenue: number;
}

/** A captured order as analytics counts it. */
export interface Sale {
  orderId: string;
  placedAt: Date;
  total: number;
  provider: string;
  lines: SaleLine[];
}

export interface StoreSums {
  orders: number;
  revenue: number;
  refunds: number;
  units: number;
}

export interface ItemSums {
  orders: number;
  units: number;
  revenue: number;
}

export type Dimension = 'product' | 'category' | 'seller';

/** Sums keyed by `${day}|${key}`, ready to be added to the rollup tables. */
export class Sums {
  readonly store = new Map<string, StoreSums>();
  readonly items: Record<Dimension, Map<string, ItemSums>> = {
    product: new Map(),
    category: new Map(),
    seller: new Map(),
  };
  readonly payment = new Map<string, { orders: number; revenue: number }>();
  /** Sales by `${day}|${hour}` of the store's clock. */
  readonly hours = new Map<string, ItemSums>();

  /** One captured order, on `day`, in `hour` of it. */
  addSale(day: string, sale: Sale, hour: number): void {
    const units = sale.lines.reduce((n, l) => n + l.quantity, 0);
    const s = this.storeDay(day);
    s.orders += 1;
    s.revenue += sale.total;
    s.units += units;
    const h = at(this.hours, `${day}|${hour}`, () => ({ orders: 0, units: 0, revenue: 0 }));
    h.orders += 1;
    h.revenue += sale.total;
    h.units += units;
    const p = at(this.payment, `${day}|${sale.provider}`, () => ({ orders: 0, revenue: 0 }));
    p.orders += 1;
    p.revenue += sale.total;
    for (const dimension of ['product', 'category', 'seller'] as const) {
      const seen = new Set<string>();
      for (const line of sale.lines) {
        const key = `${day}|${keysOf(line)[dimension]}`;
        const sums = at(this.items[dimension], key, () => ({ orders: 0, units: 0, revenue: 0 }));
        // an order counts once per product (category, seller) however many of its lines it has
        if (!seen.has(key)) sums.orders += 1;
        seen.add(key);
        sums.units += line.quantity;
        sums.revenue += line.revenue;
      }
    }
  }

  addRefund(day: string, amount: number): void {
    this.storeDay(day).refunds += amount;
  }

  get empty(): boolean {
    return this.store.size === 0;
  }

  private storeDay(day: string): StoreSums {
    return at(this.store, day, () => ({ orders: 0, revenue: 0, refunds: 0, units: 0 }));
  }
}

/** The rollup rows a sale's line counts in: its product, category (or none) and seller. */
export function keysOf(line: SaleLine): Record<Dimension, string> {
  return { product: line.productId, category: line.categoryId ?? NO_CATEGORY, seller: line.sellerId };
}

function at<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Splits a `${day}|${key}` map key. */
export function splitKey(key: string): [string, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}
