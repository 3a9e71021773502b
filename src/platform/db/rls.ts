import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import type { Db } from './database.ts';

/**
 * Row-level security, the database's own wall between stores (decision 016). Store-scoped
 * statements run as the role below, with the store in the transaction-local setting
 * `app.store_id`; every table with a `store_id` column has a policy that shows and accepts only
 * that store's rows. The login role owns the tables (or is a superuser), so work that is not bound
 * to a store (migrations, jobs, sweeps across stores, store resolution) is not restricted.
 */
export const RLS_ROLE = 'bazaar_app';
export const STORE_SETTING = 'app.store_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements that put a transaction in a store. The id is checked to be a UUID, then written
 * as a literal, so the three statements travel in one round trip (simple query protocol).
 */
export function storePrelude(storeId: string): string {
  if (!UUID.test(storeId)) throw new TypeError(`not a store id: ${JSON.stringify(storeId)}`);
  return `SET LOCAL ROLE ${RLS_ROLE}; SELECT set_config('${STORE_SETTING}', '${storeId}', true)`;
}

/** A connection of the shared pool whose statements run inside the store. */
class StoreConnection implements DatabaseConnection {
  /** Set while Kysely runs a transaction on it: statements then join that transaction. */
  inTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly prelude: string,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(query);
    // A statement outside a transaction becomes one of its own, so the setting cannot outlive it.
    await this.inner.executeQuery(CompiledQuery.raw(`BEGIN; ${this.prelude}`));
    try {
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('COMMIT'));
      return result;
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
      throw error;
    }
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not offered on a store-bound connection');
  }
}

/** The pool's driver, with every transaction opened in one store. */
class StoreDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly prelude: string,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new StoreConnection(await this.inner.acquireConnection(), this.prelude);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as StoreConnection;
    await this.inner.beginTransaction(c.inner, settings);
    try {
      await c.inner.executeQuery(CompiledQuery.raw(this.prelude));
    } catch (error) {
      // Kysely releases the connection without a rollback when beginning fails: end it here.
      await this.inner.rollbackTransaction(c.inner).catch(() => undefined);
      throw error;
    }
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as StoreConnection;
    c.inTransaction = false;
    await this.inner.commitTransaction(c.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as StoreConnection;
    c.inTransaction = false;
    await this.inner.rollbackTransaction(c.inner);
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint!((c as StoreConnection).inner, name, compile);
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.rollbackToSavepoint!((c as StoreConnection).inner, name, compile);
  }

  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint!((c as StoreConnection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as StoreConnection).inner);
  }

  async destroy(): Promise<void> {
    // The pool belongs to the database: closing it is the database's close().
  }
}

/** PostgreSQL's dialect over a given driver, so several handles can share one pool's driver. */
export function dialectOver(driver: Driver): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

/** A Kysely handle over `driver` (the pool's one) whose statements run inside `storeId`. */
export function storeBoundDb(driver: Driver, storeId: string): Db {
  return new Kysely({ dialect: dialectOver(new StoreDriver(driver, storePrelude(storeId))) });
}

/**
 * One handle per store, kept for the 1,000 stores used last: state kept per handle (coalesced
 * token checks and location writes) then stays per store.
 */
export function storeHandles(driver: Driver): (storeId: string) => Db {
  const handles = new LRUCache<string, Db>({ max: 1000 });
  return (storeId) => {
    let handle = handles.get(storeId);
    if (!handle) {
      handle = storeBoundDb(driver, storeId);
      handles.set(storeId, handle);
    }
    return handle;
  };
}

export class RowLevelSecurityUnavailable extends Error {}

/** Tables the role may only read and add to (platform migration 005): the audit trail. */
const APPEND_ONLY_TABLES = ['audit_log'];

/**
 * Refuses to serve with DATABASE_RLS on when the session cannot take the role the policies
 * restrict (it was not created: the migration needs CREATEROLE), the role has no rights on the
 * schema's tables, or a store-scoped table has no row-level security switched on.
 */
export async function assertRowLevelSecurity(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ member: boolean | null; unprotected: string; ungranted: string }>(
    `WITH scoped AS (
       SELECT c.oid, c.relname, c.relrowsecurity FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'store_id' AND NOT a.attisdropped
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          -- a partition is reached through its parent, whose policies and grants apply (decision 036)
          AND NOT c.relispartition)
     SELECT (SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = $1) AS member,
            coalesce((SELECT string_agg(relname, ', ' ORDER BY relname) FROM scoped
                       WHERE NOT relrowsecurity), '') AS unprotected,
            coalesce((SELECT string_agg(relname, ', ' ORDER BY relname) FROM scoped
                       WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
                         AND NOT (has_table_privilege($1, oid, 'SELECT') AND has_table_privilege($1, oid, 'INSERT')
                              AND (relname = ANY($2) OR (has_table_privilege($1, oid, 'UPDATE')
                                                         AND has_table_privilege($1, oid, 'DELETE'))))),
                     '') AS ungranted`,
    [RLS_ROLE, APPEND_ONLY_TABLES],
  );
  const row = rows[0]!;
  const fix = 'as docs/operations.md (Row-level security) says, or set DATABASE_RLS=off';
  if (!row.member)
    throw new RowLevelSecurityUnavailable(
      `DATABASE_RLS is on but the database user cannot SET ROLE ${RLS_ROLE}: create and grant it ${fix}`,
    );
  if (row.ungranted)
    throw new RowLevelSecurityUnavailable(
      `DATABASE_RLS is on but ${RLS_ROLE} has no rights on ${row.ungranted}: grant them ${fix}`,
    );
  if (row.unprotected)
    throw new RowLevelSecurityUnavailable(
      `DATABASE_RLS is on but these store-scoped tables have no row-level security: ${row.unprotected}`,
    );
}
