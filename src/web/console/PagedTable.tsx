import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatMoney, type Money } from '../format.ts';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list of the API, a page at a time by its cursors, as a table with a "More" button. */
export function PagedTable<T extends { id: string }>(props: {
  label: string;
  /** The list's key in the query cache (its API path): invalidating it reloads the table. */
  queryKey: string;
  /** What else the page asks for (filters): part of the cache key, so a change reloads the list. */
  params?: unknown;
  /** One page of the list, after `cursor` (none: the first page). */
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>;
  columns: Column<T>[];
}) {
  const query = useInfiniteQuery({
    queryKey: props.params === undefined ? [props.queryKey] : [props.queryKey, props.params],
    initialPageParam: '',
    queryFn: ({ pageParam }) => props.fetchPage(pageParam || undefined),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <p>Loading…</p>;
  if (query.isError) return <p role="alert">{query.error.message}</p>;
  const rows = query.data.pages.flatMap((p) => p.items);
  return (
    <>
      <table aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {props.columns.map((c) => (
                <td key={c.header} data-label={c.header}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>Nothing here yet.</p>}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          More
        </button>
      )}
    </>
  );
}

/** An amount for people in the browser's language, or a dash when there is none. */
export function money(m: Money | null | undefined): string {
  return m ? formatMoney(m, navigator.language) : '–';
}
