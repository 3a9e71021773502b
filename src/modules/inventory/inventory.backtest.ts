// How wrong the forecasts are (decision 028): hold out the last days of each series, forecast them
// from the rest, and measure. MASE (mean absolute error scaled by the in-sample error of the
// seasonal naive forecast, "same day last week") is defined for every series that varies; MAPE
// only where the actual is not zero, so it is given for the days that sold and for whole periods.
import { type ForecastMethod, forecastDemand, mean, SEASON } from './inventory.forecast.ts';

export interface SeriesError {
  method: ForecastMethod;
  /** null when the training series never varies from week to week (the scale is zero). */
  mase: number | null;
  /** Absolute percentage errors of the held-out days that sold. */
  dailyApes: number[];
  /** Absolute percentage error of the held-out period's total; null when nothing sold in it. */
  totalApe: number | null;
}

/** The error of forecasting `actual` (the held-out days) from `train`. */
export function seriesError(train: readonly number[], actual: readonly number[]): SeriesError {
  const forecast = forecastDemand(train, actual.length);
  if (forecast.method === 'none') return { method: 'none', mase: null, dailyApes: [], totalApe: null };
  const errors = actual.map((units, d) => Math.abs(units - forecast.daily[d]!));
  const scale = naiveScale(train.slice(train.length - forecast.historyDays));
  const sold = actual.reduce((s, v) => s + v, 0);
  const expected = forecast.daily.reduce((s, v) => s + v, 0);
  return {
    method: forecast.method,
    mase: scale > 0 ? mean(errors) / scale : null,
    dailyApes: actual.flatMap((units, d) => (units > 0 ? [errors[d]! / units] : [])),
    totalApe: sold > 0 ? Math.abs(expected - sold) / sold : null,
  };
}

/** Mean absolute error of the seasonal naive forecast over the training series. */
function naiveScale(train: readonly number[]): number {
  const diffs: number[] = [];
  for (let t = SEASON; t < train.length; t++) diffs.push(Math.abs(train[t]! - train[t - SEASON]!));
  return mean(diffs);
}

export interface ErrorSummary {
  /** Series forecast (and measured). */
  series: number;
  /** Mean of the series' MASE (below 1: better than "same day last week"). */
  mase: number | null;
  /** Median of the series' MASE. */
  medianMase: number | null;
  /** Mean absolute percentage error of the held-out days that sold, in percent. */
  dailyMape: number | null;
  /** Mean absolute percentage error of each series' held-out total, in percent. */
  totalMape: number | null;
}

export interface BacktestReport {
  holdoutDays: number;
  series: number;
  /** Series left without a forecast (too little history before the held-out days). */
  skipped: number;
  overall: ErrorSummary;
  methods: Partial<Record<Exclude<ForecastMethod, 'none'>, ErrorSummary>>;
}

/** Accumulates series errors as pages of series are measured. */
export class Backtest {
  private readonly errors: SeriesError[] = [];

  constructor(readonly holdoutDays: number) {}

  /** Measures one series (oldest day first, the held-out days last). */
  add(series: readonly number[]): SeriesError {
    const cut = series.length - this.holdoutDays;
    const error = seriesError(series.slice(0, Math.max(0, cut)), series.slice(Math.max(0, cut)));
    this.errors.push(error);
    return error;
  }

  report(): BacktestReport {
    const measured = this.errors.filter((e) => e.method !== 'none');
    const methods: BacktestReport['methods'] = {};
    for (const method of ['holt-winters', 'sba'] as const) {
      const of = measured.filter((e) => e.method === method);
      if (of.length) methods[method] = summarise(of);
    }
    return {
      holdoutDays: this.holdoutDays,
      series: this.errors.length,
      skipped: this.errors.length - measured.length,
      overall: summarise(measured),
      methods,
    };
  }
}

function summarise(errors: SeriesError[]): ErrorSummary {
  const mases = errors.flatMap((e) => (e.mase === null ? [] : [e.mase])).sort((a, b) => a - b);
  const daily = errors.flatMap((e) => e.dailyApes);
  const totals = errors.flatMap((e) => (e.totalApe === null ? [] : [e.totalApe]));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    series: errors.length,
    mase: mases.length ? round(mean(mases)) : null,
    medianMase: mases.length
      ? round((mases[(mases.length - 1) >> 1]! + mases[mases.length >> 1]!) / 2)
      : null,
    dailyMape: daily.length ? round(mean(daily) * 100) : null,
    totalMape: totals.length ? round(mean(totals) * 100) : null,
  };
}
