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
  private readonly spare: string[] = [];
  private readonly owned = new Set<string>();
  private readonly uses = new Map<string, number>();
  private pristine: Pristine | undefined;
  /** Each kept schema's shape as it was when it was first migrated and started. */
  private readonly shapes = new Map<string, string>();

  constructor(private readonly admin: AdminSql) {}

  /** Whether the pool still needs a freshly migrated schema to learn what migrations write. */
  get learning(): boolean {
    return this.pristine === undefined;
  }

  /** An emptied schema to reuse, or a new name, either way the pool's to take back. */
  take(newName: () => string): { schema: string; reused: boolean } {
    const spare = this.spare.pop();
    const schema = spare ?? newName();
    this.owned.add(schema);
    return { schema, reused: spare !== undefined };
  }

  /** Learns, once, the tables, sequences and rows of a schema migrations have just made. */
  async learnMigrated(schema: string): Promise<void> {
    if (this.pristine) return;
    const relations = await this.admin.rows<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${literal(schema)} AND c.relkind IN ('r', 'p', 'S') AND NOT c.relispartition
          AND c.relname <> 'schema_migrations' ORDER BY 1`,
    );
    const tables = relations.filter((r) => r.kind !== 'S').map((r) => r.name);
    const rows: Pristine['rows'] = [];
    for (const table of tables) {
      const [written] = await this.admin.rows<{ columns: string | null; json: string | null }>(
        `SELECT (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                  WHERE attrelid = ${literal(`${schema}.${table}`)}::regclass AND attnum > 0
                    AND NOT attisdropped AND attgenerated = '') AS columns,
                (SELECT jsonb_agg(t)::text FROM ${schema}.${table} t) AS json`,
      );
      if (written?.json && written.columns)
        rows.push({ table, columns: written.columns, json: written.json });
    }
    const sequences = relations.filter((r) => r.kind === 'S').map((r) => r.name);
    this.pristine = { tables, sequences, rows };
  }

  /** Notes the shape of a schema just migrated and started, the first time it is. */
  async learnPrepared(schema: string): Promise<void> {
    if (!this.shapes.has(schema)) this.shapes.set(schema, await this.shapeOf(schema));
  }

  /** Empties a schema of the pool's that kept its shape and keeps it; false: drop it instead. */
  async giveBack(schema: string): Promise<boolean> {
    const shape = this.shapes.get(schema);
    this.shapes.delete(schema);
    const uses = (this.uses.get(schema) ?? 0) + 1;
    this.uses.delete(schema);
    if (!this.owned.delete(schema) || !this.pristine || !shape || uses >= MAX_USES) return false;
    if ((await this.shapeOf(schema)) !== shape) return false;
    try {
      await this.admin.exec(this.emptying(schema, this.pristine));
    } catch {
      // e.g. a role that may not set session_replication_role; the embedded session is shared
      await this.admin.exec('ROLLBACK').catch(() => undefined);
      return false;
    }
    this.shapes.set(schema, shape);
    this.uses.set(schema, uses);
    this.spare.push(schema);
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
