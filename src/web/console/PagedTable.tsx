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
  /** The list's filters (status, search...): each set of them is a list of its own in the cache. */
  filter?: Record<string, string | undefined>;
  /** One page of the list, after `cursor` (none: the first page). */
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>;
  columns: Column<T>[];
}) {
  const query = useInfiniteQuery({
    queryKey: props.filter ? [props.queryKey, props.filter] : [props.queryKey],
    initialPageParam: '',
    queryFn: ({ pageParam }) => props.fetchPage(pageParam || undefined),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <p>Loading…</p>;
  if (query.isError) return <p role="alert">{query.error.message}</p>;
  const rows = query.data.pages.flatMap((p) => p.items);
  return (
    <>
      <Table label={props.label} rows={rows} columns={props.columns} />
      {rows.length === 0 && <p>Nothing here yet.</p>}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          More
        </button>
      )}
    </>
  );
}

/** Rows as a table, a column per `columns`; on a phone each cell shows its column's name. */
export function Table<T extends { id: string }>(props: { label: string; rows: T[]; columns: Column<T>[] }) {
  return (
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
        {props.rows.map((row) => (
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
  );
}

/** An amount for people in the browser's language, or a dash when there is none. */
export function money(m: Money | null | undefined): string {
  return m ? formatMoney(m, navigator.language) : '–';
}
