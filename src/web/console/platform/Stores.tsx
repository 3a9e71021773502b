import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { TextAreaField } from '../catalog/fields.tsx';
import { Choice, Field, FormProblem, problemOf, when } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { type PlatformStore, platform } from './api.ts';
import { StatusBadge } from './StorePage.tsx';

export const STORE_TYPES = [
  ['', 'Let the description decide'],
  ['grocery', 'Grocery'],
  ['restaurant', 'Restaurant'],
  ['clinic', 'Clinic'],
  ['fashion', 'Fashion'],
  ['general', 'General'],
] as const;

/** The tenant's stores, and the form that opens another. */
export function Stores() {
  const stores = useQuery({
    queryKey: ['/platform/stores'],
    queryFn: () => platform.call(() => platform.client.GET('/api/v1/platform/stores')),
  });
  return (
    <Section title="Your stores">
      {stores.isPending && <p>Loading…</p>}
      {stores.isError && <p role="alert">{stores.error.message}</p>}
      {stores.data && stores.data.length === 0 && <p>No store yet: open your first one below.</p>}
      {stores.data && stores.data.length > 0 && (
        <Table
          label="Stores"
          rows={stores.data}
          columns={[
            { header: 'Store', cell: (s: PlatformStore) => <Link href={`/stores/${s.id}`}>{s.name}</Link> },
            { header: 'Address', cell: (s) => s.domain ?? '–' },
            { header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
            { header: 'Opened', cell: (s) => when(s.createdAt) },
          ]}
        />
      )}
      <OpenStore />
    </Section>
  );
}

/** "Open a store": on success the store's page, which follows its generation. */
function OpenStore() {
  const tenant = useQuery({
    queryKey: ['/platform/tenant'],
    queryFn: () => platform.call(() => platform.client.GET('/api/v1/platform/tenant')),
  });
  const queries = useQueryClient();
  const [, navigate] = useLocation();
  const [v, setV] = useState({ name: '', subdomain: '', storeType: '', description: '', currency: 'INR' });
  const open = useMutation({
    mutationFn: () => {
      const body = {
        name: v.name,
        subdomain: v.subdomain.trim().toLowerCase(),
        currency: v.currency.trim().toUpperCase(),
        ...(v.storeType ? { storeType: v.storeType as 'general' } : {}),
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
      };
      return platform.call(() => platform.client.POST('/api/v1/platform/stores', { body }));
    },
    onSuccess: async (store) => {
      await queries.invalidateQueries({ queryKey: ['/platform/stores'] });
      await queries.invalidateQueries({ queryKey: ['/platform/tenant'] });
      navigate(`/stores/${store.id}`);
    },
  });
  const { errorOf } = problemOf(open.error);
  const set = (name: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [name]: e.target.value });
    open.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  const domain = tenant.data?.platformDomain ?? window.location.hostname;
  const address = `${v.subdomain.trim().toLowerCase() || 'your-store'}.${domain}`;
  return (
    <form className="action-form" aria-labelledby="open-store-title" onSubmit={submit} noValidate>
      <h2 id="open-store-title">Open a store</h2>
      <Field
        id="store-name"
        label="Store name"
        value={v.name}
        error={errorOf('/name')}
        onChange={set('name')}
      />
      <Field
        id="store-subdomain"
        label="Subdomain"
        value={v.subdomain}
        error={errorOf('/subdomain')}
        aria-describedby={errorOf('/subdomain') ? 'store-subdomain-error store-address' : 'store-address'}
        onChange={set('subdomain')}
      />
      <p id="store-address" className="hint">
        Your store's address: <strong>{address}</strong>
      </p>
      <Choice
        id="store-type"
        label="Store type (optional)"
        options={STORE_TYPES}
        value={v.storeType}
        error={errorOf('/storeType')}
        onChange={set('storeType')}
      />
      <TextAreaField
        id="store-description"
        label="Describe your business"
        value={v.description}
        error={errorOf('/description')}
        onChange={set('description')}
      />
      <p className="hint">
        With a description your store is generated from it: categories, sample products and a look. Leave it
        empty to start with an empty store.
      </p>
      <Field
        id="store-currency"
        label="Currency"
        value={v.currency}
        error={errorOf('/currency')}
        onChange={set('currency')}
      />
      <FormProblem error={open.error} />
      <button type="submit" disabled={open.isPending}>
        Open store
      </button>
    </form>
  );
}
