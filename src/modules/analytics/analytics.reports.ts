// The dashboards' reports (ADMIN): sales per day, the best products, categories and sellers, and
// the payment method mix, the funnel and search terms, each over a range of the store's days read
// from the rollups, the answers kept per process until the store's rollups change (AnswerCache).
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, readDb } from '../../platform/http/context.ts';
import type { AnswerCache } from './analytics.cache.ts';
import { addDays, type DayRange, dayIn, eachDay, reportRange } from './analytics.days.ts';
import type { AnalyticsPorts } from './analytics.ports.ts';
import * as repo from './analytics.reports.repository.ts';
import type {
  FunnelReport,
  HourlySalesReport,
  HoursQuery,
  PaymentMixReport,
  RangeQuery,
  RankedReport,
  SalesReport,
  SearchQuery,
  SearchTermsReport,
  TopQuery,
} from './analytics.schemas.ts';
import { type Dimension, NO_CATEGORY } from './analytics.sums.ts';

export class AnalyticsReports {
  constructor(
    private readonly ports: AnalyticsPorts,
    private readonly cache: AnswerCache,
  ) {}

  /** Orders counted and their revenue per day of the range, every day present (zero when quiet). */
  async sales(ctx: Ctx, query: RangeQuery): Promise<SalesReport> {
    requireRole(ctx, 'ADMIN');
    const { from, to } = reportRange(query);
    return this.cache.get(ctx.storeId, 'sales', `sales|${from}|${to}`, () => this.readSales(ctx, from, to));
  }

  private async readSales(ctx: Ctx, from: string, to: string): Promise<SalesReport> {
    const rows = new Map((await repo.salesDays(readDb(ctx), ctx.storeId, from, to)).map((r) => [r.day, r]));
    const days = eachDay(from, to).map((date) => {
      const row = rows.get(date);
      return { date, orders: row?.orders ?? 0, revenue: row?.revenue ?? 0 };
    });
    const totals = days.reduce((t, d) => ({ orders: t.orders + d.orders, revenue: t.revenue + d.revenue }), {
      orders: 0,
      revenue: 0,
    });
    return { days, totals };
  }

  /** Sales per hour of one of the store's days (today by default), beside the day before's. */
  async hours(ctx: Ctx, query: HoursQuery): Promise<HourlySalesReport> {
    requireRole(ctx, 'ADMIN');
    const day = query.day ?? dayIn(new Date(), await this.ports.timeZone(ctx));
    reportRange({ from: day, to: day });
    return this.cache.get(ctx.storeId, 'sales', `hours|${day}`, () => this.readHours(ctx, day));
  }

  private async readHours(ctx: Ctx, day: string): Promise<HourlySalesReport> {
    const before = addDays(day, -1);
    const rows = await repo.salesHours(readDb(ctx), ctx.storeId, [day, before]);
    const hoursOf = (d: string) =>
      Array.from({ length: 24 }, (_, hour) => {
        const r = rows.find((x) => x.day === d && x.hour === hour);
        return { hour, orders: r?.orders ?? 0, revenue: r?.revenue ?? 0, units: r?.units ?? 0 };
      });
    const hours = hoursOf(day);
    const totals = hours.reduce(
      (t, h) => ({ orders: t.orders + h.orders, revenue: t.revenue + h.revenue, units: t.units + h.units }),
      { orders: 0, revenue: 0, units: 0 },
    );
    return { day, hours, previous: { day: before, hours: hoursOf(before) }, totals };
  }

  /** The best of a dimension by revenue, with names where the catalog or identity knows them. */
  async top(ctx: Ctx, dimension: Dimension, query: TopQuery): Promise<RankedReport> {
    requireRole(ctx, 'ADMIN');
    const { from, to } = reportRange(query);
    const key = `top|${dimension}|${from}|${to}|${query.limit}`;
    return this.cache.get(ctx.storeId, 'sales', key, () =>
      this.readTop(ctx, dimension, { from, to }, query.limit),
    );
  }

  private async readTop(
    ctx: Ctx,
    dimension: Dimension,
    range: DayRange,
    limit: number,
  ): Promise<RankedReport> {
    const { from, to } = range;
    const rows = await repo.ranked(readDb(ctx), ctx.storeId, dimension, { from, to, limit });
    const ids = rows.map((r) => r.id).filter((id) => id !== NO_CATEGORY);
    const names = ids.length > 0 ? await this.names(ctx, dimension, ids) : new Map<string, string>();
    const items = rows.map((r) => ({
      ...r,
      name: r.id === NO_CATEGORY ? 'Uncategorised' : (names.get(r.id) ?? null),
    }));
    return { from, to, items };
  }

  /** Orders and revenue per payment method, with each one's share of the revenue. */
  async paymentMix(ctx: Ctx, query: RangeQuery): Promise<PaymentMixReport> {
    requireRole(ctx, 'ADMIN');
    const { from, to } = reportRange(query);
    return this.cache.get(ctx.storeId, 'sales', `payments|${from}|${to}`, () =>
      this.readPaymentMix(ctx, from, to),
    );
  }

  private async readPaymentMix(ctx: Ctx, from: string, to: string): Promise<PaymentMixReport> {
    const rows = await repo.paymentMix(readDb(ctx), ctx.storeId, from, to);
    const total = rows.reduce((sum, r) => sum + r.revenue, 0);
    const items = rows.map((r) => ({
      ...r,
      share: total > 0 ? Math.round((r.revenue / total) * 10_000) / 10_000 : 0,
    }));
    return { from, to, items };
  }

  /** Views, searches, cart adds, checkouts started and completed over the range, with the rates between. */
  async funnel(ctx: Ctx, query: RangeQuery): Promise<FunnelReport> {
    requireRole(ctx, 'ADMIN');
    const { from, to } = reportRange(query);
    return this.cache.get(ctx.storeId, 'events', `funnel|${from}|${to}`, () =>
      this.readFunnel(ctx, from, to),
    );
  }

  private async readFunnel(ctx: Ctx, from: string, to: string): Promise<FunnelReport> {
    const f = await repo.funnel(readDb(ctx), ctx.storeId, from, to);
    const rate = (part: number, whole: number) =>
      whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
    return {
      from,
      to,
      ...f,
      rates: {
        viewToCart: rate(f.cartAdds, f.views),
        cartToCheckout: rate(f.checkoutsStarted, f.cartAdds),
        checkoutToOrder: rate(f.checkoutsCompleted, f.checkoutsStarted),
        viewToOrder: rate(f.checkoutsCompleted, f.views),
      },
    };
  }

  /** The most searched terms, or (zeroOnly) the terms searched without results. */
  async searches(ctx: Ctx, query: SearchQuery): Promise<SearchTermsReport> {
    requireRole(ctx, 'ADMIN');
    const { from, to } = reportRange(query);
    const wanted = { from, to, limit: query.limit, zeroOnly: query.zeroOnly === 'true' };
    const key = `searches|${from}|${to}|${wanted.limit}|${wanted.zeroOnly}`;
    return this.cache.get(ctx.storeId, 'events', key, async () => ({
      from,
      to,
      items: await repo.searchTerms(readDb(ctx), ctx.storeId, wanted),
    }));
  }

  private names(ctx: Ctx, dimension: Dimension, ids: string[]): Promise<Map<string, string>> {
    if (dimension === 'product') return this.ports.productNames(ctx, ids);
    if (dimension === 'category') return this.ports.categoryNames(ctx, ids);
    return this.ports.sellerNames(ctx, ids);
  }
}
