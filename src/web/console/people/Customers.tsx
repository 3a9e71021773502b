import { useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { SearchForm, when, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type User = Row<'/api/v1/admin/users'>;

/** The store's accounts, newest first, searched by email, name or phone; each opens its page. */
export function Customers() {
  const [q, setQ] = useState('');
  return (
    <>
      <SearchForm id="customers-q" label="Email, name or phone" onSearch={setQ} />
      <PagedTable<User>
        label="Customers"
        queryKey="/admin/users"
        filter={{ q: q || undefined }}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/users', {
              params: { query: { limit: 20, cursor, q: q || undefined } },
            }),
          )
        }
        columns={[
          { header: 'Email', cell: (u) => <Link href={`/customers/${u.id}`}>{u.email}</Link> },
          { header: 'Name', cell: (u) => u.name },
          { header: 'Roles', cell: (u) => u.roles.map(words).join(', ') },
          { header: 'Status', cell: (u) => words(u.status) },
          { header: 'Since', cell: (u) => when(u.createdAt) },
        ]}
      />
    </>
  );
}
