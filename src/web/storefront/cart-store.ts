/**
 * The browser's cart: the id of the cart the API made for this visitor, kept in localStorage
 * (a guest cart is reached by its id; signing in merges it into the account's cart).
 */
const KEY = 'bazaar.cart';

export function savedCartId(): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
}

export function saveCartId(id: string | null): void {
  if (id) localStorage.setItem(KEY, id);
  else localStorage.removeItem(KEY);
}

/** A problem document of the API, or a plain message. */
export async function problemText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { title?: string; detail?: string };
    return body.detail ?? body.title ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}

const SESSION = 'bazaar.session';

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

function call(method: string, path: string, body: unknown, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A call to the API as the visitor: signed in when there is a session, renewed once on 401. */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const session = buyerSession();
  const res = await call(method, path, body, session?.accessToken);
  if (res.status !== 401 || !session) return res;
  const renewed = await call('POST', '/auth/refresh', { refreshToken: session.refreshToken }, undefined);
  if (!renewed.ok) {
    saveBuyerSession(null);
    return call(method, path, body, undefined);
  }
  const next = (await renewed.json()) as BuyerSession;
  saveBuyerSession(next);
  return call(method, path, body, next.accessToken);
}

/** Adds one unit of an offer to the visitor's cart, making the cart first when there is none. */
export async function addToCart(offerId: string, quantity = 1): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let cartId = savedCartId();
    if (!cartId) {
      const made = await send('POST', '/carts', {});
      if (!made.ok) throw new Error(await problemText(made));
      cartId = ((await made.json()) as { id: string }).id;
      saveCartId(cartId);
    }
    const res = await send('POST', `/carts/${cartId}/items`, { offerId, quantity });
    if (res.ok) return;
    if (res.status !== 404) throw new Error(await problemText(res));
    saveCartId(null); // the cart is gone (checked out or expired): start another
  }
  throw new Error('The cart could not be found');
}

export { send as apiSend };
