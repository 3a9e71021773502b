import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { bazaar, call } from '../api.ts';
import { FormProblem, when, words } from '../form.tsx';
import { money, PagedTable, Table } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { CAMPAIGN_TYPES, type Campaign, CampaignForm, CHANNELS } from './CampaignForm.tsx';

const typeName = (type: Campaign['type']) => CAMPAIGN_TYPES.find(([t]) => t === type)?.[1] ?? type;
const channelNames = (channels: Campaign['channels']) =>
  channels.map((c) => CHANNELS.find(([k]) => k === c)?.[1] ?? c).join(', ');

function targetText(t: Campaign['target']): string {
  switch (t.kind) {
    case 'EVERYONE':
      return 'Every customer';
    case 'GROUP':
      return 'A customer group';
    case 'LIST':
      return `A list of ${t.userIds.length + t.emails.length}`;
    case 'SEGMENT': {
      const r = t.rules;
      const parts = [
        r.boughtInCategory && `bought in a category in the last ${r.boughtInCategory.days} days`,
        r.spentOver !== undefined && `spent over ${r.spentOver} (minor units)`,
        r.inactiveDays !== undefined && `inactive for ${r.inactiveDays} days`,
      ].filter(Boolean);
      return `Customers who ${parts.join(' and ')}`;
    }
  }
}

/** The store's campaigns, newest first, and `New campaign`. */
export function Campaigns() {
  const can = useCan('campaigns:manage');
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();
  if (!can) return <p>Campaigns need the campaigns:manage permission.</p>;
  return (
    <>
      {adding ? (
        <CampaignForm onSaved={(c) => navigate(`/campaigns/${c.id}`)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          New campaign
        </button>
      )}
      <PagedTable<Campaign>
        label="Campaigns"
        queryKey="/admin/campaigns"
        fetchPage={(cursor) =>
          call(() => bazaar.GET('/api/v1/admin/campaigns', { params: { query: { limit: 20, cursor } } }))
        }
        columns={[
          { header: 'Name', cell: (c) => <Link href={`/campaigns/${c.id}`}>{c.name}</Link> },
          { header: 'Type', cell: (c) => typeName(c.type) },
          { header: 'Status', cell: (c) => words(c.status) },
          { header: 'Channels', cell: (c) => channelNames(c.channels) },
          { header: 'Targeted', cell: (c) => c.targetedCount ?? '–' },
          { header: 'Send at', cell: (c) => when(c.sendAt) },
        ]}
      />
    </>
  );
}

/** One campaign: what it says and to whom, its metrics, and computing its target, sending, cancelling. */
export function CampaignPage(props: { id: string }) {
  const campaign = useQuery({
    queryKey: ['/admin/campaigns', props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/campaigns/{id}', { params: { path: { id: props.id } } })),
    // while it is being sent, the numbers move
    refetchInterval: (q) => (q.state.data?.status === 'SENDING' ? 2000 : false),
  });
  if (campaign.isPending) return <p>Loading…</p>;
  if (campaign.isError) return <p role="alert">{campaign.error.message}</p>;
  const c = campaign.data;
  return (
    <>
      <p>
        <Link href="/campaigns">All campaigns</Link>
      </p>
      <h1>Campaign {c.name}</h1>
      <div className="columns">
        <section className="card" aria-label="Campaign">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`status status-${c.status.toLowerCase()}`}>{words(c.status)}</span>
            </dd>
            <dt>Type</dt>
            <dd>{typeName(c.type)}</dd>
            <dt>Channels</dt>
            <dd>{channelNames(c.channels)}</dd>
            <dt>Send to</dt>
            <dd>{targetText(c.target)}</dd>
            <dt>Subject</dt>
            <dd className="breakable">{c.subject}</dd>
            <dt>Message</dt>
            <dd className="breakable">{c.body}</dd>
            <dt>Coupon</dt>
            <dd>{c.couponCode ?? '–'}</dd>
            <dt>Send at</dt>
            <dd>{when(c.sendAt)}</dd>
            <dt>Sent</dt>
            <dd>{when(c.sentAt)}</dd>
          </dl>
          <Actions campaign={c} />
        </section>
        {c.metrics && <Metrics metrics={c.metrics} />}
      </div>
      {c.metrics && (
        <>
          <h2>By channel</h2>
          <Table
            label="Messages by channel"
            rows={c.metrics.byChannel.map((m) => ({ ...m, id: m.channel }))}
            columns={[
              { header: 'Channel', cell: (m) => channelNames([m.channel]) },
              { header: 'Sent', cell: (m) => m.sent },
              { header: 'Waiting', cell: (m) => m.queued },
              { header: 'Failed', cell: (m) => m.failed + m.bounced },
              { header: 'Opened', cell: (m) => m.opened },
              { header: 'Clicked', cell: (m) => m.clicked },
            ]}
          />
        </>
      )}
    </>
  );
}

function Metrics(props: { metrics: NonNullable<Campaign['metrics']> }) {
  const m = props.metrics;
  const rows: Array<[string, string | number]> = [
    ['Targeted', m.targeted],
    ['Messaged', m.messaged],
    ['Skipped (preferences)', m.skipped],
    ['Messages sent', m.sent],
    ['Waiting (quiet hours)', m.queued],
    ['Opened', m.opened],
    ['Clicked', m.clicked],
    ['Orders', `${m.orders} (coupon ${m.ordersByCoupon}, link ${m.ordersByClick})`],
    ['Revenue', money(m.revenue)],
  ];
  return (
    <section className="card" aria-label="Metrics">
      <h2>Metrics</h2>
      <dl className="facts">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Compute the target now, send now, or cancel: each where the campaign's status allows it. */
function Actions(props: { campaign: Campaign }) {
  const client = useQueryClient();
  const { id, status } = props.campaign;
  const act = useMutation({
    mutationFn: (action: 'target' | 'send' | 'cancel') =>
      call(() =>
        bazaar.POST(`/api/v1/admin/campaigns/{id}/${action}`, { params: { path: { id } } }),
      ) as Promise<unknown>,
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/campaigns'] }),
  });
  const open = status === 'DRAFT' || status === 'SCHEDULED';
  return (
    <div className="actions">
      {open && (
        <button type="button" disabled={act.isPending} onClick={() => act.mutate('target')}>
          Compute target
        </button>
      )}
      {open && (
        <button type="button" disabled={act.isPending} onClick={() => act.mutate('send')}>
          Send now
        </button>
      )}
      {(open || status === 'SENDING') && (
        <button
          type="button"
          className="danger"
          disabled={act.isPending}
          onClick={() => act.mutate('cancel')}
        >
          Cancel campaign
        </button>
      )}
      {props.campaign.targetedAt && (
        <p>
          Targeted {props.campaign.targetedCount} customers, {when(props.campaign.targetedAt)}
        </p>
      )}
      <FormProblem error={act.error} />
    </div>
  );
}
