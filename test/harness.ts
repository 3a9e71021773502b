import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/platform/config.ts';
import { createDatabase, type Database, openPglite } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { randomToken } from '../src/platform/ids.ts';
import type { Logger } from '../src/platform/observability/logger.ts';
import { createServer, type Server } from '../src/server.ts';
import { SchemaPool } from './schema-pool.ts';

/**
 * Test harness: every suite runs on the embedded database and, when DATABASE_URL is set, on that
 * PostgreSQL. One embedded instance is shared by all files of a test process (it is costly to
 * create); each test server lives in a schema of its own, dropped when it closes.
 */
let sharedPglite: Promise<PGlite> | undefined;

export function embeddedDatabase(): Promise<PGlite> {
  sharedPglite ??= openPglite();
  return sharedPglite;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** Runs SQL outside any test server (creating and dropping schemas). */
export async function adminQuery(sql: string): Promise<void> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    await (await embeddedDatabase()).exec(sql);
  }
}

/** The rows of one query run outside any test server. */
async function adminRows<T>(sql: string): Promise<T[]> {
  if (!process.env.DATABASE_URL) return (await (await embeddedDatabase()).query<T>(sql)).rows;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const schemas = new SchemaPool({ exec: adminQuery, rows: adminRows });

/**
 * The prefix of this run's pooled schemas (test/global-setup.ts); none outside a vitest run or
 * with TEST_SCHEMA_POOL=0 (every server in a new schema, dropped when it closes).
 */
function pooledSchemaPrefix(): string | undefined {
  if (process.env.TEST_SCHEMA_POOL === '0') return undefined;
  try {
    return inject('pooledSchemaPrefix');
  } catch {
    return undefined;
  }
}

/** A new schema name, unique to this run. */
export function schemaName(): string {
  return `t_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

/** An empty schema for tests that drive migrations themselves; drop it with `dropSchema`. */
export async function createSchema(): Promise<string> {
  const schema = schemaName();
  await adminQuery(`CREATE SCHEMA ${schema}`);
  return schema;
}

export async function dropSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/**
 * A database handle on `schema` without a server: a pool of its own on PostgreSQL (as another
 * process would have), the shared embedded instance otherwise. Close it; the schema stays.
 */
export async function openDatabase(schema: string, poolMax = 5): Promise<Database> {
  return onPostgres
    ? createDatabase({ url: process.env.DATABASE_URL, schema, poolMax })
    : createDatabase({ schema, pglite: await embeddedDatabase() });
}

export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-test-'));
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      WORKER_ENABLED: 'false',
      // Suites sign in and check out many times from one address; the rate-limit tests set their own low limits.
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
      RATE_LIMIT_CATALOG_PER_MINUTE: '1000000',
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_LEADS_PER_MINUTE: '1000000',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      // The suites run with row-level security as configured by default, or as this run asks.
      ...(process.env.DATABASE_RLS ? { DATABASE_RLS: process.env.DATABASE_RLS } : {}),
      ...env,
    },
    overrides,
  );
}

export interface TestServer extends Server {
  schema: string;
  /** Closes the server and drops its schema. */
  destroy(): Promise<void>;
}

/**
 * A fully migrated server in a schema of its own. `prepare: false` leaves migrations to the test.
 * The schema is new, or one an earlier file of this process used, emptied (test/schema-pool.ts).
 */
export async function createTestServer(
  options: {
    config?: Partial<Config>;
    env?: NodeJS.ProcessEnv;
    prepare?: boolean;
    schema?: string;
    /** A logger of the test's own (to read what the server logs). */
    log?: Logger;
  } = {},
): Promise<TestServer> {
  const prefix = options.schema === undefined && options.prepare !== false ? pooledSchemaPrefix() : undefined;
  const { schema, reused } = prefix
    ? schemas.take(() => `${prefix}${schemaName().slice(2)}`)
    : { schema: options.schema ?? schemaName(), reused: false };
  if (!reused) await adminQuery(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const config = testConfig({ DATABASE_SCHEMA: schema, ...options.config }, options.env);
  const server = await createServer({
    config,
    ...(options.log ? { log: options.log } : {}),
    ...(onPostgres ? {} : { pglite: await embeddedDatabase() }),
  });
  if (options.prepare !== false) {
    if (prefix && schemas.learning) {
      await migrate(server.database.pool, server.migrationSources);
      await schemas.learnMigrated(schema);
    }
    await server.prepare();
    if (prefix) await schemas.learnPrepared(schema);
  }
  return Object.assign(server, {
    schema,
    async destroy() {
      await server.close();
      if (!(await schemas.giveBack(schema))) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  });
}
