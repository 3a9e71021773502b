import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReplicaProblem, readUrls } from '../../src/platform/config-database.ts';
import { isConnectionError, parseLsn, replicaName } from '../../src/platform/db/replicas.ts';
import { FRESH_COOKIE, hasFreshCookie } from '../../src/platform/http/read-routing.ts';
import { createServer, type Server } from '../../src/server.ts';
import { testConfig } from '../harness.ts';
import { anonymous, as, createAdmin, createProduct, ok, type TestUser } from '../kit/index.ts';
import { pairUnavailable, type ReplicaPair, startReplicaPair } from './replica-pair.ts';

const READ = { DATABASE_READ_MAX_LAG_MS: 1000, DATABASE_READ_STICKY_MS: 5000 };

describe('read replica settings', () => {
  const pgUrl = 'postgres://app@db:5432/shop';

  it('takes a comma-separated list of standbys', () => {
    expect(readUrls({ DATABASE_READ_URL: ` ${pgUrl}, postgres://app@db2/shop ,` })).toEqual([
      pgUrl,
      'postgres://app@db2/shop',
    ]);
    expect(readReplicaProblem({ DATABASE_URL: pgUrl, DATABASE_READ_URL: pgUrl, ...READ })).toBeNull();
  });

  it('refuses replicas on the embedded database, naming the way out', () => {
    const problem = readReplicaProblem({ DATABASE_URL: undefined, DATABASE_READ_URL: pgUrl, ...READ });
    expect(problem?.setting).toBe('DATABASE_READ_URL');
    expect(problem?.reason).toMatch(/embedded database \(PGlite\) has none: set DATABASE_URL/);
  });

  it('refuses an entry that is not a PostgreSQL URL, by its place in the list', () => {
    const problem = readReplicaProblem({
      DATABASE_URL: pgUrl,
      DATABASE_READ_URL: `${pgUrl},db2:5432`,
      ...READ,
    });
    expect(problem).toEqual({ setting: 'DATABASE_READ_URL', reason: expect.stringMatching(/^entry 2 /) });
  });

  it('refuses a sticky window shorter than the lag a replica may serve with', () => {
    const problem = readReplicaProblem({
      DATABASE_URL: pgUrl,
      DATABASE_READ_URL: pgUrl,
      DATABASE_READ_MAX_LAG_MS: 10_000,
      DATABASE_READ_STICKY_MS: 5000,
    });
    expect(problem?.setting).toBe('DATABASE_READ_STICKY_MS');
  });

  it('stops a server that has replicas without DATABASE_URL before it opens anything', async () => {
    const config = testConfig({ DATABASE_URL: undefined }, { DATABASE_READ_URL: pgUrl });
    await expect(createServer({ config })).rejects.toThrow(/DATABASE_READ_URL: read replicas are PostgreSQL/);
  });

  it('names a replica without its credentials, reads WAL positions, tells lost connections', () => {
    expect(replicaName('postgres://app:secret@db2:6432/shop')).toBe('db2:6432/shop');
    expect(parseLsn('1/0000000A')).toBe(4_294_967_306n);
    expect(isConnectionError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
  });

  it('keeps a writer on the primary while the cookie runs, and no longer', () => {
    const now = 1_000_000;
    expect(hasFreshCookie(`a=1; ${FRESH_COOKIE}=${now + 4000}`, 5000, now)).toBe(true);
    expect(hasFreshCookie(`${FRESH_COOKIE}=${now - 1}`, 5000, now)).toBe(false);
    // a value far past the window is not one this server wrote
    expect(hasFreshCookie(`${FRESH_COOKIE}=${now + 3_600_000}`, 5000, now)).toBe(false);
    expect(hasFreshCookie(`${FRESH_COOKIE}=soon`, 5000, now)).toBe(false);
  });
});

const unavailable = pairUnavailable();

describe.skipIf(unavailable !== null)(
  `read replicas on a streaming standby${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let pair: ReplicaPair;
    let server: Server;
    let admin: TestUser;

    const reads = async () => {
      const { values } = await server.platform.metrics.dbReads.get();
      const of = (pool: string) => values.find((v) => v.labels.pool === pool)?.value ?? 0;
      return { primary: of('primary'), replica: of('replica') };
    };
    const found = async (client: ReturnType<typeof anonymous>, word: string, limit = 10) =>
      (
        await ok<{ items: Array<{ name: string }> }>(client.get(`/products?q=${word}&limit=${limit}`))
      ).items.map((p) => p.name);

    beforeAll(async () => {
      pair = await startReplicaPair();
      // a lag limit no test reaches by waiting: the replica serves while its replay is paused
      const config = testConfig(
        { DATABASE_URL: pair.primaryUrl, DATABASE_SCHEMA: 'public' },
        {
          DATABASE_READ_URL: pair.standbyUrl,
          DATABASE_READ_MAX_LAG_MS: '600000',
          DATABASE_READ_STICKY_MS: '600000',
          DATABASE_RLS: 'on',
        },
      );
      server = await createServer({ config });
      await server.prepare();
      admin = await createAdmin(server);
      await pair.caughtUp();
      await server.database.replicas!.check();
    });

    afterAll(async () => {
      await server?.close();
      await pair?.stop();
    });

    it('runs replica reads inside the store, as the restricted role, on the standby', async () => {
      const storeId = server.modules.tenancy.defaultStore().id;
      const { rows } = await sql<{ role: string; store: string; standby: boolean }>`
        SELECT current_user AS role, current_setting('app.store_id', true) AS store,
               pg_is_in_recovery() AS standby`.execute(server.database.forStoreReads(storeId));
      expect(rows[0]).toEqual({ role: 'bazaar_app', store: storeId, standby: true });
      expect(server.database.replicas!.statuses()).toEqual([
        { name: expect.stringMatching(/^127\.0\.0\.1:\d+\/postgres$/), serving: true, lagMs: 0 },
      ]);
    });

    it('shows a new product to the staff member who wrote it, and to others once the replica replays it', async () => {
      await pair.pauseReplay();
      try {
        const product = await createProduct(server, admin, { name: 'Lagging lantern', status: 'ACTIVE' });
        const before = await reads();
        expect(await found(anonymous(server), 'lantern')).toEqual([]);
        expect((await anonymous(server).get(`/products/${product.slug}`)).statusCode).toBe(404);
        expect(await found(as(admin), 'lantern')).toEqual(['Lagging lantern']);
        expect((await reads()).replica - before.replica).toBeGreaterThanOrEqual(2);
      } finally {
        await pair.resumeReplay();
      }
      await pair.caughtUp();
      // the list page above was cached while the replica lagged: another page size is another entry
      expect(await found(anonymous(server), 'lantern', 11)).toEqual(['Lagging lantern']);
      expect(await found(as(admin), 'lantern')).toEqual(['Lagging lantern']);
    });

    it('keeps a browser that wrote on the primary through the cookie of its write', async () => {
      await pair.pauseReplay();
      try {
        const res = await as(admin).post('/admin/categories', { name: 'Cookie jars' });
        expect(res.statusCode).toBe(201);
        const cookie = String(res.headers['set-cookie']).split(';')[0]!;
        expect(cookie).toMatch(new RegExp(`^${FRESH_COOKIE}=\\d+$`));
        const names = async (headers: Record<string, string>) =>
          (
            await ok<{ items: Array<{ name: string }> }>(anonymous(server).get('/categories', headers))
          ).items.map((c) => c.name);
        expect(await names({})).not.toContain('Cookie jars');
        expect(await names({ cookie })).toContain('Cookie jars');
      } finally {
        await pair.resumeReplay();
      }
    });

    it('serves the analytics dashboards from the replica', async () => {
      const reader = await createAdmin(server); // has written nothing itself
      const before = await reads();
      await ok(as(reader).get('/admin/analytics/sales?from=2025-01-01&to=2025-01-31'));
      await ok(as(reader).get('/admin/analytics/funnel?from=2025-01-01&to=2025-01-31'));
      const after = await reads();
      expect(after.replica - before.replica).toBeGreaterThanOrEqual(2);
      expect(after.primary).toBe(before.primary);
    });

    it('reads from the primary while the replica lags past the limit', async () => {
      const config = testConfig(
        { DATABASE_URL: pair.primaryUrl, DATABASE_SCHEMA: 'public' },
        {
          DATABASE_READ_URL: pair.standbyUrl,
          DATABASE_READ_MAX_LAG_MS: '200',
          DATABASE_READ_STICKY_MS: '200',
        },
      );
      const strict = await createServer({ config });
      await strict.prepare();
      await pair.pauseReplay();
      try {
        await createProduct(server, admin, { name: 'Strict sextant', status: 'ACTIVE' });
        await strict.database.replicas!.check(); // the primary's position now, which the replica lacks
        await new Promise((r) => setTimeout(r, 300));
        await strict.database.replicas!.check();
        expect(strict.database.replicas!.statuses()[0]).toMatchObject({ serving: false });
        expect(await found(anonymous(strict), 'sextant')).toEqual(['Strict sextant']);
      } finally {
        await pair.resumeReplay();
        await strict.close();
      }
      await pair.caughtUp();
    });

    it('falls back to the primary when the standby stops, and nothing fails', async () => {
      await createProduct(server, admin, { name: 'Fallback flask', status: 'ACTIVE' });
      await pair.caughtUp();
      await pair.stopStandby();
      const before = await reads();
      expect(await found(anonymous(server), 'flask')).toEqual(['Fallback flask']);
      expect((await anonymous(server).get('/categories')).statusCode).toBe(200);
      const reader = await createAdmin(server);
      await ok(as(reader).get('/admin/analytics/sales?from=2025-01-01&to=2025-01-31'));
      expect((await reads()).primary).toBeGreaterThan(before.primary);
      expect(server.database.replicas!.statuses()[0]).toMatchObject({ serving: false, lagMs: null });
    });
  },
);
