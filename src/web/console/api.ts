/**
 * The consoles' way to the API: the typed client (src/client) with the signed-in user's access
 * token, renewed once with the refresh token when a call answers 401. Tokens live in
 * sessionStorage, so closing the tab signs out.
 */
import { createBazaarClient, type Problem } from '../../client/index.ts';

const KEY = 'bazaar.console.session';

interface Session {
  accessToken: string;
  refreshToken: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export function session(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(value: Session | null): void {
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

/** The typed client of this origin, sending the session's access token. */
export const bazaar = createBazaarClient({
  baseUrl: window.location.origin,
  token: () => session()?.accessToken,
});

async function renewed(): Promise<boolean> {
  const current = session();
  if (!current) return false;
  const { data } = await bazaar.POST('/api/v1/auth/refresh', {
    body: { refreshToken: current.refreshToken },
  });
  saveSession(data ?? null);
  return Boolean(data);
}

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
  if (roles.some((r) => !held.includes(r))) await renewed();
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs a call of the typed client and answers its data; on 401 with a session it renews the
 * tokens once and runs the call again. A problem answer is thrown as an ApiError.
 */
export async function call<T>(run: () => Promise<Answer<T>>): Promise<T> {
  let answer = await run();
  if (answer.response.status === 401 && (await renewed())) answer = await run();
  if (answer.error === undefined && answer.response.ok) return answer.data as T;
  const given = answer.error && typeof answer.error === 'object' ? (answer.error as Problem) : null;
  throw new ApiError({
    type: 'about:blank',
    title: `Request failed (${answer.response.status})`,
    ...given,
    status: answer.response.status,
  });
}
