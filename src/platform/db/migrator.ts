import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from '../observability/logger.ts';

/** One module's folder of numbered SQL files (`001_create_users.sql`). */
export interface MigrationSource {
  module: string;
  dir: string;
}

export interface Migration {
  version: string;
  module: string;
  description: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends Error {}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;
/** A plain lower-case identifier, as config allows for DATABASE_SCHEMA: safe to use unquoted. */
const SCHEMA = /^[a-z_][a-z0-9_]*$/;
const CREATES_EXTENSION = /\bCREATE\s+EXTENSION\b/i;

export function loadMigrations(sources: MigrationSource[]): Migration[] {
  const all: Migration[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source.dir)) continue;
    const files = fs
      .readdirSync(source.dir)
      .filter((f) => f.endsWith('.sql'))
      .map((file) => {
        const match = FILE.exec(file);
        if (!match)
          throw new MigrationError(`Migration file name must look like 001_name.sql: ${source.dir}/${file}`);
        return { file, number: Number(match[1]), digits: match[1]!, name: match[2]! };
      })
      // By number, so 1000_x follows 999_y; ties are refused below.
      .sort((a, b) => a.number - b.number || a.file.localeCompare(b.file));
    for (const [i, f] of files.entries()) {
      const previous = files[i - 1];
      if (previous && previous.number === f.number)
        throw new MigrationError(
          `Two migrations of module ${source.module} share number ${f.digits}: ` +
            `${previous.file} and ${f.file} in ${source.dir}`,
        );
      const sql = fs.readFileSync(path.join(source.dir, f.file), 'utf8');
      all.push({
        version: `${source.module}/${f.digits}`,
        module: source.module,
        description: f.name.replaceAll('_', ' '),
        checksum: createHash('sha256').update(sql).digest('hex'),
        sql,
      });
    }
  }
  return all;
}

export interface MigrateResult {
  applied: string[];
  skipped: number;
}

/**
 * Applies pending migrations in order, each in its own transaction, under an advisory lock
 * (keyed by schema) so processes starting together apply each migration exactly once.
 * An applied migration whose file changed stops everything, before anything is applied, with a
 * clear message. The schema first on the pool's search_path is created if it does not exist.
 */
export async function migrate(
  pool: pg.Pool,
  sources: MigrationSource[],
  log?: Logger,
): Promise<MigrateResult> {
  const migrations = loadMigrations(sources);
  const client = await pool.connect();
  try {
    const schema = await targetSchema(client);
    await client.query(`SELECT pg_advisory_lock(hashtext('bazaar.migrate.' || $1::text))`, [schema]);
    try {
      await ensureSchema(client, schema);
      const applied = await appliedChecksums(client);
      refuseChangedMigrations(migrations, applied);
      const result: MigrateResult = { applied: [], skipped: 0 };
      for (const m of migrations) {
        if (applied.has(m.version)) {
          result.skipped++;
          continue;
        }
        await applyMigration(client, m);
        result.applied.push(m.version);
        log?.info({ version: m.version }, `applied migration ${m.version} ${m.description}`);
      }
      return result;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('bazaar.migrate.' || $1::text))`, [schema]);
    }
  } finally {
    client.release();
  }
}

/**
 * The schema the pool means to use (DATABASE_SCHEMA): current_schema() would name the next
 * existing one on the path, i.e. public, while it does not exist yet.
 */
async function targetSchema(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ schema: string }>(
    `SELECT trim(split_part(current_setting('search_path'), ',', 1)) AS schema`,
  );
  return rows[0]!.schema;
}

/** The schema and its `schema_migrations` table, created when missing. */
async function ensureSchema(client: pg.PoolClient, schema: string): Promise<void> {
  // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE right even when it exists.
  const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (rowCount === 0 && SCHEMA.test(schema)) await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    module text NOT NULL,
    description text NOT NULL,
    checksum text NOT NULL,
    executed_at timestamptz NOT NULL DEFAULT now(),
    execution_time_ms integer NOT NULL
  )`);
}

async function appliedChecksums(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ version: string; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  );
  return new Map(rows.map((r) => [r.version, r.checksum]));
}

/** An applied migration whose file changed stops everything, before anything is applied. */
function refuseChangedMigrations(migrations: Migration[], applied: Map<string, string>): void {
  for (const m of migrations) {
    const known = applied.get(m.version);
    if (known !== undefined && known !== m.checksum) {
      throw new MigrationError(
        `Migration ${m.version} (${m.description}) was changed after it was applied ` +
          `(recorded checksum ${known.slice(0, 12)}…, file now ${m.checksum.slice(0, 12)}…). ` +
          'Restore the original file and add a new migration for the change.',
      );
    }
  }
}

/** Runs one migration and records it, in one transaction. */
async function applyMigration(client: pg.PoolClient, m: Migration): Promise<void> {
  const started = performance.now();
  await client.query('BEGIN');
  try {
    // Extensions belong to the database, not the schema: two schemas migrating at once would
    // both try to create one. A database-wide lock, held to commit, makes the second wait
    // and then find it there.
    if (CREATES_EXTENSION.test(m.sql))
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('bazaar.migrate.extensions'))`);
    await client.query(m.sql);
    await client.query(
      `INSERT INTO schema_migrations (version, module, description, checksum, execution_time_ms)
       VALUES ($1, $2, $3, $4, $5)`,
      [m.version, m.module, m.description, m.checksum, Math.round(performance.now() - started)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(`Migration ${m.version} failed: ${(error as Error).message}`);
  }
}
