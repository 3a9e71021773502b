/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { Answer200 } from '../api.ts';
import { formatMoney } from '../format.ts';
import { buyerSession, problemText, saveCartId, savedCartId, visitor } from './cart-store.ts';

type Wishlist = Answer200<'/api/v1/me/wishlists'>['items'][number];

/** The buyer's first wishlist, made ("Wishlist") when there is none yet. */
async function firstWishlist(): Promise<{ id: string } | string> {
  const lists = await visitor((api) => api.GET('/api/v1/me/wishlists', { params: { query: { limit: 1 } } }));
  if (!lists.data) return problemText(lists);
  if (lists.data.items[0]) return lists.data.items[0];
  const made = await visitor((api) => api.POST('/api/v1/me/wishlists', { body: { name: 'Wishlist' } }));
  return made.data ?? problemText(made);
}

/** The product page's "Save to wishlist", for a signed-in buyer only (nothing for a guest). */
export function SaveToWishlist(props: { offerId: string | null }) {
  const [signedIn, setSignedIn] = useState(false);
  const [state, setState] = useState<'idle' | 'saved' | string>('idle');
  useEffect(() => setSignedIn(Boolean(buyerSession())), []);
  const { offerId } = props;
  if (!signedIn || !offerId) return null;
  const save = async () => {
    const list = await firstWishlist();
    if (typeof list === 'string') return setState(list);
    const path = { id: list.id };
    const added = await visitor((api) =>
      api.POST('/api/v1/me/wishlists/{id}/items', { params: { path }, body: { offerId } }),
    );
    setState(added.data ? 'saved' : problemText(added));
  };
  return (
    <div class="wishlist-save">
      <button type="button" class="secondary" onClick={() => void save()}>
        Save to wishlist
      </button>
      {state === 'saved' && (
        <p role="status">
          Saved to your wishlist. <a href="/account">View it</a>
        </p>
      )}
      {state !== 'idle' && state !== 'saved' && <p role="alert">{state}</p>}
    </div>
  );
}

/** The account's wishlists: each item with its price, `Move to cart` and `Remove`. */
export function Wishlists(props: { language: string }) {
  const [lists, setLists] = useState<Wishlist[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round;
    void visitor((api) => api.GET('/api/v1/me/wishlists', { params: { query: { limit: 20 } } })).then(
      (answer) =>
        answer.data ? setLists(answer.data.items) : setMessage({ ok: false, text: problemText(answer) }),
    );
  }, [round]);
  const act = async (list: Wishlist, item: Wishlist['items'][number], move: boolean) => {
    const path = { id: list.id, itemId: item.id };
    const cartId = savedCartId();
    const answer = move
      ? await visitor((api) =>
          api.POST('/api/v1/me/wishlists/{id}/items/{itemId}/move-to-cart', {
            params: { path },
            body: cartId ? { cartId } : {},
          }),
        )
      : await visitor((api) => api.DELETE('/api/v1/me/wishlists/{id}/items/{itemId}', { params: { path } }));
    if (!answer.response.ok) return setMessage({ ok: false, text: problemText(answer) });
    if (move && answer.data && 'status' in answer.data) saveCartId(answer.data.id);
    setMessage({ ok: true, text: move ? `${item.name} is in your cart.` : `${item.name} removed.` });
    setRound(round + 1);
  };
  const items = (lists ?? []).flatMap((list) => list.items.map((item) => ({ list, item })));
  return (
    <section aria-labelledby="wishlist-heading">
      <h2 id="wishlist-heading">Your wishlist</h2>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      {lists && items.length === 0 && <p>Nothing saved yet.</p>}
      <ul class="cart-lines">
        {items.map(({ list, item }) => (
          <li key={item.id}>
            <span class="name">{item.name}</span>
            <span class="price">{item.price ? formatMoney(item.price, props.language) : 'Unavailable'}</span>
            <button type="button" disabled={!item.available} onClick={() => void act(list, item, true)}>
              Move {item.name} to cart
            </button>
            <button type="button" class="link" onClick={() => void act(list, item, false)}>
              Remove {item.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
