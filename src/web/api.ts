import type { FastifyInstance, FastifyRequest } from 'fastify';

/** An answer of the API: its status and parsed JSON body. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * The storefront's way to the API on the server: the same public endpoints a third-party client
 * calls, answered in process (no socket) for the store and client address of the page's request,
 * so store resolution, rate limits and access rules apply to a page as to any other caller.
 */
export function apiFor(app: FastifyInstance, req: FastifyRequest) {
  const headers: Record<string, string> = {};
  for (const name of ['host', 'x-store-id', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return {
    async get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<ApiAnswer<T>> {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
      const qs = search.size > 0 ? `?${search}` : '';
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1${path}${qs}`,
        headers,
        remoteAddress: req.ip,
      });
      return { status: res.statusCode, body: res.json() as T };
    },
  };
}

export type Api = ReturnType<typeof apiFor>;
