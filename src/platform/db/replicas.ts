import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDriver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';

/**
 * Read replicas (decision 038): PostgreSQL standbys that serve the reads which may lag a little
 * (the catalog's public reads, the analytics dashboards). Each has a pool set up as the primary's
 * (same search_path; store-bound handles over it take the same role and store setting). A check
 * every second compares each standby's replayed WAL position with positions the primary reported
 * in earlier checks: a standby whose replay is older than `maxLagMs` (or that does not answer)
 * serves nothing until a later check finds it close again. Reads then go to the primary.
 */
export interface ReplicaOptions {
  urls: string[];
  searchPath: string;
  poolMax: number;
  maxLagMs: number;
  /** How often the lag is measured. */
  checkMs?: number;
  /** Told each time a read is served, by which pool (metrics). */
  onRead?: (pool: 'primary' | 'replica') => void;
  /** Told when a replica stops or starts serving reads. */
  onChange?: (replica: ReplicaStatus) => void;
}

export interface ReplicaStatus {
  /** `host:port/database`, never the credentials. */
  name: string;
  serving: boolean;
  /** Replay lag at the last check (ms); null while it did not answer. */
  lagMs: number | null;
  /** Why it does not serve, when it does not. */
  reason?: string;
}

interface Replica {
  name: string;
  pool: pg.Pool;
  driver: Driver;
  status: ReplicaStatus;
}

/** `host:port/database` of a URL, for logs and metrics. */
export function replicaName(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** A WAL position (`16/B374D848`) as a number. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/** Errors that mean the server or the connection is gone, not that the statement was wrong. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  const code = e?.code ?? '';
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code))
    return true;
  return /Connection terminated|connection timeout|not queryable/i.test(e?.message ?? '');
}

export class ReadReplicas {
  readonly list: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The primary's WAL position at each recent check, oldest first. */
  private samples: Array<{ at: number; lsn: bigint }> = [];
  private checking: Promise<void> | undefined;

  constructor(
    private readonly primary: pg.Pool,
    private readonly options: ReplicaOptions,
  ) {
    this.list = options.urls.map((url) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: options.poolMax,
        options: `-c search_path=${options.searchPath}`,
        connectionTimeoutMillis: 2000,
      });
      pool.on('error', () => {
        // An idle connection was lost (the standby stopped); the next use opens another or fails over.
      });
      const status: ReplicaStatus = {
        name: replicaName(url),
        serving: false,
        lagMs: null,
        reason: 'unchecked',
      };
      return { name: status.name, pool, driver: new PostgresDriver({ pool }), status };
    });
  }

  /** Measures every replica now, then every `checkMs`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkMs ?? 1000);
    this.timer.unref();
  }

  /** The next serving replica in turn, or null (no replica is up and close enough). */
  pick(): Replica | null {
    const n = this.list.length;
    for (let i = 0; i < n; i++) {
      const replica = this.list[(this.next + i) % n]!;
      if (replica.status.serving) {
        this.next = (this.next + i + 1) % n;
        return replica;
      }
    }
    return null;
  }

  statuses(): ReplicaStatus[] {
    return this.list.map((r) => ({ ...r.status }));
  }

  counted(pool: 'primary' | 'replica'): void {
    this.options.onRead?.(pool);
  }

  /** Takes a replica out of turn at once (its connection failed); a later check puts it back. */
  fail(replica: Replica, error: unknown): void {
    this.set(replica, { serving: false, lagMs: null, reason: String((error as Error)?.message ?? error) });
  }

  /** One measurement of every replica (concurrent calls share it). */
  check(): Promise<void> {
    this.checking ??= this.measure().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async measure(): Promise<void> {
    const at = Date.now();
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      this.samples.push({ at, lsn: parseLsn(rows[0]!.lsn) });
    } catch {
      return; // the primary is away: nothing to compare with, and nothing serves anyway
    }
    // enough history to tell any lag up to the limit, plus the newest sample older than it
    const keepFrom = at - this.options.maxLagMs - 2 * (this.options.checkMs ?? 1000);
    while (this.samples.length > 2 && this.samples[1]!.at < keepFrom) this.samples.shift();
    await Promise.all(this.list.map((replica) => this.measureOne(replica)));
  }

  private async measureOne(replica: Replica): Promise<void> {
    try {
      const { rows } = await replica.pool.query<{ replay: string | null }>(
        'SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS replay',
      );
      const replay = rows[0]!.replay;
      const lagMs = replay === null ? 0 : this.lagOf(parseLsn(replay));
      const serving = lagMs <= this.options.maxLagMs;
      this.set(replica, { serving, lagMs, ...(serving ? {} : { reason: `replay lag ${lagMs} ms` }) });
    } catch (error) {
      this.fail(replica, error);
    }
  }

  /**
   * How far behind a replay position is: 0 when it holds what the primary had at the last check,
   * else the age of the newest check whose position it holds (Infinity when older than every one).
   */
  private lagOf(replay: bigint): number {
    const newest = this.samples.at(-1)!;
    if (replay >= newest.lsn) return 0;
    for (let i = this.samples.length - 2; i >= 0; i--) {
      const sample = this.samples[i]!;
      if (replay >= sample.lsn) return Date.now() - this.samples[i + 1]!.at;
    }
    return Number.POSITIVE_INFINITY;
  }

  private set(replica: Replica, status: Omit<ReplicaStatus, 'name'>): void {
    const was = replica.status.serving;
    replica.status = { name: replica.name, ...status };
    if (was !== status.serving) this.options.onChange?.(replica.status);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all(this.list.map((r) => (r.pool.ending || r.pool.ended ? undefined : r.pool.end())));
  }
}

/** A connection of a replica's pool, or of the primary's after the replica failed it. */
class ReadConnection implements DatabaseConnection {
  private used = false;

  constructor(
    public inner: DatabaseConnection,
    public replica: Replica | null,
    private readonly driver: ReadDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.inner.executeQuery<R>(query);
      if (!this.used) this.driver.replicas.counted(this.replica ? 'replica' : 'primary');
      this.used = true;
      return result;
    } catch (error) {
      // A replica lost before its first statement (stopped while its connection sat idle) costs
      // nothing: the statement runs on the primary. After the first, the caller sees the error.
      if (!this.replica || this.used || !isConnectionError(error)) throw error;
      this.driver.replicas.fail(this.replica, error);
      await this.replica.driver.releaseConnection(this.inner).catch(() => undefined);
      this.replica = null;
      this.inner = await this.driver.primary.acquireConnection();
      return this.executeQuery(query);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * The driver of the read handles: each connection from the next serving replica, else from the
 * primary; a replica that fails to connect is taken out of turn and the primary serves.
 */
export class ReadDriver implements Driver {
  constructor(
    readonly primary: Driver,
    readonly replicas: ReadReplicas,
  ) {}

  async init(): Promise<void> {
    await this.primary.init();
    for (const r of this.replicas.list) await r.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    for (let replica = this.replicas.pick(); replica; replica = this.replicas.pick()) {
      try {
        return new ReadConnection(await replica.driver.acquireConnection(), replica, this);
      } catch (error) {
        this.replicas.fail(replica, error);
      }
    }
    return new ReadConnection(await this.primary.acquireConnection(), null, this);
  }

  // Transactions and savepoints are statements on the connection, which routes them as it does any.
  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.primary.beginTransaction(c, settings);
  }

  commitTransaction(c: DatabaseConnection): Promise<void> {
    return this.primary.commitTransaction(c);
  }

  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return this.primary.rollbackTransaction(c);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as ReadConnection;
    return (c.replica?.driver ?? this.primary).releaseConnection(c.inner);
  }

  async destroy(): Promise<void> {
    // The pools belong to the database: closing them is the database's close().
  }
}
