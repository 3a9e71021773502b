/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../client/index.ts';
import {
  buyerSession,
  problemText,
  saveBuyerSession,
  saveCartId,
  savedCartId,
  visitor,
} from './cart-store.ts';
import { formatMoney } from './format.ts';

type Order = paths['/api/v1/orders']['get']['responses'][200]['content']['application/json']['items'][number];

/** Signs in; a guest cart of this browser is merged into the account's cart. */
async function signIn(email: string, password: string): Promise<string | null> {
  const login = await visitor((api) => api.POST('/api/v1/auth/login', { body: { email, password } }));
  if (!login.data) return problemText(login);
  saveBuyerSession(login.data);
  const guestCart = savedCartId();
  if (guestCart) {
    const path = { id: guestCart };
    const merged = await visitor((api) => api.POST('/api/v1/carts/{id}/merge', { params: { path } }));
    saveCartId(merged.data?.id ?? null);
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
    void visitor((api) => api.GET('/api/v1/orders', { params: { query: { limit: 20 } } })).then((answer) => {
      if (answer.response.status === 401) return props.onSignedOut();
      if (!answer.data) return setProblem(problemText(answer));
      setOrders(answer.data.items);
    });
  }, [props]);
  const signOut = async () => {
    const session = buyerSession();
    const refreshToken = session?.refreshToken;
    if (refreshToken) await visitor((api) => api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
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
