/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { formatMoney } from '../format.ts';
import { type Cart, useCart } from './cart.island.tsx';
import { buyerSession, saveCartId, visitor } from './cart-store.ts';
import {
  Confirmation,
  cardName,
  type Placed,
  SavedAddressPicker,
  type SavedCard,
  ShippingChoice,
  type ShippingMethod,
  servingMethods,
  shippingEstimate,
  Totals,
  useBuyerExtras,
} from './checkout-options.tsx';
import {
  ADDRESS_NAMES,
  AddressFields,
  type AddressValues,
  emptyAddress,
  fieldErrors,
  problemOf,
  TextField,
} from './form.tsx';
import { rememberPayPalOrder } from './paypal-return.island.tsx';
import { acceptedOf, TermsCheckboxes, type TermsToAccept } from './terms.island.tsx';

const FIELDS = ['email', ...ADDRESS_NAMES, 'couponCode', 'redeemPoints'] as const;
type Field = (typeof FIELDS)[number];

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

const PROVIDERS: Record<string, string> = {
  cod: 'Cash on delivery',
  test: 'Test payment',
  stripe: 'Card (Stripe)',
  razorpay: 'Razorpay',
  paypal: 'PayPal',
};

/** The payment: a saved card of the signed-in buyer (`saved:{id}`, one-click) or a provider. */
function PaymentChoice(props: {
  providers: string[];
  cards: SavedCard[];
  chosen: string;
  onChoose: (p: string) => void;
}) {
  return (
    <fieldset>
      <legend>Payment</legend>
      {props.cards.map((card) => (
        <label key={card.id} class="choice">
          <input
            type="radio"
            name="provider"
            value={`saved:${card.id}`}
            checked={props.chosen === `saved:${card.id}`}
            onChange={() => props.onChoose(`saved:${card.id}`)}
          />
          Pay with {cardName(card)}
        </label>
      ))}
      {props.providers.map((p) => (
        <label key={p} class="choice">
          <input
            type="radio"
            name="provider"
            value={p}
            checked={props.chosen === p}
            onChange={() => props.onChoose(p)}
          />
          {PROVIDERS[p] ?? p}
        </label>
      ))}
    </fieldset>
  );
}

interface Choices {
  email: string;
  address: AddressValues;
  provider: string;
  shipping: string;
  coupon: string;
  points: string;
  /** the kinds of terms ticked */
  accepted: string[];
}

/** The payment part of the body: a saved card is its provider plus `paymentMethodId`. */
function paymentOf(chosen: string, cards: SavedCard[]) {
  const card = cards.find((m) => `saved:${m.id}` === chosen);
  if (card) return { payment: { provider: card.provider }, paymentMethodId: card.id };
  return { payment: chosen === 'test' ? { provider: chosen, token: 'tok_success' } : { provider: chosen } };
}

/** The checkout call's body from the form's choices (a signed-in buyer's blank email: the account's). */
function checkoutBody(c: Choices, cards: SavedCard[], terms: TermsToAccept[]) {
  const acceptedTerms = acceptedOf(terms, c.accepted);
  const points = Number.parseInt(c.points, 10);
  return {
    ...(c.email.trim() || !buyerSession() ? { email: c.email } : {}),
    shippingAddress: c.address,
    ...(c.shipping ? { shippingMethod: c.shipping } : {}),
    ...(c.coupon.trim() ? { couponCode: c.coupon.trim() } : {}),
    ...(points > 0 ? { redeemPoints: points } : {}),
    ...(acceptedTerms.length > 0 ? { acceptedTerms } : {}),
    ...paymentOf(c.provider, cards),
  };
}

function defaultMethod(methods: ShippingMethod[]): string {
  return (methods.find((m) => m.isDefault) ?? methods[0])?.code ?? '';
}

/** Address, shipping, coupon, points and payment, then the order: its number shown when it is placed. */
export function CheckoutForm(props: {
  language: string;
  providers: string[];
  shippingMethods: ShippingMethod[];
  /** the terms the store asks a buyer to accept at checkout */
  terms?: TermsToAccept[];
}) {
  const terms = props.terms ?? [];
  const [cart, setCart] = useCart();
  const { addresses, cards: saved, rewards } = useBuyerExtras();
  const cards = saved.filter((card) => props.providers.includes(card.provider));
  const [changed, setChanged] = useState(false);
  const [savedAddress, setSavedAddress] = useState('');
  const [c, setChoices] = useState<Choices>({
    email: '',
    address: emptyAddress(),
    provider: props.providers[0] ?? '',
    shipping: defaultMethod(props.shippingMethods),
    coupon: '',
    points: '',
    accepted: [],
  });
  const set = (changes: Partial<Choices>) => setChoices({ ...c, ...changes });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [picked, setPicked] = useState(false);
  if (placed) return <Confirmation placed={placed} language={props.language} />;
  if (cart === null) return <p>Loading your cart…</p>;
  if (cart === 'none' || cart.items.length === 0) return <p>Your cart is empty.</p>;
  const methods = servingMethods(props.shippingMethods, c.address.country);
  const method = methods.find((m) => m.code === c.shipping) ?? methods[0];
  // the default saved card is preselected until the buyer picks another way to pay
  const preferred = cards.find((card) => card.isDefault) ?? cards[0];
  const provider = !picked && preferred ? `saved:${preferred.id}` : c.provider;
  const submit = async (event: Event) => {
    event.preventDefault();
    const path = { id: cart.id };
    const body = checkoutBody({ ...c, provider, shipping: method?.code ?? '' }, cards, terms);
    const answer = await visitor((api) =>
      api.POST('/api/v1/carts/{id}/checkout', { params: { path }, body }),
    );
    if (answer.data) {
      saveCartId(null);
      const next = answer.data.payment.nextAction;
      // PayPal: the buyer approves on PayPal's page, which sends them back to /checkout/paypal/return
      if (next?.type === 'redirect' && typeof next.url === 'string') {
        rememberPayPalOrder(answer.data.payment.id, answer.data.order.number);
        return window.location.assign(next.url);
      }
      return setPlaced(answer.data);
    }
    const problem = problemOf(answer);
    if (problem.type.endsWith('/cart-prices-changed')) {
      const fresh = await visitor((api) => api.GET('/api/v1/carts/{id}', { params: { path } }));
      if (fresh.data) setCart(fresh.data);
      setChanged(true);
    }
    setErrors(fieldErrors(problem, FIELDS));
    setProblem(problem.detail ?? problem.title);
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="checkout-email"
        label="Email"
        type="email"
        autocomplete="email"
        value={c.email}
        error={errors.email}
        onInput={(email) => set({ email })}
      />
      <SavedAddressPicker
        addresses={addresses}
        chosen={savedAddress}
        onPick={(id, values) => {
          setSavedAddress(id);
          if (values) set({ address: values });
        }}
      />
      <AddressFields
        prefix="checkout"
        values={c.address}
        errors={errors}
        onChange={(address) => set({ address })}
      />
      <ShippingChoice
        methods={methods}
        chosen={method?.code ?? ''}
        cart={cart}
        language={props.language}
        onChoose={(shipping) => set({ shipping })}
      />
      <TextField
        id="checkout-coupon"
        label="Coupon code"
        value={c.coupon}
        error={errors.couponCode}
        onInput={(coupon) => set({ coupon })}
      />
      {rewards && rewards.balance > 0 && (
        <TextField
          id="checkout-points"
          label={`Reward points to redeem (you have ${rewards.balance}, each worth ${formatMoney(rewards.pointValue, props.language)})`}
          type="number"
          min={0}
          value={c.points}
          error={errors.redeemPoints}
          onInput={(points) => set({ points })}
        />
      )}
      <PaymentChoice
        providers={props.providers}
        cards={cards}
        chosen={provider}
        onChoose={(provider) => {
          setPicked(true);
          set({ provider });
        }}
      />
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
      <Totals cart={cart} shipping={shippingEstimate(method, cart)} language={props.language} />
      <TermsCheckboxes
        terms={terms}
        idPrefix="checkout"
        accepted={c.accepted}
        onChange={(accepted) => set({ accepted })}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Place order</button>
    </form>
  );
}
