import type { QueryCreator } from 'kysely';

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
