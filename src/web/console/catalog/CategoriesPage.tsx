import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { Section } from '../shell.tsx';
import {
  type Category,
  parentOptions,
  treeOrder,
  useCategories,
  useCategoriesChanged,
} from './categories.ts';
import { SelectField } from './fields.tsx';

/** The category tree: a new category, and each one moved among its siblings, hidden or shown. */
export function CategoriesPage() {
  const categories = useCategories();
  return (
    <Section title="Categories">
      {categories.isPending && <p>Loading…</p>}
      {categories.isError && <p role="alert">{categories.error.message}</p>}
      {categories.data && (
        <>
          <NewCategory all={categories.data.items} />
          <CategoryTree all={categories.data.items} />
        </>
      )}
    </Section>
  );
}

function NewCategory(props: { all: Category[] }) {
  const changed = useCategoriesChanged();
  const [values, setValues] = useState({ name: '', slug: '', parentId: '' });
  const create = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name,
        ...(values.slug.trim() ? { slug: values.slug.trim() } : {}),
        parentId: values.parentId || null,
      };
      return call(() => bazaar.POST('/api/v1/admin/categories', { body }));
    },
    onSuccess: () => {
      void changed();
      setValues({ name: '', slug: '', parentId: values.parentId });
    },
  });
  const { errorOf } = problemOf(create.error);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="new-category-heading">
      <h2 id="new-category-heading">New category</h2>
      <Field
        id="category-name"
        label="Category name"
        value={values.name}
        error={errorOf('/name')}
        onChange={set('name')}
      />
      <Field
        id="category-slug"
        label="Address name (optional)"
        value={values.slug}
        error={errorOf('/slug')}
        onChange={set('slug')}
      />
      <SelectField
        id="category-parent"
        label="Under"
        value={values.parentId}
        error={errorOf('/parentId')}
        onChange={set('parentId')}
        options={parentOptions(props.all)}
      />
      <button type="submit" disabled={create.isPending}>
        Create category
      </button>
      <FormProblem error={create.error} />
    </form>
  );
}

function CategoryTree(props: { all: Category[] }) {
  const changed = useCategoriesChanged();
  const reorder = useMutation({
    mutationFn: (body: { parentId: string | null; orderedIds: string[] }) =>
      call(() => bazaar.POST('/api/v1/admin/categories/reorder', { body })),
    onSuccess: () => changed(),
  });
  const toggle = useMutation({
    mutationFn: (c: Category) =>
      call(() =>
        bazaar.PATCH('/api/v1/admin/categories/{id}', {
          params: { path: { id: c.id } },
          body: { isActive: !c.isActive },
        }),
      ),
    onSuccess: () => changed(),
  });
  const move = (c: Category, siblings: Category[], by: number) => {
    const ids = siblings.map((s) => s.id).filter((id) => id !== c.id);
    ids.splice(siblings.indexOf(c) + by, 0, c.id);
    reorder.mutate({ parentId: c.parentId, orderedIds: ids });
  };
  return (
    <>
      <FormProblem error={reorder.error ?? toggle.error} />
      <table aria-label="Categories">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Shown</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {treeOrder(props.all).map(({ category: c, siblings }) => (
            <tr key={c.id}>
              <td data-label="Category" style={{ paddingLeft: `${c.depth * 1.25}rem` }}>
                <Link href={`/categories/${c.id}`}>{c.name}</Link>
              </td>
              <td data-label="Shown">{c.isActive ? 'Shown' : 'Hidden'}</td>
              <td data-label="Change">
                <button type="button" disabled={siblings[0] === c} onClick={() => move(c, siblings, -1)}>
                  Move {c.name} up
                </button>
                <button type="button" disabled={siblings.at(-1) === c} onClick={() => move(c, siblings, 1)}>
                  Move {c.name} down
                </button>
                <button type="button" onClick={() => toggle.mutate(c)}>
                  {c.isActive ? `Hide ${c.name}` : `Show ${c.name}`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.all.length === 0 && <p>No categories yet.</p>}
    </>
  );
}
