import { type BazaarClient, createBazaarClient, type paths } from '../../client/index.ts';

/**
 * The browser's side of the storefront: the visitor's cart id and, once signed in, the buyer's
 * tokens (both in localStorage), and the typed client (src/client) that calls the API as them.
 */
const KEY = 'bazaar.cart';
const SESSION = 'bazaar.session';

export type Cart = paths['/api/v1/carts/{id}']['get']['responses'][200]['content']['application/json'];

export function savedCartId(): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
}

export function saveCartId(id: string | null): void {
  if (id) localStorage.setItem(KEY, id);
  else localStorage.removeItem(KEY);
}

/** The signed-in buyer's tokens (localStorage: the storefront keeps a buyer signed in). */
interface BuyerSession {
  accessToken: string;
  refreshToken: string;
}

export function buyerSession(): BuyerSession | null {
  if (typeof localStorage === 'undefined') return null;
  const raw = localStorage.getItem(SESSION);
  return raw ? (JSON.parse(raw) as BuyerSession) : null;
}

export function saveBuyerSession(value: BuyerSession | null): void {
  if (value) localStorage.setItem(SESSION, JSON.stringify(value));
  else localStorage.removeItem(SESSION);
}

let client: BazaarClient | undefined;

/** The typed client of this page's origin (made on first use: islands are also rendered on the server). */
function bazaar(): BazaarClient {
  client ??= createBazaarClient({
    baseUrl: window.location.origin,
    token: () => buyerSession()?.accessToken,
  });
  return client;
}

export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The buyer's tokens renewed; when they cannot be, the buyer is signed out (calls go on as a guest). */
async function renewed(): Promise<void> {
  const session = buyerSession();
  if (!session) return;
  const { data } = await bazaar().POST('/api/v1/auth/refresh', {
    body: { refreshToken: session.refreshToken },
  });
  saveBuyerSession(data ?? null);
}

/** Runs a call of the typed client as the visitor; a 401 with a session renews it and runs the call again. */
export async function visitor<T>(run: (api: BazaarClient) => Promise<Answer<T>>): Promise<Answer<T>> {
  const answer = await run(bazaar());
  if (answer.response.status !== 401 || !buyerSession()) return answer;
  await renewed();
  return run(bazaar());
}

/** What went wrong with a call, for people: the problem's detail or title. */
export function problemText(answer: { error?: unknown; response: Response }): string {
  const problem = (answer.error ?? {}) as { title?: string; detail?: string };
  return problem.detail ?? problem.title ?? `Request failed (${answer.response.status})`;
}

/** Adds one unit of an offer to the visitor's cart, making the cart first when there is none. */
export async function addToCart(offerId: string, quantity = 1): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let cartId = savedCartId();
    if (!cartId) {
      const made = await visitor((api) => api.POST('/api/v1/carts', {}));
      if (!made.data) throw new Error(problemText(made));
      cartId = made.data.id;
      saveCartId(cartId);
    }
    const id = cartId;
    const added = await visitor((api) =>
      api.POST('/api/v1/carts/{id}/items', { params: { path: { id } }, body: { offerId, quantity } }),
    );
    if (added.response.ok) return;
    if (added.response.status !== 404) throw new Error(problemText(added));
    saveCartId(null); // the cart is gone (checked out or expired): start another
  }
  throw new Error('The cart could not be found');
}
