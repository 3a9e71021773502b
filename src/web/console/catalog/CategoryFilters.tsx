import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import type { PostBody } from '../types.ts';
import { SelectField } from './fields.tsx';

type NewFilter = PostBody<'/api/v1/admin/categories/{id}/filters'>;

const KINDS: Array<[NewFilter['kind'], string]> = [
  ['ENUM', 'Choices (enum)'],
  ['RANGE', 'Range of numbers'],
  ['BOOLEAN', 'Yes or no'],
];
const SOURCES: Array<[NewFilter['source'], string]> = [
  ['SPEC', 'A specification'],
  ['ATTRIBUTE', 'An attribute'],
];

const filtersKey = (categoryId: string) => ['/admin/categories', categoryId, 'filters'];

/** A category's filters (the facets its page offers, and the pages below it): listed, added, removed. */
export function CategoryFilters(props: { categoryId: string }) {
  const client = useQueryClient();
  const path = { id: props.categoryId };
  const filters = useQuery({
    queryKey: filtersKey(props.categoryId),
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/categories/{id}/filters', { params: { path } })),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      call(() => bazaar.DELETE('/api/v1/admin/filters/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: filtersKey(props.categoryId) }),
  });
  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filters</h2>
      {filters.isError && <p role="alert">{filters.error.message}</p>}
      {filters.data && filters.data.items.length === 0 && <p>No filters of its own.</p>}
      {filters.data && filters.data.items.length > 0 && (
        <table aria-label="Filters">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key</th>
              <th scope="col">Kind</th>
              <th scope="col">Read from</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {filters.data.items.map((f) => (
              <tr key={f.id}>
                <td data-label="Label">{f.label}</td>
                <td data-label="Key">{f.key}</td>
                <td data-label="Kind">{f.kind.toLowerCase()}</td>
                <td data-label="Read from">{`${f.source.toLowerCase()} ${f.sourceKey}`}</td>
                <td data-label="Change">
                  <button type="button" onClick={() => remove.mutate(f.id)}>
                    Remove filter {f.label}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormProblem error={remove.error} />
      <NewFilterForm categoryId={props.categoryId} />
    </section>
  );
}

function NewFilterForm(props: { categoryId: string }) {
  const client = useQueryClient();
  const empty: NewFilter = { key: '', label: '', kind: 'ENUM', source: 'SPEC', sourceKey: '' };
  const [values, setValues] = useState<NewFilter>(empty);
  const add = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/admin/categories/{id}/filters', {
          params: { path: { id: props.categoryId } },
          body: values,
        }),
      ),
    onSuccess: () => {
      setValues(empty);
      void client.invalidateQueries({ queryKey: filtersKey(props.categoryId) });
    },
  });
  const { errorOf } = problemOf(add.error);
  const set = (name: keyof NewFilter) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="new-filter-heading">
      <h3 id="new-filter-heading">New filter</h3>
      <Field
        id="filter-label"
        label="Filter label"
        value={values.label}
        error={errorOf('/label')}
        onChange={set('label')}
      />
      <Field
        id="filter-key"
        label="Filter key (in the address)"
        value={values.key}
        error={errorOf('/key')}
        onChange={set('key')}
      />
      <SelectField
        id="filter-kind"
        label="Kind"
        value={values.kind}
        error={errorOf('/kind')}
        onChange={set('kind')}
        options={KINDS}
      />
      <SelectField
        id="filter-source"
        label="Read from"
        value={values.source}
        error={errorOf('/source')}
        onChange={set('source')}
        options={SOURCES}
      />
      <Field
        id="filter-source-key"
        label="Specification or attribute name"
        value={values.sourceKey}
        error={errorOf('/sourceKey')}
        onChange={set('sourceKey')}
      />
      <button type="submit" disabled={add.isPending}>
        Add filter
      </button>
      <FormProblem error={add.error} />
    </form>
  );
}
