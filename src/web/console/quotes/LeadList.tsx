import { useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Choice, when, words } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';

const STATUSES = [
  ['', 'All'],
  ['NEW', 'New'],
  ['CONTACTED', 'Contacted'],
  ['QUOTED', 'Quoted'],
  ['ACCEPTED', 'Accepted'],
  ['DECLINED', 'Declined'],
  ['EXPIRED', 'Expired'],
  ['CONVERTED', 'Converted'],
] as const;
type Status = Exclude<(typeof STATUSES)[number][0], ''>;

interface ListedLead {
  id: string;
  status: string;
  contact: { name: string; email: string | null };
  itemCount: number;
  quote: { total: { amount: number; currency: string }; validUntil: string } | null;
  wantedBy: string | null;
  createdAt: string;
}

/** The columns of a list of leads: who asked, how much, where it stands. */
const columns = [
  {
    header: 'Lead',
    cell: (l: ListedLead) => <Link href={`/leads/${l.id}`}>{l.contact.name}</Link>,
  },
  { header: 'Items', cell: (l: ListedLead) => l.itemCount },
  {
    header: 'Status',
    cell: (l: ListedLead) => (
      <span className={`status status-${l.status.toLowerCase()}`}>{words(l.status)}</span>
    ),
  },
  { header: 'Quote', cell: (l: ListedLead) => money(l.quote?.total) },
  { header: 'Valid until', cell: (l: ListedLead) => when(l.quote?.validUntil) },
  { header: 'Wanted by', cell: (l: ListedLead) => l.wantedBy ?? '–' },
  { header: 'Asked', cell: (l: ListedLead) => when(l.createdAt) },
];

/** Staff's leads, newest first, by status. */
export function LeadList() {
  const [status, setStatus] = useState<Status | ''>('');
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Choice
          id="leads-status"
          label="Show"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
          options={STATUSES}
        />
      </form>
      <PagedTable<ListedLead>
        label="Leads"
        queryKey="/admin/leads"
        filter={{ status }}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/leads', {
              params: { query: { ...(status ? { status } : {}), limit: 20, cursor } },
            }),
          )
        }
        columns={columns}
      />
    </>
  );
}

/** The seller's leads: those with an item of theirs. */
export function SellerLeadList() {
  return (
    <PagedTable<ListedLead>
      label="Leads"
      queryKey="/seller/leads"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/seller/leads', { params: { query: { limit: 20, cursor } } }))
      }
      columns={columns}
    />
  );
}
