import type { FastifyReply } from 'fastify';
import type { ZodApp } from '../../platform/http/app.ts';
import { sendCsv as sendCsvFile, wantsCsv } from '../../platform/http/csv-reply.ts';
import { sendJsonOnce } from '../../platform/http/json-reply.ts';
import { funnelCsv, paymentMixCsv, rankedCsv, salesCsv, searchesCsv } from './analytics.csv.ts';
import type { AnalyticsReports } from './analytics.reports.ts';
import {
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
import type { Dimension } from './analytics.sums.ts';

const staff = { tags: ['admin', 'analytics'], security: [{ bearer: [] }] };
const CSV_NOTE =
  ' `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.';

function sendCsv(reply: FastifyReply, name: string, from: string, to: string, body: string) {
  return sendCsvFile(reply, `${name}-${from}-${to}.csv`, body);
}

const RANKINGS: Array<{ path: string; dimension: Dimension; summary: string }> = [
  { path: 'top-products', dimension: 'product', summary: 'The best-selling products by revenue (ADMIN)' },
  {
    path: 'top-categories',
    dimension: 'category',
    summary: 'The best-selling categories by revenue (ADMIN)',
  },
  { path: 'sellers', dimension: 'seller', summary: 'Sellers by revenue: orders, units and revenue (ADMIN)' },
];

export function analyticsRoutes(reports: AnalyticsReports) {
  return (app: ZodApp) => {
    app.get(
      '/admin/analytics/sales',
      {
        schema: {
          ...staff,
          summary: 'Orders and revenue per day of the store’s time zone (ADMIN)',
          description: `An order counts once its payment is captured (cash on delivery once collected), on the day it was placed; revenue is the sum of the orders' totals.${CSV_NOTE}`,
          querystring: RangeQuery,
          response: { 200: SalesReport },
        },
      },
      async (req, reply) => {
        const report = await reports.sales(req.ctx, req.query);
        return wantsCsv(req)
          ? sendCsv(reply, 'sales', req.query.from, req.query.to, salesCsv(report))
          : sendJsonOnce(reply, report);
      },
    );
    app.get(
      '/admin/analytics/hours',
      {
        schema: {
          ...staff,
          summary: 'Orders and revenue per hour of one of the store’s days, today by default (ADMIN)',
          description:
            'Each hour of the store’s clock, beside the same hours of the day before. An order counts in the hour it was placed, once its payment is captured (as in `/admin/analytics/sales`). 400 for a day that is not a date.',
          querystring: HoursQuery,
          response: { 200: HourlySalesReport },
        },
      },
      async (req, reply) => sendJsonOnce(reply, await reports.hours(req.ctx, req.query)),
    );
    for (const { path, dimension, summary } of RANKINGS)
      app.get(
        `/admin/analytics/${path}`,
        {
          schema: {
            ...staff,
            summary,
            description: `At most \`limit\` rows (10 unless told, up to 100).${CSV_NOTE}`,
            querystring: TopQuery,
            response: { 200: RankedReport },
          },
        },
        async (req, reply) => {
          const report = await reports.top(req.ctx, dimension, req.query);
          return wantsCsv(req)
            ? sendCsv(reply, path, report.from, report.to, rankedCsv(report))
            : sendJsonOnce(reply, report);
        },
      );
    app.get(
      '/admin/analytics/payment-methods',
      {
        schema: {
          ...staff,
          summary: 'Orders and revenue per payment method, with each one’s share (ADMIN)',
          description: CSV_NOTE.trim(),
          querystring: RangeQuery,
          response: { 200: PaymentMixReport },
        },
      },
      async (req, reply) => {
        const report = await reports.paymentMix(req.ctx, req.query);
        return wantsCsv(req)
          ? sendCsv(reply, 'payment-methods', report.from, report.to, paymentMixCsv(report))
          : sendJsonOnce(reply, report);
      },
    );
    app.get(
      '/admin/analytics/funnel',
      {
        schema: {
          ...staff,
          summary: 'The conversion funnel: product views, cart adds, checkouts started and completed (ADMIN)',
          description: `Counted from the storefront's calls (bots left out), in batches written about once a second.${CSV_NOTE}`,
          querystring: RangeQuery,
          response: { 200: FunnelReport },
        },
      },
      async (req, reply) => {
        const report = await reports.funnel(req.ctx, req.query);
        return wantsCsv(req)
          ? sendCsv(reply, 'funnel', report.from, report.to, funnelCsv(report))
          : sendJsonOnce(reply, report);
      },
    );
    app.get(
      '/admin/analytics/searches',
      {
        schema: {
          ...staff,
          summary:
            'Search terms by how often they were searched; `zeroOnly=true`: those that found nothing (ADMIN)',
          description: CSV_NOTE.trim(),
          querystring: SearchQuery,
          response: { 200: SearchTermsReport },
        },
      },
      async (req, reply) => {
        const report = await reports.searches(req.ctx, req.query);
        return wantsCsv(req)
          ? sendCsv(reply, 'searches', report.from, report.to, searchesCsv(report))
          : sendJsonOnce(reply, report);
      },
    );
  };
}
