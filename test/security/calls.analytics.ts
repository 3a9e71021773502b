import type { Call } from './calls.ts';

/** How the matrix calls the dashboards: the last week, as JSON and (sales) as CSV. */
const lastWeek = () => {
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  return { from: day(7), to: day(0) };
};

export const ANALYTICS_CALLS: Record<string, Call> = {
  'GET /admin/analytics/sales': { request: () => ({ query: { ...lastWeek(), format: 'csv' } }) },
  'GET /admin/analytics/hours': { request: () => ({ query: {} }) },
  'GET /admin/analytics/top-products': { request: () => ({ query: lastWeek() }) },
  'GET /admin/analytics/top-categories': { request: () => ({ query: lastWeek() }) },
  'GET /admin/analytics/sellers': { request: () => ({ query: lastWeek() }) },
  'GET /admin/analytics/payment-methods': { request: () => ({ query: lastWeek() }) },
  'GET /admin/analytics/funnel': { request: () => ({ query: lastWeek() }) },
  'GET /admin/analytics/searches': { request: () => ({ query: { ...lastWeek(), zeroOnly: 'true' } }) },
};
