import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { paths } from '../client/index.ts';
import { previewToken } from './storefront/preview.ts';

/** The API's paths that answer GET. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: { 200: unknown } } } ? P : never;
}[keyof paths];

/** What a GET of `P` answers with 200 (the typed client's own types). */
export type Answer200<P extends GetPath> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** An answer of the API: the data on 200, or the status and the problem. */
export type ApiAnswer<P extends GetPath> =
  | { ok: true; status: number; body: Answer200<P> }
  | { ok: false; status: number; body: { title?: string; detail?: string } };

/**
 * The storefront's way to the API on the server: the same public endpoints, typed by the client's
 * generated `paths` (src/client), answered in process (Fastify's inject, no socket) for the store
 * and client address of the page's request, so store resolution, rate limits and access rules
 * apply to a page as to any other caller. It does not go through openapi-fetch: building a
 * WHATWG Request and Response around every in-process call cost 13–27% of the pages/s
 * (`npm run bench -- web`).
 */
export function apiFor(app: FastifyInstance, req: FastifyRequest) {
  const headers: Record<string, string> = {};
  for (const name of ['host', 'x-store-id', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // the visitor's preview link of a store not published yet (storefront/preview.ts)
  const preview = previewToken(req);
  if (preview) headers['x-store-preview'] = preview;
  return {
    async get<P extends GetPath>(
      path: P,
      params: { path?: Record<string, string>; query?: Record<string, string | undefined> } = {},
    ): Promise<ApiAnswer<P>> {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(params.path?.[name] ?? ''),
      );
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params.query ?? {})) if (value) search.set(key, value);
      const res = await app.inject({
        method: 'GET',
        url: search.size > 0 ? `${url}?${search}` : url,
        headers,
        remoteAddress: req.ip,
      });
      return { ok: res.statusCode === 200, status: res.statusCode, body: res.json() } as ApiAnswer<P>;
    },
  };
}

export type Api = ReturnType<typeof apiFor>;
