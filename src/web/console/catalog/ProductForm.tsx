import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, minorUnits, problemOf } from '../form.tsx';

/** The form's fields and the JSON pointer of the API's body each one fills. */
const FIELDS = [
  ['name', 'Name', '/name'],
  ['sku', 'SKU', '/variants/0/sku'],
  ['price', 'Price', '/variants/0/price/amount'],
  ['stock', 'Stock', '/variants/0/stock'],
] as const;

type FieldName = (typeof FIELDS)[number][0];

/** A new product with one variant and its offer: name, SKU, price, stock and status. */
export function ProductForm(props: { onCreated: () => void }) {
  const client = useQueryClient();
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: '',
    sku: '',
    price: '',
    stock: '0',
  });
  const [active, setActive] = useState(true);
  const create = useMutation({
    mutationFn: () => {
      const currency = store.data?.currency ?? 'INR';
      const digits = currencyDigits(currency);
      const body = {
        name: values.name,
        status: active ? ('ACTIVE' as const) : ('DRAFT' as const),
        variants: [
          {
            sku: values.sku,
            price: { amount: minorUnits(values.price, digits), currency },
            stock: Number(values.stock),
          },
        ],
      };
      return call(() => bazaar.POST('/api/v1/admin/products', { body }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['/admin/products'] });
      props.onCreated();
    },
  });
  const { errorOf } = problemOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <h2>New product</h2>
      {FIELDS.map(([name, label, pointer]) => (
        <Field
          key={name}
          id={`product-${name}`}
          label={label}
          error={errorOf(pointer)}
          inputMode={name === 'price' || name === 'stock' ? 'decimal' : undefined}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        />
      ))}
      <div className="field">
        <label>
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> For sale
          now
        </label>
      </div>
      <FormProblem error={create.error} />
      <button type="submit" disabled={create.isPending}>
        Create product
      </button>
    </form>
  );
}
