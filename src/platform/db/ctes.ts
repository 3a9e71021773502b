import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Writes that ride in another module's statement as data-modifying common table expressions: the
 * writing module hands the statement's owner a function that adds its CTEs (the events of
 * `Jobs.publishWith`; checkout's pending payment in the order's insert). The owner calls it on the
 * query builder before the statement's own `with`s and its insert or update. The CTEs run whatever
 * the statement's own rows; their foreign keys are checked at the statement's end.
 */
export type WithCtes = <DB>(qc: QueryCreator<DB>) => QueryCreator<DB>;

/** No CTEs: the statement as it is. */
export const NO_CTES: WithCtes = (qc) => qc;

/** `first`'s CTEs, then `second`'s. */
export function withBoth(first: WithCtes, second: WithCtes): WithCtes {
  return (qc) => second(first(qc));
}

/**
 * A piece of work that can share a statement with others: its common table expressions (each
 * `name AS (…)`, named from the prefix it was built with so that parts never collide) and a scalar
 * expression over them that yields its rows as a jsonb array. `runParts` joins parts made close
 * together (the job worker's claims of one turn) into one statement.
 */
export interface StatementPart {
  ctes: RawBuilder<unknown>[];
  rows: RawBuilder<unknown>;
}

/**
 * Runs parts as one statement, `WITH <every part's CTEs> SELECT <rows> AS r0, <rows> AS r1, …`, and
 * answers each part's rows. Data-modifying CTEs all run, on one snapshot: parts must not write the
 * same rows.
 */
export async function runParts(db: Db, parts: StatementPart[]): Promise<unknown[][]> {
  if (parts.length === 0) return [];
  const ctes = parts.flatMap((part) => part.ctes);
  const values = parts.map((part, i) => sql`coalesce(${part.rows}, '[]'::jsonb) AS ${sql.ref(`r${i}`)}`);
  const { rows } = await sql<Record<string, unknown[]>>`
    ${ctes.length > 0 ? sql`WITH ${sql.join(ctes)}` : sql``}
    SELECT ${sql.join(values)}`.execute(db);
  return parts.map((_, i) => rows[0]![`r${i}`] ?? []);
}
