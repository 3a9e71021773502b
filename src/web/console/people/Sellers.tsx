import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Choice, Field, FormProblem, problemOf, when, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import type { Row } from '../types.ts';

type Seller = Row<'/api/v1/admin/sellers'> & { id: string };
type Status = Seller['status'];

const STATUSES: Status[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** Seller applications and profiles by status, the pending ones first, to approve or reject. */
export function Sellers() {
  const [status, setStatus] = useState<Status>('PENDING');
  const can = useCan('sellers:approve');
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Choice
          id="sellers-status"
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status)}
          options={STATUSES.map((s) => [s, words(s)] as const)}
        />
      </form>
      <PagedTable<Seller>
        label="Sellers"
        queryKey="/admin/sellers"
        filter={{ status }}
        fetchPage={async (cursor) => {
          const page = await call(() =>
            bazaar.GET('/api/v1/admin/sellers', { params: { query: { limit: 20, cursor, status } } }),
          );
          return { ...page, items: page.items.map((s) => ({ ...s, id: s.userId })) };
        }}
        columns={[
          { header: 'Business', cell: (s) => s.businessName },
          { header: 'Type', cell: (s) => s.businessType ?? '–' },
          { header: 'Tax id', cell: (s) => s.taxId ?? '–' },
          { header: 'Applied', cell: (s) => when(s.appliedAt) },
          {
            header: 'Decision',
            cell: (s) =>
              s.status === 'PENDING' && can ? (
                <Decide seller={s} />
              ) : (
                `${words(s.status)}${s.rejectionReason ? `: ${s.rejectionReason}` : ''}`
              ),
          },
        ]}
      />
    </>
  );
}

/** Approve (the account becomes a SELLER) or reject with a reason, for a pending application. */
function Decide(props: { seller: Seller }) {
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const id = props.seller.userId;
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      call(() =>
        approve
          ? bazaar.POST('/api/v1/admin/sellers/{id}/approve', { params: { path: { id } }, body: {} })
          : bazaar.POST('/api/v1/admin/sellers/{id}/reject', { params: { path: { id } }, body: { reason } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/sellers'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate(false);
  };
  const name = props.seller.businessName;
  if (!rejecting)
    return (
      <>
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate(true)}>
          Approve {name}
        </button>
        <button type="button" className="danger" onClick={() => setRejecting(true)}>
          Reject {name}
        </button>
        <FormProblem error={decide.error} />
      </>
    );
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field
        id={`reject-${id}`}
        label={`Reason for rejecting ${name}`}
        value={reason}
        error={problemOf(decide.error).errorOf('/reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormProblem error={decide.error} />
      <button type="submit" className="danger" disabled={decide.isPending}>
        Confirm rejection
      </button>
      <button type="button" onClick={() => setRejecting(false)}>
        Keep pending
      </button>
    </form>
  );
}
