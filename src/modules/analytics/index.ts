// Analytics owns the dashboards' numbers: daily rollups per store, product, category, seller and
// payment method, added to by the job worker from domain events (once per event) and recountable
// from the orders and refunds themselves, with monthly sums beside the daily ones (decision 040);
// and the reports read from them (decision 025), their answers kept per process until the rollups change.
import path from 'node:path';
import { systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { PaymentEvents } from '../payments/index.ts';
import { AnswerCache } from './analytics.cache.ts';
import { captureHooks, EventRecorder } from './analytics.capture.ts';
import { AnalyticsQueues, ROLLUP_BATCH, type RollupPayload, rollupBatchHandler } from './analytics.events.ts';
import type { AnalyticsPorts } from './analytics.ports.ts';
import { AnalyticsReports } from './analytics.reports.ts';
import { Rollups } from './analytics.rollups.ts';
import { analyticsRoutes } from './analytics.routes.ts';

export { EventRecorder, isBot } from './analytics.capture.ts';
export { dayIn, MAX_RANGE_DAYS, reportRange } from './analytics.days.ts';
export { AnalyticsQueues } from './analytics.events.ts';
export type { AnalyticsPorts } from './analytics.ports.ts';
export { AnalyticsReports } from './analytics.reports.ts';
export { Rollups } from './analytics.rollups.ts';
export type { Sale, SaleLine } from './analytics.sums.ts';

export interface AnalyticsModule extends BazaarModule {
  rollups: Rollups;
  recorder: EventRecorder;
  reports: AnalyticsReports;
}

export function createAnalyticsModule(platform: Platform, ports: AnalyticsPorts): AnalyticsModule {
  const { jobs, database, config, log, invalidations } = platform;
  const cache = new AnswerCache({ enabled: config.ANALYTICS_CACHE === 'on', invalidations });
  const rollups = new Rollups(ports, (storeId) => cache.changed(storeId, 'sales'));
  const reports = new AnalyticsReports(ports, cache);
  const recorder = new EventRecorder({
    db: database.db,
    log,
    ports,
    flushMs: config.ANALYTICS_FLUSH_MS,
    batchRows: config.ANALYTICS_BATCH_ROWS,
    written: (storeIds) => {
      for (const storeId of storeIds) cache.changed(storeId, 'events');
    },
  });
  const ctxOf = (storeId: string, reason: string, log: Platform['log']) =>
    systemCtx(database.forStore(storeId), storeId, log, { reason });
  jobs.subscribeBatch<RollupPayload>(
    [PaymentEvents.captured, PaymentEvents.refundSucceeded],
    (event) => (event === PaymentEvents.captured ? AnalyticsQueues.captured : AnalyticsQueues.refunded),
    rollupBatchHandler(rollups, (storeId, log) => ctxOf(storeId, 'analytics.rollups', log)),
    { batchSize: ROLLUP_BATCH },
  );
  return {
    name: 'analytics',
    migrations: path.join(import.meta.dirname, 'migrations'),
    partitioned: [{ table: 'analytics_events', keepDays: platform.config.ANALYTICS_EVENTS_RETENTION_DAYS }],
    rollups,
    reports,
    recorder,
    hooks: captureHooks(recorder),
    routes: analyticsRoutes(reports),
    close: () => recorder.flush(),
  };
}
