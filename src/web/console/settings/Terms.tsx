import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionForm, type FormValues } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { FormProblem } from '../form.tsx';
import { Table } from '../PagedTable.tsx';

const KEY = '/admin/terms';

/** The store policy (settings) a kind of terms starts from: its first draft's text (decision 031). */
const POLICY_OF: Record<string, 'terms' | 'privacy' | 'returns'> = {
  'terms-of-sale': 'terms',
  privacy: 'privacy',
  'returns-policy': 'returns',
};

type Version = {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number | null;
  language: string;
  title: string;
  requiresAcceptance: boolean;
  current: boolean;
  publishedAt: string | null;
  updatedAt: string;
};

const stateOf = (v: Version) => (v.status === 'DRAFT' ? 'Draft' : v.current ? 'Current' : 'Replaced');

function VersionActions(props: { version: Version; onEdit: (id: string) => void }) {
  const client = useQueryClient();
  const publish = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/admin/terms/versions/{id}/publish', {
          params: { path: { id: props.version.id } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
  if (props.version.status !== 'DRAFT') return <>—</>;
  return (
    <>
      <button type="button" onClick={() => props.onEdit(props.version.id)}>
        Edit draft
      </button>{' '}
      <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
        Publish {props.version.language} draft
      </button>
      <FormProblem error={publish.error} />
    </>
  );
}

const DRAFT_FIELDS = [
  { name: 'language', label: 'Language', pointer: '/language' },
  // (not `title`: the form's heading has the id `<form>-title`)
  { name: 'heading', label: 'Title', pointer: '/title' },
  { name: 'body', label: 'Text', pointer: '/body', kind: 'textarea' as const },
  {
    name: 'requiresAcceptance',
    label: 'Ask users to accept this version (leave off for a correction)',
    pointer: '/requiresAcceptance',
    kind: 'checkbox' as const,
  },
];

const draftBody = (v: FormValues) => ({
  language: (v.language ?? '').trim(),
  title: v.heading ?? '',
  body: v.body ?? '',
  requiresAcceptance: v.requiresAcceptance === 'true',
});

/** A draft's text loaded, in a form that saves it. */
function EditDraft(props: { id: string; onDone: () => void }) {
  const draft = useQuery({
    queryKey: [KEY, props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/terms/versions/{id}', { params: { path: { id: props.id } } })),
  });
  if (draft.error) return <FormProblem error={draft.error} />;
  if (!draft.data) return <p>Loading…</p>;
  const d = draft.data;
  return (
    <ActionForm
      key={props.id}
      id="terms-edit"
      title="Edit the draft"
      submit="Save draft"
      invalidate={[[KEY]]}
      fields={DRAFT_FIELDS}
      initial={{
        language: d.language,
        heading: d.title,
        body: d.body,
        requiresAcceptance: d.requiresAcceptance ? 'true' : '',
      }}
      run={async (v) => {
        await call(() =>
          bazaar.PATCH('/api/v1/admin/terms/versions/{id}', {
            params: { path: { id: props.id } },
            body: draftBody(v),
          }),
        );
        props.onDone();
      }}
    />
  );
}

/** A new draft of the kind; a kind's first draft starts from the store's policy text of that kind. */
function NewDraft(props: { kind: string; hasVersions: boolean }) {
  const policy = POLICY_OF[props.kind];
  const start = useQuery({
    queryKey: [KEY, 'policy', policy],
    enabled: Boolean(policy) && !props.hasVersions,
    queryFn: async () => {
      const found = await bazaar.GET('/api/v1/store/policies/{kind}', {
        params: { path: { kind: policy! } },
      });
      return found.data ?? null;
    },
  });
  const title = props.kind.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return (
    <ActionForm
      key={`${props.kind}-${start.data ? 'policy' : 'blank'}`}
      id="terms-draft"
      title={`New draft of ${props.kind}`}
      submit="Save draft"
      invalidate={[[KEY]]}
      fields={DRAFT_FIELDS}
      initial={{
        language: 'en',
        heading: start.data?.title ?? title,
        body: start.data?.text ?? '',
        requiresAcceptance: 'true',
      }}
      run={(v) =>
        call(() =>
          bazaar.POST('/api/v1/admin/terms/{kind}/drafts', {
            params: { path: { kind: props.kind } },
            body: draftBody(v),
          }),
        )
      }
    />
  );
}

/** The store's terms: pick a kind, read its versions, write a draft, publish it. */
export function Terms() {
  const terms = useQuery({ queryKey: [KEY], queryFn: () => call(() => bazaar.GET('/api/v1/admin/terms')) });
  const [kind, setKind] = useState('terms-of-sale');
  const [editing, setEditing] = useState<string | null>(null);
  if (terms.error) return <FormProblem error={terms.error} />;
  if (!terms.data) return <p>Loading…</p>;
  const chosen = terms.data.items.find((k) => k.kind === kind);
  const versions = (chosen?.versions ?? []) as Version[];
  return (
    <>
      <label htmlFor="terms-kind">Kind</label>
      <select
        id="terms-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value);
          setEditing(null);
        }}
      >
        {terms.data.items.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.kind} ({k.audience === 'SELLER' ? 'sellers' : 'buyers'}, {k.lastVersion} published)
          </option>
        ))}
      </select>
      <p>
        {chosen?.requiredFrom
          ? `Users who have not accepted version ${chosen.requiredFrom} or later are asked to accept.`
          : 'No version asks for acceptance.'}
      </p>
      <Table<Version>
        label={`Versions of ${kind}`}
        rows={versions}
        columns={[
          { header: 'Version', cell: (v) => v.version ?? '—' },
          { header: 'Language', cell: (v) => v.language },
          { header: 'Title', cell: (v) => v.title },
          { header: 'State', cell: (v) => stateOf(v) },
          { header: 'Asks acceptance', cell: (v) => (v.requiresAcceptance ? 'Yes' : 'No') },
          {
            header: 'Published',
            cell: (v) => (v.publishedAt ? new Date(v.publishedAt).toLocaleString() : '—'),
          },
          { header: 'Actions', cell: (v) => <VersionActions version={v} onEdit={setEditing} /> },
        ]}
      />
      {editing ? (
        <EditDraft id={editing} onDone={() => setEditing(null)} />
      ) : (
        <NewDraft kind={kind} hasVersions={versions.length > 0} />
      )}
    </>
  );
}
