// What analytics reads of the other modules, wired in server.ts: the store's time zone, captured
// orders (by id, or by when they were placed, for a recount), refunds per day, and names to show.
import type { Ctx } from '../../platform/http/context.ts';
import type { Sale } from './analytics.sums.ts';

export interface AnalyticsPorts {
  /** The store's IANA time zone: its days are the rollups' days. */
  timeZone(ctx: Ctx): Promise<string>;
  /** Captured orders (money taken at some point): those of `ids`, or those placed in [from, to). */
  sales(ctx: Ctx, which: { ids: string[] } | { from: Date; to: Date }): Promise<Sale[]>;
  /** Refunds that went through in [from, to), summed per day of `timeZone`. */
  refundsByDay(
    ctx: Ctx,
    range: { from: Date; to: Date; timeZone: string },
  ): Promise<Array<{ day: string; amount: number }>>;
  /** Names to show beside ids in reports (an id without one is shown bare). */
  productNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>>;
  categoryNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>>;
  sellerNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>>;
}
