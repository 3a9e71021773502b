// Review lists over HTTP: GET /api/v1/products/{id}/reviews on one product with 10,000 published
// reviews (BENCH_REVIEWS), written set-based with their aggregates rebuilt, at concurrency 32: the
// first page as most visitors ask it, then a spread of sorts, star filters and later pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { BulkReview } from '../../src/modules/reviews/index.ts';
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
  load,
  startServer,
} from '../lib.ts';

const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 10_000);
const CONNECTIONS = 32;

/** Seeds the product and its reviews in process, then leaves the database for the HTTP server. */
async function seed(db: DbKind, options: BenchOptions, place: { dataDir: string; schema: string }) {
  const config = loadConfig({
    DATA_DIR: place.dataDir,
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    SEED_DEMO: 'false',
    ...(db === 'postgres' ? { DATABASE_URL: options.postgresUrl, DATABASE_SCHEMA: place.schema } : {}),
  });
  const server = await createServer({ config });
  try {
    await server.prepare();
    const store = server.modules.tenancy.defaultStore();
    const ctx = systemCtx(server.database.db, store.id, server.log, { reason: 'bench' });
    const operator = { ...ctx, actor: { userId: newId(), storeId: store.id, roles: ['ADMIN' as const] } };
    const product = await server.modules.catalog.service.products.create(operator, {
      name: 'Much reviewed kettle',
      status: 'ACTIVE',
      variants: [
        { sku: `KETTLE-${newId().slice(-8)}`, price: { amount: 249_900, currency: store.currency.trim() } },
      ],
    });
    const start = Date.now() - 365 * 86_400_000;
    const rows: BulkReview[] = Array.from({ length: REVIEWS }, (_, i) => ({
      id: newId(),
      store_id: store.id,
      product_id: product.id,
      user_id: newId(),
      author_name: `Buyer ${i % 977}`,
      seller_id: store.id,
      verified_purchase: i % 3 !== 0,
      rating: [5, 4, 5, 3, 5, 2, 4, 1, 5, 4][i % 10]!,
      delivery_rating: i % 2 ? (i % 5) + 1 : null,
      seller_rating: i % 4 ? ((i * 7) % 5) + 1 : null,
      title: `Review ${i + 1}`,
      body: 'Boils fast, pours cleanly, and the lid stays shut. '.repeat(1 + (i % 4)),
      status: 'PUBLISHED' as const,
      helpful_count: (i * 37) % 101,
      created_at: new Date(start + i * 3_000_000),
    }));
    const started = performance.now();
    await server.modules.reviews.service.importReviews(ctx, rows);
    console.error(`${db}: ${REVIEWS} reviews written in ${Math.round(performance.now() - started)} ms`);
    return product.id;
  } finally {
    await server.close();
  }
}

async function run(db: DbKind, options: BenchOptions): Promise<LoadResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-bench-reviews-'));
  const schema = `bench_rev_${Date.now().toString(36)}`;
  if (db === 'postgres') await adminQuery(options.postgresUrl, `CREATE SCHEMA ${schema}`);
  const productId = await seed(db, options, { dataDir, schema });
  const server = await startServer(db, options, {
    DATA_DIR: dataDir,
    WORKER_ENABLED: 'false',
    ...(db === 'postgres' ? { DATABASE_SCHEMA: schema } : {}),
  });
  try {
    const base = `/api/v1/products/${productId}/reviews`;
    const first = await json<{ items: unknown[]; nextCursor: string; summary: { count: number } }>(
      server,
      'GET',
      base,
    );
    if (first.summary.count !== REVIEWS)
      throw new Error(`expected ${REVIEWS} reviews, saw ${first.summary.count}`);
    const spread = [
      base,
      `${base}?sort=highest`,
      `${base}?sort=lowest`,
      `${base}?sort=helpful`,
      `${base}?stars=2`,
      `${base}?verified=true&limit=20`,
      `${base}?cursor=${first.nextCursor}`,
    ];
    await load('warm-up', server, options, { path: base, seconds: 2, connections: CONNECTIONS });
    return [
      await load(`GET ${base.replace(productId, '{id}')} (first page)`, server, options, {
        path: base,
        connections: CONNECTIONS,
      }),
      await load('… sorts, star and verified filters, a later page', server, options, {
        path: base,
        paths: spread,
        connections: CONNECTIONS,
      }),
    ];
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
  name: 'reviews',
  description: `GET /products/{id}/reviews on a product with ${REVIEWS.toLocaleString('en')} reviews, concurrency ${CONNECTIONS}`,
  async run(options) {
    const rows: LoadResult[] = [];
    for (const db of options.databases) rows.push(...(await run(db, options)));
    return rows;
  },
};
export default suite;
