import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../src/platform/db/bulk.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { inOrder, newestFirst } from '../../src/platform/db/keyset.ts';
import { newId } from '../../src/platform/ids.ts';
import { createSchema, dropSchema, openDatabase } from '../harness.ts';

let schema: string;
let database: Database;

beforeAll(async () => {
  schema = await createSchema();
  database = await openDatabase(schema);
  await sql`CREATE TABLE things (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    qty bigint,
    tags text[],
    attrs jsonb,
    UNIQUE (name)
  )`.execute(database.db);
});
afterAll(async () => {
  await database.close();
  await dropSchema(schema);
});

const COLUMNS = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['qty', 'bigint'],
  ['tags', 'text[]'],
  ['attrs', 'jsonb'],
] as const;

describe('bulk insert', () => {
  it('writes many rows in one statement, arrays and json included, with quotes and commas kept', async () => {
    const rows = [
      [newId(), 'plain', 1, ['a', 'b'], { size: 'M' }],
      [
        newId(),
        'odd "name", with {braces}',
        2,
        ['x "y"', 'p,q', 'back\\slash', '{}'],
        { nested: { a: [1, 2] } },
      ],
      [newId(), 'nulls', null, null, null],
      [newId(), 'empty', 3, [], {}],
    ];
    await bulkInsert(database.db, 'things', COLUMNS, rows);

    const { rows: stored } = await sql<{
      name: string;
      qty: number | null;
      tags: string[] | null;
      attrs: unknown;
    }>`
      SELECT name, qty, tags, attrs FROM things ORDER BY qty NULLS LAST, name`.execute(database.db);
    expect(stored).toEqual([
      { name: 'plain', qty: 1, tags: ['a', 'b'], attrs: { size: 'M' } },
      {
        name: 'odd "name", with {braces}',
        qty: 2,
        tags: ['x "y"', 'p,q', 'back\\slash', '{}'],
        attrs: { nested: { a: [1, 2] } },
      },
      { name: 'empty', qty: 3, tags: [], attrs: {} },
      { name: 'nulls', qty: null, tags: null, attrs: null },
    ]);
  });

  it('skips conflicting rows when asked and returns what it inserted', async () => {
    const fresh = newId();
    const inserted = await bulkInsert<{ id: string }>(
      database.db,
      'things',
      [
        ['id', 'uuid'],
        ['name', 'text'],
      ],
      [
        [newId(), 'plain'],
        [fresh, 'brand new'],
      ],
      { onConflictDoNothing: ['name'], returning: ['id'] },
    );
    expect(inserted).toEqual([{ id: fresh }]);
  });

  it('refuses a column type that is not one', async () => {
    await expect(
      bulkInsert(database.db, 'things', [['name', 'text; DROP TABLE things']], [['x']]),
    ).rejects.toThrow(/Not a column type/);
  });
});

describe('newest-first pages', () => {
  it('walks a list newest first without skipping or repeating, one row more than the page', async () => {
    await sql`CREATE TABLE entries (id uuid PRIMARY KEY)`.execute(database.db);
    const ids = Array.from({ length: 7 }, () => newId());
    for (const id of ids) await sql`INSERT INTO entries (id) VALUES (${id})`.execute(database.db);
    const page = async (after?: string) =>
      (await newestFirst(database.db.selectFrom('entries').select('id'), { after, limit: 3 }).execute()).map(
        (r: { id: string }) => r.id,
      );

    const first = await page();
    expect(first).toEqual(ids.slice().reverse().slice(0, 4));
    const second = await page(first[2]);
    expect(second).toEqual(ids.slice().reverse().slice(3, 7));
    expect(await page(second[3])).toEqual([]);
  });
});

describe('pages in order', () => {
  it('walks a list in ascending order without skipping or repeating, one row more than the page', async () => {
    await sql`CREATE TABLE codes (code text PRIMARY KEY)`.execute(database.db);
    const codes = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'G7'];
    for (const code of codes.slice().reverse())
      await sql`INSERT INTO codes (code) VALUES (${code})`.execute(database.db);
    const page = async (after?: string) =>
      (
        await inOrder(database.db.selectFrom('codes').select('code'), { after, limit: 3 }, 'code').execute()
      ).map((r: { code: string }) => r.code);

    const first = await page();
    expect(first).toEqual(codes.slice(0, 4));
    const second = await page(first[2]);
    expect(second).toEqual(codes.slice(3, 7));
    expect(await page(second[3])).toEqual([]);
  });
});
