import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prefix of the schemas this run's test processes keep for reuse (test/schema-pool.ts). */
    pooledSchemaPrefix: string;
  }
}

/**
 * The system catalogs a run's schemas churn: every schema made and dropped leaves thousands of
 * dead rows in them, and a server with autovacuum off (this machine's) never takes them away, so
 * each run's look-ups by schema, which read pg_class whole, get slower than the last's.
 */
const CATALOGS = [
  'pg_attribute',
  'pg_attrdef',
  'pg_class',
  'pg_constraint',
  'pg_depend',
  'pg_index',
  'pg_inherits',
  'pg_policy',
  'pg_proc',
  'pg_sequence',
  'pg_trigger',
  'pg_type',
].map((table) => `pg_catalog.${table}`);

async function withPostgres(work: (client: pg.Client) => Promise<void>): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Makes the dead rows of earlier runs' schemas reusable (a warning, not a failure, for a non-superuser). */
async function vacuumCatalogs(client: pg.Client): Promise<void> {
  await client.query(`VACUUM ${CATALOGS.join(', ')}`);
}

/**
 * Names the run's pooled schemas and, on PostgreSQL, drops those left when the run ends (a test
 * process keeps its emptied schemas until it exits, which gives it no moment to drop them) and
 * vacuums the catalogs before and after. The embedded databases end with their processes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prefix = `tp_${crypto.randomBytes(4).toString('hex')}_`;
  project.provide('pooledSchemaPrefix', prefix);
  await withPostgres(vacuumCatalogs);
  return () =>
    withPostgres(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)',
        [prefix],
      );
      for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await vacuumCatalogs(client);
    });
}
