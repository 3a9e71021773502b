// The daily stock forecasts (decision 028): every stocked offer's demand forecast from its units
// sold per day, with days of cover and a reorder quantity, written a page of offers at a time; the
// reorder list and one offer's forecast read back; and the backtest over the same histories.
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Backtest, type BacktestReport, seriesError } from './inventory.backtest.ts';
import { forecastDemand, reorderPlan } from './inventory.forecast.ts';
import * as repo from './inventory.forecasts.repository.ts';

/** Days of sales history each forecast learns from (26 weeks), ending yesterday. */
export const HISTORY_DAYS = 182;
/** Days held out to measure each offer's own error (the `error` column). */
export const ERROR_HOLDOUT_DAYS = 14;
/** Days of forecasts kept per store. */
export const KEEP_DAYS = 35;
/** Offers forecast per statement and transaction. */
const PAGE = 500;

/** What the forecasts read of the other modules, wired in `src/flows/forecast.ts`. */
export interface ForecastPorts {
  /** The store's IANA time zone (its days are the history's days) and its day today. */
  today(ctx: Ctx): Promise<{ timeZone: string; day: string }>;
  /** Units sold per offer and day from `from` to `to` (YYYY-MM-DD, `to` excluded). */
  unitsSold(
    ctx: Ctx,
    range: { offerIds: string[]; from: string; to: string; timeZone: string },
  ): Promise<Array<{ offerId: string; day: string; units: number }>>;
}

export interface ForecastSettings {
  leadTimeDays: number;
  reviewDays: number;
  serviceLevel: number;
}

export class StockForecasts {
  constructor(
    private readonly ports: ForecastPorts,
    readonly settings: ForecastSettings,
  ) {}

  /** Stores with stock (the daily job's list); `db` is the tables' owner, across stores. */
  stockedStores(db: Parameters<typeof repo.stockedStores>[0]): Promise<string[]> {
    return repo.stockedStores(db);
  }

  /** Forecasts every stocked offer of the store for its day `today` (default: the store's today). */
  async run(ctx: Ctx, options: { today?: string } = {}): Promise<{ day: string; offers: number }> {
    const { timeZone, day: today } = await this.ports.today(ctx);
    const day = options.today ?? today;
    let offers = 0;
    let after: string | null = null;
    for (;;) {
      const page: repo.StockedOffer[] = await repo.stockedOffers(ctx.db, ctx.storeId, { after, limit: PAGE });
      if (page.length === 0) break;
      const series = await this.histories(ctx, page, { timeZone, end: day, days: HISTORY_DAYS });
      const rows = page.map((offer, i) => this.forecastRow(offer, series[i]!, day));
      await transaction(ctx.db, (trx) => repo.upsertForecasts(trx, ctx.storeId, rows));
      offers += page.length;
      after = page[page.length - 1]!.offerId;
    }
    await repo.deleteBefore(ctx.db, ctx.storeId, addDays(day, -KEEP_DAYS));
    return { day, offers };
  }

  /**
   * Holds out the last `holdoutDays` days before `today`, forecasts them from the HISTORY_DAYS days
   * before, and measures the error of every stocked offer.
   */
  async backtest(ctx: Ctx, options: { holdoutDays: number; today?: string }): Promise<BacktestReport> {
    const { timeZone, day: today } = await this.ports.today(ctx);
    const end = options.today ?? today;
    const backtest = new Backtest(options.holdoutDays);
    let after: string | null = null;
    for (;;) {
      const page: repo.StockedOffer[] = await repo.stockedOffers(ctx.db, ctx.storeId, { after, limit: PAGE });
      if (page.length === 0) break;
      const days = HISTORY_DAYS + options.holdoutDays;
      for (const series of await this.histories(ctx, page, { timeZone, end, days })) backtest.add(series);
      after = page[page.length - 1]!.offerId;
    }
    return backtest.report();
  }

  /** The latest forecasts of `offerIds` (those that have one). */
  async latest(ctx: Ctx, offerIds: string[], sellerId?: string): Promise<repo.ForecastRow[]> {
    const rows = await repo.latestOf(ctx.db, ctx.storeId, offerIds);
    return sellerId ? rows.filter((r) => r.seller_id === sellerId) : rows;
  }

  /** The offers to reorder per the store's latest forecasts, most urgent first. */
  async reorderPage(
    ctx: Ctx,
    page: { sellerId?: string; after: { slack: string; offerId: string } | null; limit: number },
  ): Promise<{ day: string | null; rows: repo.ForecastRow[] }> {
    const day = await repo.latestDay(ctx.db, ctx.storeId);
    if (!day) return { day, rows: [] };
    return { day, rows: await repo.reorderPage(ctx.db, ctx.storeId, { ...page, day }) };
  }

  /** Each offer's units sold per day over the `days` days before `end`, oldest first. */
  private async histories(
    ctx: Ctx,
    offers: repo.StockedOffer[],
    range: { timeZone: string; end: string; days: number },
  ): Promise<number[][]> {
    const from = addDays(range.end, -range.days);
    const sold = await this.ports.unitsSold(ctx, {
      offerIds: offers.map((o) => o.offerId),
      from,
      to: range.end,
      timeZone: range.timeZone,
    });
    const index = new Map(offers.map((o, i) => [o.offerId, i]));
    const series = offers.map(() => new Array<number>(range.days).fill(0));
    const start = Date.parse(`${from}T00:00:00Z`);
    for (const s of sold) {
      const d = Math.round((Date.parse(`${s.day}T00:00:00Z`) - start) / 86_400_000);
      const i = index.get(s.offerId);
      if (i !== undefined && d >= 0 && d < range.days) series[i]![d]! += s.units;
    }
    return series;
  }

  private forecastRow(offer: repo.StockedOffer, series: number[], day: string): repo.ForecastInsert {
    const forecast = forecastDemand(series, 30);
    const leadTimeDays = offer.leadTimeDays ?? this.settings.leadTimeDays;
    const plan = reorderPlan(forecast, { ...this.settings, leadTimeDays, available: offer.available });
    const cut = series.length - ERROR_HOLDOUT_DAYS;
    const error = plan ? seriesError(series.slice(0, cut), series.slice(cut)).mase : null;
    return {
      offer_id: offer.offerId,
      product_id: offer.productId,
      seller_id: offer.sellerId,
      computed_on: day,
      method: forecast.method,
      reason: forecast.reason,
      history_days: forecast.historyDays,
      zero_share: Math.round(forecast.zeroShare * 10_000) / 10_000,
      available: offer.available,
      lead_time_days: leadTimeDays,
      review_days: this.settings.reviewDays,
      daily_demand: plan?.dailyDemand ?? null,
      demand_7: plan?.demand7 ?? null,
      demand_14: plan?.demand14 ?? null,
      demand_30: plan?.demand30 ?? null,
      demand_30_low: plan?.demand30Low ?? null,
      demand_30_high: plan?.demand30High ?? null,
      sigma: plan ? Math.round(forecast.sigma * 10_000) / 10_000 : null,
      days_of_cover: plan?.daysOfCover ?? null,
      safety_stock: plan?.safetyStock ?? null,
      reorder_point: plan?.reorderPoint ?? null,
      reorder_qty: plan?.reorderQuantity ?? null,
      error: error === null ? null : Math.round(error * 10_000) / 10_000,
      confidence: confidenceOf(error),
    };
  }
}

/**
 * What an offer's own error says: below 0.8 of the "same day last week" error is high confidence,
 * up to 1.2 medium, more low; none when it could not be measured.
 */
export function confidenceOf(mase: number | null): 'high' | 'medium' | 'low' | null {
  if (mase === null) return null;
  return mase < 0.8 ? 'high' : mase <= 1.2 ? 'medium' : 'low';
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
