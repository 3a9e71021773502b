/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, type Money } from '../format.ts';
import { type Cart, problemText, savedCartId, visitor } from './cart-store.ts';

export type { Cart };

type CartLine = Cart['items'][number];

/** Loads the visitor's cart; null while loading, 'none' when there is no cart. */
export function useCart(): [Cart | null | 'none', (cart: Cart) => void, string | null] {
  const [cart, setCart] = useState<Cart | null | 'none'>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const id = savedCartId();
    if (!id) return setCart('none');
    void visitor((api) => api.GET('/api/v1/carts/{id}', { params: { path: { id } } })).then((answer) => {
      if (answer.response.status === 404) return setCart('none');
      if (!answer.data) return setError(problemText(answer));
      setCart(answer.data);
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
    const path = { id: cart.id, itemId: line.id };
    const answer = await visitor((api) =>
      quantity === 0
        ? api.DELETE('/api/v1/carts/{id}/items/{itemId}', { params: { path } })
        : api.PATCH('/api/v1/carts/{id}/items/{itemId}', { params: { path }, body: { quantity } }),
    );
    if (!answer.data) return setProblem(problemText(answer));
    setProblem(null);
    setCart(answer.data);
  };
  const money = (m: Money) => formatMoney(m, props.language);
  const until = cart.quote && new Date(cart.quote.validUntil).toLocaleDateString(props.language);
  return (
    <section aria-label="Cart">
      {until && <p class="notice">Your accepted quote is in this cart: quoted until {until}.</p>}
      <ul class="cart-lines">
        {cart.items.map((line) => (
          <li key={line.id}>
            <span class="name">{line.name}</span>
            {line.quoted ? (
              <span class="quoted">
                {line.quantity} × {money(line.unitPrice)}, quoted until {until}
              </span>
            ) : (
              <label>
                Quantity
                <input
                  type="number"
                  min={0}
                  value={line.quantity}
                  onChange={(e) => void change(line, Number(e.currentTarget.value))}
                />
              </label>
            )}
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
