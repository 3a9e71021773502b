import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionForm, type FormValues } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { FormProblem } from '../form.tsx';
import { Table } from '../PagedTable.tsx';

type Value = {
  code: string;
  label: string;
  labels: Record<string, string>;
  position: number;
  active: boolean;
};

const KEY = '/admin/lookups';

/** Labels typed as "hi = रात" lines, with the English label first. */
export function labelsOf(english: string, others: string): Record<string, string> {
  const labels: Record<string, string> = {};
  if (english.trim()) labels.en = english.trim();
  for (const line of others.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) labels[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return labels;
}

const otherLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([lang]) => lang !== 'en')
    .map(([lang, label]) => `${lang}: ${label}`)
    .join(', ');

function put(
  type: string,
  code: string,
  body: { labels: Record<string, string>; position?: number; active?: boolean },
) {
  return call(() =>
    bazaar.PUT('/api/v1/admin/lookups/{type}/{code}', { params: { path: { type, code } }, body }),
  );
}

/** Turn a value off or on, or delete it (409 when something uses it: the API says what). */
function ValueActions(props: { type: string; value: Value }) {
  const client = useQueryClient();
  const { type, value } = props;
  const done = () => client.invalidateQueries({ queryKey: [KEY] });
  const toggle = useMutation({
    mutationFn: () => put(type, value.code, { labels: value.labels, active: !value.active }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.DELETE('/api/v1/admin/lookups/{type}/{code}', {
          params: { path: { type, code: value.code } },
        }),
      ),
    onSuccess: done,
  });
  return (
    <>
      <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {value.active ? 'Turn off' : 'Turn on'} {value.code}
      </button>{' '}
      <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
        Delete {value.code}
      </button>
      <FormProblem error={toggle.error ?? remove.error} />
    </>
  );
}

function Values(props: { type: string }) {
  const { type } = props;
  const lookup = useQuery({
    queryKey: [KEY, type],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/lookups/{type}', { params: { path: { type } } })),
  });
  if (lookup.error) return <FormProblem error={lookup.error} />;
  if (!lookup.data) return <p>Loading…</p>;
  return (
    <>
      <p>
        {lookup.data.customized
          ? 'The store’s own list.'
          : 'The shipped defaults: a change makes the list the store’s own.'}
      </p>
      <Table<Value & { id: string }>
        label={`Values of ${type}`}
        rows={lookup.data.values.map((v) => ({ ...v, id: v.code }))}
        columns={[
          { header: 'Code', cell: (v) => v.code },
          { header: 'Label', cell: (v) => v.labels.en ?? v.label },
          { header: 'Other languages', cell: (v) => otherLabels(v.labels) || '—' },
          { header: 'Order', cell: (v) => v.position },
          { header: 'State', cell: (v) => (v.active ? 'Offered' : 'Off') },
          { header: 'Actions', cell: (v) => <ValueActions type={type} value={v} /> },
        ]}
      />
      <ActionForm
        key={type}
        id="lookup-value"
        clearOnSave
        title="Add or change a value"
        submit="Save value"
        invalidate={[[KEY]]}
        fields={[
          { name: 'code', label: 'Code', pointer: '/code' },
          { name: 'label', label: 'Label (English)', pointer: '/labels' },
          {
            name: 'others',
            label: 'Labels in other languages (one per line: hi = …)',
            pointer: '/labels',
            kind: 'textarea',
          },
          { name: 'position', label: 'Order', pointer: '/position', kind: 'number' },
        ]}
        run={(v: FormValues) =>
          put(type, (v.code ?? '').trim(), {
            labels: labelsOf(v.label ?? '', v.others ?? ''),
            ...(v.position?.trim() ? { position: Number(v.position) } : {}),
          })
        }
      />
    </>
  );
}

/** The store's lookups: pick a list, read and change its values. */
export function Lookups() {
  const types = useQuery({ queryKey: [KEY], queryFn: () => call(() => bazaar.GET('/api/v1/admin/lookups')) });
  const [type, setType] = useState('return-reason');
  if (types.error) return <FormProblem error={types.error} />;
  return (
    <>
      <label htmlFor="lookup-type">List</label>
      <select id="lookup-type" value={type} onChange={(e) => setType(e.target.value)}>
        {(types.data?.items ?? []).map((t) => (
          <option key={t.type} value={t.type}>
            {t.type} ({t.count})
          </option>
        ))}
      </select>
      <p>{types.data?.items.find((t) => t.type === type)?.description ?? ''}</p>
      <Values type={type} />
    </>
  );
}
