/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { AccountPanel } from './account.island.tsx';
import { CartView } from './cart.island.tsx';
import { addToCart, visitor } from './cart-store.ts';
import { CheckoutForm } from './checkout.island.tsx';
import { MyReviews } from './my-reviews.island.tsx';
import { NotificationPreferences } from './notification-preferences.island.tsx';
import { NotificationBell, NotificationFeed } from './notifications.island.tsx';
import { PaymentMethods } from './payment-methods.island.tsx';
import { PayPalReturn } from './paypal-return.island.tsx';
import { AskForQuote, MyQuotes } from './quotes.island.tsx';
import { ResetPassword } from './reset.island.tsx';
import { ReviewList } from './reviews.island.tsx';
import { VariantPicker } from './variant.island.tsx';
import { VerifyEmail } from './verify.island.tsx';
import { SaveToWishlist } from './wishlist.island.tsx';

/** The search box, with suggestions as the visitor types (a plain GET form without script). */
export function SearchBox(props: { initial: string }) {
  const [q, setQ] = useState(props.initial);
  const [suggestions, setSuggestions] = useState<Array<{ slug: string; name: string }>>([]);
  const onInput = async (value: string) => {
    setQ(value);
    if (value.trim().length < 2) return setSuggestions([]);
    const q = value.trim();
    const answer = await visitor((api) => api.GET('/api/v1/products/suggest', { params: { query: { q } } }));
    if (answer.data) setSuggestions(answer.data.items.slice(0, 6));
  };
  return (
    <form class="search" action="/search" method="get">
      <label for="search-q">Search</label>
      <input
        id="search-q"
        name="q"
        type="search"
        value={q}
        autocomplete="off"
        list="search-suggestions"
        onInput={(e) => void onInput(e.currentTarget.value)}
      />
      <datalist id="search-suggestions">
        {suggestions.map((s) => (
          <option key={s.slug} value={s.name} />
        ))}
      </datalist>
      <button type="submit">Go</button>
    </form>
  );
}

/** The product page's button: adds the best offer to the visitor's cart. */
export function AddToCart(props: { offerId: string | null }) {
  const [state, setState] = useState<'idle' | 'adding' | 'added' | string>('idle');
  if (!props.offerId) return <p class="notice">Out of stock</p>;
  const offerId = props.offerId;
  const add = async () => {
    setState('adding');
    try {
      await addToCart(offerId);
      setState('added');
    } catch (error) {
      setState((error as Error).message);
    }
  };
  return (
    <div class="add-to-cart">
      <button type="button" disabled={state === 'adding'} onClick={() => void add()}>
        Add to cart
      </button>
      {state === 'added' && (
        <p role="status">
          Added to your cart. <a href="/cart">View cart</a>
        </p>
      )}
      {!['idle', 'adding', 'added'].includes(state) && <p role="alert">{state}</p>}
    </div>
  );
}

/** Every island by the name the server writes in `data-island`. */
export const islands = {
  SearchBox,
  AddToCart,
  VariantPicker,
  SaveToWishlist,
  CartView,
  CheckoutForm,
  PayPalReturn,
  AccountPanel,
  ResetPassword,
  VerifyEmail,
  ReviewList,
  MyReviews,
  AskForQuote,
  MyQuotes,
  NotificationBell,
  NotificationFeed,
  NotificationPreferences,
  PaymentMethods,
};
export type IslandName = keyof typeof islands;
