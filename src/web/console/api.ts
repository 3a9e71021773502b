/**
 * The consoles' way to the API: the public endpoints with the signed-in user's access token,
 * renewed once with the refresh token when it has expired. Tokens live in sessionStorage, so
 * closing the tab signs out.
 */
const KEY = 'bazaar.console.session';

interface Session {
  accessToken: string;
  refreshToken: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Array<{ pointer: string; detail: string }>;
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

async function send(method: string, path: string, body: unknown, token: string | undefined) {
  const headers: Record<string, string> = {};
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type : 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: raw ? body : JSON.stringify(body) }),
  });
}

async function refreshed(): Promise<string | null> {
  const current = session();
  if (!current) return null;
  const res = await send('POST', '/auth/refresh', { refreshToken: current.refreshToken }, undefined);
  if (!res.ok) {
    saveSession(null);
    return null;
  }
  const next = (await res.json()) as Session;
  saveSession(next);
  return next.accessToken;
}

/** Calls the API (a Blob body is sent as it is, with its own type); a problem answer becomes an ApiError, a lost session one with status 401. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res = await send(method, path, body, session()?.accessToken);
  if (res.status === 401 && session()) {
    const token = await refreshed();
    if (token) res = await send(method, path, body, token);
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ title: `Request failed (${res.status})`, ...json, status: res.status });
  return json as T;
}
