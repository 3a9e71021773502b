import type { Server } from '../../src/server.ts';
import type { TestStore } from './stores.ts';
import type { TestUser } from './users.ts';

export type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where calls come from: `from` is the client address the server sees (default 127.0.0.1). */
export interface CallOptions {
  from?: string;
}

function send(
  server: Server,
  method: Method,
  url: string,
  payload: unknown,
  headers: Headers,
  from?: string,
) {
  return server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(from ? { remoteAddress: from } : {}),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** The answer of a call: status, headers, body and a typed `json<T>()`. */
export type Answer = Awaited<ReturnType<typeof send>>;

/** Calls under /api/v1 carrying the same headers; per-call headers add to (or override) them. */
export interface Client {
  get(url: string, headers?: Headers): Promise<Answer>;
  del(url: string, headers?: Headers): Promise<Answer>;
  post(url: string, body?: unknown, headers?: Headers): Promise<Answer>;
  put(url: string, body?: unknown, headers?: Headers): Promise<Answer>;
  patch(url: string, body?: unknown, headers?: Headers): Promise<Answer>;
}

function client(server: Server, base: Headers, options: CallOptions = {}): Client {
  const call =
    (method: Method) =>
    (url: string, body?: unknown, headers: Headers = {}) =>
      send(server, method, url, body, { ...base, ...headers }, options.from);
  return {
    get: (url, headers) => call('GET')(url, undefined, headers),
    del: (url, headers) => call('DELETE')(url, undefined, headers),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
  };
}

/** The header that addresses `storeId`, or none for the default store (which needs none). */
function storeHeader(server: Server, storeId: string): Headers {
  return storeId === server.modules.tenancy.defaultStore().id ? {} : { 'x-store-id': storeId };
}

/** Calls signed in as `user`, addressed to the user's store: `await as(buyer).post('/carts')`. */
export function as(user: TestUser, options: CallOptions = {}): Client {
  return client(user.server, { ...user.headers, ...storeHeader(user.server, user.storeId) }, options);
}

/** Calls without a session, to the default store of a server or to the given store. */
export function anonymous(target: Server | TestStore, options: CallOptions = {}): Client {
  return 'server' in target
    ? client(target.server, storeHeader(target.server, target.id), options)
    : client(target, {}, options);
}

/** Calls under /api/v1 with headers given per call. */
export function api(server: Server): Client {
  return client(server, {});
}

/** Every item of a list, following nextCursor. */
export async function listAll(server: Server, query: string, headers: Headers = {}) {
  const items: Array<{ id: string; [key: string]: unknown }> = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = query.includes('?') ? '&' : '?';
    const url: string = `${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api(server).get(url, headers);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** The JSON body of a call that must succeed (2xx); anything else throws with the answer. */
export async function ok<T = any>(answer: Promise<Answer> | Answer): Promise<T> {
  const res = await answer;
  if (res.statusCode < 200 || res.statusCode > 299) {
    throw new Error(`${res.statusCode} ${res.body}`);
  }
  return (res.body ? res.json<T>() : undefined) as T;
}
