// The dashboards over HTTP on PostgreSQL with a demo history (BENCH_ANALYTICS_DAYS, default 365 days;
// BENCH_ANALYTICS_ORDERS, default 100,000 orders over BENCH_ANALYTICS_PRODUCTS demo products): every
// /admin/analytics call over the whole year, then over the last 30 days, at concurrency 32, as the
// store's admin, with the dashboards' answer cache (ANALYTICS_CACHE=on, the default) and without it
// (`off`: every call reads the rollups); `--cache on|off` measures one of them. The target (issue
// 17): p99 ≤ 100 ms for each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { createServer } from '../../src/server.ts';
import { type BenchOptions, type BenchSuite, json, type LoadResult, load, startServer } from '../lib.ts';

const DAYS = Number(process.env.BENCH_ANALYTICS_DAYS ?? 365);
const ORDERS = Number(process.env.BENCH_ANALYTICS_ORDERS ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_ANALYTICS_PRODUCTS ?? 1_000);
const CONNECTIONS = 32;
const REPORTS = [
  'sales',
  'top-products',
  'top-categories',
  'sellers',
  'payment-methods',
  'funnel',
  'searches',
];

/** Seeds the demo catalog and its history in process, then leaves the database to the HTTP server. */
async function seed(options: BenchOptions, place: { dataDir: string; schema: string }) {
  const config = loadConfig({
    DATA_DIR: place.dataDir,
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    SEED_DEMO: 'false',
    DATABASE_URL: options.postgresUrl,
    DATABASE_SCHEMA: place.schema,
  });
  const server = await createServer({ config });
  try {
    await server.prepare();
    const started = performance.now();
    await server.seed({ demo: true, products: PRODUCTS, history: { days: DAYS, orders: ORDERS } });
    console.error(
      `postgres: ${ORDERS} orders over ${DAYS} days in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await server.close();
  }
}

async function run(options: BenchOptions): Promise<LoadResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-bench-analytics-'));
  const schema = `bench_ana_${Date.now().toString(36)}`;
  await adminQuery(options.postgresUrl, `CREATE SCHEMA ${schema}`);
  try {
    await seed(options, { dataDir, schema });
    const rows: LoadResult[] = [];
    for (const cache of options.cache ? [options.cache] : (['on', 'off'] as const))
      rows.push(...(await measure(options, { dataDir, schema, cache })));
    return rows;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(options.postgresUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/** Every report over a year and over 30 days, on a server with the answer cache `cache`. */
async function measure(
  options: BenchOptions,
  place: { dataDir: string; schema: string; cache: 'on' | 'off' },
): Promise<LoadResult[]> {
  const server = await startServer('postgres', options, {
    DATA_DIR: place.dataDir,
    WORKER_ENABLED: 'false',
    DATABASE_SCHEMA: place.schema,
    ANALYTICS_CACHE: place.cache,
  });
  try {
    const login = await json(server, 'POST', '/api/v1/auth/login', {
      email: server.adminEmail,
      password: server.adminPassword,
    });
    const headers = { authorization: `Bearer ${login.accessToken}` };
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const year = `from=${day(Math.min(DAYS, 365))}&to=${day(0)}`;
    const month = `from=${day(29)}&to=${day(0)}`;
    const sales = await json(
      server,
      'GET',
      `/api/v1/admin/analytics/sales?${year}`,
      undefined,
      login.accessToken,
    );
    if (sales.totals.orders < ORDERS * 0.99)
      throw new Error(`expected ${ORDERS} orders, the sales call saw ${sales.totals.orders}`);
    await load('warm-up', server, options, {
      path: `/api/v1/admin/analytics/sales?${year}`,
      headers,
      seconds: 2,
    });
    const rows: LoadResult[] = [];
    for (const [span, range] of [
      ['a year', year],
      ['30 days', month],
    ] as const)
      for (const report of REPORTS)
        rows.push(
          await load(`GET /admin/analytics/${report} (${span}, cache ${place.cache})`, server, options, {
            path: `/api/v1/admin/analytics/${report}?${range}`,
            headers,
            connections: CONNECTIONS,
          }),
        );
    return rows;
  } finally {
    await server.stop({ keepData: true });
  }
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const suite: BenchSuite = {
  name: 'analytics',
  description: `every /admin/analytics call on PostgreSQL with ${ORDERS.toLocaleString('en')} orders over ${DAYS} days, concurrency ${CONNECTIONS}, answer cache on and off (target p99 ≤ 100 ms)`,
  async run(options) {
    // the target is PostgreSQL's; PGlite serves one connection and is not what dashboards at scale run on
    if (!options.databases.includes('postgres')) return [];
    return run(options);
  },
};
export default suite;
