import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { systemCtx } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import { createServer } from '../../src/server.ts';
import {
  type BenchOptions,
  type BenchSuite,
  type DbKind,
  json,
  type LoadResult,
  startServer,
} from '../lib.ts';

const CONCURRENCY = 32;
const HOT_OFFERS = 4;
const UNITS = 10_000_000; // never runs out within a run: every attempt is a real reservation

/**
 * Reservations under contention: 32 concurrent buyers, each reservation a new reference (order)
 * for one unit of one of 4 hot offers, so every attempt queues on one of 4 row locks. The offers are
 * real catalog offers of 4 products, so each reservation also writes the offer's availability into
 * the catalog (as it does in production).
 * Measured twice: over HTTP (POST /admin/inventory/reservations on a child-process server, loaded
 * by autocannon) and in-process (32 async workers calling InventoryService.reserve in their own
 * transactions; latency percentiles computed here).
 */
const suite: BenchSuite = {
  name: 'inventory',
  description: `reservations/s under contention (${CONCURRENCY} buyers, ${HOT_OFFERS} hot offers): HTTP via autocannon, and in-process via InventoryService.reserve with ${CONCURRENCY} async workers`,
  async run(options) {
    const rows: LoadResult[] = [];
    for (const db of options.databases) {
      rows.push(await overHttp(db, options));
      rows.push(await inProcess(db, options));
    }
    return rows;
  },
};
export default suite;

async function overHttp(db: DbKind, options: BenchOptions): Promise<LoadResult> {
  const server = await startServer(db, options, { WORKER_ENABLED: 'false' });
  try {
    const { accessToken } = await json(server, 'POST', '/api/v1/auth/login', {
      email: server.adminEmail,
      password: server.adminPassword,
    });
    const store = await json(server, 'GET', '/api/v1/store');
    const offers: string[] = [];
    for (let i = 0; i < HOT_OFFERS; i++) {
      const product = await json(
        server,
        'POST',
        '/api/v1/admin/products',
        productInput(i, String(store.currency).trim()),
        accessToken,
      );
      const offer = product.variants[0].offers[0];
      await json(
        server,
        'POST',
        '/api/v1/admin/inventory/receipts',
        { offerId: offer.id, productId: product.id, sellerId: offer.sellerId, quantity: UNITS },
        accessToken,
      );
      offers.push(offer.id);
    }
    const result = await autocannon({
      url: server.url,
      connections: CONCURRENCY,
      duration: options.durationSeconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      // a new reference per request (autocannon's idReplacement breaks content-length on bodies)
      requests: offers.map((offerId) => ({
        method: 'POST' as const,
        path: '/api/v1/admin/inventory/reservations',
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify({
            reference: { type: 'BENCH', id: newId() },
            lines: [{ offerId, quantity: 1 }],
          }),
        }),
      })),
    });
    return {
      name: 'POST /admin/inventory/reservations',
      db,
      connections: CONCURRENCY,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
    };
  } finally {
    await server.stop();
  }
}

async function inProcess(db: DbKind, options: BenchOptions): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-bench-inv-'));
  const schema = `bench_inv_${Date.now().toString(36)}`;
  if (db === 'postgres') await adminQuery(options.postgresUrl, `CREATE SCHEMA ${schema}`);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    DATABASE_POOL_MAX: String(CONCURRENCY),
    ...(db === 'postgres' ? { DATABASE_URL: options.postgresUrl, DATABASE_SCHEMA: schema } : {}),
  });
  const server = await createServer({ config });
  try {
    await server.prepare();
    const store = server.modules.tenancy.defaultStore();
    const storeId = store.id;
    const ctx = systemCtx(server.database.db, storeId, server.log, { reason: 'bench' });
    const inventory = server.modules.inventory.service;
    const operator = {
      db: server.database.db,
      storeId,
      tenantId: store.tenantId,
      actor: { userId: newId(), storeId, roles: ['ADMIN' as const] },
      requestId: 'bench',
      log: server.log,
    };
    const offers: string[] = [];
    for (let i = 0; i < HOT_OFFERS; i++) {
      const product = await server.modules.catalog.service.products.create(
        operator,
        productInput(i, store.currency.trim()),
      );
      const offer = product.variants[0]!.offers[0]!;
      await inventory.receive(ctx, {
        offerId: offer.id,
        productId: product.id,
        sellerId: offer.sellerId,
        quantity: UNITS,
      });
      offers.push(offer.id);
    }
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + options.durationSeconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let i = worker; performance.now() < deadline; i++) {
          const t0 = performance.now();
          try {
            await inventory.reserve(ctx, {
              reference: { type: 'BENCH', id: newId() },
              lines: [{ offerId: offers[i % HOT_OFFERS]!, quantity: 1 }],
            });
            latencies.push(performance.now() - t0);
          } catch {
            errors++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => Math.round((latencies[Math.floor((latencies.length - 1) * p)] ?? 0) * 10) / 10;
    return {
      name: 'InventoryService.reserve (in-process)',
      db,
      connections: CONCURRENCY,
      requestsPerSecond: Math.round(latencies.length / seconds),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      errors,
      non2xx: 0,
    };
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (db === 'postgres') await adminQuery(options.postgresUrl, `DROP SCHEMA ${schema} CASCADE`);
  }
}

/** A hot product: one variant, one offer of the store, no stock yet (the run receives it). */
function productInput(i: number, currency: string) {
  return {
    name: `Hot product ${i + 1}`,
    status: 'ACTIVE' as const,
    variants: [{ sku: `HOT-${i + 1}-${newId().slice(-8)}`, price: { amount: 10_000, currency } }],
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
