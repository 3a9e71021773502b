import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../src/modules/identity/index.ts';
import { openPglite } from '../../src/platform/db/database.ts';
import { newId } from '../../src/platform/ids.ts';
import { dropSchema, onPostgres, openDatabase, schemaName } from '../harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-cli-'));
// On PostgreSQL, a schema nobody created yet: `bazaar migrate` makes it.
const schema = schemaName();

afterAll(async () => {
  if (onPostgres) await dropSchema(schema);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function bazaar(args: string[], env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return run(process.execPath, [path.join(root, 'bin', 'bazaar.mjs'), ...args], {
    cwd: root,
    env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  });
}

/** Runs SQL on the command's database (the embedded one in DATA_DIR, or the schema on PostgreSQL). */
async function onDatabase(work: (query: (text: string) => Promise<unknown[]>) => Promise<unknown[]>) {
  if (onPostgres) {
    const database = await openDatabase(schema);
    try {
      return await work(async (text) => (await sql.raw(text).execute(database.db)).rows);
    } finally {
      await database.close();
    }
  }
  const pglite = await openPglite(path.join(dataDir, 'pgdata'));
  try {
    return await work(async (text) => (await pglite.query(text)).rows);
  } finally {
    await pglite.close();
  }
}

async function appliedVersions(): Promise<string[]> {
  if (onPostgres) {
    const database = await openDatabase(schema);
    try {
      const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(
        database.db,
      );
      return rows.map((r) => r.version);
    } finally {
      await database.close();
    }
  }
  const pglite = await openPglite(path.join(dataDir, 'pgdata'));
  try {
    return (await pglite.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map(
      (r) => r.version,
    );
  } finally {
    await pglite.close();
  }
}

describe('bazaar command', () => {
  it('applies the migrations of every module with `bazaar migrate`', async () => {
    const env = onPostgres ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema } : {};

    const { stdout } = await bazaar(['migrate'], env);

    const match = /^(\d+) applied, 0 already applied$/m.exec(stdout);
    expect(match, stdout).not.toBeNull();
    const versions = await appliedVersions();
    expect(versions).toHaveLength(Number(match![1]));
    expect(versions).toEqual(expect.arrayContaining(['platform/001', 'tenancy/001']));
  }, 180_000); // a new embedded database is created in DATA_DIR: seconds alone, much more on a busy machine

  it('exits with status 1 and names the variable when the configuration is invalid', async () => {
    const failure = await bazaar(['migrate'], { PORT: 'abc' }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/PORT: /) });
  });

  it('refuses with status 1 to make an existing account ADMIN with a password that is not its own', async () => {
    const env = onPostgres ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema } : {};
    await bazaar(['create-admin', '--email', 'owner@shop.test', '--password', 'first-owner-pass-7'], env);
    // someone registered the address the operator means to use, with their own password
    const hash = await new PasswordHasher({ concurrency: 1, maxQueue: 1 }).hash('attacker-chose-this-9');
    const insert = `INSERT INTO users (id, store_id, email, password_hash, name, roles)
      SELECT '${newId()}', id, 'boss@shop.test', '${hash}', 'Early Bird', '{CUSTOMER}' FROM stores LIMIT 1`;
    await onDatabase((query) => query(insert));

    const failure = await bazaar(
      ['create-admin', '--email', 'boss@shop.test', '--password', 'Operator-pass-1!x'],
      env,
    ).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/exists.*not its own/) });
    const roles = await onDatabase((query) =>
      query(`SELECT roles FROM users WHERE email = 'boss@shop.test'`),
    );
    expect(roles).toEqual([{ roles: ['CUSTOMER'] }]);
  }, 180_000);
});

describe('bazaar start in production mode', () => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-prod-'));
  const openDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-open-'));
  fs.chmodSync(openDir, 0o755);
  afterAll(() => {
    for (const dir of [privateDir, openDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  const production = {
    NODE_ENV: 'production',
    DATA_DIR: privateDir,
    JWT_SECRET: 'j'.repeat(40),
    DATA_ENCRYPTION_KEY: 'd'.repeat(40),
    PUBLIC_URL: 'https://shop.example.com',
    PORT: '0',
  };

  const refusals: Array<[string, NodeJS.ProcessEnv]> = [
    ['JWT_SECRET', { JWT_SECRET: '' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: '' }],
    ['PUBLIC_URL', { PUBLIC_URL: '' }],
    ['PAYMENTS_TEST_PROVIDER', { PAYMENTS_TEST_PROVIDER: 'true' }],
    ['SEED_DEMO', { SEED_DEMO: 'true' }],
    ['DATA_DIR', { DATA_DIR: openDir }],
  ];

  it.concurrent.each(refusals)('refuses to start, exit status 1, naming %s', async (setting, change) => {
    const failure = await bazaar(['start'], { ...production, ...change }).catch((error: unknown) => error);

    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(new RegExp(`production mode:[\\s\\S]*^ {2}${setting}: `, 'm')),
    });
    // nothing was created in the data directory: the refusal comes before the database opens
    expect(fs.readdirSync(change.DATA_DIR ?? privateDir)).toEqual([]);
  });
});
