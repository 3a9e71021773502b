import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/platform/db/database.ts';
import { transaction } from '../../src/platform/db/transaction.ts';
import { createSchema, dropSchema, onPostgres, openDatabase } from '../harness.ts';

const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

async function databaseWithMarker(label: string): Promise<Database> {
  const schema = await createSchema();
  schemas.push(schema);
  const database = await openDatabase(schema);
  await sql`CREATE TABLE marker (label text NOT NULL)`.execute(database.db);
  await sql`INSERT INTO marker (label) VALUES (${label})`.execute(database.db);
  return database;
}

const labelOf = async (database: Database) =>
  (await sql<{ label: string }>`SELECT label FROM marker`.execute(database.db)).rows.map((r) => r.label);

describe('database handles', () => {
  it('keep to their own schema when several are open on one database', async () => {
    // On PGlite both share one session; on PostgreSQL each has a pool of its own.
    const a = await databaseWithMarker('a');
    const b = await databaseWithMarker('b');
    try {
      expect(await labelOf(a)).toEqual(['a']);
      expect(await labelOf(b)).toEqual(['b']);
      await transaction(a.db, async (trx) => {
        await sql`INSERT INTO marker (label) VALUES ('a2')`.execute(trx);
      });
      expect(await labelOf(b)).toEqual(['b']);
      expect((await labelOf(a)).sort()).toEqual(['a', 'a2']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('end their pool on close even when only the raw pool was used', async () => {
    const schema = await createSchema();
    schemas.push(schema);
    const database = await openDatabase(schema);
    const client = await database.pool.connect();
    await client.query('SELECT 1');
    client.release();

    await database.close();

    expect(database.pool.ended).toBe(true);
  });
});

/** Every path under `dir` (itself included) whose mode lets group or others in, with that mode. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    const stat = fs.lstatSync(p);
    if (stat.mode & 0o077) found.push(`${path.relative(dir, p) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return found;
}

describe('the embedded database on disk', () => {
  // PGlite writes its relation files with mode 0666 whatever the umask, and PostgreSQL's own
  // permission check on the data directory does not run inside it.
  it.skipIf(onPostgres)(
    'is readable and writable by its owner only: a 0700 data directory (an open one is tightened), 0600 files',
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-pgdata-'));
      const dataDir = path.join(root, 'data');
      fs.mkdirSync(dataDir);
      fs.chmodSync(dataDir, 0o755);
      try {
        const database = await createDatabase({ dataDir });
        await sql`CREATE TABLE secrets (value text)`.execute(database.db);
        await sql`INSERT INTO secrets VALUES ('hash')`.execute(database.db);
        expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
        expect(fs.statSync(path.join(dataDir, 'pgdata')).mode & 0o777).toBe(0o700);
        await database.close();
        expect(openToOthers(dataDir)).toEqual([]);

        const reopened = await createDatabase({ dataDir });
        const { rows } = await sql<{ value: string }>`SELECT value FROM secrets`.execute(reopened.db);
        expect(rows).toEqual([{ value: 'hash' }]);
        await reopened.close();
        expect(openToOthers(dataDir)).toEqual([]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
    240_000,
  );
});

describe('int8 values', () => {
  it('reads int8 as numbers and refuses values a double cannot hold instead of losing digits', async () => {
    const schema = await createSchema();
    schemas.push(schema);
    const database = await openDatabase(schema);
    try {
      const read = (text: string) =>
        sql<{ n: number }>`SELECT ${text}::int8 AS n`.execute(database.db).then((r) => r.rows[0]!.n);
      expect(await read('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
      expect(await read('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER);
      await expect(read('9007199254740993')).rejects.toThrow(RangeError);
      await expect(read('-9223372036854775808')).rejects.toThrow(RangeError);
      // the connection is still good afterwards
      expect(await read('42')).toBe(42);
    } finally {
      await database.close();
    }
  });
});
