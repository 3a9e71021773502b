// Every report as CSV: a header, then a line per row; amounts in minor units, text cells guarded
// against spreadsheet formulas.
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../platform/csv.ts';
import type { PaymentMixReport, RankedReport, SalesReport } from './analytics.schemas.ts';

export function salesCsv(report: SalesReport): string {
  return stringify(
    report.days.map((d) => [d.date, d.orders, d.revenue]),
    { header: true, columns: ['date', 'orders', 'revenue'] },
  );
}

export function rankedCsv(report: RankedReport): string {
  return stringify(
    report.items.map((r) => [guardFormula(r.id), guardFormula(r.name ?? ''), r.orders, r.units, r.revenue]),
    { header: true, columns: ['id', 'name', 'orders', 'units', 'revenue'] },
  );
}

export function paymentMixCsv(report: PaymentMixReport): string {
  return stringify(
    report.items.map((r) => [guardFormula(r.provider), r.orders, r.revenue, r.share]),
    { header: true, columns: ['provider', 'orders', 'revenue', 'share'] },
  );
}
