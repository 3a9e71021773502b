import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { type MigrationSource, migrate } from '../../src/platform/db/migrator.ts';
import { adminQuery, createSchema, dropSchema, onPostgres, openDatabase, schemaName } from '../harness.ts';

/** Everything a test opened, closed and removed after it. */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A module's migration folder in a temp dir, from `{ '001_name.sql': 'SQL' }`. */
function source(module: string, files: Record<string, string>): MigrationSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bazaar-migrations-${module}-`));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return { module, dir };
}

/** A fresh schema and a database handle on it. */
async function freshDatabase(): Promise<Database> {
  const schema = await createSchema();
  cleanup.push(() => dropSchema(schema));
  const database = await openDatabase(schema);
  cleanup.push(() => database.close());
  return database;
}

interface Recorded {
  version: string;
  module: string;
  description: string;
  checksum: string;
  executed_at: Date;
  execution_time_ms: number;
}

async function recorded(database: Database): Promise<Recorded[]> {
  const { rows } = await sql<Recorded>`
    SELECT version, module, description, checksum, executed_at, execution_time_ms
    FROM schema_migrations ORDER BY executed_at, version`.execute(database.db);
  return rows;
}

async function tableExists(database: Database, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT to_regclass(${`${database.schema}.${table}`}) IS NOT NULL AS found`.execute(database.db);
  return rows[0]!.found;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ITEMS = 'CREATE TABLE items (id integer PRIMARY KEY);';
const PRICE = 'ALTER TABLE items ADD COLUMN price_minor bigint NOT NULL DEFAULT 0;';
const NOTES = 'CREATE TABLE notes (id integer PRIMARY KEY, item_id integer NOT NULL REFERENCES items (id));';

describe('applying migrations', () => {
  it('applies files in module order, then number order, and records each one', async () => {
    const database = await freshDatabase();
    // notes (second module) needs items, and 002 alters what 001 created: the order matters.
    const sources = [
      source('alpha', { '002_add_price.sql': PRICE, '001_create_items.sql': ITEMS }),
      source('beta', { '001_create_notes.sql': NOTES }),
    ];

    const result = await migrate(database.pool, sources);

    expect(result).toEqual({ applied: ['alpha/001', 'alpha/002', 'beta/001'], skipped: 0 });
    const rows = await recorded(database);
    expect(rows.map((r) => [r.version, r.module, r.description, r.checksum])).toEqual([
      ['alpha/001', 'alpha', 'create items', sha256(ITEMS)],
      ['alpha/002', 'alpha', 'add price', sha256(PRICE)],
      ['beta/001', 'beta', 'create notes', sha256(NOTES)],
    ]);
    for (const row of rows) {
      expect(row.executed_at).toBeInstanceOf(Date);
      expect(Number.isInteger(row.execution_time_ms) && row.execution_time_ms >= 0).toBe(true);
    }
    expect(await tableExists(database, 'notes')).toBe(true);
  });

  it('orders by the number, not the spelling, of the file name', async () => {
    const database = await freshDatabase();
    const sources = [
      source('alpha', {
        '999_create_items.sql': ITEMS,
        '1000_add_price.sql': PRICE,
      }),
    ];

    expect((await migrate(database.pool, sources)).applied).toEqual(['alpha/999', 'alpha/1000']);
  });

  it('applies nothing when run again', async () => {
    const database = await freshDatabase();
    const sources = [source('alpha', { '001_create_items.sql': ITEMS, '002_add_price.sql': PRICE })];
    await migrate(database.pool, sources);

    expect(await migrate(database.pool, sources)).toEqual({ applied: [], skipped: 2 });
    expect(await recorded(database)).toHaveLength(2);
  });

  it('applies only the new file when a module gains a migration', async () => {
    const database = await freshDatabase();
    const alpha = source('alpha', { '001_create_items.sql': ITEMS });
    await migrate(database.pool, [alpha]);
    fs.writeFileSync(path.join(alpha.dir, '002_add_price.sql'), PRICE);

    expect(await migrate(database.pool, [alpha])).toEqual({ applied: ['alpha/002'], skipped: 1 });
  });

  it('creates the configured schema when it does not exist yet', async () => {
    const schema = schemaName();
    cleanup.push(() => dropSchema(schema));
    const database = await openDatabase(schema);
    cleanup.push(() => database.close());

    await migrate(database.pool, [source('alpha', { '001_create_items.sql': ITEMS })]);

    expect(await tableExists(database, 'items')).toBe(true);
    expect(await tableExists(database, 'schema_migrations')).toBe(true);
  });
});

describe('refusing unsafe migrations', () => {
  it('stops, naming the file, when an applied migration was edited, and applies nothing else', async () => {
    const database = await freshDatabase();
    const alpha = source('alpha', { '001_create_items.sql': ITEMS });
    const beta = source('beta', { '001_create_notes.sql': NOTES });
    await migrate(database.pool, [alpha, beta]);
    // A new migration in the first module, and an edit to an applied one in the second.
    fs.writeFileSync(path.join(alpha.dir, '002_add_price.sql'), PRICE);
    fs.writeFileSync(path.join(beta.dir, '001_create_notes.sql'), `${NOTES}\n-- tweaked`);

    await expect(migrate(database.pool, [alpha, beta])).rejects.toThrow(
      /Migration beta\/001 \(create notes\) was changed after it was applied/,
    );
    expect((await recorded(database)).map((r) => r.version)).toEqual(['alpha/001', 'beta/001']);
  });

  it.each([
    ['no number', 'create_items.sql'],
    ['a short number', '1_create_items.sql'],
    ['capitals and dashes', '001-Create-Items.sql'],
  ])('refuses a file name with %s', async (_, name) => {
    const database = await freshDatabase();
    const alpha = source('alpha', { '001_create_items.sql': ITEMS, [name]: PRICE });

    await expect(migrate(database.pool, [alpha])).rejects.toThrow(
      new RegExp(`must look like 001_name\\.sql: .*${name.replace('.', '\\.')}`),
    );
    expect(await tableExists(database, 'items')).toBe(false);
  });

  it('refuses two files with the same number in one module', async () => {
    const database = await freshDatabase();
    const alpha = source('alpha', { '001_create_items.sql': ITEMS, '001_add_price.sql': PRICE });

    await expect(migrate(database.pool, [alpha])).rejects.toThrow(
      /alpha.*001_add_price\.sql.*001_create_items\.sql/,
    );
    expect(await tableExists(database, 'items')).toBe(false);
  });

  it('rolls back a failing migration and does not record it', async () => {
    const database = await freshDatabase();
    const alpha = source('alpha', {
      '001_create_items.sql': ITEMS,
      '002_half_done.sql': 'CREATE TABLE half_done (id integer); SELECT 1 / 0;',
    });

    await expect(migrate(database.pool, [alpha])).rejects.toThrow(
      /Migration alpha\/002 failed: division by zero/,
    );
    expect((await recorded(database)).map((r) => r.version)).toEqual(['alpha/001']);
    expect(await tableExists(database, 'half_done')).toBe(false);

    // Not recorded, so the fixed file is simply applied next time.
    fs.writeFileSync(path.join(alpha.dir, '002_half_done.sql'), 'CREATE TABLE half_done (id integer);');
    expect((await migrate(database.pool, [alpha])).applied).toEqual(['alpha/002']);
  });
});

describe('concurrent start-up', () => {
  it('applies each migration exactly once when two processes migrate at the same time', async () => {
    const first = await freshDatabase();
    // On PostgreSQL a second pool, as a second process would have; PGlite is a single instance.
    const second = onPostgres ? await openDatabase(first.schema) : first;
    if (second !== first) cleanup.push(() => second.close());
    // Plain CREATE TABLE: applying any of these twice would fail.
    const files: Record<string, string> = {};
    for (let i = 1; i <= 8; i++)
      files[`${String(i).padStart(3, '0')}_create_t${i}.sql`] = `CREATE TABLE t${i} (id int);`;
    const sources = [source('alpha', files)];

    const [a, b] = await Promise.all([migrate(first.pool, sources), migrate(second.pool, sources)]);

    expect([...a.applied, ...b.applied].sort()).toEqual(Object.keys(files).map((_, i) => `alpha/00${i + 1}`));
    expect(a.skipped + b.skipped).toBe(8);
    expect(await recorded(first)).toHaveLength(8);
  });
});

describe.runIf(onPostgres)('extensions', () => {
  it('creates an extension once when two schemas of a new database migrate at the same time', async () => {
    // Extensions are database-wide, so this needs a database where none exists yet.
    const name = schemaName();
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const pools = [schemaName(), schemaName()].map(
      (schema) =>
        new pg.Pool({ connectionString: url.toString(), max: 1, options: `-c search_path=${schema},public` }),
    );
    cleanup.push(async () => {
      await Promise.all(pools.map((p) => p.end()));
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    });
    // The pause keeps the first transaction open while the second reaches its CREATE EXTENSION.
    const sources = [
      source('alpha', {
        '001_trigrams.sql':
          'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public; SELECT pg_sleep(0.3);',
      }),
    ];

    const results = await Promise.all(pools.map((pool) => migrate(pool, sources)));

    expect(results.map((r) => r.applied)).toEqual([['alpha/001'], ['alpha/001']]);
  });
});
