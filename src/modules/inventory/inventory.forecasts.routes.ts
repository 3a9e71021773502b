import { stringify } from 'csv-stringify/sync';
import type { ZodApp } from '../../platform/http/app.ts';
import { sendCsv, wantsCsv } from '../../platform/http/csv-reply.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import { stockScope } from './inventory.access.ts';
import { ForecastNotFound } from './inventory.errors.ts';
import type { ForecastRow } from './inventory.forecasts.repository.ts';
import { ForecastView, ReorderCursor, ReorderList, ReorderQuery } from './inventory.forecasts.schemas.ts';
import type { StockForecasts } from './inventory.forecasts.ts';
import { OfferParams } from './inventory.schemas.ts';

const schema = { tags: ['inventory'], security: [{ bearer: [] }] };

/** The reorder suggestions and one offer's forecast: ADMIN the store's, a SELLER its own offers'. */
export function forecastRoutes(forecasts: StockForecasts) {
  return (app: ZodApp) => {
    app.get(
      '/admin/inventory/forecasts',
      {
        schema: {
          ...schema,
          summary: 'Reorder suggestions: offers whose stock runs out within lead time + review period',
          description:
            'From the latest daily forecasts, most urgent first (least days of cover beyond the lead time). `format=csv` or `Accept: text/csv` answers as CSV.',
          querystring: ReorderQuery,
          response: { 200: ReorderList },
        },
      },
      async (req, reply) => {
        const scope = stockScope(req.ctx);
        const { limit, cursor } = req.query;
        const after = decodeCursor(cursor, ReorderCursor) ?? null;
        const { day, rows } = await forecasts.reorderPage(req.ctx, {
          sellerId: scope,
          after,
          limit: limit + 1,
        });
        const page = toPage(rows, limit, presentForecast, (r) => ({
          slack: String(r.slack_days),
          offerId: r.offer_id,
        }));
        if (!wantsCsv(req)) return { day, ...page };
        return sendCsv(reply, `reorder-suggestions-${day ?? 'none'}.csv`, forecastCsv(page.items));
      },
    );
    app.get(
      '/admin/inventory/offers/:offerId/forecast',
      {
        schema: {
          ...schema,
          summary: "An offer's latest stock forecast (sellers: their own offers)",
          params: OfferParams,
          response: { 200: ForecastView },
        },
      },
      async (req) => {
        const scope = stockScope(req.ctx);
        const { offerId } = req.params;
        const [row] = isUuid(offerId) ? await forecasts.latest(req.ctx, [offerId], scope) : [];
        if (!row) throw new ForecastNotFound();
        return presentForecast(row);
      },
    );
  };
}

export function presentForecast(r: ForecastRow): ForecastView {
  return {
    offerId: r.offer_id,
    productId: r.product_id,
    sellerId: r.seller_id,
    computedOn: r.computed_on,
    method: r.method as ForecastView['method'],
    reason: r.reason,
    historyDays: r.history_days,
    zeroShare: r.zero_share,
    available: r.available,
    leadTimeDays: r.lead_time_days,
    reviewDays: r.review_days,
    dailyDemand: r.daily_demand,
    demand7: r.demand_7,
    demand14: r.demand_14,
    demand30: r.demand_30,
    demand30Interval:
      r.demand_30_low === null || r.demand_30_high === null
        ? null
        : { low: r.demand_30_low, high: r.demand_30_high },
    daysOfCover: r.days_of_cover,
    safetyStock: r.safety_stock,
    reorderPoint: r.reorder_point,
    reorderQuantity: r.reorder_qty,
    error: r.error,
    confidence: r.confidence as ForecastView['confidence'],
  };
}

const CSV_COLUMNS = [
  'offer_id',
  'product_id',
  'method',
  'available',
  'daily_demand',
  'demand_7',
  'demand_14',
  'demand_30',
  'days_of_cover',
  'lead_time_days',
  'safety_stock',
  'reorder_qty',
  'error',
] as const;

function forecastCsv(items: ForecastView[]): string {
  return stringify(
    items.map((f) => [
      f.offerId,
      f.productId,
      f.method,
      f.available,
      f.dailyDemand,
      f.demand7,
      f.demand14,
      f.demand30,
      f.daysOfCover,
      f.leadTimeDays,
      f.safetyStock,
      f.reorderQuantity,
      f.error,
    ]),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
