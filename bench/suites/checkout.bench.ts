import pg from 'pg';
import { newId } from '../../src/platform/ids.ts';
import {
  type BenchOptions,
  type BenchSuite,
  type DbKind,
  json,
  type LoadResult,
  loop,
  type MetricRow,
  type RunningServer,
  startServer,
} from '../lib.ts';

/**
 * The checkout contract (issue 16, docs/performance.md): full guest checkouts (a new cart, one
 * add-to-cart, a checkout the test provider captures at once) over HTTP against a child-process
 * server, by 8 and 32 buyers spread over 3,000 offers and by 32 buyers on one hot offer; the
 * database transactions each order costs (PostgreSQL's commit counter of a database of the run's
 * own, so nothing else on the server counts); and, in the same run and database, the machine's
 * commit limit: single-row INSERT transactions per second from 32 connections. Prints orders/s ÷
 * commit limit. The statements per order are the budget test's (test/flows/checkout-budget.test.ts).
 */
const address = {
  name: 'Bench',
  line1: '1 Road',
  city: 'Pune',
  state: 'MH',
  postalCode: '411001',
  country: 'IN',
};

/** Offers of the spread load (each with stock enough for any run). */
const SPREAD_OFFERS = Number(process.env.BENCH_CHECKOUT_OFFERS ?? 3_000);
const STOCK = 10_000_000;

async function adminToken(server: RunningServer): Promise<string> {
  const login = await json(server, 'POST', '/api/v1/auth/login', {
    email: server.adminEmail,
    password: server.adminPassword,
  });
  return login.accessToken;
}

/** `n` products of one offer each, with stock, made by 16 concurrent admin calls. */
async function createOffers(server: RunningServer, n: number): Promise<string[]> {
  const token = await adminToken(server);
  const offers: string[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < n; i = next++) {
        const product = await json(
          server,
          'POST',
          '/api/v1/admin/products',
          {
            name: `Bench item ${i}`,
            status: 'ACTIVE',
            variants: [
              {
                sku: `BENCH-${i}-${newId().slice(-6)}`,
                price: { amount: 9_900, currency: 'INR' },
                stock: STOCK,
              },
            ],
          },
          token,
        );
        offers[i] = product.variants[0].offers[0].id;
      }
    }),
  );
  return offers;
}

async function order(server: RunningServer, offerId: string) {
  const cart = await json(server, 'POST', '/api/v1/carts');
  await json(server, 'POST', `/api/v1/carts/${cart.id}/items`, { offerId, quantity: 1 });
  await json(server, 'POST', `/api/v1/carts/${cart.id}/checkout`, {
    email: 'bench@example.test',
    shippingAddress: address,
    payment: { provider: 'test', token: 'tok_success' },
  });
}

/** The URL of `database` on the server of `url`. */
function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Transactions committed in the database so far (as PostgreSQL's statistics hold them). */
async function commits(url: string): Promise<number> {
  const [row] = await adminQuery<{ n: string }>(
    url,
    'SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(row?.n ?? 0);
}

/** Single-row INSERT transactions per second from `connections` connections: the commit limit. */
async function commitLimit(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const table = `bench_commits_${Date.now().toString(36)}`;
  await adminQuery(url, `CREATE TABLE ${table} (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`);
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    return await loop(
      'commit limit: single-row INSERT transactions',
      'postgres',
      connections,
      seconds,
      async () => {
        await pool.query(`INSERT INTO ${table} (id) VALUES ($1)`, [newId()]);
      },
    );
  } finally {
    await pool.end();
    await adminQuery(url, `DROP TABLE ${table}`);
  }
}

interface Measured {
  rows: Array<LoadResult | MetricRow>;
  /** Orders per second of the 32 buyers spread over the offers. */
  spread32: number;
}

const SERVER_ENV = { WORKER_ENABLED: 'true', DATABASE_POOL_MAX: '40' };

/**
 * The three checkout loads. The offers are made by a first server, stopped before the loads, and
 * the loads run on a second one on the same data: a stopped server's connections have handed
 * PostgreSQL their statistics, so the commits counted between the two stops are the orders' (and
 * the second server's start, a few).
 */
async function checkoutLoads(
  db: DbKind,
  options: BenchOptions,
  commitsUrl: string | null,
): Promise<Measured> {
  const setup = await startServer(db, options, SERVER_ENV);
  const spread = await createOffers(setup, db === 'postgres' ? SPREAD_OFFERS : 100);
  const [hot] = await createOffers(setup, 1);
  await setup.stop({ keepData: true });
  const before = commitsUrl ? await commits(commitsUrl) : 0;
  const server = await startServer(db, options, {
    ...SERVER_ENV,
    DATA_DIR: setup.dataDir,
    ...(db === 'postgres' ? { DATABASE_SCHEMA: setup.schema } : {}),
  });
  const rows: Array<LoadResult | MetricRow> = [];
  let done = 0;
  let spread32 = 0;
  try {
    const counted = (offerOf: () => string) => async () => {
      await order(server, offerOf());
      done++;
    };
    const pick = () => spread[Math.floor(Math.random() * spread.length)]!;
    await loop('warm-up', db, 8, 2, counted(pick)); // connections, caches, the JIT
    for (const buyers of [8, 32]) {
      const result = await loop(
        `guest checkout, ${spread.length} offers`,
        db,
        buyers,
        options.durationSeconds,
        counted(pick),
      );
      rows.push(result);
      if (buyers === 32) spread32 = result.requestsPerSecond;
    }
    rows.push(
      await loop(
        'guest checkout, one hot offer',
        db,
        32,
        options.durationSeconds,
        counted(() => hot!),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the job worker's follow-up work
  } finally {
    await server.stop();
  }
  if (commitsUrl && done > 0) {
    const perOrder = ((await commits(commitsUrl)) - before) / done;
    rows.push({
      name: 'committed transactions per order (request + job worker; a statement outside BEGIN counts one)',
      db,
      value: round(perOrder, 2),
      unit: '',
    });
  }
  return { rows, spread32 };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The run's own PostgreSQL database, so its commit counter counts only this run. */
async function ownDatabase(options: BenchOptions): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bazaar_bench_${Date.now().toString(36)}`;
  await adminQuery(options.postgresUrl, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(options.postgresUrl, name),
    drop: async () => {
      await adminQuery(options.postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const suite: BenchSuite = {
  name: 'checkout',
  description:
    'orders per second (new cart + add + checkout per order) spread and on one hot offer, transactions per order, and the machine’s commit limit',
  async run(options) {
    const rows: Array<LoadResult | MetricRow> = [];
    for (const db of options.databases) {
      const own = db === 'postgres' ? await ownDatabase(options) : null;
      const runOptions = own ? { ...options, postgresUrl: own.url } : options;
      try {
        const measured = await checkoutLoads(db, runOptions, own?.url ?? null);
        rows.push(...measured.rows);
        if (own) {
          const limit = await commitLimit(own.url, 32, options.durationSeconds);
          rows.push(limit);
          rows.push({
            name: 'orders/s (32 buyers, spread) ÷ commit limit',
            db,
            value: round(measured.spread32 / Math.max(1, limit.requestsPerSecond), 4),
            unit: '',
          });
        }
      } finally {
        await own?.drop();
      }
    }
    return rows;
  },
};
export default suite;
