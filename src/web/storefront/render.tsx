/** @jsxImportSource preact */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { renderToString } from 'preact-render-to-string';
import { type Api, apiFor } from '../api.ts';
import type { EntryAssets } from '../assets.ts';
import { Layout } from './layout.tsx';
import type { Page, PageInput } from './pages.tsx';
import type { StoreInfo } from './types.ts';

export type PageHandler = (input: PageInput) => Promise<Page>;

/** A page without the store (unknown, suspended): the API's own answer, as a page. */
function storeProblem(reply: FastifyReply, status: number, title: string) {
  const html = renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
        </main>
      </body>
    </html>,
  );
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>${html}`);
}

/**
 * The store a page is for, by the request's host and store header: kept 5 seconds per server
 * (the API's own store lookup is cached 30 seconds), so a page makes one call fewer. Only a found
 * store is kept; a missing or suspended one is asked again each time.
 */
const stores = new WeakMap<FastifyInstance, LRUCache<string, StoreInfo>>();

async function storeOf(app: FastifyInstance, req: FastifyRequest, api: Api) {
  let cache = stores.get(app);
  if (!cache) {
    cache = new LRUCache<string, StoreInfo>({ max: 1_000, ttl: 5_000 });
    stores.set(app, cache);
  }
  const key = `${req.headers.host ?? ''}|${req.headers['x-store-id'] ?? ''}`;
  const known = cache.get(key);
  if (known) return { ok: true as const, status: 200, body: known };
  const answer = await api.get('/api/v1/store');
  if (answer.ok) cache.set(key, answer.body);
  return answer;
}

/**
 * Renders a storefront page on the server: the store first (its name, language and currency),
 * then the page's own calls to the API, then the whole document as one string.
 */
export async function renderPage(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: PageHandler,
  assets: EntryAssets | null,
) {
  const api = apiFor(app, req);
  const store = await storeOf(app, req, api);
  if (!store.ok) return storeProblem(reply, store.status, store.body.title ?? 'Unavailable');
  const page = await handler({
    api,
    store: store.body,
    params: req.params as Record<string, string>,
    query: req.query as Record<string, string | undefined>,
  });
  const html = renderToString(
    <Layout
      store={store.body}
      meta={page.meta}
      origin={`${req.protocol}://${req.host}`}
      assets={assets}
      query={page.query}
    >
      {page.body}
    </Layout>,
  );
  return reply
    .code(page.status)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
