// What row-level security costs one statement and one transaction (decision 016): the same
// primary-key read through the unrestricted handle and through a store-bound one, alternating in
// blocks so both meet the same load, one client at a time (latency, not throughput).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { transaction } from '../../src/platform/db/transaction.ts';
import { newId } from '../../src/platform/ids.ts';
import { createServer } from '../../src/server.ts';
import type { BenchOptions, BenchSuite, DbKind, MetricRow } from '../lib.ts';

const ROUNDS = Number(process.env.BENCH_RLS_ROUNDS ?? 20);
const PER_BLOCK = 100;

type Db = Parameters<typeof transaction>[0];

async function timeBlock(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < PER_BLOCK; i++) await work();
  return ((performance.now() - started) * 1000) / PER_BLOCK;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median µs per call of `work` on each handle, blocks alternating between them. */
async function compare(plain: Db, bound: Db, work: (db: Db) => Promise<unknown>) {
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    off.push(await timeBlock(() => work(plain)));
    on.push(await timeBlock(() => work(bound)));
  }
  return { off: median(off), on: median(on) };
}

async function measure(db: DbKind, options: BenchOptions): Promise<MetricRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-bench-rls-'));
  const schema = `bench_rls_${Date.now().toString(36)}`;
  if (db === 'postgres') await adminQuery(options.postgresUrl, `CREATE SCHEMA ${schema}`);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    DATABASE_RLS: 'on',
    ...(db === 'postgres' ? { DATABASE_URL: options.postgresUrl, DATABASE_SCHEMA: schema } : {}),
  });
  const server = await createServer({ config });
  try {
    await server.prepare();
    const storeId = server.modules.tenancy.defaultStore().id;
    const id = newId();
    await sql`INSERT INTO warehouses (id, store_id, code, name) VALUES (${id}, ${storeId}, 'BENCH', 'Bench')`.execute(
      server.database.db,
    );
    const read = (h: Db) =>
      sql`SELECT id, name FROM warehouses WHERE store_id = ${storeId} AND id = ${id}`.execute(h);
    const plain = server.database.db;
    const bound = server.database.forStore(storeId);
    const single = await compare(plain, bound, read);
    const inTrx = await compare(plain, bound, (h) =>
      transaction(h, async (trx) => {
        for (let i = 0; i < 3; i++) await read(trx);
      }),
    );
    const row = (name: string, value: number, unit = 'µs'): MetricRow => ({
      name,
      db,
      value: Math.round(value * 100) / 100,
      unit,
    });
    return [
      row('one statement, unrestricted', single.off),
      row('one statement, store-bound', single.on),
      row('one statement, on/off', single.on / single.off, '×'),
      row('transaction of 3 reads, unrestricted', inTrx.off),
      row('transaction of 3 reads, store-bound', inTrx.on),
      row('transaction of 3 reads, on/off', inTrx.on / inTrx.off, '×'),
    ];
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (db === 'postgres') await adminQuery(options.postgresUrl, `DROP SCHEMA ${schema} CASCADE`);
  }
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const suite: BenchSuite = {
  name: 'rls',
  description: `row-level security's cost per statement and per transaction, median of ${ROUNDS} blocks of ${PER_BLOCK} calls each way`,
  async run(options) {
    const rows: MetricRow[] = [];
    for (const db of options.databases) rows.push(...(await measure(db, options)));
    return rows;
  },
};
export default suite;
