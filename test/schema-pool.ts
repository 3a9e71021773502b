/** Runs SQL outside any test server: statements, or the rows of one query. */
export interface AdminSql {
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
}

/** What migrations leave in a fresh schema: its tables, its sequences and the rows they write. */
interface Pristine {
  tables: string[];
  sequences: string[];
  /** Per table that migrations fill: its written columns and its rows as JSON. */
  rows: { table: string; columns: string; json: string }[];
}

/** A schema of the pool's: its shape when first migrated and started, and the files it served. */
interface Kept {
  schema: string;
  shape: string | undefined;
  uses: number;
}

/**
 * Emptied by DELETE (TRUNCATE makes new files for every table and index: slower than migrating on
 * PostgreSQL), a schema keeps its dead rows; after this many files it is dropped for a fresh one.
 */
const MAX_USES = 20;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The shape of a schema: its relations (kind, columns, row-level security, grants), functions,
 * triggers, policies and constraints, as one digest. Two schemas with the same digest hold the
 * same objects; a test that made a partition, a table or a policy changes it.
 */
function shapeQuery(schema: string): string {
  const ns = `(SELECT oid FROM pg_namespace WHERE nspname = ${literal(schema)})`;
  return `SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) AS shape FROM (
    SELECT 'r:' || c.relname || ':' || c.relkind::text || ':' || c.relrowsecurity::text || c.relforcerowsecurity::text || ':' ||
           coalesce(c.relacl::text, '') || ':' || coalesce((SELECT string_agg(a.attname || ' ' ||
           format_type(a.atttypid, a.atttypmod) || a.attnotnull::text, ',' ORDER BY a.attnum) FROM pg_attribute a
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') AS item
      FROM pg_class c WHERE c.relnamespace = ${ns}
    UNION ALL SELECT 'f:' || p.proname || ':' || md5(p.prosrc) FROM pg_proc p WHERE p.pronamespace = ${ns}
    UNION ALL SELECT 't:' || c.relname || ':' || t.tgname || ':' || t.tgenabled::text FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = ${ns}
    UNION ALL SELECT 'p:' || c.relname || ':' || p.polname || ':' || coalesce(pg_get_expr(p.polqual, p.polrelid), '')
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = ${ns}
    UNION ALL SELECT 'k:' || conname || ':' || contype::text FROM pg_constraint WHERE connamespace = ${ns}
    UNION ALL SELECT 'n:' || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = ${literal(schema)}
  ) items`;
}

/**
 * Migrated schemas kept for the next test server of this process. Migrating a schema costs about
 * a second of DDL per test file; emptying one costs a small part of that. A schema goes back to the
 * pool only when it still has the shape it had when first migrated and started (a test that made a
 * partition, a table, a policy or a grant changed it), and is emptied to what migrations wrote
 * (their rows back, sequences restarted) in one transaction; any other schema is dropped, and the
 * run's global teardown (test/global-setup.ts) drops those kept.
 */
export class SchemaPool {
  /** Schemas kept for reuse, each with its shape and the files it has served. */
  private readonly spare: Kept[] = [];
  /** Schemas handed out and not given back yet. */
  private readonly taken = new Map<string, Kept>();
  private pristine: Pristine | undefined;

  constructor(private readonly admin: AdminSql) {}

  /** Whether the pool still needs a freshly migrated schema to learn what migrations write. */
  get learning(): boolean {
    return this.pristine === undefined;
  }

  /** An emptied schema to reuse, or a new name, either way the pool's to take back. */
  take(newName: () => string): { schema: string; reused: boolean } {
    const kept = this.spare.pop() ?? { schema: newName(), shape: undefined, uses: 0 };
    this.taken.set(kept.schema, kept);
    return { schema: kept.schema, reused: kept.uses > 0 };
  }

  /** Learns, once, the tables, sequences and rows of a schema migrations have just made. */
  async learnMigrated(schema: string): Promise<void> {
    if (this.pristine) return;
    const relations = await this.admin.rows<{ name: string; kind: string; columns: string }>(
      `SELECT c.relname AS name, c.relkind AS kind,
              (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${literal(schema)} AND c.relkind IN ('r', 'p', 'S') AND NOT c.relispartition
          AND c.relname <> 'schema_migrations' ORDER BY 1`,
    );
    const tables = relations.filter((r) => r.kind !== 'S');
    // every table's rows in one query: most have none
    const filled = await this.admin.rows<{ name: string; json: string | null }>(
      tables
        .map(
          (t) =>
            `SELECT ${literal(t.name)} AS name, (SELECT jsonb_agg(x)::text FROM ${schema}.${t.name} x) AS json`,
        )
        .join(' UNION ALL '),
    );
    const columns = new Map(tables.map((t) => [t.name, t.columns]));
    this.pristine = {
      tables: tables.map((t) => t.name),
      sequences: relations.filter((r) => r.kind === 'S').map((r) => r.name),
      rows: filled.flatMap((f) =>
        f.json ? [{ table: f.name, columns: columns.get(f.name)!, json: f.json }] : [],
      ),
    };
  }

  /** Notes the shape of a schema just migrated and started, the first time it is. */
  async learnPrepared(schema: string): Promise<void> {
    const kept = this.taken.get(schema);
    if (kept) kept.shape ??= await this.shapeOf(schema);
  }

  /** Empties a schema of the pool's that kept its shape and keeps it; false: drop it instead. */
  async giveBack(schema: string): Promise<boolean> {
    const kept = this.taken.get(schema);
    this.taken.delete(schema);
    if (!kept?.shape || !this.pristine || kept.uses + 1 >= MAX_USES) return false;
    if ((await this.shapeOf(schema)) !== kept.shape) return false;
    try {
      await this.admin.exec(this.emptying(schema, this.pristine));
    } catch {
      // e.g. a role that may not set session_replication_role; the embedded session is shared
      await this.admin.exec('ROLLBACK').catch(() => undefined);
      return false;
    }
    this.spare.push({ ...kept, uses: kept.uses + 1 });
    return true;
  }

  private async shapeOf(schema: string): Promise<string> {
    const [row] = await this.admin.rows<{ shape: string }>(shapeQuery(schema));
    return row?.shape ?? '';
  }

  /** One transaction: every row out (triggers off, so no order is needed), migrations' rows back. */
  private emptying(schema: string, pristine: Pristine): string {
    return [
      'BEGIN',
      'SET LOCAL session_replication_role = replica',
      ...pristine.tables.map((t) => `DELETE FROM ${schema}.${t}`),
      ...pristine.rows.map(
        (r) =>
          `INSERT INTO ${schema}.${r.table} (${r.columns}) OVERRIDING SYSTEM VALUE SELECT ${r.columns} ` +
          `FROM jsonb_populate_recordset(NULL::${schema}.${r.table}, ${literal(r.json)}::jsonb)`,
      ),
      ...pristine.sequences.map((s) => `ALTER SEQUENCE ${schema}.${s} RESTART`),
      'COMMIT',
    ].join(';\n');
  }
}
