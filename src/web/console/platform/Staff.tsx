import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Choice, Field, FormProblem, problemOf, when, words } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { platform, type StoreStaff } from './api.ts';
import { PlanProblem } from './problems.tsx';
import { BackToStore, useStore } from './StorePage.tsx';

/** The roles a store's staff can hold (the API's STAFF_ROLES). */
const ROLES = [
  ['ADMIN', 'Admin'],
  ['CATALOG_MANAGER', 'Catalog manager'],
  ['ORDER_MANAGER', 'Order manager'],
  ['SUPPORT', 'Support'],
] as const;

type Member = StoreStaff['members'][number];

/** A store's staff and open invitations; the owner invites, withdraws invitations and removes members. */
export function StaffPage(props: { params: { id?: string } }) {
  const id = props.params.id ?? '';
  const store = useStore(id);
  const staff = useQuery({
    queryKey: ['/platform/stores', id, 'staff'],
    queryFn: () =>
      platform.call(() =>
        platform.client.GET('/api/v1/platform/stores/{id}/staff', { params: { path: { id } } }),
      ),
  });
  if (store.isPending || staff.isPending) return <p>Loading…</p>;
  if (store.isError) return <p role="alert">{store.error.message}</p>;
  if (staff.isError) return <p role="alert">{staff.error.message}</p>;
  return (
    <Section title={`Staff of ${store.data.name}`}>
      <BackToStore store={store.data} />
      <Members id={id} members={staff.data.members} />
      <Invitations id={id} invitations={staff.data.invitations} />
      <Invite id={id} />
    </Section>
  );
}

/** A call that answers the store's staff, which then replaces the page's. */
function useStaffCall<T>(id: string, run: (input: T) => Promise<StoreStaff>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => queries.setQueryData(['/platform/stores', id, 'staff'], view),
  });
}

function Members(props: { id: string; members: Member[] }) {
  const { id } = props;
  const [removing, setRemoving] = useState<Member | null>(null);
  const remove = useStaffCall(id, (accountId: string) =>
    platform.call(() =>
      platform.client.DELETE('/api/v1/platform/stores/{id}/staff/{accountId}', {
        params: { path: { id, accountId } },
      }),
    ),
  );
  if (props.members.length === 0) return <p>No staff yet: invite someone below.</p>;
  const name = (m: Member) => m.email ?? m.accountId;
  return (
    <>
      <h2>Staff</h2>
      {removing && (
        <div className="confirm">
          <p>
            Remove <span className="breakable">{name(removing)}</span> from the store? They lose access to its
            console at once.
          </p>
          <FormProblem error={remove.error} />
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(removing.accountId, { onSuccess: () => setRemoving(null) })}
          >
            Confirm removal
          </button>
          <button type="button" onClick={() => setRemoving(null)}>
            Keep them
          </button>
        </div>
      )}
      <Table
        label="Staff"
        rows={props.members.map((m) => ({ ...m, id: m.accountId }))}
        columns={[
          { header: 'Member', cell: (m) => <span className="breakable">{name(m)}</span> },
          { header: 'Role', cell: (m) => words(m.role) },
          { header: 'Since', cell: (m) => when(m.since) },
          {
            header: 'Actions',
            cell: (m) => (
              <button
                type="button"
                className="danger"
                aria-label={`Remove ${name(m)}`}
                onClick={() => setRemoving(m)}
              >
                Remove
              </button>
            ),
          },
        ]}
      />
    </>
  );
}

function Invitations(props: { id: string; invitations: StoreStaff['invitations'] }) {
  const { id } = props;
  const revoke = useStaffCall(id, (invitationId: string) =>
    platform.call(() =>
      platform.client.DELETE('/api/v1/platform/stores/{id}/staff/invitations/{invitationId}', {
        params: { path: { id, invitationId } },
      }),
    ),
  );
  if (props.invitations.length === 0) return null;
  return (
    <>
      <h2>Open invitations</h2>
      <FormProblem error={revoke.error} />
      <Table
        label="Invitations"
        rows={props.invitations}
        columns={[
          { header: 'Email', cell: (i) => <span className="breakable">{i.email}</span> },
          { header: 'Role', cell: (i) => words(i.role) },
          { header: 'Expires', cell: (i) => when(i.expiresAt) },
          {
            header: 'Actions',
            cell: (i) => (
              <button
                type="button"
                aria-label={`Revoke the invitation of ${i.email}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(i.id)}
              >
                Revoke
              </button>
            ),
          },
        ]}
      />
    </>
  );
}

function Invite(props: { id: string }) {
  const { id } = props;
  const [v, setV] = useState({ email: '', role: 'CATALOG_MANAGER' });
  const invite = useStaffCall(id, (body: { email: string; role: (typeof ROLES)[number][0] }) =>
    platform.call(() =>
      platform.client.POST('/api/v1/platform/stores/{id}/staff/invitations', {
        params: { path: { id } },
        body,
      }),
    ),
  );
  const { errorOf } = problemOf(invite.error);
  const set = (name: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [name]: e.target.value });
    invite.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { email: v.email.trim(), role: v.role as (typeof ROLES)[number][0] };
    invite.mutate(body, { onSuccess: () => setV({ ...v, email: '' }) });
  };
  return (
    <form className="action-form" aria-labelledby="invite-title" onSubmit={submit} noValidate>
      <h2 id="invite-title">Invite someone</h2>
      <p className="hint">They get a link by mail; it works once, for 7 days.</p>
      <Field
        id="invite-email"
        label="Email"
        type="email"
        value={v.email}
        error={errorOf('/email')}
        onChange={set('email')}
      />
      <Choice
        id="invite-role"
        label="Role"
        options={ROLES}
        value={v.role}
        error={errorOf('/role')}
        onChange={set('role')}
      />
      {!errorOf('/email') && !errorOf('/role') && <PlanProblem error={invite.error} />}
      {invite.isSuccess && <p role="status">Invitation sent.</p>}
      <button type="submit" disabled={invite.isPending}>
        Send invitation
      </button>
    </form>
  );
}
