// Demand forecasting for stock (decision 028): pure functions over a daily series of units sold.
// Regular demand gets Holt-Winters (additive, damped trend, weekly season); intermittent demand
// (mostly zero days) gets Croston's method with the Syntetos-Boylan correction (SBA). Too little
// history gets no forecast at all, with the reason, never an invented number.

export type ForecastMethod = 'holt-winters' | 'sba' | 'none';

/** Days in a season: demand repeats by day of week. */
export const SEASON = 7;
/** Days of history (from the first sale) below which nothing is forecast. */
export const MIN_HISTORY_DAYS = 28;
/**
 * Average demand interval (days per day with a sale) above which demand is intermittent: the
 * Syntetos-Boylan cut-off 1.32, i.e. more than about a quarter of the days without a sale.
 */
export const INTERMITTENT_ADI = 1.32;

export interface DemandForecast {
  method: ForecastMethod;
  /** Why there is no forecast (`method: "none"`); null otherwise. */
  reason: string | null;
  /** Days of history used: from the first day with a sale to the last day of the series. */
  historyDays: number;
  /** Share of those days without a sale. */
  zeroShare: number;
  /** Expected units for each day after the series (empty for `none`). */
  daily: number[];
  /** Standard deviation of the one-day-ahead errors over the history (units a day). */
  sigma: number;
}

interface Fit {
  sse: number;
  count: number;
  forecast: (horizon: number) => number[];
}

/**
 * The forecast of the `horizon` days after `series` (units sold per day, oldest first, the last
 * element the last complete day). Days before the first sale are not history: the offer may not
 * have been on sale yet.
 */
export function forecastDemand(series: readonly number[], horizon = 30): DemandForecast {
  const first = series.findIndex((units) => units > 0);
  const history = first < 0 ? [] : series.slice(first);
  const selling = history.filter((units) => units > 0).length;
  const zeroShare = history.length ? 1 - selling / history.length : 1;
  const base = { historyDays: history.length, zeroShare, daily: [], sigma: 0 };
  if (history.length === 0) return { ...base, method: 'none', reason: 'no sales in the history' };
  if (history.length < MIN_HISTORY_DAYS)
    return {
      ...base,
      method: 'none',
      reason: `too little history: ${history.length} days since the first sale, ${MIN_HISTORY_DAYS} needed`,
    };
  const intermittent = history.length / selling > INTERMITTENT_ADI;
  const fit = intermittent ? bestFit(SBA_GRID.map((a) => fitSba(history, a))) : bestHoltWinters(history);
  return {
    ...base,
    method: intermittent ? 'sba' : 'holt-winters',
    reason: null,
    daily: fit.forecast(horizon).map((units) => Math.max(0, units)),
    sigma: fit.count > 0 ? Math.sqrt(fit.sse / fit.count) : 0,
  };
}

/** Smoothing constants tried for each series; the one with the least squared one-day error wins. */
const HW_ALPHA = [0.05, 0.1, 0.2, 0.35, 0.5];
const HW_BETA = [0, 0.02, 0.1];
const HW_GAMMA = [0.05, 0.15, 0.3];
const HW_PHI = [0.9, 0.98];
const SBA_GRID = [0.05, 0.1, 0.2, 0.3];

function bestFit(fits: Fit[]): Fit {
  return fits.reduce((best, fit) => (fit.sse < best.sse ? fit : best));
}

function bestHoltWinters(y: readonly number[]): Fit {
  const fits: Fit[] = [];
  for (const alpha of HW_ALPHA)
    for (const beta of HW_BETA)
      for (const gamma of HW_GAMMA)
        for (const phi of HW_PHI) fits.push(fitHoltWinters(y, alpha, beta, gamma, phi));
  return bestFit(fits);
}

/**
 * Additive Holt-Winters with a damped trend. Starts from the first two weeks (level: the first
 * week's mean; trend: the week-on-week change per day; season: the first week's deviations), then
 * runs the usual updates; the first week is burn-in and does not count in the error.
 */
export function fitHoltWinters(
  y: readonly number[],
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
): Fit {
  const week1 = mean(y.slice(0, SEASON));
  const week2 = mean(y.slice(SEASON, 2 * SEASON));
  let level = week1;
  let trend = (week2 - week1) / SEASON;
  const season = y.slice(0, SEASON).map((units) => units - week1);
  let sse = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    const s = season[t % SEASON]!;
    const predicted = level + phi * trend + s;
    if (t >= SEASON) {
      sse += (y[t]! - predicted) ** 2;
      count++;
    }
    const previous = level;
    level = alpha * (y[t]! - s) + (1 - alpha) * (previous + phi * trend);
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
    season[t % SEASON] = gamma * (y[t]! - level) + (1 - gamma) * s;
  }
  const n = y.length;
  return {
    sse,
    count,
    forecast: (horizon) => {
      const out: number[] = [];
      let damped = 0;
      for (let h = 1; h <= horizon; h++) {
        damped += phi ** h;
        out.push(level + damped * trend + season[(n + h - 1) % SEASON]!);
      }
      return out;
    },
  };
}

/**
 * Croston's method with the Syntetos-Boylan correction: the size of a sale and the days between
 * sales are smoothed apart; the daily rate is (1 − α/2) · size / interval. The series starts with
 * a sale; the interval starts at the series' mean interval.
 */
export function fitSba(y: readonly number[], alpha: number): Fit {
  const selling = y.filter((units) => units > 0).length;
  let size = y[0]!;
  let interval = y.length / Math.max(1, selling);
  let since = 1;
  let sse = 0;
  let count = 0;
  const rate = () => ((1 - alpha / 2) * size) / interval;
  for (let t = 1; t < y.length; t++) {
    const units = y[t]!;
    if (t >= SEASON) {
      sse += (units - rate()) ** 2;
      count++;
    }
    if (units > 0) {
      size = alpha * units + (1 - alpha) * size;
      interval = alpha * since + (1 - alpha) * interval;
      since = 1;
    } else since++;
  }
  return { sse, count, forecast: (horizon) => Array.from({ length: horizon }, rate) };
}

export interface ReorderSettings {
  /** Units that can be sold now. */
  available: number;
  /** Days from ordering stock to having it on the shelf. */
  leadTimeDays: number;
  /** Days between two looks at the stock (the next chance to order). */
  reviewDays: number;
  /** Probability of not running out before a new order arrives (0.5–0.999). */
  serviceLevel: number;
}

export interface ReorderPlan {
  demand7: number;
  demand14: number;
  demand30: number;
  /** The interval of 30 days' demand at the service level (normal errors, independent by day). */
  demand30Low: number;
  demand30High: number;
  /** Mean expected units a day over the next 30 days. */
  dailyDemand: number;
  /** available ÷ daily demand; null when no demand is expected. */
  daysOfCover: number | null;
  /** z × σ × √lead time, rounded up. */
  safetyStock: number;
  /** Expected demand over the lead time plus the safety stock, rounded up. */
  reorderPoint: number;
  /** Units to order now to reach lead time + review period of demand plus the safety stock. */
  reorderQuantity: number;
}

/** What a forecast means for the stock on hand: cover, safety stock and the quantity to order. */
export function reorderPlan(forecast: DemandForecast, settings: ReorderSettings): ReorderPlan | null {
  if (forecast.method === 'none') return null;
  const z = normalQuantile(settings.serviceLevel);
  const over = (days: number) => demandOver(forecast.daily, days);
  const demand30 = over(30);
  const dailyDemand = demand30 / 30;
  const band = z * forecast.sigma * Math.sqrt(30);
  const safetyStock = ceil(z * forecast.sigma * Math.sqrt(settings.leadTimeDays));
  const target = over(settings.leadTimeDays + settings.reviewDays) + safetyStock;
  return {
    demand7: round2(over(7)),
    demand14: round2(over(14)),
    demand30: round2(demand30),
    demand30Low: round2(Math.max(0, demand30 - band)),
    demand30High: round2(demand30 + band),
    dailyDemand: round2(dailyDemand),
    daysOfCover: dailyDemand > 0 ? round2(settings.available / dailyDemand) : null,
    safetyStock,
    reorderPoint: ceil(over(settings.leadTimeDays) + safetyStock),
    reorderQuantity: Math.max(0, ceil(target - settings.available)),
  };
}

/** Units expected over the first `days` days; past the forecast's end, at its last week's mean. */
export function demandOver(daily: readonly number[], days: number): number {
  let total = 0;
  for (let d = 0; d < Math.min(days, daily.length); d++) total += daily[d]!;
  if (days > daily.length && daily.length > 0)
    total += (days - daily.length) * mean(daily.slice(-Math.min(SEASON, daily.length)));
  return total;
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9):
 * z for a service level p, e.g. 1.645 for 0.95.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`service level ${p} is not between 0 and 1`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/** Rounds up, but not for the last bits of floating-point noise (70.000000001 is 70 units). */
function ceil(value: number): number {
  return Math.ceil(value - 1e-6) || 0; // never -0
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
