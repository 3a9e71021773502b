/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { apiSend, problemText, savedCartId } from './cart-store.ts';
import { formatMoney, type Money } from './format.ts';

interface CartLine {
  id: string;
  name: string;
  quantity: number;
  total: Money;
  unitPrice: Money;
  currentPrice: Money | null;
  priceChanged: boolean;
  available: boolean;
}

export interface Cart {
  id: string;
  items: CartLine[];
  totals: { subtotal: Money; total: Money; shipping: Money; tax: Money; discount: Money };
  needsAttention: boolean;
}

/** Loads the visitor's cart; null while loading, 'none' when there is no cart. */
export function useCart(): [Cart | null | 'none', (cart: Cart) => void, string | null] {
  const [cart, setCart] = useState<Cart | null | 'none'>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const id = savedCartId();
    if (!id) return setCart('none');
    void apiSend('GET', `/carts/${id}`).then(async (res) => {
      if (res.status === 404) return setCart('none');
      if (!res.ok) return setError(await problemText(res));
      setCart((await res.json()) as Cart);
    });
  }, []);
  return [cart, setCart, error];
}

/** The cart page: lines with their quantities, totals and the way to checkout. */
export function CartView(props: { language: string }) {
  const [cart, setCart, error] = useCart();
  const [problem, setProblem] = useState<string | null>(error);
  if (cart === null) return <p>{error ?? 'Loading your cart…'}</p>;
  if (cart === 'none' || cart.items.length === 0) return <p>Your cart is empty.</p>;
  const change = async (line: CartLine, quantity: number) => {
    const res =
      quantity === 0
        ? await apiSend('DELETE', `/carts/${cart.id}/items/${line.id}`)
        : await apiSend('PATCH', `/carts/${cart.id}/items/${line.id}`, { quantity });
    if (!res.ok) return setProblem(await problemText(res));
    setProblem(null);
    setCart((await res.json()) as Cart);
  };
  const money = (m: Money) => formatMoney(m, props.language);
  return (
    <section aria-label="Cart">
      <ul class="cart-lines">
        {cart.items.map((line) => (
          <li key={line.id}>
            <span class="name">{line.name}</span>
            <label>
              Quantity
              <input
                type="number"
                min={0}
                value={line.quantity}
                onChange={(e) => void change(line, Number(e.currentTarget.value))}
              />
            </label>
            <span class="price">{money(line.total)}</span>
            {line.priceChanged && <span class="notice">The price has changed</span>}
            {!line.available && <span class="notice">Not available in this quantity</span>}
          </li>
        ))}
      </ul>
      {problem && <p role="alert">{problem}</p>}
      <p class="total">
        Subtotal <strong>{money(cart.totals.subtotal)}</strong>
      </p>
      <a class="button" href="/checkout">
        Checkout
      </a>
    </section>
  );
}
