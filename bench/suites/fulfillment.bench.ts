import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { openPglite } from '../../src/platform/db/database.ts';
import { newId } from '../../src/platform/ids.ts';
import {
  type BenchOptions,
  type BenchSuite,
  type DbKind,
  json,
  type LoadResult,
  loop,
  type RunningServer,
  startServer,
} from '../lib.ts';

/**
 * Agent location reports: AGENTS delivery agents, each with one shipment on the road (a guest order
 * paid with the test provider, shipped to the agent, PICKED_UP), all set up through the API. Each
 * agent is one client sending POST /agent/deliveries/{id}/location back to back over a keep-alive
 * connection, its points' `at` always increasing. REPEAT runs on the same server, the median (by
 * updates/s) reported, after a short warm-up run. Afterwards every shipment's last location must be the newest point its agent
 * had accepted, and its track must hold every accepted point: the suite fails otherwise.
 */
const AGENTS = Number(process.env.BENCH_AGENTS ?? 32);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const POOL_MAX = process.env.BENCH_POOL_MAX ?? '20';
/** Points per report in the batched run (POST /agent/deliveries/{id}/locations). */
const BATCH = Number(process.env.BENCH_BATCH ?? 10);

interface Route {
  shipmentId: string;
  agentId: string;
  token: string;
  /** Points accepted (202) and the newest of them. */
  accepted: number;
  newest: { lat: number; lng: number; at: string } | null;
  sent: number;
}

const address = {
  name: 'Bench',
  line1: '1 Road',
  city: 'Pune',
  state: 'MH',
  postalCode: '411001',
  country: 'IN',
};
const password = 'bench-agent-password-42';

async function adminToken(server: RunningServer): Promise<string> {
  const login = await json(server, 'POST', '/api/v1/auth/login', {
    email: server.adminEmail,
    password: server.adminPassword,
  });
  return login.accessToken;
}

async function hotOffer(server: RunningServer, admin: string): Promise<string> {
  const product = await json(
    server,
    'POST',
    '/api/v1/admin/products',
    {
      name: 'Bench parcel',
      status: 'ACTIVE',
      variants: [
        { sku: `PARCEL-${newId().slice(-8)}`, price: { amount: 9_900, currency: 'INR' }, stock: 1_000_000 },
      ],
    },
    admin,
  );
  return product.variants[0].offers[0].id;
}

/** One agent (registered, given the role, signed in) with one shipment PICKED_UP. */
async function agentOnTheRoad(
  server: RunningServer,
  admin: string,
  offerId: string,
  i: number,
): Promise<Route> {
  const email = `bench-agent-${i}-${newId().slice(-8)}@example.test`;
  const registered = await json(server, 'POST', '/api/v1/auth/register', {
    email,
    password,
    name: `Agent ${i}`,
  });
  await json(
    server,
    'PUT',
    `/api/v1/admin/users/${registered.user.id}/roles`,
    { roles: ['DELIVERY_AGENT'] },
    admin,
  );
  const { accessToken } = await json(server, 'POST', '/api/v1/auth/login', { email, password });
  const cart = await json(server, 'POST', '/api/v1/carts');
  await json(server, 'POST', `/api/v1/carts/${cart.id}/items`, { offerId, quantity: 1 });
  const placed = await json(server, 'POST', `/api/v1/carts/${cart.id}/checkout`, {
    email: `bench-buyer-${i}@example.test`,
    shippingAddress: address,
    payment: { provider: 'test', token: 'tok_success' },
  });
  const shipment = await json(
    server,
    'POST',
    `/api/v1/admin/orders/${placed.order.id}/shipments`,
    { deliveryAgentId: registered.user.id },
    admin,
  );
  await json(
    server,
    'POST',
    `/api/v1/agent/deliveries/${shipment.id}/events`,
    { status: 'PICKED_UP' },
    accessToken,
  );
  return {
    shipmentId: shipment.id,
    agentId: registered.user.id,
    token: accessToken,
    accepted: 0,
    newest: null,
    sent: 0,
  };
}

/** A POST over a keep-alive connection; resolves with the status code. */
function post(agent: http.Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The agent's next point: a little further north, 10 ms after the one before. */
function nextPoint(route: Route, w: number, epoch: number) {
  const seq = ++route.sent;
  return {
    lat: Math.round((12 + (seq % 10_000) / 10_000) * 1e6) / 1e6,
    lng: Math.round((77 + w / 1_000) * 1e6) / 1e6,
    at: new Date(epoch + seq * 10).toISOString(),
  };
}

/** One timed run: agent w sends its next point (a newer `at` each time) back to back. */
async function run(server: RunningServer, db: DbKind, routes: Route[], seconds: number, epoch: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: routes.length });
  try {
    return await loop('POST /agent/deliveries/{id}/location', db, routes.length, seconds, async (w) => {
      const route = routes[w]!;
      const point = nextPoint(route, w, epoch);
      const url = new URL(`${server.url}/api/v1/agent/deliveries/${route.shipmentId}/location`);
      const status = await post(agent, url, route.token, JSON.stringify(point));
      if (status !== 202) throw new Error(`location → ${status}`);
      route.accepted++;
      route.newest = point;
    });
  } finally {
    agent.destroy();
  }
}

/**
 * The batched form: each report carries BATCH points (as an app that sends every few seconds does);
 * the row's rate is points per second.
 */
async function runBatched(
  server: RunningServer,
  db: DbKind,
  routes: Route[],
  seconds: number,
  epoch: number,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: routes.length });
  try {
    const result = await loop(
      `POST /agent/deliveries/{id}/locations, ${BATCH} points each (points/s)`,
      db,
      routes.length,
      seconds,
      async (w) => {
        const route = routes[w]!;
        const points = Array.from({ length: BATCH }, () => nextPoint(route, w, epoch));
        const url = new URL(`${server.url}/api/v1/agent/deliveries/${route.shipmentId}/locations`);
        const status = await post(agent, url, route.token, JSON.stringify({ points }));
        if (status !== 202) throw new Error(`locations → ${status}`);
        route.accepted += points.length;
        route.newest = points.at(-1)!;
      },
    );
    return { ...result, requestsPerSecond: Math.round(result.requestsPerSecond * BATCH * 10) / 10 };
  } finally {
    agent.destroy();
  }
}

interface Stored {
  id: string;
  last_lat: number | null;
  last_lng: number | null;
  last_located_at: Date | null;
  points: number;
  newest_point: Date | null;
}

const STORED_SQL = `SELECT s.id, s.last_lat, s.last_lng, s.last_located_at,
    (SELECT count(*)::int FROM shipment_locations l WHERE l.shipment_id = s.id) AS points,
    (SELECT max(recorded_at) FROM shipment_locations l WHERE l.shipment_id = s.id) AS newest_point
  FROM shipments s WHERE s.id = ANY($1::uuid[])`;

/** Reads the shipments and their tracks straight from the database of the run. */
async function stored(server: RunningServer, options: BenchOptions, ids: string[]): Promise<Stored[]> {
  if (server.db === 'postgres') {
    const client = new pg.Client({ connectionString: options.postgresUrl });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${server.schema}`);
      return (await client.query<Stored>(STORED_SQL, [ids])).rows;
    } finally {
      await client.end();
    }
  }
  const pglite = await openPglite(path.join(server.dataDir, 'pgdata'));
  try {
    return (await pglite.query<Stored>(STORED_SQL, [ids])).rows;
  } finally {
    await pglite.close();
  }
}

/** Every shipment's last location is its agent's newest accepted point; its track holds them all. */
function verify(routes: Route[], rows: Stored[]): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const route of routes) {
    const row = byId.get(route.shipmentId);
    const newest = route.newest;
    if (!row || !newest) {
      problems.push(`${route.shipmentId}: ${row ? 'no point accepted' : 'missing'}`);
      continue;
    }
    const last = row.last_located_at?.toISOString();
    if (row.last_lat !== newest.lat || row.last_lng !== newest.lng || last !== newest.at)
      problems.push(
        `${route.shipmentId}: last location ${row.last_lat},${row.last_lng} at ${last}, newest sent ${newest.lat},${newest.lng} at ${newest.at}`,
      );
    if (row.points !== route.accepted || row.newest_point?.toISOString() !== newest.at)
      problems.push(`${route.shipmentId}: track holds ${row.points} points, ${route.accepted} accepted`);
  }
  return problems;
}

async function measure(db: DbKind, options: BenchOptions): Promise<LoadResult[]> {
  const server = await startServer(db, options, { WORKER_ENABLED: 'false', DATABASE_POOL_MAX: POOL_MAX });
  let stopped = false;
  try {
    const admin = await adminToken(server);
    const offerId = await hotOffer(server, admin);
    const routes = await Promise.all(
      Array.from({ length: AGENTS }, (_, i) => agentOnTheRoad(server, admin, offerId, i)),
    );
    const epoch = Date.now() - 24 * 3_600_000;
    // a short unmeasured run first: the server's first seconds under load are much slower (JIT)
    await run(server, db, routes, Math.min(3, options.durationSeconds), epoch);
    const runs: LoadResult[] = [];
    for (let i = 0; i < REPEAT; i++) runs.push(await run(server, db, routes, options.durationSeconds, epoch));
    console.error(
      `${db} locations: ${runs.map((r) => `${r.requestsPerSecond}/s p50 ${r.p50Ms} p99 ${r.p99Ms} ms, ${r.errors} errors`).join(' | ')}`,
    );
    const batched = await runBatched(server, db, routes, options.durationSeconds, epoch);
    console.error(
      `${db} batched: ${batched.requestsPerSecond} points/s, p50 ${batched.p50Ms} p99 ${batched.p99Ms} ms`,
    );
    if (db === 'pglite') {
      await server.stop({ keepData: true });
      stopped = true;
    }
    const problems = verify(
      routes,
      await stored(
        server,
        options,
        routes.map((r) => r.shipmentId),
      ),
    );
    if (problems.length > 0)
      throw new Error(`${db}: locations lost or out of order:\n${problems.join('\n')}`);
    console.error(
      `${db} verified: ${routes.reduce((n, r) => n + r.accepted, 0)} points, every last location the newest`,
    );
    runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return [runs[Math.floor(runs.length / 2)]!, batched];
  } finally {
    if (stopped) fs.rmSync(server.dataDir, { recursive: true, force: true });
    else await server.stop();
  }
}

const suite: BenchSuite = {
  name: 'fulfillment',
  description: `agent location updates/s over HTTP (${AGENTS} agents, one client each, each with a shipment on the road), median of ${REPEAT} runs, then in batches of ${BATCH} points, verified newest-last afterwards`,
  async run(options) {
    const rows: LoadResult[] = [];
    for (const db of options.databases) rows.push(...(await measure(db, options)));
    return rows;
  },
};
export default suite;
