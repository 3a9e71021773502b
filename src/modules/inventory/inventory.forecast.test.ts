import { describe, expect, it } from 'vitest';
import { Backtest, seriesError } from './inventory.backtest.ts';
import {
  demandOver,
  forecastDemand,
  MIN_HISTORY_DAYS,
  normalQuantile,
  type ReorderSettings,
  reorderPlan,
} from './inventory.forecast.ts';

const days = (n: number, f: (t: number) => number) => Array.from({ length: n }, (_, t) => f(t));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const settings: ReorderSettings = { available: 100, leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 };

/** A fixed pseudo-random sequence (mulberry32), so the tests never vary. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('demand forecast', () => {
  it('forecasts a constant demand as that constant, with no spread', () => {
    const f = forecastDemand(
      days(60, () => 5),
      30,
    );
    expect(f.method).toBe('holt-winters');
    for (const units of f.daily) expect(units).toBeCloseTo(5, 6);
    expect(f.sigma).toBeCloseTo(0, 6);
  });

  it('continues a rising trend, damped', () => {
    const f = forecastDemand(
      days(84, (t) => 10 + 0.5 * t),
      7,
    );
    expect(f.method).toBe('holt-winters');
    const truth = sum(days(7, (h) => 10 + 0.5 * (84 + h)));
    expect(sum(f.daily)).toBeGreaterThan(sum(days(7, () => 10 + 0.5 * 83)) - 1);
    expect(Math.abs(sum(f.daily) - truth) / truth).toBeLessThan(0.03);
  });

  it('repeats a weekly pattern on the right weekdays', () => {
    const week = [2, 3, 3, 4, 8, 12, 10];
    const f = forecastDemand(
      days(70, (t) => week[t % 7]!),
      14,
    );
    expect(f.method).toBe('holt-winters');
    // the series ends on day 69 (weekday 69 % 7 = 6), so the forecast starts at weekday 0
    f.daily.forEach((units, h) => {
      expect(units).toBeCloseTo(week[h % 7]!, 1);
    });
  });

  it('uses SBA for intermittent demand, at about the mean rate, flat', () => {
    const random = seeded(7);
    const series = days(180, () => (random() < 0.2 ? 1 + Math.floor(random() * 4) : 0));
    const f = forecastDemand(series, 30);
    expect(f.method).toBe('sba');
    expect(f.zeroShare).toBeGreaterThan(0.6);
    const rate = sum(series.slice(series.findIndex((u) => u > 0))) / 180;
    expect(f.daily[0]).toBeGreaterThan(rate * 0.5);
    expect(f.daily[0]).toBeLessThan(rate * 1.5);
    expect(new Set(f.daily).size).toBe(1);
  });

  it('chooses by the share of days without a sale', () => {
    // one zero day in four: average interval 4/3 > 1.32
    expect(forecastDemand(days(56, (t) => (t % 4 === 3 ? 0 : 3))).method).toBe('sba');
    // one in five: 5/4 < 1.32
    expect(forecastDemand(days(56, (t) => (t % 5 === 4 ? 0 : 3))).method).toBe('holt-winters');
  });

  it('says there is no history instead of inventing numbers', () => {
    for (const series of [[], days(90, () => 0)]) {
      const f = forecastDemand(series);
      expect(f).toMatchObject({ method: 'none', reason: 'no sales in the history', daily: [] });
      expect(reorderPlan(f, settings)).toBeNull();
    }
  });

  it('needs four weeks since the first sale', () => {
    const young = [...days(60, () => 0), ...days(MIN_HISTORY_DAYS - 1, () => 4)];
    expect(forecastDemand(young)).toMatchObject({ method: 'none', historyDays: MIN_HISTORY_DAYS - 1 });
    expect(forecastDemand(young).reason).toMatch(/too little history: 27 days/);
    expect(forecastDemand([...young, 4]).method).toBe('holt-winters');
  });

  it('never forecasts negative demand', () => {
    const f = forecastDemand(
      days(56, (t) => Math.max(0, 40 - t)),
      30,
    );
    for (const units of f.daily) expect(units).toBeGreaterThanOrEqual(0);
  });
});

describe('reorder plan', () => {
  it('gives demand, days of cover and an order up to lead time plus review period', () => {
    const plan = reorderPlan(forecastDemand(days(60, () => 5)), { ...settings, available: 20 })!;
    expect(plan).toMatchObject({ demand7: 35, demand14: 70, demand30: 150, dailyDemand: 5, daysOfCover: 4 });
    // no spread: no safety stock; 14 days of demand (70) less the 20 available
    expect(plan).toMatchObject({ safetyStock: 0, reorderPoint: 35, reorderQuantity: 50 });
  });

  it('holds safety stock of z × σ × √lead time', () => {
    const random = seeded(3);
    const f = forecastDemand(days(120, () => 10 + Math.round((random() - 0.5) * 8)));
    const plan = reorderPlan(f, { ...settings, leadTimeDays: 9 })!;
    expect(f.sigma).toBeGreaterThan(0);
    expect(plan.safetyStock).toBe(Math.ceil(1.6448536 * f.sigma * 3));
    expect(plan.demand30Low).toBeLessThan(plan.demand30);
    expect(plan.demand30High).toBeGreaterThan(plan.demand30);
  });

  it('orders nothing while the stock covers the target', () => {
    const plan = reorderPlan(forecastDemand(days(60, () => 2)), { ...settings, available: 500 })!;
    expect(plan.reorderQuantity).toBe(0);
    expect(plan.daysOfCover).toBe(250);
  });

  it('extends a forecast past its end at its last week', () => {
    expect(demandOver([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2], 20)).toBe(7 + 14 + 6 * 2);
  });

  it('knows the normal quantiles of the usual service levels', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('backtest', () => {
  it('beats "same day last week" on a rising weekly pattern, and reports each method', () => {
    const week = [2, 3, 3, 4, 8, 12, 10];
    const backtest = new Backtest(14);
    // a weekly pattern on a steady rise: "same day last week" is always a little short
    backtest.add(days(84, (t) => week[t % 7]! + 0.2 * t));
    backtest.add(days(84, (t) => (t % 4 === 0 ? 2 : 0)));
    backtest.add(days(84, () => 0));
    const report = backtest.report();
    expect(report).toMatchObject({ holdoutDays: 14, series: 3, skipped: 1 });
    expect(report.methods['holt-winters']!.mase).toBeLessThan(0.5);
    expect(report.methods.sba!.series).toBe(1);
    expect(report.overall.series).toBe(2);
  });

  it('leaves MAPE out for days and periods that sold nothing', () => {
    const train = days(56, (t) => (t % 3 === 0 ? 3 : 0));
    const error = seriesError(
      train,
      days(14, () => 0),
    );
    expect(error.method).toBe('sba');
    expect(error.dailyApes).toEqual([]);
    expect(error.totalApe).toBeNull();
    expect(error.mase).toBeGreaterThan(0);
  });
});
