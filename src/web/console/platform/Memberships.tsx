import { useQuery } from '@tanstack/react-query';
import { when, words } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { type Membership, platform } from './api.ts';
import { OpenStoreConsole, originOf } from './StoreConsole.tsx';
import { StatusBadge } from './StorePage.tsx';

/** The stores the signed-in account is staff of, for the navigation and the page below. */
export function fetchMemberships() {
  return platform.call(() => platform.client.GET('/api/v1/platform/memberships'));
}

export const MEMBERSHIPS_KEY = ['/platform/memberships'];

/**
 * The stores the account works in as invited staff, its role in each, and the way into each
 * store's console (a session bound to that store). A suspended store opens to no one.
 */
export function Memberships() {
  const memberships = useQuery({ queryKey: MEMBERSHIPS_KEY, queryFn: fetchMemberships });
  return (
    <Section title="Stores you work on">
      {memberships.isPending && <p>Loading…</p>}
      {memberships.isError && <p role="alert">{memberships.error.message}</p>}
      {memberships.data && memberships.data.length === 0 && (
        <p>
          You are not on the staff of any store. When a business invites you, open the link in its invitation
          mail.
        </p>
      )}
      {memberships.data && memberships.data.length > 0 && (
        <Table
          label="Stores you work on"
          rows={memberships.data.map((m) => ({ ...m, id: m.storeId }))}
          columns={[
            { header: 'Store', cell: (m: Membership) => m.storeName },
            { header: 'Your role', cell: (m) => words(m.role) },
            { header: 'Address', cell: (m) => m.domain ?? '–' },
            { header: 'Status', cell: (m) => <StatusBadge status={m.status} /> },
            { header: 'Since', cell: (m) => when(m.since) },
            { header: 'Console', cell: (m) => <ConsoleCell membership={m} /> },
          ]}
        />
      )}
    </Section>
  );
}

function ConsoleCell(props: { membership: Membership }) {
  const m = props.membership;
  const origin = originOf(m.consoleUrl);
  if (!origin || m.status === 'SUSPENDED') return <>–</>;
  return (
    <OpenStoreConsole
      storeId={m.storeId}
      origin={origin}
      label="Open console"
      name={`Open console of ${m.storeName}`}
    />
  );
}
