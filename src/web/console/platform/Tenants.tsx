import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field, FormProblem, problemOf, when, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { platform, type TenantSummary } from './api.ts';

interface Asking {
  tenant: TenantSummary;
  action: 'suspend' | 'restore';
}

/** SUPER_ADMIN: every tenant, newest first, a page at a time; suspending and restoring one. */
export function Tenants() {
  const [asking, setAsking] = useState<Asking | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ask = (tenant: TenantSummary, action: Asking['action']) => {
    setDone(null);
    setAsking({ tenant, action });
  };
  return (
    <Section title="Tenants">
      {done && <p role="status">{done}</p>}
      {asking && (
        <ConfirmSuspension
          key={`${asking.tenant.id}-${asking.action}`}
          asking={asking}
          onDone={(message) => {
            setAsking(null);
            setDone(message);
          }}
          onKeep={() => setAsking(null)}
        />
      )}
      <PagedTable
        label="Tenants"
        queryKey="/platform/tenants"
        fetchPage={(cursor) =>
          platform.call(() =>
            platform.client.GET('/api/v1/platform/tenants', { params: { query: { limit: 20, cursor } } }),
          )
        }
        columns={[
          { header: 'Business', cell: (t) => <span className="breakable">{t.businessName}</span> },
          { header: 'Plan', cell: (t) => t.plan },
          { header: 'Stores', cell: (t) => t.storeCount },
          { header: 'Subscription', cell: (t) => words(t.subscriptionStatus) },
          { header: 'Status', cell: (t) => <TenantStatus tenant={t} /> },
          { header: 'Signed up', cell: (t) => when(t.createdAt) },
          {
            header: 'Actions',
            cell: (t) =>
              t.suspendedAt ? (
                <button
                  type="button"
                  onClick={() => ask(t, 'restore')}
                  aria-label={`Restore ${t.businessName}`}
                >
                  Restore
                </button>
              ) : (
                <button
                  type="button"
                  className="danger"
                  onClick={() => ask(t, 'suspend')}
                  aria-label={`Suspend ${t.businessName}`}
                >
                  Suspend
                </button>
              ),
          },
        ]}
      />
    </Section>
  );
}

function TenantStatus(props: { tenant: TenantSummary }) {
  const t = props.tenant;
  if (!t.suspendedAt) return <span className="status status-active">running</span>;
  return (
    <>
      <span className="status status-suspended">suspended</span> {when(t.suspendedAt)}
      {t.suspendedReason && <span className="hint"> ({t.suspendedReason})</span>}
    </>
  );
}

/** The SUPER_ADMIN confirms, giving a reason (required to suspend, optional to restore). */
function ConfirmSuspension(props: { asking: Asking; onDone: (message: string) => void; onKeep: () => void }) {
  const { tenant, action } = props.asking;
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => {
      const params = { path: { id: tenant.id } };
      return platform.call(() =>
        action === 'suspend'
          ? platform.client.POST('/api/v1/platform/tenants/{id}/suspend', { params, body: { reason } })
          : platform.client.POST('/api/v1/platform/tenants/{id}/restore', {
              params,
              body: reason.trim() ? { reason: reason.trim() } : {},
            }),
      );
    },
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: ['/platform/tenants'] });
      const verb = action === 'suspend' ? 'suspended' : 'restored';
      props.onDone(`${result.tenant.businessName} ${verb}: ${result.stores} store(s) changed.`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const suspending = action === 'suspend';
  const reasonError = problemOf(send.error).errorOf('/reason');
  return (
    <form
      className="confirm"
      aria-label={`Confirm: ${action} ${tenant.businessName}`}
      onSubmit={submit}
      noValidate
    >
      <p>
        {suspending
          ? `Suspend ${tenant.businessName}? Its ${tenant.storeCount} store(s) answer buyers “temporarily unavailable”; its staff can still sign in.`
          : `Restore ${tenant.businessName}? Its stores go back to where they were.`}
      </p>
      <Field
        id="suspension-reason"
        label={suspending ? 'Reason' : 'Reason (optional)'}
        value={reason}
        autoFocus
        error={reasonError && (reason.trim() ? reasonError : 'Give the reason for the record.')}
        onChange={(e) => {
          setReason(e.target.value);
          send.reset();
        }}
      />
      {!reasonError && <FormProblem error={send.error} />}
      <button type="submit" className={suspending ? 'danger' : undefined} disabled={send.isPending}>
        {suspending ? 'Suspend tenant' : 'Restore tenant'}
      </button>
      <button type="button" onClick={props.onKeep}>
        {suspending ? 'Keep it running' : 'Keep it suspended'}
      </button>
    </form>
  );
}
