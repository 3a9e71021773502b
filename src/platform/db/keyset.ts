import { type SelectQueryBuilder, sql } from 'kysely';

/** A position in a list ordered newest first by a time-ordered id, and how many rows a page holds. */
export interface KeysetPage {
  /** The id of the last row of the previous page (from the decoded cursor). */
  after?: string | undefined;
  limit: number;
}

/**
 * The tail of every newest-first list: rows after `after` by the time-ordered `column` (default
 * `id`), newest first, `limit + 1` of them so `toPage` can tell whether another page exists.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: KeysetPage,
  column = 'id',
): SelectQueryBuilder<DB, TB, O> {
  return keyset(query, page, column, 'desc');
}

/**
 * The tail of a list in ascending order of a unique `column` (default `id`; a code, a user id):
 * rows after `after`, `limit + 1` of them, as `newestFirst` does the other way.
 */
export function inOrder<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: KeysetPage,
  column = 'id',
): SelectQueryBuilder<DB, TB, O> {
  return keyset(query, page, column, 'asc');
}

function keyset<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: KeysetPage,
  column: string,
  direction: 'asc' | 'desc',
): SelectQueryBuilder<DB, TB, O> {
  const ref = sql.ref(column);
  const past = direction === 'desc' ? '<' : '>';
  const after = page.after === undefined ? query : query.where(ref as never, past, page.after as never);
  return after.orderBy(ref as never, direction).limit(page.limit + 1);
}
