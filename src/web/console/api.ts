/**
 * The consoles' way to the API: the typed client (src/client) with the signed-in account's access
 * token, renewed once with the refresh token when a call answers 401. Tokens live in
 * sessionStorage, so closing the tab signs out. The store's consoles (/admin, /seller, /agent)
 * keep a store account's session; the platform console (/platform) keeps a platform account's,
 * renewed in the platform realm.
 */
import { createBazaarClient, type Problem } from '../../client/index.ts';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** A platform account's session bound to this store, handed over by the platform console (see `adoptHandover`). */
  handedOver?: boolean;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

type RefreshPath = '/api/v1/auth/refresh' | '/api/v1/platform/auth/refresh';

/** A session kept under `key` in sessionStorage, its typed client, and its calls. */
export function sessionApi(key: string, refreshPath: RefreshPath) {
  const session = (): Session | null => {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Session) : null;
  };
  const saveSession = (value: Session | null): void => {
    if (value) sessionStorage.setItem(key, JSON.stringify(value));
    else sessionStorage.removeItem(key);
  };
  const client = createBazaarClient({
    baseUrl: window.location.origin,
    token: () => session()?.accessToken,
  });
  const renewed = async (): Promise<boolean> => {
    const current = session();
    if (!current?.refreshToken) return false;
    const { data } = await client.POST(refreshPath, { body: { refreshToken: current.refreshToken } });
    saveSession(data ?? null);
    return Boolean(data);
  };
  /**
   * Runs a call of the typed client and answers its data; on 401 with a session it renews the
   * tokens once and runs the call again. A problem answer is thrown as an ApiError. A handed-over
   * session that has expired is dropped, so the console asks to sign in again.
   */
  const call = async <T>(run: () => Promise<Answer<T>>): Promise<T> => {
    let answer = await run();
    if (answer.response.status === 401) {
      if (await renewed()) answer = await run();
      else if (session()?.handedOver) {
        saveSession(null);
        window.location.reload();
      }
    }
    if (answer.error === undefined && answer.response.ok) return answer.data as T;
    const given = answer.error && typeof answer.error === 'object' ? (answer.error as Problem) : null;
    throw new ApiError({
      type: 'about:blank',
      title: `Request failed (${answer.response.status})`,
      ...given,
      status: answer.response.status,
    });
  };
  return { session, saveSession, client, renewed, call };
}

const store = sessionApi('bazaar.console.session', '/api/v1/auth/refresh');

export const session = store.session;
export const saveSession = store.saveSession;
/** The typed client of this origin, sending the store console's session's access token. */
export const bazaar = store.client;
export const call = store.call;

/** The roles the session's access token carries: what the API honours until the token is renewed. */
function tokenRoles(): string[] {
  const payload = session()?.accessToken.split('.')[1];
  if (!payload) return [];
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { roles?: string[] };
  return claims.roles ?? [];
}

/**
 * Renews the session when the account holds roles its token does not (a seller approved since it
 * signed in), so the API honours them at once.
 */
export async function renewForRoles(roles: string[]): Promise<void> {
  const held = tokenRoles();
  if (roles.some((r) => !held.includes(r))) await store.renewed();
}

/**
 * The fragment the platform console opens a store's /admin with:
 * `#platform-session={access token}&refresh={refresh token}`, a session bound to this store
 * (POST /platform/stores/{id}/session, decision 019).
 */
export const HANDOVER = 'platform-session';

/** The address of a store's console opened with a store-bound session. */
export function handoverUrl(
  origin: string,
  tokens: { accessToken: string; refreshToken: string },
  page = '/admin',
): string {
  const fragment = new URLSearchParams({ [HANDOVER]: tokens.accessToken, refresh: tokens.refreshToken });
  return `${origin}${page}#${fragment.toString()}`;
}

/**
 * A platform account arriving from the platform console: a session bound to this store comes in
 * the address's fragment (never sent to a server, so never in a log or a Referer), is kept as this
 * tab's session of the store's console and taken out of the address and the history at once. It is
 * renewed here (POST /auth/refresh), in this store only; when it ends the console asks to sign in.
 */
export function adoptHandover(): void {
  if (!window.location.hash.startsWith(`#${HANDOVER}=`)) return;
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  const accessToken = fragment.get(HANDOVER) ?? '';
  const refreshToken = fragment.get('refresh') ?? '';
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(accessToken) && /^[\w-]{20,}$/.test(refreshToken))
    saveSession({ accessToken, refreshToken, handedOver: true });
}
