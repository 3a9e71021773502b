import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { Section } from '../shell.tsx';
import { CategoryFilters } from './CategoryFilters.tsx';
import { type Category, parentOptions, useCategories, useCategoriesChanged } from './categories.ts';
import { orNull, SelectField, TextAreaField } from './fields.tsx';

/** A category's page: its name, address, place in the tree and description; its filters. */
export function CategoryPage(props: { params: Record<string, string | undefined> }) {
  const categories = useCategories();
  if (categories.isPending) return <p>Loading…</p>;
  if (categories.isError) return <p role="alert">{categories.error.message}</p>;
  const category = categories.data.items.find((c) => c.id === props.params.id);
  if (!category) return <p role="alert">No such category.</p>;
  return (
    <Section title={category.name}>
      <p className="actions">
        <Link href="/categories">All categories</Link>
        {category.isActive && <a href={`/categories/${category.slug}`}>See it in the shop</a>}
      </p>
      <div className="product-page">
        <CategoryForm category={category} all={categories.data.items} />
        <CategoryFilters categoryId={category.id} />
      </div>
    </Section>
  );
}

function CategoryForm(props: { category: Category; all: Category[] }) {
  const { category } = props;
  const changed = useCategoriesChanged();
  const [values, setValues] = useState({
    name: category.name,
    slug: category.slug,
    parentId: category.parentId ?? '',
    description: category.description ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name,
        slug: values.slug,
        parentId: values.parentId || null,
        description: orNull(values.description),
      };
      return call(() =>
        bazaar.PATCH('/api/v1/admin/categories/{id}', { params: { path: { id: category.id } }, body }),
      );
    },
    onSuccess: () => changed(),
  });
  const { errorOf } = problemOf(save.error);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate aria-labelledby="category-heading">
      <h2 id="category-heading">Category</h2>
      <Field
        id="edit-category-name"
        label="Category name"
        value={values.name}
        error={errorOf('/name')}
        onChange={set('name')}
      />
      <Field
        id="edit-category-slug"
        label="Address name"
        value={values.slug}
        error={errorOf('/slug')}
        onChange={set('slug')}
      />
      <SelectField
        id="edit-category-parent"
        label="Under"
        value={values.parentId}
        error={errorOf('/parentId')}
        onChange={set('parentId')}
        options={parentOptions(props.all, category.id)}
      />
      <TextAreaField
        id="edit-category-description"
        label="Description"
        value={values.description}
        error={errorOf('/description')}
        onChange={set('description')}
      />
      <FormProblem error={save.error} />
      {save.isSuccess && <p role="status">Saved</p>}
      <button type="submit" disabled={save.isPending}>
        Save category
      </button>
    </form>
  );
}
