import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { words } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { useStoreTime } from '../store-time.ts';
import type { Row } from '../types.ts';

export type TemplateRow = Row<'/api/v1/admin/notification-templates'>;

export const TEMPLATES = '/admin/notification-templates';

/** Every template of the store (the API answers them at once): its newest version or the shipped default. */
export function useTemplates() {
  return useQuery({
    queryKey: [TEMPLATES],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/notification-templates')),
  });
}

/** A type for people: `ORDER_PLACED` → "Order placed". */
export const typeName = (type: string) => {
  const w = words(type);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** A channel for people: `IN_APP` → "in-app". */
export const channelName = (channel: string) =>
  channel === 'SMS' ? 'SMS' : words(channel).replace(' ', '-');

export const editorPath = (t: { type: string; channel: string; language: string }) =>
  `/notifications/templates/${t.type}/${t.channel}/${t.language}`;

/** Type × channel × language with its version and when staff last saved it; each opens its editor. */
export function Templates() {
  const at = useStoreTime();
  const list = useTemplates();
  if (list.isPending) return <p>Loading…</p>;
  if (list.isError) return <p role="alert">{list.error.message}</p>;
  const rows = list.data.items.map((t) => ({ ...t, id: `${t.type}/${t.channel}/${t.language}` }));
  return (
    <Table
      label="Templates"
      rows={rows}
      columns={[
        {
          header: 'Message',
          cell: (t) => (
            <Link href={editorPath(t)} aria-label={`Edit ${words(t.type)} (${channelName(t.channel)})`}>
              {typeName(t.type)}
            </Link>
          ),
        },
        { header: 'Channel', cell: (t) => channelName(t.channel) },
        { header: 'Language', cell: (t) => t.language },
        { header: 'Version', cell: (t) => (t.version === 0 ? 'default' : String(t.version)) },
        {
          header: 'Edited',
          cell: (t) =>
            t.version === 0
              ? '–'
              : `${at(t.createdAt)}${t.source === 'DEFAULT' ? ' (default restored)' : ''}`,
        },
      ]}
    />
  );
}
