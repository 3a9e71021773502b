import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  jobsProcessed: Counter<'queue' | 'outcome'>;
  watchPool(stats: () => { total: number; idle: number; waiting: number }): void;
  /** A `jobs_dead` gauge by queue, read at each scrape. */
  watchDeadJobs(count: () => Promise<{ queue: string; count: number }[]>): void;
}

/** One registry per app instance, so tests and several apps in one process do not collide. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsProcessed = new Counter({
    name: 'jobs_processed_total',
    help: 'Jobs finished by the worker, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    httpDuration,
    jobsProcessed,
    watchPool(stats) {
      const gauge = (name: string, help: string, pick: (s: ReturnType<typeof stats>) => number) =>
        new Gauge({
          name,
          help,
          registers: [registry],
          collect() {
            this.set(pick(stats()));
          },
        });
      gauge('db_pool_connections_total', 'Database pool connections open', (s) => s.total);
      gauge('db_pool_connections_idle', 'Database pool connections idle', (s) => s.idle);
      gauge('db_pool_clients_waiting', 'Requests waiting for a database connection', (s) => s.waiting);
    },
    watchDeadJobs(count) {
      new Gauge({
        name: 'jobs_dead',
        help: 'Dead-lettered jobs by queue (each needs a person)',
        labelNames: ['queue'] as const,
        registers: [registry],
        async collect() {
          this.reset();
          for (const row of await count()) this.set({ queue: row.queue }, row.count);
        },
      });
    },
  };
}
