import { sql } from 'kysely';
import type { Db } from './database.ts';

/** A column of a bulk insert: its name and PostgreSQL type (`uuid`, `bigint`, `text[]`, `jsonb`, …). */
export type BulkColumn = readonly [name: string, type: string];

export interface BulkInsertOptions {
  /** `ON CONFLICT (…) DO NOTHING` on these columns. */
  onConflictDoNothing?: readonly string[];
  /** Columns of the inserted rows to return. */
  returning?: readonly string[];
}

/**
 * One `INSERT … SELECT FROM unnest(…)` for many rows: a parameter per column, whatever the number
 * of rows, so a large batch is one statement. Array and jsonb values travel as JSON text and are
 * turned back in the SELECT, so nothing is escaped by hand.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  db: Db,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: BulkInsertOptions = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map(([name]) => sql.ref(name));
  const params = columns.map(([, type], i) => {
    const values = rows.map((r) => asParameter(r[i], type));
    return sql`${values}::${sql.raw(parameterType(type))}[]`;
  });
  const selects = columns.map(([name, type]) => fromParameter(name, type));
  const conflict = options.onConflictDoNothing
    ? sql` ON CONFLICT (${sql.join(options.onConflictDoNothing.map((c) => sql.ref(c)))}) DO NOTHING`
    : sql``;
  const returning = options.returning
    ? sql` RETURNING ${sql.join(options.returning.map((c) => sql.ref(c)))}`
    : sql``;
  const result = await sql<R>`
    INSERT INTO ${sql.table(table)} (${sql.join(names)})
    SELECT ${sql.join(selects)} FROM unnest(${sql.join(params)}) AS u(${sql.join(names)})${conflict}${returning}`.execute(
    db,
  );
  return result.rows;
}

const TYPE = /^[a-z][a-z0-9 ]*(\[\])?$/;

function isJson(type: string): boolean {
  return type.endsWith('[]') || type === 'jsonb';
}

function parameterType(type: string): string {
  if (!TYPE.test(type)) throw new Error(`Not a column type: ${type}`);
  return isJson(type) ? 'text' : type;
}

function asParameter(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  return isJson(type) ? JSON.stringify(value) : value;
}

function fromParameter(name: string, type: string) {
  const ref = sql.ref(`u.${name}`);
  if (type === 'jsonb') return sql`${ref}::jsonb`;
  if (type.endsWith('[]')) {
    const element = sql.raw(type.slice(0, -2));
    return sql`CASE WHEN ${ref} IS NULL THEN NULL ELSE ARRAY(SELECT e::${element} FROM jsonb_array_elements_text(${ref}::jsonb) AS e) END`;
  }
  return ref;
}
