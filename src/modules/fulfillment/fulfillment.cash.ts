import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { guardFormula } from '../../platform/csv.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest, Conflict } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { findAgent } from './fulfillment.agents.repository.ts';
import * as repo from './fulfillment.cash.repository.ts';
import type {
  AgentCashView,
  ReconciliationQuery,
  ReconciliationRow,
  ReconciliationTotal,
  ReconciliationView,
  RemittanceBody,
  RemittanceView,
} from './fulfillment.cash.schemas.ts';
import type { FulfillmentContext } from './fulfillment.context.ts';
import { AgentNotFound } from './fulfillment.errors.ts';
import { FulfillmentEvents } from './fulfillment.events.ts';
import type { RemittanceRow } from './fulfillment.tables.ts';

/** The longest reconciliation report, in days (a quarter). */
export const MAX_REPORT_DAYS = 92;
/** How many of an agent's differing collections its cash view lists (newest first). */
const DISCREPANCIES_SHOWN = 50;
const DAY_MS = 86_400_000;

export class RemittanceExceedsBalance extends Conflict {
  constructor(outstanding: number, currency: string) {
    super(
      `The agent holds ${outstanding} (minor units) of ${currency}; a remittance cannot be more.`,
      'remittance-exceeds-balance',
      { outstanding: { amount: outstanding, currency } },
    );
  }
}

const money = (amount: number, currency: string) => ({ amount, currency });

/**
 * The cash delivery agents hold: what they collected at the door minus what they handed in, the
 * remittances that hand it in (one agent at a time, never more than it holds), and the daily
 * reconciliation report staff check it with.
 */
export class Cash {
  constructor(
    private readonly f: FulfillmentContext,
    private readonly isAgent: (ctx: Ctx, userId: string) => Promise<boolean>,
  ) {}

  /** ADMIN: an agent's cash; 404 unless the user is a delivery agent of the store. */
  async ofAgent(ctx: Ctx, agentId: string): Promise<AgentCashView> {
    requireRole(ctx, 'ADMIN');
    await this.requireAgent(ctx, agentId);
    return this.cashOf(ctx, agentId);
  }

  /** The calling agent's own cash. */
  async mine(ctx: Ctx): Promise<AgentCashView> {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    return this.cashOf(ctx, actor.userId);
  }

  /**
   * ADMIN: records cash an agent hands in. Under the lock of the agent's row the balance is read
   * and the remittance written, so racing remittances together never exceed what the agent holds.
   */
  async remit(ctx: Ctx, agentId: string, body: RemittanceBody): Promise<RemittanceView> {
    const actor = requireRole(ctx, 'ADMIN');
    await this.requireAgent(ctx, agentId);
    const { amount, currency } = body.amount;
    const row = await transaction(ctx.db, async (trx) => {
      await repo.lockAgent(trx, ctx.storeId, agentId);
      const [held] = await repo.agentBalances(trx, ctx.storeId, agentId, currency);
      const outstanding = held ? held.collected - held.remitted : 0;
      if (amount > outstanding) throw new RemittanceExceedsBalance(outstanding, currency);
      const remitted = await repo.insertRemittance(trx, {
        id: newId(),
        store_id: ctx.storeId,
        agent_id: agentId,
        currency,
        amount,
        method: body.method,
        reference: body.reference ?? null,
        note: body.note ?? null,
        recorded_by: actor.userId,
      });
      await this.f.jobs.publish(trx, {
        name: FulfillmentEvents.codRemitted,
        storeId: ctx.storeId,
        payload: {
          remittanceId: remitted.id,
          agentId,
          currency,
          amount,
          method: body.method,
          outstanding: outstanding - amount,
        },
      });
      return remitted;
    });
    return presentRemittance(row);
  }

  /** ADMIN: an agent's remittances, newest first. */
  async remittances(ctx: Ctx, agentId: string, query: { limit: number; cursor?: string | undefined }) {
    requireRole(ctx, 'ADMIN');
    await this.requireAgent(ctx, agentId);
    const after = decodeCursor(query.cursor, z.object({ id: z.uuid() }));
    const rows = await repo.listRemittances(ctx.db, ctx.storeId, agentId, {
      after: after?.id,
      limit: query.limit,
    });
    return toPage(rows, query.limit, presentRemittance, (r) => ({ id: r.id }));
  }

  /** ADMIN: per agent and UTC day of [from, to], the cash due, collected, remitted and held. */
  async reconciliation(ctx: Ctx, query: ReconciliationQuery): Promise<ReconciliationView> {
    requireRole(ctx, 'ADMIN');
    const { from, until } = reportRange(query.from, query.to);
    const days = await repo.reconciliationDays(ctx.db, ctx.storeId, { from, until, agentId: query.agentId });
    const rows = days.map(
      (d): ReconciliationRow => ({
        date: d.day,
        agentId: d.agent_id,
        currency: d.currency,
        due: money(d.due, d.currency),
        collected: money(d.collected, d.currency),
        remitted: money(d.remitted, d.currency),
        discrepancy: money(d.collected - d.due, d.currency),
        outstanding: money(d.outstanding, d.currency),
        deliveries: d.deliveries,
      }),
    );
    return { from: query.from, to: query.to, rows, totals: totalsOf(rows) };
  }

  /**
   * A delivery agent of the store, or a user that was one (its profile row stays): an agent whose
   * role was taken away may still hold cash, and staff must be able to take it in.
   */
  private async requireAgent(ctx: Ctx, agentId: string): Promise<void> {
    if (!isUuid(agentId)) throw new AgentNotFound();
    if (await this.isAgent(ctx, agentId)) return;
    if (!(await findAgent(ctx.db, ctx.storeId, agentId))) throw new AgentNotFound();
  }

  private async cashOf(ctx: Ctx, agentId: string): Promise<AgentCashView> {
    const [balances, differing] = await Promise.all([
      repo.agentBalances(ctx.db, ctx.storeId, agentId),
      repo.agentDiscrepancies(ctx.db, ctx.storeId, agentId, DISCREPANCIES_SHOWN),
    ]);
    return {
      agentId,
      balances: balances.map((b) => ({
        currency: b.currency,
        collected: money(b.collected, b.currency),
        remitted: money(b.remitted, b.currency),
        outstanding: money(b.collected - b.remitted, b.currency),
      })),
      discrepancies: differing.map((c) => ({
        shipmentId: c.shipment_id,
        orderId: c.order_id,
        due: money(c.due_amount, c.currency),
        collected: money(c.collected_amount, c.currency),
        difference: money(c.discrepancy_amount, c.currency),
        collectedAt: c.collected_at.toISOString(),
      })),
    };
  }
}

export function presentRemittance(r: RemittanceRow): RemittanceView {
  return {
    id: r.id,
    agentId: r.agent_id,
    amount: money(r.amount, r.currency),
    method: r.method,
    reference: r.reference,
    note: r.note,
    recordedBy: r.recorded_by,
    createdAt: r.created_at.toISOString(),
  };
}

/** [from, to] as UTC instants [from 00:00, the day after to 00:00); 400 for a day that does not exist. */
export function reportRange(from: string, to: string): { from: Date; until: Date } {
  const day = (text: string, field: 'from' | 'to') => {
    const at = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== text)
      throw new BadRequest(`${field} is not a date.`, [
        { pointer: `/${field}`, in: 'query', detail: 'A date as YYYY-MM-DD.' },
      ]);
    return at;
  };
  const start = day(from, 'from');
  const end = day(to, 'to');
  const days = (end.getTime() - start.getTime()) / DAY_MS + 1;
  if (days < 1 || days > MAX_REPORT_DAYS)
    throw new BadRequest(`The report covers 1 to ${MAX_REPORT_DAYS} days, from no later than to.`, [
      {
        pointer: '/to',
        in: 'query',
        detail: `At most ${MAX_REPORT_DAYS} days after from, and not before it.`,
      },
    ]);
  return { from: start, until: new Date(end.getTime() + DAY_MS) };
}

/** Per currency: the range's sums, and the outstanding at its end of every agent listed. */
function totalsOf(rows: ReconciliationRow[]): ReconciliationTotal[] {
  const totals = new Map<string, ReconciliationTotal>();
  const lastOutstanding = new Map<string, number>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? {
      currency: r.currency,
      due: money(0, r.currency),
      collected: money(0, r.currency),
      remitted: money(0, r.currency),
      discrepancy: money(0, r.currency),
      outstanding: money(0, r.currency),
      deliveries: 0,
    };
    t.due.amount += r.due.amount;
    t.collected.amount += r.collected.amount;
    t.remitted.amount += r.remitted.amount;
    t.discrepancy.amount += r.discrepancy.amount;
    t.deliveries += r.deliveries;
    totals.set(r.currency, t);
    // rows come by day, so the last one of an agent holds its outstanding at the range's end
    lastOutstanding.set(`${r.agentId} ${r.currency}`, r.outstanding.amount);
  }
  for (const [key, amount] of lastOutstanding) totals.get(key.split(' ')[1]!)!.outstanding.amount += amount;
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export const RECONCILIATION_COLUMNS = [
  'date',
  'agent_id',
  'currency',
  'due',
  'collected',
  'remitted',
  'discrepancy',
  'outstanding',
  'deliveries',
] as const;

/** The report as CSV: a header, then a line per row; amounts in minor units, text cells guarded against formulas. */
export function reconciliationCsv(rows: ReconciliationRow[]): string {
  const lines = rows.map((r) => [
    guardFormula(r.date),
    guardFormula(r.agentId),
    guardFormula(r.currency),
    r.due.amount,
    r.collected.amount,
    r.remitted.amount,
    r.discrepancy.amount,
    r.outstanding.amount,
    r.deliveries,
  ]);
  return stringify(lines, { header: true, columns: [...RECONCILIATION_COLUMNS] });
}
