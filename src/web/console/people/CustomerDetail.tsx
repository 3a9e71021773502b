import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Choice, Field, FormProblem, problemOf, when, words } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import type { Answer, Row } from '../types.ts';

type User = Answer<'/api/v1/admin/users/{id}'>;
type Order = Row<'/api/v1/admin/orders'>;

const userKey = (id: string) => ['/admin/users', id];

/** One account for the store's staff: profile, roles, group, status, reward points, orders. */
export function CustomerDetail(props: { id: string }) {
  const user = useQuery({
    queryKey: userKey(props.id),
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/users/{id}', { params: { path: { id: props.id } } })),
  });
  if (user.isPending) return <p>Loading…</p>;
  if (user.isError) return <p role="alert">{user.error.message}</p>;
  const u = user.data;
  return (
    <>
      <p>
        <Link href="/customers">All customers</Link>
      </p>
      <h1>{u.name}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {u.email} {u.emailVerified ? '(verified)' : '(not verified)'}
        </dd>
        <dt>Phone</dt>
        <dd>{u.phone ?? '–'}</dd>
        <dt>Roles</dt>
        <dd>{u.roles.map(words).join(', ')}</dd>
        <dt>Status</dt>
        <dd>{words(u.status)}</dd>
        <dt>Since</dt>
        <dd>{when(u.createdAt)}</dd>
      </dl>
      <div className="actions">
        <StatusButton user={u} />
      </div>
      <GroupForm user={u} />
      <Rewards id={u.id} />
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        <PagedTable<Order>
          label="Orders of this customer"
          queryKey="/admin/orders"
          filter={{ userId: u.id }}
          fetchPage={(cursor) =>
            call(() =>
              bazaar.GET('/api/v1/admin/orders', { params: { query: { limit: 10, cursor, userId: u.id } } }),
            )
          }
          columns={[
            { header: 'Number', cell: (o) => <Link href={`/orders/${o.id}`}>{o.number}</Link> },
            { header: 'Status', cell: (o) => words(o.status) },
            { header: 'Total', cell: (o) => money(o.totals.total) },
            { header: 'Placed', cell: (o) => when(o.placedAt) },
          ]}
        />
      </section>
    </>
  );
}

/** Deactivates (signed out at once) or reactivates the account, for admins who manage users. */
function StatusButton(props: { user: User }) {
  const client = useQueryClient();
  const can = useCan('users:roles');
  const active = props.user.status === 'ACTIVE';
  const change = useMutation({
    mutationFn: () =>
      call(() =>
        active
          ? bazaar.POST('/api/v1/admin/users/{id}/deactivate', {
              params: { path: { id: props.user.id } },
              body: {},
            })
          : bazaar.POST('/api/v1/admin/users/{id}/reactivate', { params: { path: { id: props.user.id } } }),
      ),
    onSuccess: (user) => client.setQueryData(userKey(props.user.id), user),
  });
  if (!can) return null;
  return (
    <>
      <button type="button" className={active ? 'danger' : undefined} onClick={() => change.mutate()}>
        {active ? 'Deactivate' : 'Reactivate'}
      </button>
      <FormProblem error={change.error} />
    </>
  );
}

/** The user's group (its discounts and reward rates), or none. */
function GroupForm(props: { user: User }) {
  const client = useQueryClient();
  const [groupId, setGroupId] = useState(props.user.groupId ?? '');
  const groups = useQuery({
    queryKey: ['/admin/user-groups', 'all'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/user-groups', { params: { query: { limit: 100 } } })),
  });
  const save = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.PUT('/api/v1/admin/users/{id}/group', {
          params: { path: { id: props.user.id } },
          body: { groupId: groupId || null },
        }),
      ),
    onSuccess: (user) => client.setQueryData(userKey(props.user.id), user),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const options = [
    ['', 'No group'] as const,
    ...(groups.data?.items ?? []).map((g) => [g.id, g.name] as const),
  ];
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Choice
        id="customer-group"
        label="Group"
        value={groupId}
        options={options}
        error={problemOf(save.error).errorOf('/groupId')}
        onChange={(e) => setGroupId(e.target.value)}
      />
      <FormProblem error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Save group
      </button>
      {save.isSuccess && <span role="status">Saved</span>}
    </form>
  );
}

/** The user's reward points balance, and an adjustment (points up or down, with a note). */
function Rewards(props: { id: string }) {
  const client = useQueryClient();
  const can = useCan('rewards:adjust');
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const rewards = useQuery({
    queryKey: ['/admin/users', props.id, 'rewards'],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/users/{id}/rewards', { params: { path: { id: props.id } } })),
  });
  const adjust = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/admin/users/{id}/rewards', {
          params: { path: { id: props.id } },
          body: { points: points.trim() === '' ? Number.NaN : Number(points), note },
        }),
      ),
    onSuccess: () => {
      setPoints('');
      setNote('');
      void client.invalidateQueries({ queryKey: ['/admin/users', props.id, 'rewards'] });
    },
  });
  const { errorOf } = problemOf(adjust.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    adjust.mutate();
  };
  return (
    <section aria-labelledby="rewards-heading">
      <h2 id="rewards-heading">Reward points</h2>
      {rewards.isError && <p role="alert">{rewards.error.message}</p>}
      {rewards.data && (
        <p>
          Balance: <strong>{rewards.data.balance}</strong> points (one point is worth{' '}
          {money(rewards.data.pointValue)})
        </p>
      )}
      {can && (
        <form className="inline-form" onSubmit={submit} noValidate>
          <Field
            id="points"
            label="Points to add (negative to take away)"
            inputMode="numeric"
            value={points}
            error={errorOf('/points')}
            onChange={(e) => setPoints(e.target.value)}
          />
          <Field
            id="points-note"
            label="Note"
            value={note}
            error={errorOf('/note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <FormProblem error={adjust.error} />
          <button type="submit" disabled={adjust.isPending}>
            Adjust points
          </button>
        </form>
      )}
    </section>
  );
}
