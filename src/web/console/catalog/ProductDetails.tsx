import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { orNull, SelectField, TextAreaField } from './fields.tsx';
import { type Pair, PairsEditor } from './PairsEditor.tsx';
import { type Product, useProductChanged } from './product.ts';
import { type ProductStatus, reachable } from './status.ts';

const TEXTS = [
  ['name', 'Name', '/name'],
  ['slug', 'Address name (slug)', '/slug'],
  ['brand', 'Brand', '/brand'],
  ['seoTitle', 'Search engine title', '/seoTitle'],
] as const;

type Values = Record<(typeof TEXTS)[number][0] | 'description' | 'seoDescription' | 'categorySlug', string>;

function valuesOf(p: Product): Values {
  return {
    name: p.name,
    slug: p.slug,
    brand: p.brand ?? '',
    seoTitle: p.seoTitle ?? '',
    description: p.description,
    seoDescription: p.seoDescription ?? '',
    categorySlug: p.category?.slug ?? '',
  };
}

const attributePairs = (p: Product): Pair[] =>
  Object.entries(p.attributes).map(([name, value]) => ({ name, value: String(value) }));

/** An attribute as typed: a number or true/false when it reads as one (range and yes/no filters use them). */
function attributeValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

function bodyOf(values: Values, status: ProductStatus, specs: Pair[], attributes: Pair[]) {
  return {
    name: values.name,
    slug: values.slug,
    brand: orNull(values.brand),
    categorySlug: orNull(values.categorySlug),
    description: values.description,
    seoTitle: orNull(values.seoTitle),
    seoDescription: orNull(values.seoDescription),
    status,
    specs: specs.filter((s) => s.name.trim() || s.value.trim()),
    attributes: Object.fromEntries(
      attributes.filter((a) => a.name.trim()).map((a) => [a.name.trim(), attributeValue(a.value)]),
    ),
  };
}

/** The product's own fields: name, address, brand, category, status, description, specs, attributes, SEO. */
export function ProductDetails(props: { product: Product }) {
  const { product } = props;
  const changed = useProductChanged();
  const [values, setValues] = useState(() => valuesOf(product));
  const [status, setStatus] = useState<ProductStatus>(product.status);
  const [specs, setSpecs] = useState<Pair[]>(product.specs);
  const [attributes, setAttributes] = useState<Pair[]>(() => attributePairs(product));
  const save = useMutation({
    mutationFn: () => {
      const body = bodyOf(values, status, specs, attributes);
      return call(() =>
        bazaar.PATCH('/api/v1/admin/products/{id}', { params: { path: { id: product.id } }, body }),
      );
    },
    onSuccess: (saved) => changed(saved),
  });
  const { problem, errorOf } = problemOf(save.error);
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const refusedMove = problem?.type?.endsWith('invalid-status-transition') ? problem.detail : undefined;
  return (
    <form className="product-form wide" onSubmit={submit} noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      {TEXTS.map(([name, label, pointer]) => (
        <Field
          key={name}
          id={`edit-${name}`}
          label={label}
          value={values[name]}
          error={errorOf(pointer)}
          onChange={set(name)}
        />
      ))}
      <CategoryChoice
        value={values.categorySlug}
        error={errorOf('/categorySlug')}
        onChange={set('categorySlug')}
      />
      <SelectField
        id="edit-status"
        label="Status"
        value={status}
        error={errorOf('/status') ?? refusedMove}
        onChange={(e) => setStatus(e.target.value as ProductStatus)}
        options={reachable(product.status).map((s) => [s, s.toLowerCase()])}
      />
      <TextAreaField
        id="edit-description"
        label="Description"
        value={values.description}
        error={errorOf('/description')}
        onChange={set('description')}
      />
      <PairsEditor
        legend="Specifications"
        name="Specification"
        pairs={specs}
        onChange={setSpecs}
        error={errorOf('/specs')}
      />
      <PairsEditor
        legend="Attributes"
        name="Attribute"
        pairs={attributes}
        onChange={setAttributes}
        error={errorOf('/attributes')}
      />
      <TextAreaField
        id="edit-seoDescription"
        label="Search engine description"
        value={values.seoDescription}
        error={errorOf('/seoDescription')}
        onChange={set('seoDescription')}
      />
      <FormProblem error={save.error} />
      {save.isSuccess && <p role="status">Saved</p>}
      <button type="submit" disabled={save.isPending}>
        Save product
      </button>
    </form>
  );
}

/** The category a product is filed under, from every category of the store. */
function CategoryChoice(props: {
  value: string;
  error: string | undefined;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const categories = useQuery({
    queryKey: ['/admin/categories'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/categories')),
  });
  const options: Array<[string, string]> = [
    ['', 'No category'],
    ...(categories.data?.items ?? []).map((c): [string, string] => [
      c.slug,
      `${'— '.repeat(c.depth - 1)}${c.name}`,
    ]),
  ];
  return (
    <SelectField
      id="edit-category"
      label="Category"
      value={props.value}
      error={props.error}
      onChange={props.onChange}
      options={options}
    />
  );
}
