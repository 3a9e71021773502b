import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDriver, type Transaction } from 'kysely';
import pg from 'pg';
import { type Notifications, pgliteNotifications, postgresNotifications } from './notifications.ts';
import { ReadDriver, ReadReplicas, type ReplicaStatus } from './replicas.ts';
import { dialectOver, storeHandles } from './rls.ts';

// int8 (counts, money in minor units) as JS numbers: every amount we store fits in 2^53. A value
// that does not is refused rather than silently losing digits.
pg.types.setTypeParser(20, parseInt8);
// `date` columns stay 'YYYY-MM-DD' strings instead of local-midnight Date objects.
pg.types.setTypeParser(1082, (v) => v);

/** An int8 as a JS number, or a RangeError for one a double cannot hold exactly (|n| > 2^53 − 1). */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`int8 value ${text} is beyond ±${Number.MAX_SAFE_INTEGER}`);
  return n;
}

/**
 * The query builder handle. Modules type it with their own tables through `tables<T>()`,
 * so each module declares and owns its table types.
 */
// biome-ignore lint/suspicious/noExplicitAny: modules narrow this with tables<T>()
export type Db = Kysely<any>;

// biome-ignore lint/suspicious/noExplicitAny: see Db
export type Trx = Transaction<any>;

export function tables<T>(db: Db): Kysely<T> {
  return db as unknown as Kysely<T>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly schema: string;
  readonly db: Db;
  readonly pool: pg.Pool;
  /** Whether store-scoped work runs behind row-level security (DATABASE_RLS, decision 016). */
  readonly rls: boolean;
  /**
   * The handle a request or job of one store works through: with `rls` on, every statement runs
   * as the restricted role inside that store; with it off, `db` itself.
   */
  forStore(storeId: string): Db;
  /**
   * The handle for reads that may lag a little (decision 038), bound to the store as `forStore`:
   * a read replica's connection when one is up and close enough, else the primary's. Without
   * DATABASE_READ_URL it is `forStore(storeId)`.
   */
  forStoreReads(storeId: string): Db;
  /** The read replicas and what each is doing; null without DATABASE_READ_URL. */
  readonly replicas: { statuses(): ReplicaStatus[]; check(): Promise<void> } | null;
  poolStats(): { total: number; idle: number; waiting: number };
  /** LISTEN/NOTIFY between the processes on this database (new jobs, cache invalidations). */
  readonly notifications: Notifications;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  dataDir?: string;
  schema?: string;
  poolMax?: number;
  /** An already-open PGlite instance (tests share one per process); it is not closed by `close()`. */
  pglite?: PGlite;
  /** Row-level security for store-bound handles (`forStore`); off unless asked. */
  rls?: boolean;
  /** PostgreSQL standbys for `forStoreReads` (only with `url`); see ReadReplicas. */
  readUrls?: string[];
  readMaxLagMs?: number;
  onRead?: (pool: 'primary' | 'replica') => void;
  onReplicaChange?: (replica: ReplicaStatus) => void;
}

/** The search_path last set on each PGlite session (one session per instance). */
const sessionSearchPath = new WeakMap<PGlite, string>();

/**
 * Creates `dir` (and missing parents) mode 0700, and takes group and other access away from it and
 * everything under it. PGlite writes its files 0666 whatever the umask, and PostgreSQL's own check
 * of the data directory's mode does not run inside it.
 */
export function makePrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const visit = (p: string) => {
    const stat = fs.lstatSync(p);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) fs.chmodSync(p, stat.mode & 0o700);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
}

/** An embedded database, in memory or in `dataDir` (kept private to the owner: see makePrivate). */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) makePrivate(dataDir);
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  if (dataDir) makePrivate(dataDir); // the files a new database was just created with
  return db;
}

/**
 * A pool over the one PGlite session. Several databases may share one instance (tests give each
 * server a schema of its own): when this pool takes the session after another set a different
 * path, it sets its own back first.
 */
async function pglitePool(pglite: PGlite, searchPath: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  // PGlite is one session shared by every pool client: set the path on that session.
  await pglite.exec(`SET search_path TO ${searchPath}`);
  sessionSearchPath.set(pglite, searchPath);
  pool.on('acquire', (client) => {
    if (sessionSearchPath.get(pglite) === searchPath) return;
    sessionSearchPath.set(pglite, searchPath);
    // A client runs its queries in order, so this lands before the caller's first statement.
    client.query(`SET search_path TO ${searchPath}`).catch(() => sessionSearchPath.delete(pglite));
  });
  return pool;
}

/** The pool and notifications of PostgreSQL (`url`) or of PGlite (shared, or opened in `dataDir`). */
async function openPool(options: DatabaseOptions, schema: string, searchPath: string) {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 20,
      options: `-c search_path=${searchPath}`,
    });
    return { kind: 'postgres' as const, pool, notifications: postgresNotifications(options.url, schema) };
  }
  let ownedPglite: PGlite | undefined;
  let dataDir: string | undefined;
  if (!options.pglite) {
    dataDir = path.resolve(options.dataDir ?? './data');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700); // an existing one too: it holds the database (production refuses an open one)
    ownedPglite = await openPglite(path.join(dataDir, 'pgdata'));
  }
  const pglite = options.pglite ?? (ownedPglite as PGlite);
  const pool = await pglitePool(pglite, searchPath);
  return {
    kind: 'pglite' as const,
    pool,
    notifications: pgliteNotifications(pglite, schema),
    ownedPglite,
    dataDir,
  };
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema ?? 'public';
  // Schema names are validated by config (lower-case identifiers), so they need no quoting.
  const searchPath = schema === 'public' ? 'public' : `${schema},public`;
  const opened = await openPool(options, schema, searchPath);
  const { kind, pool, notifications } = opened;
  const ownedPglite = 'ownedPglite' in opened ? opened.ownedPglite : undefined;
  const dataDir = 'dataDir' in opened ? opened.dataDir : undefined;
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // The driver is made here so store-bound handles share it (and the pool) with `db`.
  const driver = new PostgresDriver({ pool });
  const db = new Kysely({ dialect: dialectOver(driver) });
  const rls = options.rls ?? false;
  const forStore = rls ? storeHandles(driver) : () => db;
  const replicas = await openReplicas(options, pool, searchPath);
  const forStoreReads = replicas ? readHandles(new ReadDriver(driver, replicas), rls) : forStore;
  return {
    kind,
    schema,
    db,
    pool,
    rls,
    forStore,
    forStoreReads,
    replicas,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    notifications,
    async close() {
      await replicas?.close();
      await notifications.close();
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; migrate() alone uses the pool directly.
      if (!pool.ending && !pool.ended) await pool.end();
      if (ownedPglite) {
        await ownedPglite.close();
        makePrivate(path.join(dataDir!, 'pgdata')); // relation files made while it ran
      }
    },
  };
}

/** Store-bound handles over the replicas' driver, as `forStore` over the primary's. */
function readHandles(driver: ReadDriver, rls: boolean): (storeId: string) => Db {
  if (rls) return storeHandles(driver);
  const db = new Kysely({ dialect: dialectOver(driver) });
  return () => db;
}

/** The read replicas of DATABASE_READ_URL, measured once before the first request; null without. */
async function openReplicas(
  options: DatabaseOptions,
  primary: pg.Pool,
  searchPath: string,
): Promise<ReadReplicas | null> {
  if (!options.readUrls?.length) return null;
  if (!options.url) throw new Error('read replicas need DATABASE_URL: the embedded database has none');
  const replicas = new ReadReplicas(primary, {
    urls: options.readUrls,
    searchPath,
    poolMax: options.poolMax ?? 20,
    maxLagMs: options.readMaxLagMs ?? 1000,
    ...(options.onRead ? { onRead: options.onRead } : {}),
    ...(options.onReplicaChange ? { onChange: options.onReplicaChange } : {}),
  });
  await replicas.start();
  return replicas;
}
