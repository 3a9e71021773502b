/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../client/index.ts';
import type { Answer200 } from '../api.ts';
import { formatMoney, type Money } from '../format.ts';
import type { Cart } from './cart-store.ts';
import { buyerSession, visitor } from './cart-store.ts';
import type { AddressValues } from './form.tsx';

export type ShippingMethod = Answer200<'/api/v1/shipping-methods'>['items'][number];
export type SavedAddress = Answer200<'/api/v1/me/addresses'>['items'][number];
export type SavedCard = Answer200<'/api/v1/me/payment-methods'>['items'][number];
type Rewards = Answer200<'/api/v1/me/rewards'>;
export type Placed =
  paths['/api/v1/carts/{id}/checkout']['post']['responses'][201]['content']['application/json'];

/** The signed-in buyer's saved addresses, cards and reward points (nothing for a guest). */
export function useBuyerExtras() {
  const [addresses, setAddresses] = useState<SavedAddress[]>([]);
  const [cards, setCards] = useState<SavedCard[]>([]);
  const [rewards, setRewards] = useState<Rewards | null>(null);
  useEffect(() => {
    if (!buyerSession()) return;
    void visitor((api) => api.GET('/api/v1/me/payment-methods')).then((a) => setCards(a.data?.items ?? []));
    const query = { limit: 50 };
    void visitor((api) => api.GET('/api/v1/me/addresses', { params: { query } })).then((a) =>
      setAddresses(a.data?.items ?? []),
    );
    void visitor((api) => api.GET('/api/v1/me/rewards', { params: { query: { limit: 1 } } })).then((a) =>
      setRewards(a.data ?? null),
    );
  }, []);
  return { addresses, cards, rewards };
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  rupay: 'RuPay',
};

/** How a saved card reads: "Visa ••••4242". */
export function cardName(card: SavedCard): string {
  return `${BRANDS[card.brand] ?? card.brand.charAt(0).toUpperCase() + card.brand.slice(1)} ••••${card.last4}`;
}

/** A saved address as the checkout form's fields. */
export function addressValues(a: SavedAddress): AddressValues {
  const { name, line1, city, state, postalCode, country } = a;
  return { name, line1, city, state, postalCode, country };
}

/** The buyer picks one of the saved addresses (its fields filled in) or types a new one. */
export function SavedAddressPicker(props: {
  addresses: SavedAddress[];
  chosen: string;
  onPick: (id: string, values: AddressValues | null) => void;
}) {
  if (props.addresses.length === 0) return null;
  return (
    <div class="field">
      <label for="checkout-saved-address">Saved address</label>
      <select
        id="checkout-saved-address"
        value={props.chosen}
        onChange={(e) => {
          const id = e.currentTarget.value;
          const found = props.addresses.find((a) => a.id === id);
          props.onPick(id, found ? addressValues(found) : null);
        }}
      >
        <option value="">A new address</option>
        {props.addresses.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label ? `${a.label}: ` : ''}
            {a.name}, {a.line1}, {a.city}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a method charges for this cart, as far as the browser knows (weight bands: the first band). */
export function shippingEstimate(method: ShippingMethod | undefined, cart: Cart): Money {
  const currency = cart.totals.total.currency;
  if (!method) return { amount: 0, currency };
  const free = method.freeOverAmount && cart.totals.subtotal.amount >= method.freeOverAmount.amount;
  if (free) return { amount: 0, currency };
  return { amount: method.weightBands[0]?.amount ?? method.flatAmount.amount, currency };
}

/** The shipping methods that serve the country typed (all of them before one is typed). */
export function servingMethods(methods: ShippingMethod[], country: string): ShippingMethod[] {
  const code = country.trim().toUpperCase();
  return methods.filter((m) => !code || !m.countries || m.countries.includes(code));
}

export function ShippingChoice(props: {
  methods: ShippingMethod[];
  chosen: string;
  cart: Cart;
  language: string;
  onChoose: (code: string) => void;
}) {
  if (props.methods.length === 0) return null;
  return (
    <fieldset>
      <legend>Shipping</legend>
      {props.methods.map((m) => (
        <label key={m.code} class="choice">
          <input
            type="radio"
            name="shipping"
            value={m.code}
            checked={props.chosen === m.code}
            onChange={() => props.onChoose(m.code)}
          />
          {m.name} ({formatMoney(shippingEstimate(m, props.cart), props.language)}
          {m.weightBands.length > 0 ? ', by weight' : ''})
        </label>
      ))}
    </fieldset>
  );
}

/** The cart's totals with the chosen shipping: coupon and points come off when the order is placed. */
export function Totals(props: { cart: Cart; shipping: Money; language: string }) {
  const { subtotal, discount, total } = props.cart.totals;
  const money = (m: Money) => formatMoney(m, props.language);
  return (
    <dl class="totals">
      <dt>Subtotal</dt>
      <dd>{money(subtotal)}</dd>
      {discount.amount > 0 && (
        <>
          <dt>Discount</dt>
          <dd>−{money(discount)}</dd>
        </>
      )}
      <dt>Shipping</dt>
      <dd>{money(props.shipping)}</dd>
      <dt>Total</dt>
      <dd class="total">{money({ ...total, amount: total.amount + props.shipping.amount })}</dd>
    </dl>
  );
}

/** The placed order: its number, what it cost, and the payment's next step when it has one. */
export function Confirmation(props: { placed: Placed; language: string }) {
  const { order, payment } = props.placed;
  const money = (m: Money) => formatMoney(m, props.language);
  return (
    <div class="confirmation">
      <p role="status">
        Thank you. Your order number is <strong>{order.number}</strong>.
      </p>
      {payment.status === 'REQUIRES_ACTION' && (
        <p>The payment with {payment.provider} waits for you to confirm it; the order is held until then.</p>
      )}
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{money(order.totals.subtotal)}</dd>
        <dt>Discount</dt>
        <dd>−{money(order.totals.discount)}</dd>
        <dt>Shipping</dt>
        <dd>{money(order.totals.shipping)}</dd>
        <dt>Total</dt>
        <dd class="total">{money(order.totals.total)}</dd>
      </dl>
    </div>
  );
}
