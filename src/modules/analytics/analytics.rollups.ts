// The rollups' writer (decision 025): the job worker adds each captured order and each refund
// once, keyed by the event that announced it; `rebuild` recounts a range of days from source.
import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { addDays, type DayRange, dayIn, hourIn, reportRange } from './analytics.days.ts';
import type { AnalyticsPorts } from './analytics.ports.ts';
import type { SaleFacts } from './analytics.rollups.repository.ts';
import * as repo from './analytics.rollups.repository.ts';
import { keysOf, type Sale, Sums } from './analytics.sums.ts';

/** Days a recount takes in one transaction: short ones, so the worker's increments wait little. */
const REBUILD_CHUNK_DAYS = 31;

/** What the rollups add: an order's capture (it counts on the day it was placed) or a refund. */
export type RollupEvent =
  | { eventId: string; orderId: string }
  | { eventId: string; refund: { amount: number; at: Date } };

/** A sale as `addEvents` counts it: on the day and hour of the store's clock it was placed. */
function factsOf(eventId: string, sale: Sale, timeZone: string): SaleFacts {
  return {
    eventId,
    orderId: sale.orderId,
    day: dayIn(sale.placedAt, timeZone),
    hour: hourIn(sale.placedAt, timeZone),
    provider: sale.provider,
    total: sale.total,
    lines: sale.lines.map((l) => ({ key: keysOf(l), quantity: l.quantity, revenue: l.revenue })),
  };
}

export class Rollups {
  constructor(
    private readonly ports: AnalyticsPorts,
    /** The store's sales rollups were written and committed (the answer cache reads them again). */
    private readonly written: (storeId: string) => void = () => {},
  ) {}

  /** An order's payment was captured (event `eventId`): it counts on the day it was placed. */
  async captured(ctx: Ctx, eventId: string, orderId: string): Promise<void> {
    await this.add(ctx, [{ eventId, orderId }]);
  }

  /** A refund of `amount` went through at `at` (event `eventId`): it counts on that day. */
  async refunded(ctx: Ctx, eventId: string, refund: { amount: number; at: Date }): Promise<void> {
    await this.add(ctx, [{ eventId, refund }]);
  }

  /**
   * Adds a batch of the store's events, each once, in one statement under the store's rollup lock
   * (`addEvents`): the captured orders are read first (a captured sale does not change), then what
   * was not recorded before is recorded and summed into every table.
   */
  async add(ctx: Ctx, events: RollupEvent[]): Promise<void> {
    const batch = [...new Map(events.map((e) => [e.eventId, e])).values()];
    if (batch.length === 0) return;
    const timeZone = await this.ports.timeZone(ctx);
    const announced = batch.filter((e) => 'orderId' in e);
    const ids = [...new Set(announced.map((e) => e.orderId))];
    const sales = new Map(
      (ids.length > 0 ? await this.ports.sales(ctx, { ids }) : []).map((s) => [s.orderId, s]),
    );
    await repo.addEvents(ctx.db, ctx.storeId, {
      eventIds: batch.map((e) => e.eventId),
      sales: announced.flatMap((e) => {
        const sale = sales.get(e.orderId);
        return sale ? [factsOf(e.eventId, sale, timeZone)] : [];
      }),
      refunds: batch.flatMap((e) =>
        'refund' in e
          ? [{ eventId: e.eventId, day: dayIn(e.refund.at, timeZone), amount: e.refund.amount }]
          : [],
      ),
    });
    this.written(ctx.storeId);
  }

  /**
   * Recounts the days of `range` from the orders and refunds themselves, a month at a time: their
   * sales sums are cleared and added again from every order captured and placed on them, and the
   * monthly rollups of the months they fall in summed again from the days.
   */
  async rebuild(ctx: Ctx, wanted: DayRange): Promise<{ orders: number; days: number }> {
    const range = reportRange(wanted, Number.POSITIVE_INFINITY);
    const timeZone = await this.ports.timeZone(ctx);
    let orders = 0;
    let days = 0;
    for (let from = range.from; from <= range.to; from = addDays(from, REBUILD_CHUNK_DAYS)) {
      const last = addDays(from, REBUILD_CHUNK_DAYS - 1);
      const to = last < range.to ? last : range.to;
      orders += await this.rebuildChunk(ctx, { from, to }, timeZone);
      days += Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    }
    return { orders, days };
  }

  /** Fresh planner statistics for the rollups after a bulk recount (e.g. the demo history's). */
  async analyze(ctx: Ctx): Promise<void> {
    await repo.analyzeRollups(ctx.db);
  }

  private async rebuildChunk(ctx: Ctx, range: DayRange, timeZone: string): Promise<number> {
    return transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      await repo.lockStore(trx, ctx.storeId);
      await repo.clearSales(trx, ctx.storeId, range.from, range.to);
      const { start, end } = await repo.dayBounds(trx, { ...range, timeZone });
      const sums = new Sums();
      for (const r of await this.ports.refundsByDay(tctx, { from: start, to: end, timeZone }))
        sums.addRefund(r.day, r.amount);
      const sales = await this.ports.sales(tctx, { from: start, to: end });
      const counted = await this.count(tctx, sales, timeZone, sums);
      await repo.recountMonths(trx, ctx.storeId, range.from, range.to);
      return counted;
    }).finally(() => this.written(ctx.storeId));
  }

  /**
   * Adds the orders of `sales` not counted yet to the daily rollups, with `sums` (a recount sums its
   * months from the days afterwards); returns how many were.
   */
  private async count(ctx: Ctx, sales: Sale[], timeZone: string, sums: Sums): Promise<number> {
    const days = sales.map((s) => ({ orderId: s.orderId, day: dayIn(s.placedAt, timeZone) }));
    const fresh = days.length > 0 ? await repo.countOrders(ctx.db, ctx.storeId, days) : new Set<string>();
    sales.forEach((sale, i) => {
      if (fresh.has(sale.orderId)) sums.addSale(days[i]!.day, sale, hourIn(sale.placedAt, timeZone));
    });
    if (!sums.empty) await repo.addSums(ctx.db, ctx.storeId, sums, false);
    return fresh.size;
  }
}
