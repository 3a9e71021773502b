import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MonthlyTable, maintainPartitions } from '../../src/platform/db/partitions.ts';
import { newId } from '../../src/platform/ids.ts';
import {
  createSchema,
  createTestServer,
  dropSchema,
  onPostgres,
  openDatabase,
  type TestServer,
} from '../harness.ts';

// Monthly partitions (decision 036): the months ahead are made before their first write, a write
// for a month not made yet is kept in the DEFAULT partition and moved when its month is made, and
// retention drops whole months. Dates far from today keep these months apart from the live ones.
let server: TestServer;
let storeId: string;

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
});
afterAll(async () => server?.destroy());

const db = () => server.database.db;

async function partitionsOf(table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = to_regclass(${table}) ORDER BY 1`.execute(db());
  return rows.map((r) => r.name);
}

async function addEvent(day: string): Promise<string> {
  const id = newId();
  await sql`INSERT INTO analytics_events (id, store_id, kind, occurred_at, day)
            VALUES (${id}, ${storeId}, 'view', ${`${day}T12:00:00Z`}, ${day}::date)`.execute(db());
  return id;
}

async function addAuditEntry(at: string): Promise<string> {
  const id = newId();
  await sql`INSERT INTO audit_log (id, store_id, entity_type, entity_id, action, created_at)
            VALUES (${id}, ${storeId}, 'product', ${newId()}, 'update', ${at}::timestamptz)`.execute(db());
  return id;
}

async function partitionHolding(
  table: 'analytics_events' | 'audit_log',
  id: string,
): Promise<string | undefined> {
  const { rows } = await sql<{ part: string }>`
    SELECT tableoid::regclass::text AS part FROM ${sql.table(table)} WHERE id = ${id}`.execute(db());
  return rows[0]?.part;
}

function month(at: Date, add = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + add, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const ALL: MonthlyTable[] = [
  { table: 'analytics_events' },
  { table: 'inventory_movements' },
  { table: 'audit_log' },
  { table: 'notifications' },
];

describe('monthly partitions', () => {
  it('has this month, the two after it and a DEFAULT partition for each table from the start', async () => {
    const now = new Date();
    for (const { table } of ALL) {
      const parts = await partitionsOf(table);
      expect(parts).toEqual(
        expect.arrayContaining([
          `${table}_default`,
          `${table}_p${month(now)}`,
          `${table}_p${month(now, 1)}`,
          `${table}_p${month(now, 2)}`,
        ]),
      );
    }
  });

  it('makes next month before its first write: a run at 23:59 on the 31st, then a write at midnight', async () => {
    const changes = await maintainPartitions(db(), ALL, new Date('2031-01-31T23:59:00Z'));
    expect(changes).toEqual({ made: 12, dropped: 0 });
    const event = await addEvent('2031-02-01');
    const entry = await addAuditEntry('2031-02-01T00:00:00Z');
    expect(await partitionHolding('analytics_events', event)).toBe('analytics_events_p203102');
    expect(await partitionHolding('audit_log', entry)).toBe('audit_log_p203102');
    // the next night's run makes only the month that came into reach, and a second one nothing
    expect(await maintainPartitions(db(), ALL, new Date('2031-02-01T00:17:00Z'))).toEqual({
      made: 4,
      dropped: 0,
    });
    expect(await maintainPartitions(db(), ALL, new Date('2031-02-01T00:18:00Z'))).toEqual({
      made: 0,
      dropped: 0,
    });
  });

  it('keeps a write for a month not made yet, and moves it into its month when the month is made', async () => {
    const event = await addEvent('2035-06-10');
    const entry = await addAuditEntry('2035-06-10T08:00:00Z');
    expect(await partitionHolding('analytics_events', event)).toBe('analytics_events_default');
    expect(await partitionHolding('audit_log', entry)).toBe('audit_log_default');

    await maintainPartitions(db(), ALL, new Date('2035-06-01T00:17:00Z'));
    expect(await partitionHolding('analytics_events', event)).toBe('analytics_events_p203506');
    expect(await partitionHolding('audit_log', entry)).toBe('audit_log_p203506');
    const { rows } = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM analytics_events_default)::int + (SELECT count(*) FROM audit_log_default)::int AS n`.execute(
      db(),
    );
    expect(rows[0]!.n).toBe(0);
    // the moved entry is as append-only as any other
    await expect(
      sql`UPDATE audit_log SET action = 'forged' WHERE id = ${entry}`.execute(db()),
    ).rejects.toThrow(/append-only/);
  });

  it('gives rows back-dated into the DEFAULT partition their own months at the next run', async () => {
    const old = await addEvent('2024-02-29');
    expect(await partitionHolding('analytics_events', old)).toBe('analytics_events_default');
    await maintainPartitions(db(), [{ table: 'analytics_events' }]);
    expect(await partitionHolding('analytics_events', old)).toBe('analytics_events_p202402');
  });

  it("makes a table's partitions in its own schema when a schema later on the path has tables of the same names", async () => {
    // As when one instance runs in public and another in a schema of its own: the second's path
    // ends in public, where the first's tables live.
    const later = await createSchema();
    try {
      await sql`CREATE TABLE ${sql.table(`${later}.readings_default`)} (at timestamptz NOT NULL)`.execute(
        db(),
      );
      const at = await db()
        .transaction()
        .execute(async (trx) => {
          await sql.raw(`SET LOCAL search_path TO ${server.schema}, ${later}`).execute(trx);
          await sql`CREATE TABLE readings (at timestamptz NOT NULL) PARTITION BY RANGE (at)`.execute(trx);
          await sql`SELECT ensure_month_partitions('readings', '2042-01-01'::date, '2042-02-01'::date)`.execute(
            trx,
          );
          // a month not made lands in this schema's DEFAULT partition
          await sql`INSERT INTO readings (at) VALUES ('2050-05-05T00:00:00Z')`.execute(trx);
          const { rows } = await sql<{
            part: string;
          }>`SELECT tableoid::regclass::text AS part FROM readings`.execute(trx);
          return rows[0]?.part;
        });
      expect(at).toBe('readings_default');
      expect(await partitionsOf('readings')).toEqual([
        'readings_default',
        'readings_p204201',
        'readings_p204202',
      ]);
    } finally {
      await sql`DROP TABLE IF EXISTS readings`.execute(db());
      await dropSchema(later);
    }
  });

  // One embedded database serves one process: the race needs two connections to PostgreSQL.
  it.skipIf(!onPostgres)('makes the same months once when two processes run at the same moment', async () => {
    const other = await openDatabase(server.schema);
    try {
      const at = new Date('2040-03-05T00:17:00Z');
      const runs = await Promise.all([
        maintainPartitions(db(), ALL, at),
        maintainPartitions(other.db, ALL, at),
      ]);
      expect(runs[0]!.made + runs[1]!.made).toBe(12);
      expect((await partitionsOf('audit_log')).filter((p) => p.startsWith('audit_log_p2040'))).toEqual([
        'audit_log_p204003',
        'audit_log_p204004',
        'audit_log_p204005',
      ]);
    } finally {
      await other.close();
    }
  });

  it('drops whole months past retention, keeps the month the cutoff falls in, and never drops the ledger', async () => {
    const kept = await addEvent('2031-03-20');
    const gone = await addEvent('2031-02-14');
    const at = new Date(Date.parse('2031-03-15T00:00:00Z') + 400 * 86_400_000);
    const changes = await maintainPartitions(
      db(),
      [{ table: 'analytics_events', keepDays: 400 }, { table: 'inventory_movements' }],
      at,
    );
    expect(changes.dropped).toBeGreaterThan(0);
    expect(await partitionHolding('analytics_events', kept)).toBe('analytics_events_p203103');
    expect(await partitionHolding('analytics_events', gone)).toBeUndefined();
    expect(await partitionsOf('analytics_events')).not.toContain('analytics_events_p203102');
    expect(await partitionsOf('inventory_movements')).toContain(`inventory_movements_p${month(new Date())}`);
  });
});
