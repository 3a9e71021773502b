// Every report as CSV: a header, then a line per row; amounts in minor units, text cells guarded
// against spreadsheet formulas.
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../platform/csv.ts';
import type {
  FunnelReport,
  PaymentMixReport,
  RankedReport,
  SalesReport,
  SearchTermsReport,
} from './analytics.schemas.ts';

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

export function funnelCsv(report: FunnelReport): string {
  const steps: Array<[string, number]> = [
    ['views', report.views],
    ['cart_adds', report.cartAdds],
    ['checkouts_started', report.checkoutsStarted],
    ['checkouts_completed', report.checkoutsCompleted],
    ['searches', report.searches],
    ['zero_result_searches', report.zeroResultSearches],
  ];
  return stringify(steps, { header: true, columns: ['step', 'count'] });
}

export function searchesCsv(report: SearchTermsReport): string {
  return stringify(
    report.items.map((r) => [guardFormula(r.query), r.searches, r.zeroResults]),
    { header: true, columns: ['query', 'searches', 'zero_results'] },
  );
}
