import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

export interface BenchOptions {
  databases: DbKind[];
  durationSeconds: number;
  postgresUrl: string;
  /** `--products`: catalog size for suites that seed one (the catalog suite). */
  products?: number | undefined;
  /** `--cache off`: the catalog's read cache (CATALOG_CACHE_TTL_MS=0) or the dashboards' answer cache (ANALYTICS_CACHE=off) off, to measure the queries; the analytics suite runs both unless told. */
  cache?: 'on' | 'off' | undefined;
  /** `--connections`: concurrency for suites that take it (the catalog suite). */
  connections?: number | undefined;
}

export interface RunningServer {
  url: string;
  db: DbKind;
  adminEmail: string;
  adminPassword: string;
  /** The PostgreSQL schema of this run, or the PGlite data directory (its database is `pgdata`). */
  schema: string;
  dataDir: string;
  /**
   * Stops the server and drops its database; `keepData` leaves its PGlite data directory or its
   * PostgreSQL schema to read (or to start another server on).
   */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const ROOT = path.join(import.meta.dirname, '..');
/** Node flags for the server process, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * Starts `bazaar start` as a child process (its own CPU budget) on a fresh database, or on the one
 * `env.DATA_DIR` (PGlite) or `env.DATABASE_SCHEMA` (PostgreSQL) names, left by an earlier server.
 */
/**
 * `--workers`: the suite's `BENCH_WORKERS` in `env` (e.g. 1 where a figure is per process), else
 * the environment's `BENCH_WORKERS`, else the server's default (the cores, on PostgreSQL).
 */
function workersArgs(db: DbKind, env: Record<string, string>): string[] {
  const workers = env.BENCH_WORKERS ?? process.env.BENCH_WORKERS;
  return workers && db === 'postgres' ? ['--workers', workers] : [];
}

export async function startServer(
  db: DbKind,
  options: BenchOptions,
  env: Record<string, string> = {},
  /** How long to wait for /readyz (start-up work such as seeding a large demo catalog). */
  readyTimeoutSeconds = 120,
): Promise<RunningServer> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-bench-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const schema = env.DATABASE_SCHEMA ?? `bench_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const adminEmail = 'bench-admin@example.test';
  const adminPassword = 'bench-admin-password-42';
  if (db === 'postgres' && !env.DATABASE_SCHEMA)
    await adminQuery(options.postgresUrl, `CREATE SCHEMA ${schema}`);
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeArgs, path.join(ROOT, 'bin', 'bazaar.mjs'), 'start', ...workersArgs(db, env)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
        RATE_LIMIT_CATALOG_PER_MINUTE: '1000000',
        CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000000',
        BAZAAR_ADMIN_EMAIL: adminEmail,
        BAZAAR_ADMIN_PASSWORD: adminPassword,
        ...(db === 'postgres'
          ? { DATABASE_URL: options.postgresUrl, DATABASE_SCHEMA: schema }
          : { DATABASE_URL: '' }),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < readyTimeoutSeconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    url,
    db,
    adminEmail,
    adminPassword,
    schema,
    dataDir,
    async stop(stopOptions = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      if (stopOptions.keepData) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (db === 'postgres') await adminQuery(options.postgresUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
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

export interface LoadResult {
  name: string;
  db: DbKind;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** An autocannon request setup that asks each of `paths` in turn. */
function rotating(paths: string[]) {
  let next = 0;
  return (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length]! });
}

/** A request of a spread: its path and, optionally, its Host (e.g. one of many stores). */
export interface NextRequest {
  path: string;
  host?: string;
}

/** An autocannon request setup that asks whatever `next` picks, request by request. */
function picking(next: () => NextRequest) {
  return (req: autocannon.Request) => {
    const { path: p, host } = next();
    return { ...req, path: p, ...(host ? { headers: { ...req.headers, host } } : {}) };
  };
}

/** An HTTP load of `connections` concurrent clients for the configured duration. */
export async function load(
  name: string,
  server: RunningServer,
  options: BenchOptions,
  request: {
    path: string;
    /** Paths to ask in turn instead of `path` alone (a spread of pages rather than one hot page). */
    paths?: string[];
    /** Picks each request's path and Host instead (e.g. stores drawn from a distribution). */
    next?: () => NextRequest;
    /** Seconds instead of the configured duration (e.g. a short warm-up). */
    seconds?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: unknown;
    connections?: number;
  },
): Promise<LoadResult> {
  const connections = request.connections ?? 32;
  const result = await autocannon({
    url: `${server.url}${request.path}`,
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...request.headers },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    connections,
    duration: request.seconds ?? options.durationSeconds,
    ...(request.paths ? { requests: [{ setupRequest: rotating(request.paths) }] } : {}),
    ...(request.next ? { requests: [{ setupRequest: picking(request.next) }] } : {}),
  });
  return {
    name,
    db: server.db,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function json<T = any>(
  server: RunningServer,
  method: string,
  p: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${server.url}${p}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<Array<LoadResult | MetricRow>>;
}

/** A non-HTTP figure (e.g. hashes per second). */
export interface MetricRow {
  name: string;
  db?: DbKind;
  value: number;
  unit: string;
}

/** Percentile of sorted latencies (ms). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/**
 * A closed-loop load of multi-step work: `concurrency` workers each run `work` back to back for the
 * configured duration; returns completions per second and latency percentiles of one `work`.
 */
export async function loop(
  name: string,
  db: DbKind,
  concurrency: number,
  seconds: number,
  work: (worker: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await work(worker);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    db,
    connections: concurrency,
    requestsPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    non2xx: 0,
  };
}
