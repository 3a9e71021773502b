// The store's order summary for a window of time: how many orders by status, and the revenue.
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { summarizeAnyOrders } from './orders.archive.repository.ts';
import type { OrderSummaryView } from './orders.schemas.ts';
import type { OrderStatus } from './orders.status.ts';

/** Cancelled and refunded orders count, but bring no revenue. */
const NOT_REVENUE: OrderStatus[] = ['CANCELLED', 'REFUNDED'];
const SUMMARY_MAX_DAYS = 366;

/** How many orders were placed in [from, to), by status, and their revenue per currency (ADMIN). */
export async function orderSummary(ctx: Ctx, query: { from: string; to: string }): Promise<OrderSummaryView> {
  requireRole(ctx, 'ADMIN');
  const [from, to] = [new Date(query.from), new Date(query.to)];
  if (!(from < to) || to.getTime() - from.getTime() > SUMMARY_MAX_DAYS * 86_400_000)
    throw new BadRequest(`The window must end after it starts, at most ${SUMMARY_MAX_DAYS} days later.`, [
      {
        pointer: '/to',
        in: 'query',
        detail: `Give a time after from, at most ${SUMMARY_MAX_DAYS} days later.`,
      },
    ]);
  const rows = await summarizeAnyOrders(ctx.db, ctx.storeId, from, to);
  const revenue = new Map<string, number>();
  const byStatus = new Map<OrderStatus, number>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    if (NOT_REVENUE.includes(row.status)) continue;
    revenue.set(row.currency, (revenue.get(row.currency) ?? 0) + Number(row.total));
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    count: rows.reduce((n, row) => n + row.count, 0),
    revenue: [...revenue].map(([currency, amount]) => ({ amount, currency })),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
  };
}
