import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, minorUnits, problemOf } from '../form.tsx';
import { type Product, useProductChanged, useStore, type Variant } from './product.ts';

type Offer = Variant['offers'][number];

/** A product's variants: each one's SKU, barcode and options, its sellers' offers; and a new variant. */
export function ProductVariants(props: { product: Product }) {
  const { product } = props;
  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">Variants</h2>
      {product.variants.map((v) => (
        <div className="variant" key={v.id}>
          <VariantForm product={product} variant={v} />
          <Offers variant={v} />
        </div>
      ))}
      <NewVariant product={product} />
    </section>
  );
}

/** The option names of the product, with a variant's values (or empty ones for a new variant). */
function OptionFields(props: {
  product: Product;
  prefix: string;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errorOf: (pointer: string) => string | undefined;
}) {
  return (
    <>
      {props.product.options.map((o) => (
        <Field
          key={o.name}
          id={`${props.prefix}-option-${o.name}`}
          label={o.name}
          value={props.values[o.name] ?? ''}
          error={props.errorOf(`/options/${o.name}`) ?? props.errorOf('/options')}
          onChange={(e) => props.onChange({ ...props.values, [o.name]: e.target.value })}
        />
      ))}
    </>
  );
}

function VariantForm(props: { product: Product; variant: Variant }) {
  const { variant } = props;
  const changed = useProductChanged();
  const [sku, setSku] = useState(variant.sku);
  const [barcode, setBarcode] = useState(variant.barcode ?? '');
  const [options, setOptions] = useState(variant.options);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        sku,
        barcode: barcode.trim() || null,
        ...(props.product.options.length ? { options } : {}),
      };
      return call(() =>
        bazaar.PATCH('/api/v1/admin/variants/{id}', { params: { path: { id: variant.id } }, body }),
      );
    },
    onSuccess: changed,
  });
  const { errorOf } = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const id = `variant-${variant.id}`;
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Variant ${variant.sku}`}>
      <Field
        id={`${id}-sku`}
        label={`SKU of ${variant.sku}`}
        value={sku}
        error={errorOf('/sku')}
        onChange={(e) => setSku(e.target.value)}
      />
      <Field
        id={`${id}-barcode`}
        label={`Barcode of ${variant.sku}`}
        value={barcode}
        error={errorOf('/barcode')}
        onChange={(e) => setBarcode(e.target.value)}
      />
      <OptionFields
        product={props.product}
        prefix={id}
        values={options}
        onChange={setOptions}
        errorOf={errorOf}
      />
      <button type="submit" disabled={save.isPending}>
        Save variant {variant.sku}
      </button>
      <FormProblem error={save.error} />
    </form>
  );
}

/** The sellers' offers of a variant: price, compare-at price and availability, changed one at a time. */
function Offers(props: { variant: Variant }) {
  if (props.variant.offers.length === 0) return <p>No seller offers this variant.</p>;
  return (
    <table aria-label={`Offers of ${props.variant.sku}`}>
      <thead>
        <tr>
          <th scope="col">Seller</th>
          <th scope="col">Price</th>
          <th scope="col">Stock</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {props.variant.offers.map((o) => (
          <OfferRow
            key={o.id}
            offer={o}
            label={`${props.variant.sku}${props.variant.offers.length > 1 ? ` from ${sellerOf(o)}` : ''}`}
          />
        ))}
      </tbody>
    </table>
  );
}

const sellerOf = (o: Offer) => o.sellerProductName ?? `seller ${o.sellerId.slice(0, 8)}`;
const major = (amount: number, currency: string) =>
  (amount / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));

function OfferRow(props: { offer: Offer; label: string }) {
  const { offer } = props;
  const changed = useProductChanged();
  const currency = offer.price.currency;
  const [price, setPrice] = useState(major(offer.price.amount, currency));
  const [available, setAvailable] = useState(offer.available);
  const save = useMutation({
    mutationFn: () => {
      const body = { price: { amount: minorUnits(price, currencyDigits(currency)), currency }, available };
      return call(() =>
        bazaar.PATCH('/api/v1/admin/offers/{id}', { params: { path: { id: offer.id } }, body }),
      );
    },
    onSuccess: changed,
  });
  const { errorOf } = problemOf(save.error);
  const id = `offer-${offer.id}`;
  return (
    <tr>
      <td data-label="Seller">{sellerOf(offer)}</td>
      <td data-label="Price">
        <Field
          id={`${id}-price`}
          label={`Price of ${props.label}`}
          inputMode="decimal"
          value={price}
          error={errorOf('/price')}
          onChange={(e) => setPrice(e.target.value)}
        />
      </td>
      <td data-label="Stock">{offer.availableQuantity}</td>
      <td data-label="Change">
        <label>
          <input type="checkbox" checked={available} onChange={(e) => setAvailable(e.target.checked)} />{' '}
          Available
        </label>{' '}
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
          Save offer of {props.label}
        </button>
        {save.isSuccess && <span role="status">Saved</span>}
        <FormProblem error={save.error} />
      </td>
    </tr>
  );
}

/** A new variant of the product with the store's offer: SKU, options, price and stock. */
function NewVariant(props: { product: Product }) {
  const changed = useProductChanged();
  const store = useStore();
  const [values, setValues] = useState({ sku: '', price: '', stock: '0' });
  const [options, setOptions] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () => {
      const currency = store.data?.currency ?? 'INR';
      const body = {
        sku: values.sku,
        ...(props.product.options.length ? { options } : {}),
        price: { amount: minorUnits(values.price, currencyDigits(currency)), currency },
        stock: Number(values.stock),
      };
      return call(() =>
        bazaar.POST('/api/v1/admin/products/{id}/variants', {
          params: { path: { id: props.product.id } },
          body,
        }),
      );
    },
    onSuccess: (product) => {
      changed(product);
      setValues({ sku: '', price: '', stock: '0' });
      setOptions({});
    },
  });
  const { errorOf } = problemOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="new-variant-heading">
      <h3 id="new-variant-heading">New variant</h3>
      <Field
        id="new-variant-sku"
        label="New variant SKU"
        value={values.sku}
        error={errorOf('/sku')}
        onChange={set('sku')}
      />
      <OptionFields
        product={props.product}
        prefix="new-variant"
        values={options}
        onChange={setOptions}
        errorOf={errorOf}
      />
      <Field
        id="new-variant-price"
        label="New variant price"
        inputMode="decimal"
        value={values.price}
        error={errorOf('/price')}
        onChange={set('price')}
      />
      <Field
        id="new-variant-stock"
        label="New variant stock"
        inputMode="numeric"
        value={values.stock}
        error={errorOf('/stock')}
        onChange={set('stock')}
      />
      <button type="submit" disabled={add.isPending}>
        Add variant
      </button>
      <FormProblem error={add.error} />
    </form>
  );
}
