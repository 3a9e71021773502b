import { useState } from 'react';
import type { paths } from '../../../client/index.ts';
import { bazaar, call } from '../api.ts';
import { Choice, SearchForm, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import { useStoreTime } from '../store-time.ts';
import type { Row } from '../types.ts';
import { channelName, typeName, useTemplates } from './Templates.tsx';

type Entry = Row<'/api/v1/admin/notifications'>;
type Query = NonNullable<paths['/api/v1/admin/notifications']['get']['parameters']['query']>;

const STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED'] as const;
const CHANNELS = ['EMAIL', 'SMS', 'PUSH', 'IN_APP'] as const;

/** The filters' choices: any, or each value as people read it. */
const choices = (values: readonly string[], name: (v: string) => string = words) =>
  [['', 'Any'], ...values.map((v) => [v, name(v)] as const)] as const;

/**
 * The store's messages, newest first, a page at a time: by status, channel, type and a part of the
 * recipient; each with its attempts, when it was sent, delivered, opened and clicked, and its error.
 */
export function DeliveryLog() {
  const at = useStoreTime();
  const templates = useTemplates();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [type, setType] = useState('');
  const [recipient, setRecipient] = useState('');
  const types = [...new Set((templates.data?.items ?? []).map((t) => t.type))];
  const filter = {
    status: (status || undefined) as Query['status'],
    channel: (channel || undefined) as Query['channel'],
    type: (type || undefined) as Query['type'],
    recipient: recipient || undefined,
  };
  return (
    <>
      <SearchForm id="log-recipient" label="Recipient" onSearch={setRecipient}>
        <Choice
          id="log-status"
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={choices(STATUSES)}
        />
        <Choice
          id="log-channel"
          label="Channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          options={choices(CHANNELS, channelName)}
        />
        <Choice
          id="log-type"
          label="Type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          options={choices(types, typeName)}
        />
      </SearchForm>
      <PagedTable<Entry>
        label="Delivery log"
        queryKey="/admin/notifications"
        filter={filter}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/notifications', {
              params: { query: { ...filter, limit: 20, cursor } },
            }),
          )
        }
        columns={[
          { header: 'Recipient', cell: (n) => <span className="breakable">{n.recipient}</span> },
          { header: 'Channel', cell: (n) => channelName(n.channel) },
          { header: 'Type', cell: (n) => typeName(n.type) },
          {
            header: 'Status',
            cell: (n) => <span className={`status status-${n.status.toLowerCase()}`}>{words(n.status)}</span>,
          },
          { header: 'Attempts', cell: (n) => String(n.attempts) },
          { header: 'Sent', cell: (n) => at(n.sentAt) },
          { header: 'Delivered', cell: (n) => at(n.deliveredAt) },
          { header: 'Opened', cell: (n) => at(n.openedAt) },
          { header: 'Clicked', cell: (n) => at(n.clickedAt) },
          { header: 'Error', cell: (n) => (n.error ? <span className="breakable">{n.error}</span> : '–') },
        ]}
      />
    </>
  );
}
