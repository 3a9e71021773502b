import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { paths } from '../../../client/index.ts';
import { bazaar, call } from '../api.ts';
import { TextAreaField } from '../catalog/fields.tsx';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { useStoreTime } from '../store-time.ts';
import type { Answer } from '../types.ts';
import { channelName, TEMPLATES, typeName } from './Templates.tsx';

const PATH = '/api/v1/admin/notification-templates/{type}/{channel}';
const PREVIEW = '/api/v1/admin/notification-templates/{type}/{channel}/preview';
const REVERT = '/api/v1/admin/notification-templates/{type}/{channel}/revert';
type Detail = Answer<typeof PATH>;
type Version = Detail['versions'][number];
/** The template's type and channel as the API's path names them, and its language. */
type Key = paths[typeof PATH]['get']['parameters']['path'] & { language: string };

interface Parts {
  subject: string;
  body: string;
  html: string;
}

const partsOf = (t: Version): Parts => ({ subject: t.subject ?? '', body: t.body, html: t.html ?? '' });

/** The call's path and query: the type and channel as the API names them, the language. */
const paramsOf = (k: Key) => ({
  path: { type: k.type, channel: k.channel },
  query: { language: k.language },
});

/** What is sent: a subject only where the channel has one, HTML only where the template has it. */
const bodyOf = (p: Parts, k: Key, hasHtml: boolean) => ({
  subject: k.channel === 'SMS' ? null : p.subject,
  body: p.body,
  html: hasHtml && p.html.trim() ? p.html : null,
});

/**
 * One template (type × channel × language): subject, text and (mail) HTML, `Preview` with the
 * type's sample data (or the API's refusal with part, line and reason beside the field), `Save`
 * as a new version, `Revert to default`, and the saved versions, each loadable into the form.
 */
export function TemplateEditor(props: { type: string; channel: string; language: string }) {
  // the address's words, checked by the API (an unknown type or channel is its 404)
  const key = { type: props.type, channel: props.channel, language: props.language } as Key;
  const queryKey = [TEMPLATES, props.type, props.channel, props.language];
  const detail = useQuery({
    queryKey,
    queryFn: () => call(() => bazaar.GET(PATH, { params: paramsOf(key) })),
  });
  if (detail.isPending) return <p>Loading…</p>;
  if (detail.isError) return <p role="alert">{detail.error.message}</p>;
  return <Editor detail={detail.data} templateKey={key} queryKey={queryKey} />;
}

function Editor(props: { detail: Detail; templateKey: Key; queryKey: string[] }) {
  const { current, versions } = props.detail;
  const k = props.templateKey;
  const client = useQueryClient();
  const can = useCan('settings:manage');
  const [parts, setParts] = useState(partsOf(current));
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setParts(partsOf(current)), [current]);
  const hasHtml = k.channel === 'EMAIL';
  const reload = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: props.queryKey }),
      client.invalidateQueries({ queryKey: [TEMPLATES], exact: true }),
    ]);
  const preview = useMutation({
    mutationFn: () =>
      call(() => bazaar.POST(PREVIEW, { params: paramsOf(k), body: bodyOf(parts, k, hasHtml) })),
  });
  const save = useMutation({
    mutationFn: () => call(() => bazaar.PUT(PATH, { params: paramsOf(k), body: bodyOf(parts, k, hasHtml) })),
    onSuccess: async (saved) => {
      setNote(`Saved as version ${saved.version}`);
      await reload();
    },
  });
  const revert = useMutation({
    mutationFn: () => call(() => bazaar.POST(REVERT, { params: paramsOf(k) })),
    onSuccess: async (saved) => {
      setNote(`The default is back, as version ${saved.version}`);
      await reload();
    },
  });
  const failed = save.error ?? preview.error;
  const { errorOf } = problemOf(failed);
  const edit = (patch: Partial<Parts>) => {
    setParts({ ...parts, ...patch });
    setNote(null);
    save.reset();
    preview.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = `${typeName(k.type)} (${channelName(k.channel)}, ${k.language})`;
  return (
    <>
      <p>
        <Link href="/notifications">All templates</Link>
      </p>
      <h1>Template: {title}</h1>
      <p className="hint editor-intro">
        {current.version === 0
          ? 'The shipped default: saving makes the store’s first version.'
          : `Version ${current.version}${current.source === 'DEFAULT' ? ' (the default, restored)' : ''}.`}{' '}
        Variables such as {'{{order.number}}'} are filled from the message’s data; a variable the type does
        not have is refused.
      </p>
      <div className="editor-columns">
        <form className="stack-form" aria-label="Template" onSubmit={submit} noValidate>
          {k.channel !== 'SMS' && (
            <Field
              id="template-subject"
              label="Subject"
              value={parts.subject}
              error={errorOf('/subject')}
              onChange={(e) => edit({ subject: e.target.value })}
            />
          )}
          <TextAreaField
            id="template-body"
            label={hasHtml ? 'Text' : 'Body'}
            rows={12}
            className="code"
            value={parts.body}
            error={errorOf('/body')}
            onChange={(e) => edit({ body: e.target.value })}
          />
          {hasHtml && (
            <TextAreaField
              id="template-html"
              label="HTML (optional)"
              rows={12}
              className="code"
              value={parts.html}
              error={errorOf('/html')}
              onChange={(e) => edit({ html: e.target.value })}
            />
          )}
          <FormProblem error={failed} />
          {note && <p role="status">{note}</p>}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => preview.mutate()}
              disabled={preview.isPending}
            >
              Preview
            </button>
            {can && (
              <button type="submit" disabled={save.isPending}>
                Save
              </button>
            )}
            {can && current.version !== 0 && (
              <button
                type="button"
                className="secondary"
                onClick={() => revert.mutate()}
                disabled={revert.isPending}
              >
                Revert to default
              </button>
            )}
          </div>
          <FormProblem error={revert.error} />
        </form>
        {preview.data && <Rendered rendered={preview.data} />}
      </div>
      <History versions={versions} onLoad={(v) => edit(partsOf(v))} />
    </>
  );
}

/** The sample message as the template renders it: subject, text, and the mail's HTML in a sandbox. */
function Rendered(props: { rendered: { subject: string | null; body: string; html: string | null } }) {
  const { subject, body, html } = props.rendered;
  return (
    <section className="card preview" aria-label="Preview">
      <h2>Preview</h2>
      {subject !== null && (
        <p>
          <strong>Subject:</strong> {subject}
        </p>
      )}
      <pre className="rendered">{body}</pre>
      {html && (
        // The mail's HTML as a document of its own. No `sandbox`: axe and other tools cannot look
        // into a frame without script. A srcdoc frame keeps the console's CSP (no inline script or
        // handlers, images only from here), and `csp` asks Chromium to allow it no script at all.
        <iframe
          title="HTML preview"
          srcDoc={html}
          className="html-preview"
          {...{ csp: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:" }}
        />
      )}
    </section>
  );
}

/** The store's saved versions, newest first; `Load version N` puts one back into the form. */
function History(props: { versions: Version[]; onLoad: (v: Version) => void }) {
  const at = useStoreTime();
  const rows = props.versions.map((v) => ({ ...v, id: String(v.version) }));
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      {rows.length === 0 ? (
        <p>No saved versions: the shipped default is in use.</p>
      ) : (
        <Table
          label="Versions"
          rows={rows}
          columns={[
            { header: 'Version', cell: (v) => String(v.version) },
            { header: 'Source', cell: (v) => (v.source === 'DEFAULT' ? 'default' : 'staff') },
            { header: 'Saved', cell: (v) => at(v.createdAt) },
            { header: 'Subject', cell: (v) => v.subject ?? '–' },
            {
              header: 'Use',
              cell: (v) => (
                <button type="button" className="secondary" onClick={() => props.onLoad(v)}>
                  Load version {v.version}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
