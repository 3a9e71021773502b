import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/platform/config.ts';
import {
  type BenchOptions,
  type BenchSuite,
  type DbKind,
  type LoadResult,
  load,
  type MetricRow,
  type RunningServer,
  startServer,
} from '../lib.ts';
import {
  addStores,
  hostOf,
  hotShare,
  openDatabaseOf,
  requestCost,
  resolverCost,
  uniform,
  zipf,
} from '../stores.ts';

/** Stores in the large population (besides the default store). */
const STORES = Number(process.env.BENCH_STORES ?? 10_000);
/** Rounds of every load, alternating the populations (so a busy moment hits each alike); medians reported. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** The resolver cache Bazaar had by default before this benchmark: smaller than the 10,000 hosts. */
const SMALL_CACHE = 5_000;
/** The other cache measured: BENCH_STORE_CACHE_MAX, else the server's default STORE_CACHE_MAX. */
const LARGE_CACHE = Number(process.env.BENCH_STORE_CACHE_MAX ?? loadConfig({}).STORE_CACHE_MAX);
const WARM_UP_SECONDS = 2;

// One server process each: the figures are per process, and the yardstick is one process too.
const SERVER_ENV = { WORKER_ENABLED: 'false', BENCH_WORKERS: '1' };
const ROUTES = [
  { name: 'GET /api/v1/store', path: '/api/v1/store' },
  { name: 'GET /api/v1/products?limit=1', path: '/api/v1/products?limit=1' },
];

interface Case {
  label: string;
  server: RunningServer;
  /** The store number of the next request (0: the default store). */
  draw: () => number;
}

const n = (v: number) => v.toLocaleString('en');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median of each figure over runs of one load. */
function medianOf(runs: LoadResult[]): LoadResult {
  return {
    ...runs[0]!,
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/** The large population's database: one server on it, stopped, then the stores added by SQL. */
async function populated(
  db: DbKind,
  options: BenchOptions,
): Promise<{ base: RunningServer; rows: MetricRow[] }> {
  const base = await startServer(db, options, SERVER_ENV);
  await base.stop({ keepData: true });
  const database = await openDatabaseOf(base, options);
  try {
    const t0 = performance.now();
    await addStores(database, STORES);
    console.error(`${db}: ${n(STORES)} stores added in ${Math.round(performance.now() - t0)} ms`);
    return { base, rows: await resolverCost(database, db, STORES, SMALL_CACHE) };
  } finally {
    await database.close();
  }
}

/** A server on the populated database (PGlite: on a copy of it, one process per data directory). */
async function serverOn(base: RunningServer, options: BenchOptions, cacheMax: number, copy: boolean) {
  const env: Record<string, string> = { ...SERVER_ENV, STORE_CACHE_MAX: String(cacheMax) };
  if (base.db === 'postgres') env.DATABASE_SCHEMA = base.schema;
  else {
    const dataDir = copy ? `${base.dataDir}-copy` : base.dataDir;
    if (copy) fs.cpSync(base.dataDir, dataDir, { recursive: true });
    env.DATA_DIR = dataDir;
  }
  return startServer(base.db, options, env);
}

function requestOf(path: string, draw: () => number) {
  return () => {
    const store = draw();
    return { path, host: store === 0 ? `shop.localhost` : hostOf(store) };
  };
}

/** Every case on every route: a warm-up each, then REPEAT rounds; the medians. */
async function loads(cases: Case[], options: BenchOptions): Promise<LoadResult[]> {
  const pairs = cases.flatMap((c) => ROUTES.map((route) => ({ c, route })));
  for (const { c, route } of pairs)
    await load('warm-up', c.server, options, {
      path: route.path,
      next: requestOf(route.path, c.draw),
      seconds: WARM_UP_SECONDS,
    });
  const runs = pairs.map(() => [] as LoadResult[]);
  for (let round = 0; round < REPEAT; round++) {
    for (const [i, { c, route }] of pairs.entries()) {
      const r = await load(`${route.name} · ${c.label}`, c.server, options, {
        path: route.path,
        next: requestOf(route.path, c.draw),
      });
      runs[i]!.push(r);
      console.error(
        `${r.db} ${r.name}: ${r.requestsPerSecond}/s p50 ${r.p50Ms} p99 ${r.p99Ms} ms, ${r.errors + r.non2xx} errors`,
      );
    }
  }
  return runs.map(medianOf);
}

/** Each large-population load against the one-store load of its route: p99 overhead and throughput. */
function overheads(results: LoadResult[]): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const route of ROUTES) {
    const ofRoute = results.filter((r) => r.name.startsWith(`${route.name} · `));
    const one = ofRoute.find((r) => r.name.endsWith('· 1 store'))!;
    for (const r of ofRoute.filter((x) => x !== one)) {
      const label = r.name.slice(route.name.length + 3);
      rows.push(
        {
          name: `${route.name} p99 overhead, ${label}`,
          db: r.db,
          value: Math.round((r.p99Ms - one.p99Ms) * 10) / 10,
          unit: 'ms',
        },
        {
          name: `${route.name} throughput vs 1 store, ${label}`,
          db: r.db,
          value: Math.round((r.requestsPerSecond / one.requestsPerSecond) * 100) / 100,
          unit: '×',
        },
      );
    }
  }
  return rows;
}

/**
 * The spread loads on the large-cache server against its own default-store load: the same process,
 * heap and database, so what differs is only the hosts the requests name.
 */
function sameServer(results: LoadResult[]): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const route of ROUTES) {
    const ofRoute = results.filter((r) => r.name.startsWith(`${route.name} · `));
    const control = ofRoute.find((r) => r.name.endsWith('its default store alone'))!;
    for (const r of ofRoute.filter((x) => x.name.endsWith(`cache ${n(LARGE_CACHE)}`))) {
      const label = r.name.slice(route.name.length + 3);
      rows.push(
        {
          name: `${route.name} p99 overhead vs its default store alone, ${label}`,
          db: r.db,
          value: Math.round((r.p99Ms - control.p99Ms) * 10) / 10,
          unit: 'ms',
        },
        {
          name: `${route.name} throughput vs its default store alone, ${label}`,
          db: r.db,
          value: Math.round((r.requestsPerSecond / control.requestsPerSecond) * 100) / 100,
          unit: '×',
        },
      );
    }
  }
  return rows;
}

async function measure(db: DbKind, options: BenchOptions): Promise<Array<LoadResult | MetricRow>> {
  const started: RunningServer[] = [];
  let base: RunningServer | undefined;
  try {
    started.push(await startServer(db, options, SERVER_ENV));
    const pop = await populated(db, options);
    base = pop.base;
    // in process, while no server holds the populated database (PGlite: one process per data directory)
    const onePlace = db === 'postgres' ? started[0]!.schema : fs.mkdtempSync(`${base.dataDir}-one`);
    const inProcess = await requestCost(
      db,
      options,
      onePlace,
      db === 'postgres' ? base.schema : base.dataDir,
      STORES,
    );
    if (db !== 'postgres') fs.rmSync(onePlace, { recursive: true, force: true });
    started.push(await serverOn(base, options, SMALL_CACHE, false));
    started.push(await serverOn(base, options, LARGE_CACHE, true));
    const [one, small, large] = started as [RunningServer, RunningServer, RunningServer];
    const spread = `${n(STORES)} stores`;
    const cases: Case[] = [
      { label: '1 store', server: one, draw: () => 0 },
      { label: `${spread} uniform, cache ${n(SMALL_CACHE)}`, server: small, draw: uniform(STORES) },
      { label: `${spread} Zipf, cache ${n(SMALL_CACHE)}`, server: small, draw: zipf(STORES) },
      // the control: the same server and process as the two loads after it, one host only
      { label: `${spread} server, its default store alone`, server: large, draw: () => 0 },
      { label: `${spread} uniform, cache ${n(LARGE_CACHE)}`, server: large, draw: uniform(STORES, 3) },
      { label: `${spread} Zipf, cache ${n(LARGE_CACHE)}`, server: large, draw: zipf(STORES, 1, 4) },
    ];
    const results = await loads(cases, options);
    return [...results, ...overheads(results), ...sameServer(results), ...inProcess, ...pop.rows];
  } finally {
    for (const server of started) {
      await server.stop({ keepData: true }).catch(() => undefined);
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    if (started[0]) await started[0].stop(); // its schema
    if (base) {
      fs.rmSync(`${base.dataDir}-copy`, { recursive: true, force: true });
      await base.stop();
    }
  }
}

/** A bare Fastify route answering what /healthz answers, in a process of its own: the yardstick. */
async function bareFastify(): Promise<{ server: RunningServer; stop: () => void }> {
  const port = 4900 + Math.floor(Math.random() * 99);
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, '..', 'servers', 'bare-fastify.mjs')],
    {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout!.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  const server = { url: `http://127.0.0.1:${port}`, db: 'postgres' } as RunningServer;
  return { server, stop: () => child.kill('SIGTERM') };
}

/**
 * `GET /healthz` through every hook of the platform against a bare Fastify route in the same run,
 * rounds alternating (so a busy moment hits both alike): the medians and their ratio.
 */
async function stackCost(db: DbKind, options: BenchOptions): Promise<Array<LoadResult | MetricRow>> {
  const server = await startServer(db, options, SERVER_ENV);
  const bare = await bareFastify();
  try {
    const ours: LoadResult[] = [];
    const yardstick: LoadResult[] = [];
    await load('warm-up', server, options, { path: '/healthz', seconds: WARM_UP_SECONDS });
    await load('warm-up', bare.server, options, { path: '/healthz', seconds: WARM_UP_SECONDS });
    for (let round = 0; round < REPEAT; round++) {
      yardstick.push(await load('GET /healthz, bare Fastify', bare.server, options, { path: '/healthz' }));
      ours.push(await load('GET /healthz', server, options, { path: '/healthz' }));
    }
    const [a, b] = [medianOf(ours), { ...medianOf(yardstick), db }];
    const ratio = Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100;
    console.error(
      `${db} GET /healthz: ${a.requestsPerSecond}/s, bare Fastify ${b.requestsPerSecond}/s (${ratio}×)`,
    );
    return [a, b, { name: 'GET /healthz through every hook vs bare Fastify', db, value: ratio, unit: '×' }];
  } finally {
    bare.stop();
    await server.stop();
  }
}

const suite: BenchSuite = {
  name: 'platform',
  description: `the HTTP stack alone (/healthz through every hook against a bare Fastify route, alternating), and store resolution per request: 1 store against ${n(STORES)} published stores (${n(1000)} on custom domains), requests spread over their hosts uniformly and Zipf-like (s = 1), the resolver cache at ${n(SMALL_CACHE)} and ${n(LARGE_CACHE)}; medians of ${REPEAT} alternating rounds`,
  async run(options) {
    console.error(
      `Zipf s = 1 over ${n(STORES)} stores: the hottest 100 get ${Math.round(hotShare(zipf(STORES), 100) * 100)}% of requests`,
    );
    const rows: Array<LoadResult | MetricRow> = [];
    for (const db of options.databases) {
      rows.push(...(await stackCost(db, options)));
      rows.push(...(await measure(db, options)));
    }
    return rows;
  },
};
export default suite;
