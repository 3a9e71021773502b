import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, type TestServer } from '../harness.ts';
import { createOffer, ok, shippingAddress, storeAdmin } from '../kit/index.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** `bazaar start` in a process of its own on the test server's schema. */
interface Started {
  url: string;
  child: ChildProcess;
  /** What the process logged with this message (LOG_LEVEL info). */
  logged(msg: string): Record<string, unknown>[];
  stop(): Promise<void>;
}

async function startBazaar(schema: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-cluster-'));
  const port = 4900 + Math.floor(Math.random() * 900);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'bazaar.mjs'), 'start', ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_SCHEMA: schema,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: Record<string, unknown>[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('{')) log.push(JSON.parse(line) as Record<string, unknown>);
  });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`bazaar start exited with ${child.exitCode}`);
    return (await fetch(`${url}/readyz`).catch(() => null))?.status === 200;
  }, 120_000);
  return {
    url,
    child,
    logged: (msg) => log.filter((l) => l.msg === msg),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** The server processes a primary runs (its children). */
function childrenOf(pid: number): number[] {
  return fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

describe('bazaar start --workers', () => {
  it('refuses more than one process on the embedded database', async () => {
    const { DATABASE_URL: _, ...env } = process.env;
    const failure = await run(
      process.execPath,
      [path.join(root, 'bin', 'bazaar.mjs'), 'start', '--workers', '2'],
      {
        cwd: root,
        env: { ...env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-cluster-')) },
      },
    ).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('the embedded database serves one process');
  });
});

describe.skipIf(!onPostgres)('processes on one PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(async () => server?.destroy());

  it('shows a write made in one process to another at once, long before its caches expire', async () => {
    const other = await startBazaar(server.schema, ['--workers', '1'], {
      CATALOG_CACHE_TTL_MS: '600000',
      WORKER_ENABLED: 'false',
    });
    try {
      const offer = await createOffer(server, { stock: 3 });
      const admin = await storeAdmin(server);
      const product = `${other.url}/api/v1/products/${offer.slug}`;
      expect((await getJson<{ name: string }>(product)).name).toMatch(/^Test product/);
      const storeName = (await getJson<{ name: string }>(`${other.url}/api/v1/store`)).name;

      await ok(admin.patch(`/admin/products/${offer.productId}`, { name: 'Renamed in another process' }));
      await ok(admin.patch('/admin/store/settings', { name: `${storeName} renamed` }));

      // the other process caches both for minutes; the notification reaches it well within this
      await until(
        async () => (await getJson<{ name: string }>(product)).name === 'Renamed in another process',
        3_000,
      );
      await until(
        async () =>
          (await getJson<{ name: string }>(`${other.url}/api/v1/store`)).name === `${storeName} renamed`,
        3_000,
      );
    } finally {
      await other.stop();
    }
  });

  it('restarts a server process killed during a checkout load, and loses no acknowledged order', async () => {
    const stock = 400;
    const offer = await createOffer(server, { stock });
    const cluster = await startBazaar(server.schema, ['--workers', '2']);
    const primary = cluster.child.pid!;
    try {
      await until(() => cluster.logged('server processes started').length === 1, 120_000);
      const before = childrenOf(primary);
      expect(before).toHaveLength(2);
      const acknowledged: string[] = [];
      let attempts = 0;
      const buyer = async () => {
        while (attempts < 160) {
          attempts++;
          const id = await guestCheckout(cluster.url, offer.offerId).catch(() => null);
          if (id) acknowledged.push(id);
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, buyer));
      await until(() => acknowledged.length >= 30, 60_000);
      process.kill(before[0]!, 'SIGKILL');
      await load;

      // the primary started another in its place, which answers beside the survivor
      expect(cluster.logged('server process died; starting another')).toMatchObject([
        { pid: before[0], signal: 'SIGKILL' },
      ]);
      await until(() => cluster.logged('server process ready').length === 3, 120_000);
      const after = childrenOf(primary);
      expect(after).toHaveLength(2);
      expect(after).toContain(before[1]);
      expect(after).not.toContain(before[0]);
      expect((await fetch(`${cluster.url}/healthz`)).status).toBe(200);

      const { db } = server.database;
      const { rows: found } = await sql<{ id: string }>`
        SELECT id FROM orders WHERE id = ANY(${acknowledged}::uuid[])`.execute(db);
      expect(found).toHaveLength(acknowledged.length);
      expect(acknowledged.length).toBeGreaterThan(30);
      const { rows } = await sql<{ on_hand: number; available: number; moved: number; ordered: number }>`
        SELECT i.on_hand, i.available,
          (SELECT coalesce(sum(m.quantity_change), 0) FROM inventory_movements m WHERE m.item_id = i.id) AS moved,
          (SELECT coalesce(sum(oi.quantity), 0) FROM order_items oi WHERE oi.offer_id = i.offer_id) AS ordered
        FROM inventory_items i WHERE i.offer_id = ${offer.offerId}`.execute(db);
      expect(rows).toHaveLength(1);
      const item = rows[0]!;
      // the ledger adds up, and every unit ordered (paid: shipped from on hand; unpaid: reserved) is gone from sale
      expect(Number(item.on_hand)).toBe(Number(item.moved));
      expect(Number(item.available)).toBe(stock - Number(item.ordered));
    } finally {
      await cluster.stop();
    }
    expect(() => process.kill(primary, 0)).toThrow(); // the primary is gone, and with it its processes
  }, 420_000);
});

/** A guest buys one unit: new cart, the line, checkout with capture; the order id on 201, else null. */
async function guestCheckout(url: string, offerId: string): Promise<string | null> {
  const post = (p: string, body?: unknown) =>
    fetch(`${url}/api/v1${p}`, {
      method: 'POST',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : null,
    });
  const cart = await post('/carts');
  if (cart.status !== 201) return null;
  const { id } = (await cart.json()) as { id: string };
  if ((await post(`/carts/${id}/items`, { offerId, quantity: 1 })).status >= 300) return null;
  const res = await post(`/carts/${id}/checkout`, {
    shippingAddress,
    email: 'guest@example.test',
    payment: { provider: 'test', token: 'tok_success' },
  });
  if (res.status !== 201) return null;
  return ((await res.json()) as { order: { id: string } }).order.id;
}
