import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { FormProblem, problemOf, when, words } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { type PlatformStore, platform } from './api.ts';
import { OpenStoreConsole } from './StoreConsole.tsx';

/** How often the page asks again while the store is being generated. */
const POLL_MS = 2_000;

/** A store's status for people. */
export function StatusBadge(props: { status: string }) {
  return <span className={`status status-${props.status.toLowerCase()}`}>{words(props.status)}</span>;
}

/** One store of the tenant: its status (followed while it is generated), links, publishing, history. */
export function StorePage(props: { params: { id?: string } }) {
  const id = props.params.id ?? '';
  const store = useStore(id);
  if (store.isPending) return <p>Loading…</p>;
  if (store.isError) return <p role="alert">{store.error.message}</p>;
  const s = store.data;
  return (
    <Section title={s.name}>
      <p>
        Status: <StatusBadge status={s.status} /> · Address: {s.domain ?? '–'}
      </p>
      <dl className="stats" aria-label="Store">
        {(
          [
            ['Name', s.name],
            ['Currency', s.currency],
            ['Language', s.language],
          ] as const
        ).map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Progress store={s} />
      <Links store={s} />
      <nav aria-label="Store settings" className="links">
        <Link href={`/stores/${s.id}/domain`}>Domain{s.customDomain ? `: ${s.customDomain}` : ''}</Link>
        <Link href={`/stores/${s.id}/staff`}>Staff</Link>
      </nav>
      <History id={s.id} status={s.status} />
    </Section>
  );
}

/** One of the tenant's stores, asked again while it is being generated. */
export function useStore(id: string) {
  return useQuery({
    queryKey: ['/platform/stores', id],
    queryFn: () =>
      platform.call(() => platform.client.GET('/api/v1/platform/stores/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'GENERATING' ? POLL_MS : false),
  });
}

/** The way back from a store's sub-page to the store. */
export function BackToStore(props: { store: PlatformStore }) {
  return (
    <p>
      <Link href={`/stores/${props.store.id}`}>← {props.store.name}</Link>
    </p>
  );
}

/** What the status asks of the owner: wait, generate again, or publish. */
function Progress(props: { store: PlatformStore }) {
  const s = props.store;
  if (s.status === 'GENERATING')
    return <p role="status">Your store is being generated from your description. This page follows it.</p>;
  if (s.status === 'FAILED') return <GenerateAgain store={s} />;
  if (s.status === 'DRAFT' || s.status === 'PAID') return <Publish store={s} />;
  if (s.status === 'PUBLISHED') return <p role="status">Published {when(s.publishedAt)}.</p>;
  return s.statusReason ? <p>{s.statusReason}</p> : null;
}

function useStoreCall(id: string, run: () => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['/platform/stores'] });
      await queries.invalidateQueries({ queryKey: ['/platform/stores', id] });
    },
  });
}

function GenerateAgain(props: { store: PlatformStore }) {
  const { id } = props.store;
  const again = useStoreCall(id, () =>
    platform.call(() =>
      platform.client.POST('/api/v1/platform/stores/{id}/generate', { params: { path: { id } }, body: {} }),
    ),
  );
  return (
    <div>
      <p role="alert">{props.store.statusReason ?? 'Generating the store failed.'}</p>
      <FormProblem error={again.error} />
      <button type="button" onClick={() => again.mutate()} disabled={again.isPending}>
        Generate again
      </button>
    </div>
  );
}

function Publish(props: { store: PlatformStore }) {
  const { id } = props.store;
  const publish = useStoreCall(id, () =>
    platform.call(() =>
      platform.client.POST('/api/v1/platform/stores/{id}/publish', { params: { path: { id } } }),
    ),
  );
  const { problem } = problemOf(publish.error);
  return (
    <div>
      {props.store.statusReason && <p>{props.store.statusReason}</p>}
      <p>Only you see the store until it is published: check it through its preview first.</p>
      {problem?.status === 402 ? (
        <p role="alert">
          Publishing needs payment: {problem.detail ?? problem.title} Choose a paid subscription on the{' '}
          <Link href="/plan">Plan</Link> page, then publish.
        </p>
      ) : (
        <FormProblem error={publish.error} />
      )}
      <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending}>
        Publish
      </button>
    </div>
  );
}

/**
 * The store's preview, live address and store console. The console is opened at the store's own
 * address with a session bound to that store in the fragment (docs/web.md, "Platform console").
 */
function Links(props: { store: PlatformStore }) {
  const s = props.store;
  const origin = storeOrigin(s);
  const ready = s.status !== 'GENERATING' && s.status !== 'FAILED' && s.status !== 'SUSPENDED';
  return (
    <ul className="links">
      {ready && s.previewUrl && s.status !== 'PUBLISHED' && (
        <li>
          <a href={s.previewUrl} target="_blank" rel="noopener noreferrer">
            Preview the store
          </a>
        </li>
      )}
      {s.status === 'PUBLISHED' && s.liveUrl && (
        <li>
          <a href={s.liveUrl} target="_blank" rel="noopener noreferrer">
            Visit the store at {new URL(s.liveUrl).host}
          </a>
        </li>
      )}
      {ready && origin && (
        <li>
          <OpenStoreConsole storeId={s.id} origin={origin} label="Open the store's console" />
        </li>
      )}
      {/* name, currency, language, contact and policies are changed in the store's own console */}
      {ready && origin && (
        <li>
          <OpenStoreConsole
            storeId={s.id}
            origin={origin}
            page="/admin/settings"
            label="Change the store's settings"
          />
        </li>
      )}
    </ul>
  );
}

function storeOrigin(s: PlatformStore): string | null {
  if (s.origin) return s.origin;
  const url = s.liveUrl ?? s.previewUrl;
  return url ? new URL(url).origin : null;
}

function History(props: { id: string; status: string }) {
  const history = useQuery({
    queryKey: ['/platform/stores', props.id, 'history', props.status],
    queryFn: () =>
      platform.call(() =>
        platform.client.GET('/api/v1/platform/stores/{id}/history', { params: { path: { id: props.id } } }),
      ),
  });
  if (!history.data) return null;
  return (
    <>
      <h2>History</h2>
      <Table
        label="Status history"
        rows={history.data.map((h, i) => ({ ...h, id: String(i) }))}
        columns={[
          { header: 'When', cell: (h) => when(h.at) },
          { header: 'From', cell: (h) => (h.from ? words(h.from) : '–') },
          { header: 'To', cell: (h) => words(h.to) },
          { header: 'Note', cell: (h) => h.reason ?? '' },
        ]}
      />
    </>
  );
}
