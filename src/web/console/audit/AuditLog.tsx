import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Choice, Field, when, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';

const ENTITY_TYPES = [
  ['', 'Everything'],
  ['product', 'Products'],
  ['variant', 'Variants'],
  ['offer', 'Offers and prices'],
  ['stock_item', 'Stock settings'],
  ['coupon', 'Coupons'],
  ['user', 'Users'],
  ['user_group', 'User groups'],
  ['terms_version', 'Terms'],
  ['store', 'Store settings'],
  ['payment', 'Payments'],
  ['campaign', 'Campaigns'],
] as const;
type EntityType = Exclude<(typeof ENTITY_TYPES)[number][0], ''>;

interface Filters {
  entityType: EntityType | '';
  entityId: string;
  actorId: string;
  from: string;
  to: string;
}

interface Entry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: { userId: string | null; roles: string[] };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

const EMPTY: Filters = { entityType: '', entityId: '', actorId: '', from: '', to: '' };

/** A value as a person reads it in a diff. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each field the entry records: what it was, struck out, and what it became. */
function Diff(props: { entry: Entry }) {
  const { before, after } = props.entry;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span>–</span>;
  return (
    <ul className="audit-diff">
      {keys.map((key) => (
        <li key={key}>
          <code>{key}</code>: {before && <del>{shown(before[key])}</del>}
          {before && after && ' → '}
          {after && <ins>{shown(after[key])}</ins>}
        </li>
      ))}
    </ul>
  );
}

const columns = [
  { header: 'When', cell: (e: Entry) => when(e.at) },
  {
    header: 'What',
    cell: (e: Entry) => (
      <>
        {words(e.entityType)} <code title={e.entityId}>{e.entityId.slice(-8)}</code>
      </>
    ),
  },
  { header: 'Action', cell: (e: Entry) => e.action },
  {
    header: 'Who',
    cell: (e: Entry) =>
      e.actor.userId ? (
        <>
          <code title={e.actor.userId}>{e.actor.userId.slice(-8)}</code> {e.actor.roles.join(', ')}
        </>
      ) : (
        'System'
      ),
  },
  { header: 'Changes', cell: (e: Entry) => <Diff entry={e} /> },
];

/** The store's audit trail, newest first, filtered by what changed, who changed it and when. */
export function AuditLog() {
  const [typed, setTyped] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setTyped({ ...typed, [key]: e.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(typed);
  };
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) as Partial<Filters>;
  return (
    <>
      <form className="filters" onSubmit={apply}>
        <Choice
          id="audit-type"
          label="Entity"
          value={typed.entityType}
          onChange={set('entityType')}
          options={ENTITY_TYPES}
        />
        <Field id="audit-entity" label="Entity id" value={typed.entityId} onChange={set('entityId')} />
        <Field
          id="audit-actor"
          label="Changed by (user id)"
          value={typed.actorId}
          onChange={set('actorId')}
        />
        <Field id="audit-from" label="From" type="date" value={typed.from} onChange={set('from')} />
        <Field id="audit-to" label="To" type="date" value={typed.to} onChange={set('to')} />
        <button type="submit">Apply</button>
      </form>
      <PagedTable<Entry>
        label="Audit trail"
        queryKey="/admin/audit"
        filter={query}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/audit', {
              params: { query: { ...query, entityType: query.entityType || undefined, limit: 50, cursor } },
            }),
          )
        }
        columns={columns}
      />
    </>
  );
}
