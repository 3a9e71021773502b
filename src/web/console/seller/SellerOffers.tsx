import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, minorUnits, problemOf } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import type { Answer, Row } from '../types.ts';

type Offer = Row<'/api/v1/admin/offers'>;
type Variant = Answer<'/api/v1/products/{idOrSlug}'>['variants'][number];

/** A variant for people: its SKU and its options ("TS-1 · size M"). */
export function variantName(v: { sku: string; options: Record<string, unknown> }): string {
  const options = Object.entries(v.options).map(([k, value]) => `${k} ${String(value)}`);
  return [v.sku, ...options].join(' · ');
}

/** Digits of an amount as a person types it back ("1299.50" for ₹1,299.50). */
const typed = (m: { amount: number; currency: string }) =>
  (m.amount / 10 ** currencyDigits(m.currency)).toFixed(currencyDigits(m.currency));

/**
 * A price as a small form: the amount typed in the store's currency, sent by `send`, with the
 * API's problem for `/price` beside the field and any other problem after the button.
 */
function PriceForm(props: {
  id: string;
  label: string;
  currency: string;
  initial: string;
  button: string;
  done: string;
  send: (price: { amount: number; currency: string }) => Promise<unknown>;
}) {
  const client = useQueryClient();
  const [price, setPrice] = useState(props.initial);
  const save = useMutation({
    mutationFn: () => {
      const { currency } = props;
      return props.send({ amount: minorUnits(price, currencyDigits(currency)), currency });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/offers'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const { errorOf } = problemOf(save.error);
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field
        id={props.id}
        label={props.label}
        inputMode="decimal"
        error={errorOf('/price')}
        value={price}
        onChange={(e) => setPrice(e.target.value)}
      />
      <button type="submit" disabled={save.isPending}>
        {props.button}
      </button>
      {save.isSuccess && <span role="status">{props.done}</span>}
      <FormProblem error={save.error} />
    </form>
  );
}

/** The offer's price, changed in place. */
function PriceEditor(props: { offer: Offer }) {
  const { offer } = props;
  return (
    <PriceForm
      id={`price-${offer.id}`}
      label={`Price of ${offer.sku}`}
      currency={offer.price.currency}
      initial={typed(offer.price)}
      button="Save price"
      done="Saved"
      send={(price) =>
        call(() =>
          bazaar.PATCH('/api/v1/admin/offers/{id}', { params: { path: { id: offer.id } }, body: { price } }),
        )
      }
    />
  );
}

export function OffersTable() {
  return (
    <PagedTable<Offer>
      label="Offers"
      queryKey="/admin/offers"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/admin/offers', { params: { query: { limit: 20, cursor } } }))
      }
      columns={[
        { header: 'Product', cell: (o) => `${o.productName} (${o.productStatus.toLowerCase()})` },
        { header: 'Variant', cell: (o) => variantName(o) },
        { header: 'Price', cell: (o) => <PriceEditor offer={o} /> },
        { header: 'Available', cell: (o) => o.availableQuantity },
        { header: 'Stock', cell: (o) => <Link href={`/offers/${o.id}`}>Stock of {o.sku}</Link> },
      ]}
    />
  );
}

/** Offers one variant of the found product at a price (the API refuses a second offer of it). */
function OfferVariantRow(props: { variant: Variant; currency: string }) {
  const path = { id: props.variant.id };
  return (
    <PriceForm
      id={`offer-${props.variant.id}`}
      label={`Your price for ${variantName(props.variant)}`}
      currency={props.currency}
      initial=""
      button="Offer"
      done="Offered"
      send={(price) =>
        call(() => bazaar.POST('/api/v1/admin/variants/{id}/offers', { params: { path }, body: { price } }))
      }
    />
  );
}

/** Finds a product of the store by its slug (the end of its address) and offers its variants. */
export function OfferVariant() {
  const [typedSlug, setTypedSlug] = useState('');
  const [slug, setSlug] = useState('');
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const product = useQuery({
    queryKey: ['/products', slug],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: slug } } })),
    enabled: slug !== '',
  });
  const find = (event: FormEvent) => {
    event.preventDefault();
    setSlug(typedSlug.trim().split('/').filter(Boolean).at(-1) ?? '');
  };
  return (
    <section aria-labelledby="offer-variant">
      <h2 id="offer-variant">Offer a product of the store</h2>
      <form className="inline-form" onSubmit={find}>
        <Field
          id="find-product"
          label="Product address or slug"
          value={typedSlug}
          onChange={(e) => setTypedSlug(e.target.value)}
        />
        <button type="submit">Find</button>
      </form>
      {product.isError && <FormProblem error={product.error} />}
      {product.data && (
        <>
          <h3>{product.data.name}</h3>
          {product.data.variants.map((v) => (
            <OfferVariantRow key={v.id} variant={v} currency={store.data?.currency ?? 'INR'} />
          ))}
        </>
      )}
    </section>
  );
}
