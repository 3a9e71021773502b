import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Choice, Field, FormProblem, problemOf, when } from '../form.tsx';
import { Section } from '../shell.tsx';
import { type PlatformStore, platform, type StoreDomain } from './api.ts';
import { PlanProblem } from './problems.tsx';
import { BackToStore, useStore } from './StorePage.tsx';

const PROOFS = [
  ['dns', 'DNS TXT record'],
  ['http', 'HTTP file'],
] as const;

/** A store's addresses: its subdomain, and its own domain with the proof the owner publishes. */
export function DomainPage(props: { params: { id?: string } }) {
  const id = props.params.id ?? '';
  const store = useStore(id);
  const domain = useQuery({
    queryKey: ['/platform/stores', id, 'domain'],
    queryFn: () =>
      platform.call(() =>
        platform.client.GET('/api/v1/platform/stores/{id}/domain', { params: { path: { id } } }),
      ),
  });
  if (store.isPending || domain.isPending) return <p>Loading…</p>;
  if (store.isError) return <p role="alert">{store.error.message}</p>;
  if (domain.isError) return <p role="alert">{domain.error.message}</p>;
  const d = domain.data;
  return (
    <Section title={`Domain of ${store.data.name}`}>
      <BackToStore store={store.data} />
      <Addresses store={store.data} domain={d} />
      {d.customDomain && !d.verified && d.proof && <Proof domain={d} />}
      {d.customDomain && <Verify id={id} />}
      <NameDomain id={id} current={d.customDomain} />
      {d.customDomain && <RemoveDomain id={id} domain={d.customDomain} />}
    </Section>
  );
}

function Addresses(props: { store: PlatformStore; domain: StoreDomain }) {
  const d = props.domain;
  return (
    <dl className="facts">
      <dt>Subdomain address</dt>
      <dd>{props.store.domain ?? '–'}</dd>
      <dt>Custom domain</dt>
      <dd>
        {d.customDomain ? (
          <>
            <span className="breakable">{d.customDomain}</span>{' '}
            <span className={`status status-${d.verified ? 'published' : 'generating'}`}>
              {d.verified ? 'verified' : 'not verified'}
            </span>
          </>
        ) : (
          'none'
        )}
      </dd>
      {d.verifiedAt && (
        <>
          <dt>Verified</dt>
          <dd>{when(d.verifiedAt)}</dd>
        </>
      )}
      {d.checkedAt && (
        <>
          <dt>Last checked</dt>
          <dd>{when(d.checkedAt)}</dd>
        </>
      )}
    </dl>
  );
}

/** What the owner publishes to prove the domain: a TXT record, or a file at a URL. */
function Proof(props: { domain: StoreDomain }) {
  const proof = props.domain.proof!;
  return (
    <div className="card">
      <h2>Prove that the domain is yours</h2>
      <p>Publish one of these, then press “Verify now”. The store answers at the domain once it passes.</p>
      <h3>DNS TXT record</h3>
      <dl className="facts">
        <dt>Name</dt>
        <dd>
          <code className="breakable">{proof.txt.name}</code>
        </dd>
        <dt>Value</dt>
        <dd>
          <code className="breakable">{proof.txt.value}</code>
        </dd>
      </dl>
      <h3>or an HTTP file</h3>
      <dl className="facts">
        <dt>Address</dt>
        <dd>
          <code className="breakable">{proof.http.url}</code>
        </dd>
        <dt>Content</dt>
        <dd>
          <code className="breakable">{proof.http.body}</code>
        </dd>
      </dl>
      <p className="hint">
        Point the domain at the platform too (a CNAME or A record), so buyers reach the store.
      </p>
    </div>
  );
}

function useDomainCall<T>(id: string, run: (input: T) => Promise<StoreDomain>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (view) => {
      queries.setQueryData(['/platform/stores', id, 'domain'], view);
      await queries.invalidateQueries({ queryKey: ['/platform/stores', id], exact: true });
      await queries.invalidateQueries({ queryKey: ['/platform/stores'], exact: true });
    },
  });
}

function Verify(props: { id: string }) {
  const { id } = props;
  const [method, setMethod] = useState<'dns' | 'http'>('dns');
  const verify = useDomainCall(id, () =>
    platform.call(() =>
      platform.client.POST('/api/v1/platform/stores/{id}/domain/verify', {
        params: { path: { id } },
        body: { method },
      }),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(undefined);
  };
  const result = verify.data;
  return (
    <form className="inline-form" aria-label="Verify the domain" onSubmit={submit} noValidate>
      <Choice
        id="verify-method"
        label="Proof to check"
        options={PROOFS}
        value={method}
        onChange={(e) => setMethod(e.target.value as 'dns' | 'http')}
      />
      <button type="submit" disabled={verify.isPending}>
        {verify.isPending ? 'Checking…' : 'Verify now'}
      </button>
      <FormProblem error={verify.error} />
      {result?.verified && <p role="status">Verified: the store answers at {result.customDomain}.</p>}
      {result && !result.verified && <p role="alert">Not verified yet: {result.problem}</p>}
    </form>
  );
}

function NameDomain(props: { id: string; current: string | null }) {
  const { id } = props;
  const [typed, setTyped] = useState('');
  const save = useDomainCall(id, (customDomain: string) =>
    platform.call(() =>
      platform.client.PUT('/api/v1/platform/stores/{id}/domain', {
        params: { path: { id } },
        body: { customDomain },
      }),
    ),
  );
  const { errorOf, problem } = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(typed.trim(), { onSuccess: () => setTyped('') });
  };
  return (
    <form className="action-form" aria-labelledby="name-domain-title" onSubmit={submit} noValidate>
      <h2 id="name-domain-title">{props.current ? 'Use another domain' : 'Use your own domain'}</h2>
      <Field
        id="custom-domain"
        label="Custom domain"
        placeholder="shop.example.com"
        value={typed}
        error={errorOf('/customDomain')}
        onChange={(e) => {
          setTyped(e.target.value);
          save.reset();
        }}
      />
      {problem && !errorOf('/customDomain') && <PlanProblem error={save.error} />}
      <button type="submit" disabled={save.isPending}>
        Save domain
      </button>
    </form>
  );
}

function RemoveDomain(props: { id: string; domain: string }) {
  const [asking, setAsking] = useState(false);
  const remove = useDomainCall(props.id, () =>
    platform.call(() =>
      platform.client.DELETE('/api/v1/platform/stores/{id}/domain', { params: { path: { id: props.id } } }),
    ),
  );
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Remove domain
      </button>
    );
  return (
    <div className="confirm">
      <p>
        Remove <span className="breakable">{props.domain}</span>? The store stops answering there and keeps
        its subdomain address.
      </p>
      <FormProblem error={remove.error} />
      <button
        type="button"
        className="danger"
        onClick={() => remove.mutate(undefined)}
        disabled={remove.isPending}
      >
        Confirm removal
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </div>
  );
}
