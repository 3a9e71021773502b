import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../format.ts';
import { ApiError, bazaar, call } from './api.ts';

/** The form's fields and the JSON pointer of the API's body each one fills. */
const FIELDS = [
  ['name', 'Name', '/name'],
  ['sku', 'SKU', '/variants/0/sku'],
  ['price', 'Price', '/variants/0/price/amount'],
  ['stock', 'Stock', '/variants/0/stock'],
] as const;

type Field = (typeof FIELDS)[number][0];

/** Minor units of `major` (as typed, e.g. "1299.50") in a currency with `digits` decimals. */
function minorUnits(major: string, digits: number): number {
  const n = Number(major.trim());
  return Number.isFinite(n) ? Math.round(n * 10 ** digits) : Number.NaN;
}

/** A new product with one variant and its offer: name, SKU, price, stock and status. */
export function ProductForm(props: { onCreated: () => void }) {
  const client = useQueryClient();
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const [values, setValues] = useState<Record<Field, string>>({ name: '', sku: '', price: '', stock: '0' });
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
  const problem = create.error instanceof ApiError ? create.error.problem : null;
  const errorOf = (pointer: string) => problem?.errors?.find((e) => e.pointer === pointer)?.detail;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <h2>New product</h2>
      {FIELDS.map(([name, label, pointer]) => (
        <div className="field" key={name}>
          <label htmlFor={`product-${name}`}>{label}</label>
          <input
            id={`product-${name}`}
            inputMode={name === 'price' || name === 'stock' ? 'decimal' : undefined}
            value={values[name]}
            aria-invalid={errorOf(pointer) ? true : undefined}
            aria-describedby={errorOf(pointer) ? `product-${name}-error` : undefined}
            onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          />
          {errorOf(pointer) && <span id={`product-${name}-error`}>{errorOf(pointer)}</span>}
        </div>
      ))}
      <div className="field">
        <label>
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> For sale
          now
        </label>
      </div>
      {problem && <p role="alert">{problem.detail ?? problem.title}</p>}
      <button type="submit" disabled={create.isPending}>
        Create product
      </button>
    </form>
  );
}
