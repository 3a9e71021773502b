import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { transaction } from '../../src/platform/db/transaction.ts';
import { createOrder } from '../../test/kit/index.ts';
import type { BenchOptions, BenchSuite, DbKind, MetricRow } from '../lib.ts';

/** Order events in the burst; each asks for the buyer's mail and in-app notification. */
const EVENTS = Number(process.env.BENCH_NOTIFICATION_EVENTS ?? 10_000);
/** Messages of a claimed batch the worker sends at once (WORKER_CONCURRENCY). */
const CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 16);
const ORDERS = 20;
const BATCH = 500;

/** A server in this process on a fresh database, its worker driven by the benchmark. */
async function inProcessServer(db: DbKind, options: BenchOptions) {
  const { loadConfig } = await import('../../src/platform/config.ts');
  const { createServer } = await import('../../src/server.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-notify-'));
  const schema = `bench_notify_${Date.now().toString(36)}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKER_ENABLED: 'false',
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DATA_DIR: dataDir,
    ...(db === 'postgres'
      ? { DATABASE_URL: options.postgresUrl, DATABASE_SCHEMA: schema }
      : { DATABASE_URL: '' }),
  });
  if (db === 'postgres') {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: options.postgresUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  }
  const server = await createServer({ config });
  await server.prepare();
  return { server, dataDir, schema };
}

/**
 * A burst of order events (`orders.order.placed`, over 20 real orders) published at once; the
 * worker claims the events in batches and renders and queues every message, and claims the queued
 * messages in batches and sends them (mail through the development transport, .eml files in
 * DATA_DIR/mail). Measured from the database's own timestamps: the last row written and the last
 * message sent, from the start of the burst (publishing included) and from the worker's start.
 */
async function burst(db: DbKind, options: BenchOptions): Promise<MetricRow[]> {
  const { server, dataDir, schema } = await inProcessServer(db, options);
  try {
    const orders: string[] = [];
    for (let i = 0; i < ORDERS; i++) orders.push((await createOrder(server, { status: 'PENDING' })).order.id);
    await server.worker.drain(10_000);
    const storeId = server.modules.tenancy.defaultStore().id;
    const started = Date.now();
    for (let from = 0; from < EVENTS; from += BATCH)
      await transaction(server.database.db, async (trx) => {
        for (let i = from; i < Math.min(from + BATCH, EVENTS); i++)
          await server.jobs.publish(trx, {
            name: 'orders.order.placed',
            storeId,
            payload: { orderId: orders[i % ORDERS] },
          });
      });
    const published = Date.now();
    await server.worker.drain(1_000_000);
    const done = Date.now();
    const row = await server.database.db
      .selectFrom('notifications')
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        sql<Date>`max(created_at)`.as('lastQueued'),
        sql<Date>`max(sent_at)`.as('lastSent'),
        sql<string>`count(*) filter (where status = 'SENT')`.as('sent'),
      ])
      .where('created_at', '>=', new Date(started))
      .executeTakeFirstOrThrow();
    const messages = Number(row.n);
    const queuedSeconds = (new Date(row.lastQueued).getTime() - started) / 1000;
    const workerQueuedSeconds = (new Date(row.lastQueued).getTime() - published) / 1000;
    const sentSeconds = (new Date(row.lastSent).getTime() - started) / 1000;
    if (Number(row.sent) !== messages) throw new Error(`${row.sent} of ${messages} messages sent`);
    return [
      {
        name: `${EVENTS} order events published (outbox + subscriber jobs)`,
        db,
        value: (published - started) / 1000,
        unit: 's',
      },
      {
        name: `messages rendered and queued (${messages}: mail + in-app)`,
        db,
        value: Math.round(messages / queuedSeconds),
        unit: 'messages/s',
      },
      {
        name: 'messages rendered and queued, from the worker’s start (publishing left out)',
        db,
        value: Math.round(messages / workerQueuedSeconds),
        unit: 'messages/s',
      },
      {
        name: 'order events turned into messages',
        db,
        value: Math.round(EVENTS / queuedSeconds),
        unit: 'events/s',
      },
      {
        name: `until the last message is sent (development mail transport, ${CONCURRENCY} sends at a time)`,
        db,
        value: Math.round(sentSeconds * 10) / 10,
        unit: 's',
      },
      {
        name: 'worker drained (all events and messages)',
        db,
        value: Math.round((done - started) / 100) / 10,
        unit: 's',
      },
    ];
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (db === 'postgres') {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: options.postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

const suite: BenchSuite = {
  name: 'notifications',
  description: `a burst of ${EVENTS} order events: messages rendered and queued per second, and the time until the last is sent`,
  async run(options) {
    const rows: MetricRow[] = [];
    for (const db of options.databases) rows.push(...(await burst(db, options)));
    return rows;
  },
};
export default suite;
