import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.');

/** `format=csv` (or `Accept: text/csv`) answers the report as CSV. */
const Format = z.enum(['json', 'csv']).optional();

export const RangeQuery = z.object({ from: Day, to: Day, format: Format });
export type RangeQuery = z.infer<typeof RangeQuery>;

export const TopQuery = RangeQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type TopQuery = z.infer<typeof TopQuery>;

export const SalesDay = z.object({
  date: z.string(),
  orders: z.number().int(),
  /** The sum of the day's counted orders' totals, in minor units of the store's currency. */
  revenue: z.number().int(),
});

export const SalesReport = z
  .object({
    days: z.array(SalesDay),
    totals: z.object({ orders: z.number().int(), revenue: z.number().int() }),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof SalesReport>;

export const HoursQuery = z.object({
  /** The store's day; today (the store's clock) when absent. */
  day: Day.optional(),
});
export type HoursQuery = z.infer<typeof HoursQuery>;

const SalesHour = z.object({
  /** 0–23, the hour of the store's clock. */
  hour: z.number().int(),
  orders: z.number().int(),
  revenue: z.number().int(),
  units: z.number().int(),
});

export const HourlySalesReport = z
  .object({
    day: z.string(),
    /** Every hour of the day, zero when quiet. */
    hours: z.array(SalesHour),
    /** The same hours of the day before, to compare with. */
    previous: z.object({ day: z.string(), hours: z.array(SalesHour) }),
    totals: z.object({ orders: z.number().int(), revenue: z.number().int(), units: z.number().int() }),
  })
  .meta({ id: 'HourlySalesReport' });
export type HourlySalesReport = z.infer<typeof HourlySalesReport>;

export const RankedRow = z.object({
  id: z.string(),
  name: z.string().nullable(),
  orders: z.number().int(),
  units: z.number().int(),
  revenue: z.number().int(),
});
export type RankedRow = z.infer<typeof RankedRow>;

export const RankedReport = z
  .object({ from: z.string(), to: z.string(), items: z.array(RankedRow) })
  .meta({ id: 'RankedReport' });
export type RankedReport = z.infer<typeof RankedReport>;

export const PaymentMixRow = z.object({
  provider: z.string(),
  orders: z.number().int(),
  revenue: z.number().int(),
  /** This method's part of the range's revenue, 0 to 1. */
  share: z.number(),
});

export const PaymentMixReport = z
  .object({ from: z.string(), to: z.string(), items: z.array(PaymentMixRow) })
  .meta({ id: 'PaymentMixReport' });
export type PaymentMixReport = z.infer<typeof PaymentMixReport>;

export const FunnelReport = z
  .object({
    from: z.string(),
    to: z.string(),
    views: z.number().int(),
    searches: z.number().int(),
    zeroResultSearches: z.number().int(),
    cartAdds: z.number().int(),
    checkoutsStarted: z.number().int(),
    checkoutsCompleted: z.number().int(),
    /** Each step over the one before it (0 to 1; 0 when the step before had none). */
    rates: z.object({
      viewToCart: z.number(),
      cartToCheckout: z.number(),
      checkoutToOrder: z.number(),
      viewToOrder: z.number(),
    }),
  })
  .meta({ id: 'FunnelReport' });
export type FunnelReport = z.infer<typeof FunnelReport>;

export const SearchQuery = TopQuery.extend({
  /** Only the terms some of whose searches found nothing, most such first. */
  zeroOnly: z.enum(['true', 'false']).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchTermsReport = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({ query: z.string(), searches: z.number().int(), zeroResults: z.number().int() }),
    ),
  })
  .meta({ id: 'SearchTermsReport' });
export type SearchTermsReport = z.infer<typeof SearchTermsReport>;
