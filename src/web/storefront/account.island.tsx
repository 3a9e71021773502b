/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import {
  apiSend,
  buyerSession,
  problemText,
  saveBuyerSession,
  saveCartId,
  savedCartId,
} from './cart-store.ts';
import { formatMoney, type Money } from './format.ts';

interface Order {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  totals: { total: Money };
}

/** Signs in; a guest cart of this browser is merged into the account's cart. */
async function signIn(email: string, password: string): Promise<string | null> {
  const res = await apiSend('POST', '/auth/login', { email, password });
  if (!res.ok) return problemText(res);
  saveBuyerSession((await res.json()) as { accessToken: string; refreshToken: string });
  const guestCart = savedCartId();
  if (guestCart) {
    const merged = await apiSend('POST', `/carts/${guestCart}/merge`);
    saveCartId(merged.ok ? ((await merged.json()) as { id: string }).id : null);
  }
  return null;
}

function SignInForm(props: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const failed = await signIn(email, password);
    if (failed) return setProblem(failed);
    props.onSignedIn();
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for="account-email">Email</label>
        <input
          id="account-email"
          type="email"
          autocomplete="username"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="account-password">Password</label>
        <input
          id="account-password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </div>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Sign in</button>
    </form>
  );
}

function Orders(props: { language: string; onSignedOut: () => void }) {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void apiSend('GET', '/orders?limit=20').then(async (res) => {
      if (res.status === 401) return props.onSignedOut();
      if (!res.ok) return setProblem(await problemText(res));
      setOrders(((await res.json()) as { items: Order[] }).items);
    });
  }, [props]);
  const signOut = async () => {
    const session = buyerSession();
    if (session) await apiSend('POST', '/auth/logout', { refreshToken: session.refreshToken });
    saveBuyerSession(null);
    saveCartId(null);
    props.onSignedOut();
  };
  return (
    <section aria-label="Your orders">
      <h2>Your orders</h2>
      {problem && <p role="alert">{problem}</p>}
      {orders === null && !problem && <p>Loading your orders…</p>}
      {orders?.length === 0 && <p>No orders yet.</p>}
      <ul class="cart-lines">
        {orders?.map((o) => (
          <li key={o.id}>
            <span class="name">Order {o.number}</span>
            <span>{o.status}</span>
            <span class="price">{formatMoney(o.totals.total, props.language)}</span>
            <span>{new Date(o.placedAt).toLocaleDateString(props.language)}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  );
}

/** The account page: sign in, then the buyer's orders. */
export function AccountPanel(props: { language: string }) {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => setSignedIn(Boolean(buyerSession())), []);
  if (signedIn === null) return <p>Loading…</p>;
  return signedIn ? (
    <Orders language={props.language} onSignedOut={() => setSignedIn(false)} />
  ) : (
    <SignInForm onSignedIn={() => setSignedIn(true)} />
  );
}
