/**
 * The typed way to call Bazaar from TypeScript: openapi-fetch over the types generated from the
 * server's OpenAPI document (./openapi.d.ts, `npm run client`). Paths, parameters, bodies, answers
 * and problem+json errors are all checked by the compiler; see docs/api.md.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi.d.ts';

export type { components, paths };

/** Every error answer: an RFC 9457 problem document (`type` is `/problems/<code>`). */
export type Problem = components['schemas']['Problem'];

export type BazaarClient = Client<paths>;

export interface BazaarClientOptions {
  /** The server's origin, e.g. `https://shop.example.com` (the paths carry `/api/v1`). */
  baseUrl: string;
  /** The access token to send as `Authorization: Bearer …`, or a function read on every call. */
  token?: string | (() => string | null | undefined);
  /** The store to address (`X-Store-Id`) when the host name does not select it. */
  storeId?: string;
  /** A fetch of your own (tests, instrumentation); the global one otherwise. */
  fetch?: ClientOptions['fetch'];
}

export function createBazaarClient(options: BazaarClientOptions): BazaarClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.storeId ? { headers: { 'x-store-id': options.storeId } } : {}),
  });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      onRequest({ request }) {
        const current = typeof token === 'function' ? token() : token;
        if (current) request.headers.set('authorization', `Bearer ${current}`);
        return request;
      },
    });
  }
  return client;
}

/** An error answer as a thrown Error carrying its problem document (see `expectData`). */
export class BazaarError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'BazaarError';
  }
}

/**
 * The data of a call, or a BazaarError for its problem: for code that would rather throw than
 * check `error` after every call. `const me = await expectData(bazaar.GET('/api/v1/me'))`.
 */
export async function expectData<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error === undefined && response.ok) return data as T;
  const problem =
    error && typeof error === 'object'
      ? (error as Problem)
      : { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  throw new BazaarError(response.status, problem);
}
