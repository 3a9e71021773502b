import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Currency, MAX_AMOUNT, MoneyView, Text } from '../../platform/schemas.ts';

export const REMITTANCE_METHODS = ['CASH', 'BANK_TRANSFER', 'UPI', 'OTHER'] as const;

export const AgentParams = z.object({ userId: z.string().max(100) });

export const CashBalance = z.object({
  currency: z.string(),
  collected: MoneyView,
  remitted: MoneyView,
  outstanding: MoneyView,
});

export const CashDiscrepancy = z.object({
  shipmentId: z.uuid(),
  orderId: z.uuid(),
  due: MoneyView,
  collected: MoneyView,
  /** collected − due: negative when the agent collected less than was due. */
  difference: MoneyView,
  collectedAt: z.string(),
});

export const AgentCashView = z.object({
  agentId: z.uuid(),
  balances: z.array(CashBalance),
  discrepancies: z.array(CashDiscrepancy),
});
export type AgentCashView = z.infer<typeof AgentCashView>;

export const RemittanceBody = z.strictObject({
  amount: z.object({ amount: z.number().int().min(1).max(MAX_AMOUNT), currency: Currency }),
  method: z.enum(REMITTANCE_METHODS),
  reference: Text(200).optional(),
  note: Text(1000).optional(),
});
export type RemittanceBody = z.infer<typeof RemittanceBody>;

export const RemittanceView = z.object({
  id: z.uuid(),
  agentId: z.uuid(),
  amount: MoneyView,
  method: z.enum(REMITTANCE_METHODS),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RemittanceView = z.infer<typeof RemittanceView>;
export const RemittanceList = z.object({ items: z.array(RemittanceView), nextCursor: z.string().nullable() });
export const RemittanceListQuery = PageQuery;

/** A calendar day (UTC); checked to be a real date by the service. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.');

export const ReconciliationQuery = z.object({
  from: Day,
  to: Day,
  agentId: z.uuid().optional(),
});
export type ReconciliationQuery = z.infer<typeof ReconciliationQuery>;

export const ReconciliationRow = z.object({
  date: z.string(),
  agentId: z.string(),
  currency: z.string(),
  due: MoneyView,
  collected: MoneyView,
  remitted: MoneyView,
  /** collected − due of the day's collections. */
  discrepancy: MoneyView,
  /** What the agent holds at the end of the day: everything collected minus everything remitted. */
  outstanding: MoneyView,
  deliveries: z.number().int(),
});
export type ReconciliationRow = z.infer<typeof ReconciliationRow>;

export const ReconciliationTotal = ReconciliationRow.omit({ date: true, agentId: true });
export type ReconciliationTotal = z.infer<typeof ReconciliationTotal>;

export const ReconciliationView = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(ReconciliationRow),
  totals: z.array(ReconciliationTotal),
});
export type ReconciliationView = z.infer<typeof ReconciliationView>;
