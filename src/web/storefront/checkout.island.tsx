/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { formatMoney } from '../format.ts';
import { type Cart, useCart } from './cart.island.tsx';
import { saveCartId, visitor } from './cart-store.ts';

const FIELDS = [
  ['email', 'Email', 'email'],
  ['name', 'Name', 'name'],
  ['line1', 'Address line 1', 'address-line1'],
  ['city', 'City', 'address-level2'],
  ['state', 'State', 'address-level1'],
  ['postalCode', 'Postal code', 'postal-code'],
  ['country', 'Country', 'country'],
] as const;

type Field = (typeof FIELDS)[number][0];

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  errors?: Array<{ pointer?: string; detail?: string; message?: string }>;
}

/** The field a problem's JSON pointer names (`/shippingAddress/city` → city). */
function fieldOf(pointer: string | undefined): Field | null {
  const last = pointer?.split('/').at(-1);
  return FIELDS.some(([name]) => name === last) ? (last as Field) : null;
}

/** The lines whose price changed since they were added, and the buyer's way to accept them. */
function PriceChanges(props: { cart: Cart; language: string; onAccepted: (cart: Cart) => void }) {
  const lines = props.cart.items.filter((line) => line.priceChanged);
  const accept = async () => {
    const path = { id: props.cart.id };
    const answer = await visitor((api) => api.POST('/api/v1/carts/{id}/accept-prices', { params: { path } }));
    if (answer.data) props.onAccepted(answer.data);
  };
  return (
    <section aria-label="Price changes" class="notice-box">
      <ul>
        {lines.map((line) => (
          <li key={line.id}>
            {line.name}: {formatMoney(line.unitPrice, props.language)} →{' '}
            {line.currentPrice ? formatMoney(line.currentPrice, props.language) : 'no longer sold'}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void accept()}>
        Accept new prices
      </button>
    </section>
  );
}

/** Address and payment, then the order: its number shown when it is placed. */
export function CheckoutForm(props: { language: string; providers: string[]; country: string }) {
  const [cart, setCart] = useCart();
  const [changed, setChanged] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    name: '',
    line1: '',
    city: '',
    state: '',
    postalCode: '',
    country: props.country,
  });
  const [provider, setProvider] = useState(props.providers[0] ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  if (placed)
    return (
      <p role="status">
        Thank you. Your order number is <strong>{placed}</strong>.
      </p>
    );
  if (cart === null) return <p>Loading your cart…</p>;
  if (cart === 'none' || cart.items.length === 0) return <p>Your cart is empty.</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    const { email, ...address } = values;
    const path = { id: cart.id };
    const body = {
      email,
      shippingAddress: address,
      payment: provider === 'test' ? { provider, token: 'tok_success' } : { provider },
    };
    const answer = await visitor((api) =>
      api.POST('/api/v1/carts/{id}/checkout', { params: { path }, body }),
    );
    if (answer.data) {
      saveCartId(null);
      return setPlaced(answer.data.order.number);
    }
    const problem = (answer.error ?? {}) as Problem;
    if (problem.type?.endsWith('/cart-prices-changed')) {
      const fresh = await visitor((api) => api.GET('/api/v1/carts/{id}', { params: { path } }));
      if (fresh.data) setCart(fresh.data);
      setChanged(true);
    }
    const byField: Partial<Record<Field, string>> = {};
    for (const e of problem.errors ?? []) {
      const field = fieldOf(e.pointer);
      if (field) byField[field] = e.detail ?? e.message ?? 'Check this field';
    }
    setErrors(byField);
    setProblem(problem.detail ?? problem.title ?? `Checkout failed (${answer.response.status})`);
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)} noValidate>
      {FIELDS.map(([name, label, autocomplete]) => (
        <div class="field" key={name}>
          <label for={`checkout-${name}`}>{label}</label>
          <input
            id={`checkout-${name}`}
            name={name}
            autocomplete={autocomplete}
            value={values[name]}
            aria-invalid={errors[name] ? 'true' : undefined}
            aria-describedby={errors[name] ? `checkout-${name}-error` : undefined}
            onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
          />
          {errors[name] && <span id={`checkout-${name}-error`}>{errors[name]}</span>}
        </div>
      ))}
      <fieldset>
        <legend>Payment</legend>
        {props.providers.map((p) => (
          <label key={p}>
            <input
              type="radio"
              name="provider"
              value={p}
              checked={provider === p}
              onChange={() => setProvider(p)}
            />
            {p === 'cod' ? 'Cash on delivery' : p === 'test' ? 'Test payment' : p}
          </label>
        ))}
      </fieldset>
      {changed && (
        <PriceChanges
          cart={cart}
          language={props.language}
          onAccepted={(next) => {
            setCart(next);
            setChanged(false);
            setProblem(null);
          }}
        />
      )}
      <p class="total">Total {formatMoney(cart.totals.total, props.language)}</p>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Place order</button>
    </form>
  );
}
