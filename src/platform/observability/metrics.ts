import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Business counters (docs/operations.md). None is labelled by store: with thousands of stores a
 * store label would make thousands of series per counter; per-store numbers are analytics' reports.
 */
export interface BusinessCounters {
  ordersPlaced: Counter;
  ordersPaid: Counter;
  ordersCancelled: Counter;
  /** Captured money in minor units, by ISO 4217 currency. */
  revenue: Counter<'currency'>;
  /** Checkouts answered with a problem, by its type (a code from the application's fixed set). */
  checkoutFailures: Counter<'reason'>;
  /** Calls to a payment provider that got no answer or an error (declines are answers, not errors). */
  paymentProviderErrors: Counter<'provider' | 'operation'>;
}

export interface Metrics {
  registry: Registry;
  business: BusinessCounters;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  jobsProcessed: Counter<'queue' | 'outcome'>;
  /** Reads of the read handles (catalog, analytics) by the pool that served them (decision 038). */
  dbReads: Counter<'pool'>;
  /** `db_replica_serving` and `db_replica_lag_seconds` by replica, read at each scrape. */
  watchReplicas(statuses: () => Array<{ name: string; serving: boolean; lagMs: number | null }>): void;
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
  const dbReads = new Counter({
    name: 'db_reads_total',
    help: 'Catalog and analytics reads, by the pool that served them (primary or replica)',
    labelNames: ['pool'] as const,
    registers: [registry],
  });
  return {
    registry,
    business: businessCounters(registry),
    httpDuration,
    dbReads,
    watchReplicas: (statuses) => replicaGauges(registry, statuses),
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

type ReplicaStatuses = Parameters<Metrics['watchReplicas']>[0];

/** `db_replica_serving` and `db_replica_lag_seconds` by replica, read at each scrape. */
function replicaGauges(registry: Registry, statuses: ReplicaStatuses): void {
  const gauge = (name: string, help: string, pick: (s: ReturnType<ReplicaStatuses>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of statuses()) this.set({ replica: s.name }, pick(s));
      },
    });
  gauge('db_replica_serving', 'Whether the read replica serves reads (1) or not (0)', (s) => +s.serving);
  gauge('db_replica_lag_seconds', 'Replay lag at the last check (-1: no answer)', (s) =>
    s.lagMs === null ? -1 : Math.min(s.lagMs, 1e9) / 1000,
  );
}

function businessCounters(registry: Registry): BusinessCounters {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    ordersPlaced: counter('orders_placed_total', 'Orders placed (checkouts that wrote an order)'),
    ordersPaid: counter(
      'orders_paid_total',
      'Orders whose payment was first captured (cash on delivery once collected)',
    ),
    ordersCancelled: counter('orders_cancelled_total', 'Orders cancelled'),
    revenue: counter('revenue_minor_total', 'Money captured, in minor units of each currency', ['currency']),
    checkoutFailures: counter(
      'checkout_failures_total',
      'Checkouts answered with a problem, by problem type',
      ['reason'],
    ),
    paymentProviderErrors: counter(
      'payment_provider_errors_total',
      'Payment provider calls that failed without an answer, by provider and operation',
      ['provider', 'operation'],
    ),
  };
}
