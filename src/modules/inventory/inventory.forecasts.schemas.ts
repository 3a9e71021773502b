// Request and response shapes of the stock forecast calls (decision 028).
import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';

export const ForecastView = z
  .object({
    offerId: z.uuid(),
    productId: z.uuid(),
    sellerId: z.uuid(),
    /** The store's day the forecast was computed on (YYYY-MM-DD). */
    computedOn: z.string(),
    method: z.enum(['holt-winters', 'sba', 'none']),
    /** Why there is no forecast (`method: "none"`), else null. */
    reason: z.string().nullable(),
    historyDays: z.number().int(),
    zeroShare: z.number(),
    available: z.number().int(),
    leadTimeDays: z.number().int(),
    reviewDays: z.number().int(),
    dailyDemand: z.number().nullable(),
    demand7: z.number().nullable(),
    demand14: z.number().nullable(),
    demand30: z.number().nullable(),
    /** The interval of the next 30 days' demand at the store's service level. */
    demand30Interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    daysOfCover: z.number().nullable(),
    safetyStock: z.number().int().nullable(),
    reorderPoint: z.number().int().nullable(),
    /** Units to order now; 0 while the stock covers lead time + review period and safety stock. */
    reorderQuantity: z.number().int().nullable(),
    /** MASE of the offer's last 14 days forecast from the days before (below 1 beats "same day last week"). */
    error: z.number().nullable(),
    confidence: z.enum(['high', 'medium', 'low']).nullable(),
  })
  .meta({ id: 'StockForecast' });
export type ForecastView = z.infer<typeof ForecastView>;

export const ReorderQuery = PageQuery.extend({ format: z.enum(['json', 'csv']).optional() });

export const ReorderList = z
  .object({
    /** The day of the forecasts listed; null before the first run. */
    day: z.string().nullable(),
    items: z.array(ForecastView),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReorderSuggestions' });
export type ReorderList = z.infer<typeof ReorderList>;

export const ReorderCursor = z.object({ slack: z.string().regex(/^-?\d+(\.\d+)?$/), offerId: z.uuid() });
