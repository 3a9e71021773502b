/** @jsxImportSource preact */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { renderToString } from 'preact-render-to-string';
import { coalescing } from '../../platform/db/coalesce.ts';
import { type Api, apiFor } from '../api.ts';
import type { EntryAssets } from '../assets.ts';
import { Layout } from './layout.tsx';
import type { Page, PageInput } from './pages.tsx';
import { previewToken, takePreviewLink } from './preview.ts';
import type { StoreInfo } from './types.ts';

export type PageHandler = (input: PageInput) => Promise<Page>;

/**
 * A page without the store (unknown, not published, suspended): the API's own answer, as a page
 * with its status (404; 503 `store-suspended` is "Temporarily unavailable").
 */
function storeProblem(problem: { title?: string; detail?: string }): string {
  const title = problem.title ?? 'Unavailable';
  const html = renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {problem.detail && <p>{problem.detail}</p>}
        </main>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
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
  const key = `${req.headers.host ?? ''}|${req.headers['x-store-id'] ?? ''}|${previewToken(req) ?? ''}`;
  const known = cache.get(key);
  if (known) return { ok: true as const, status: 200, body: known };
  const answer = await api.get('/api/v1/store');
  if (answer.ok) cache.set(key, answer.body);
  return answer;
}

interface Rendered {
  status: number;
  html: string;
}

/**
 * Renders a storefront page on the server: the store first (its name, language and currency),
 * then the page's own calls to the API, then the whole document as one string.
 */
async function render(
  app: FastifyInstance,
  req: FastifyRequest,
  handler: PageHandler,
  assets: EntryAssets | null,
): Promise<Rendered> {
  const api = apiFor(app, req);
  const store = await storeOf(app, req, api);
  if (!store.ok) return { status: store.status, html: storeProblem(store.body) };
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
  return { status: page.status, html: `<!doctype html>${html}` };
}

/**
 * What a page's HTML depends on besides the data: its address, the store's host and header, the
 * language asked for and the scheme. Pages are the same for every visitor (what is personal, the
 * cart and the account, is drawn in the browser), so requests with the same key share a render.
 */
function keyOf(req: FastifyRequest): string {
  const h = req.headers;
  const preview = previewToken(req) ?? '';
  return [req.protocol, req.host, h['x-store-id'] ?? '', preview, h['accept-language'] ?? '', req.url].join(
    '|',
  );
}

interface PageJob {
  key: string;
  req: FastifyRequest;
  handler: PageHandler;
}

/**
 * Identical page requests arriving together are rendered once: a batch of requests starts on the
 * next turn of the event loop, or, while four batches are rendering, when one ends, and each
 * distinct page in it is rendered once for all who asked. A request never joins a render that
 * started before it arrived, so it never sees data older than itself; under load a hot page
 * costs one render per batch instead of one per visitor.
 */
const renderers = new WeakMap<FastifyInstance, (job: PageJob) => Promise<Rendered>>();

function rendererOf(app: FastifyInstance, assets: EntryAssets | null) {
  let renderer = renderers.get(app);
  if (!renderer) {
    renderer = coalescing<PageJob, Rendered>(
      (jobs) => {
        const once = new Map<string, Promise<Rendered | Error>>();
        for (const job of jobs)
          if (!once.has(job.key))
            once.set(
              job.key,
              render(app, job.req, job.handler, assets).catch((error: unknown) =>
                error instanceof Error ? error : new Error(String(error)),
              ),
            );
        return Promise.all(jobs.map((job) => once.get(job.key)!));
      },
      { maxInFlight: 4, maxBatchSize: 256 },
    );
    renderers.set(app, renderer);
  }
  return renderer;
}

/** Answers a storefront page, rendered on the server (shared with identical requests arriving together). */
export async function renderPage(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: PageHandler,
  assets: EntryAssets | null,
) {
  if (takePreviewLink(req, reply)) return reply;
  const page = await rendererOf(app, assets)({ key: keyOf(req), req, handler });
  return reply
    .code(page.status)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(page.html);
}
