// A population of many published stores for the platform suite, and the hosts requests spread over.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type RawBuilder, sql } from 'kysely';
import { StoreResolver } from '../src/modules/tenancy/index.ts';
import { createDatabase, type Database } from '../src/platform/db/database.ts';
import type { BenchOptions, MetricRow, RunningServer } from './lib.ts';

/** The bench servers' BASE_DOMAIN (the server's default). */
export const BASE_DOMAIN = 'localhost';
/** The first this many stores also have a custom domain, which is then their host. */
export const CUSTOM_DOMAINS = 1_000;

/** The host store `i` (1-based) is asked on: its custom domain if it has one, else its subdomain. */
export function hostOf(i: number): string {
  return i <= CUSTOM_DOMAINS ? `shop-${i}.example.test` : `bench-${i}.${BASE_DOMAIN}`;
}

/** Opens the database of a stopped (PGlite) or running (PostgreSQL) bench server. */
export function openDatabaseOf(server: RunningServer, options: BenchOptions): Promise<Database> {
  return server.db === 'postgres'
    ? createDatabase({ url: options.postgresUrl, schema: server.schema, poolMax: 2 })
    : createDatabase({ dataDir: server.dataDir });
}

/**
 * Adds `count` PUBLISHED stores, set-based: a tenant each, subdomain `bench-<i>`, the first
 * CUSTOM_DOMAINS with the verified custom domain `shop-<i>.example.test`. Ids are derived from `i`.
 */
export async function addStores(database: Database, count: number): Promise<void> {
  const { db } = database;
  await sql`INSERT INTO tenants (id, business_name, plan, max_stores)
    SELECT ${uuidOf(sql`'bench-tenant-' || i`)}, 'Bench business ' || i, 'FREE', 1
    FROM generate_series(1, ${count}::int) AS i`.execute(db);
  // custom domains as their owners left them once proved (a store answers only at a verified one)
  await sql`INSERT INTO stores (id, tenant_id, name, status, domain, custom_domain, custom_domain_verified_at, published_at)
    SELECT ${uuidOf(sql`'bench-store-' || i`)}, ${uuidOf(sql`'bench-tenant-' || i`)}, 'Bench store ' || i,
      'PUBLISHED', 'bench-' || i,
      CASE WHEN i <= ${CUSTOM_DOMAINS}::int THEN 'shop-' || i || '.example.test' END,
      CASE WHEN i <= ${CUSTOM_DOMAINS}::int THEN now() END, now()
    FROM generate_series(1, ${count}::int) AS i`.execute(db);
  await sql`ANALYZE tenants`.execute(db);
  await sql`ANALYZE stores`.execute(db);
}

/** A version-4-shaped uuid made of the md5 of `text` (the API answers only well-formed ids). */
const uuidOf = (text: RawBuilder<unknown>) =>
  sql`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** A small seeded PRNG (mulberry32): the same spread on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Store numbers 1…count drawn uniformly. */
export function uniform(count: number, seed = 1): () => number {
  const next = random(seed);
  return () => 1 + Math.floor(next() * count);
}

/**
 * Store numbers 1…count drawn Zipf-like (rank k with weight 1/k^s): with s = 1 and 10,000 stores
 * the hottest 100 get about half the requests. Ranks are shuffled over the stores, so the hot set
 * mixes custom domains and subdomains.
 */
export function zipf(count: number, s = 1, seed = 2): () => number {
  const next = random(seed);
  const cdf = new Float64Array(count);
  let total = 0;
  for (let k = 1; k <= count; k++) {
    total += 1 / k ** s;
    cdf[k - 1] = total;
  }
  const storeOfRank = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [storeOfRank[i], storeOfRank[j]] = [storeOfRank[j]!, storeOfRank[i]!];
  }
  return () => {
    const u = next() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return storeOfRank[lo]!;
  };
}

/** The share of draws that land on the `top` most drawn stores (how hot the hot set is). */
export function hotShare(draw: () => number, top: number, draws = 200_000): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const n = draw();
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  return sorted.slice(0, top).reduce((sum, c) => sum + c, 0) / draws;
}

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The resolver's own cost, in this process against the server's database: a miss (one indexed
 * lookup) and a hit per Host, over `count` stores asked in turn, with a cache larger than that and
 * one of `smallMax` (asked in turn, an LRU smaller than the working set misses every time), and
 * the heap a cached lookup takes.
 */
export async function resolverCost(
  database: Database,
  db: RunningServer['db'],
  count: number,
  smallMax: number,
): Promise<MetricRow[]> {
  const hosts = Array.from({ length: count }, (_, i) => hostOf(i + 1));
  const unknown = Array.from({ length: 1_000 }, (_, i) => `unknown-${i}.${BASE_DOMAIN}`);
  const pass = async (resolver: StoreResolver, names = hosts) => {
    const t0 = performance.now();
    for (const host of names) await resolver.resolve({ host, storeIdHeader: undefined });
    return Math.round(((performance.now() - t0) * 1000) / names.length);
  };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const large = new StoreResolver(database.db, BASE_DOMAIN, { max: count * 2 });
  const first = await pass(large);
  gc();
  const perEntry = Math.round((process.memoryUsage().heapUsed - heapBefore) / large.size);
  const warm = await pass(large);
  const miss = await pass(large, unknown);
  const small = new StoreResolver(database.db, BASE_DOMAIN, { max: smallMax });
  await pass(small);
  const thrashing = await pass(small);
  const label = `${count.toLocaleString('en')} hosts in turn`;
  const held = `holding ${(count * 2).toLocaleString('en')}`;
  return [
    {
      name: `resolver first pass (${label}, reads every store once, ${held})`,
      db,
      value: first,
      unit: 'µs/lookup',
    },
    { name: `resolver hit (${label}, ${held})`, db, value: warm, unit: 'µs/lookup' },
    { name: `resolver miss (1,000 unknown hosts, ${held})`, db, value: miss, unit: 'µs/lookup' },
    {
      name: `resolver holding ${smallMax.toLocaleString('en')}, fewer than the stores (${label}, second pass)`,
      db,
      value: thrashing,
      unit: 'µs/lookup',
    },
    { name: 'resolver, heap per store held', db, value: perEntry, unit: 'bytes' },
  ];
}

/** A server in this process on `schema` (PostgreSQL) or `dataDir` (PGlite), for Fastify's inject. */
async function inProcessServer(db: RunningServer['db'], options: BenchOptions, place: string) {
  const { loadConfig } = await import('../src/platform/config.ts');
  const { createServer } = await import('../src/server.ts');
  const where =
    db === 'postgres'
      ? {
          DATABASE_URL: options.postgresUrl,
          DATABASE_SCHEMA: place,
          DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-inject-')),
        }
      : { DATABASE_URL: '', DATA_DIR: place };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKER_ENABLED: 'false',
    BASE_DOMAIN,
    ...where,
  });
  const server = await createServer({ config });
  await server.prepare();
  return server;
}

/**
 * `GET /api/v1/store` answered in this process (Fastify's inject: no socket, no load generator
 * sharing the cores), alternating rounds between a server on a database of 1 store (asked at its
 * host) and one on the 10,000-store database `place` (asked uniformly over the hosts): the
 * request's own cost, store resolution included. After a pass over every host (and a round to the
 * 1-store server), the medians over 3 rounds of 10,000 requests of each round's mean and p99.
 */
export async function requestCost(
  db: RunningServer['db'],
  options: BenchOptions,
  onePlace: string,
  manyPlace: string,
  count: number,
): Promise<MetricRow[]> {
  const one = await inProcessServer(db, options, onePlace);
  const many = await inProcessServer(db, options, manyPlace);
  try {
    const draw = uniform(count, 5);
    /** One round of 10,000 requests: the mean and the p99 of the requests' own durations, in µs. */
    const round = async (server: typeof one, host: () => string) => {
      const durations: number[] = [];
      for (let i = 0; i < 10_000; i++) {
        const t0 = performance.now();
        const res = await server.app.inject({
          method: 'GET',
          url: '/api/v1/store',
          headers: { host: host() },
        });
        durations.push((performance.now() - t0) * 1000);
        if (res.statusCode !== 200) throw new Error(`GET /api/v1/store answered ${res.statusCode}`);
      }
      durations.sort((x, y) => x - y);
      const mean = durations.reduce((sum, d) => sum + d, 0) / durations.length;
      return { mean, p99: durations[Math.floor(durations.length * 0.99)]! };
    };
    // every store answered once first: the rounds measure a server in its steady state, where the
    // store's first answer (read and encoded once per store) is behind it
    for (let i = 1; i <= count; i++)
      await many.app.inject({ method: 'GET', url: '/api/v1/store', headers: { host: hostOf(i) } });
    await round(one, () => `shop.${BASE_DOMAIN}`);
    const single: Array<{ mean: number; p99: number }> = [];
    const spread: Array<{ mean: number; p99: number }> = [];
    for (let r = 0; r < 3; r++) {
      single.push(await round(one, () => `shop.${BASE_DOMAIN}`));
      spread.push(await round(many, () => hostOf(draw())));
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[1]!;
    const uniformLabel = `${count.toLocaleString('en')} stores uniform`;
    const row = (name: string, value: number) => ({
      name: `GET /api/v1/store in process, ${name}`,
      db,
      value: Math.round(value),
      unit: 'µs/request',
    });
    const [a, b] = [median(single.map((r) => r.mean)), median(spread.map((r) => r.mean))];
    const [pa, pb] = [median(single.map((r) => r.p99)), median(spread.map((r) => r.p99))];
    return [
      row('1 store, mean', a),
      row(`${uniformLabel}, mean`, b),
      row(`overhead of ${uniformLabel}, mean`, b - a),
      row('1 store, p99', pa),
      row(`${uniformLabel}, p99`, pb),
      row(`overhead of ${uniformLabel}, p99`, pb - pa),
    ];
  } finally {
    await one.close();
    await many.close();
  }
}
