// The web apps: the storefront, rendered on the server from the public API, and the consoles
// (/admin, /seller, /agent, /platform), a single-page app over the same API. Browser files come from the
// Vite build in dist/web (`npm run build:web`, run by `prepare`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../platform/observability/logger.ts';
import { readAssets, type WebAssets } from './assets.ts';
import { PLACEHOLDER_NAME, placeholderSvg } from './placeholder.ts';
import * as pages from './storefront/pages.tsx';
import { type PageHandler, renderPage } from './storefront/render.tsx';
import { sitemap } from './storefront/sitemap.ts';
import * as terms from './storefront/terms.tsx';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

const STOREFRONT: Array<[string, PageHandler]> = [
  ['/', pages.home],
  ['/categories/:slug', pages.category],
  ['/products/:slug', pages.product],
  ['/search', pages.search],
  ['/cart', pages.cart],
  ['/checkout', pages.checkout],
  // where PayPal sends the buyer back after approving (or cancelling) the payment
  ['/checkout/paypal/return', pages.paypalReturn],
  ['/account', pages.account],
  ['/account/reviews', pages.myReviews],
  ['/account/quotes', pages.myQuotes],
  ['/account/payment-methods', pages.paymentMethods],
  ['/account/notifications', pages.myNotifications],
  ['/account/notifications/preferences', pages.notificationPreferences],
  ['/account/reset', pages.resetPassword],
  // the address the password reset mail links to
  ['/account/reset-password', pages.resetPassword],
  // the address the verification mail links to
  ['/account/verify-email', pages.verifyEmail],
  ['/policies/:kind', pages.policy],
  ['/terms/:kind', terms.terms],
  ['/terms/:kind/versions/:version', terms.termsVersion],
];

const CONSOLES = ['/admin', '/seller', '/agent', '/platform'];

const ROBOTS = [
  'User-agent: *',
  'Allow: /',
  ...['/admin', '/seller', '/agent', '/platform', '/cart', '/checkout', '/account'].map(
    (p) => `Disallow: ${p}`,
  ),
];

export async function registerWeb(
  app: FastifyInstance,
  options: { dir?: string; log: Logger },
): Promise<void> {
  const dir = options.dir ?? DEFAULT_WEB_DIR;
  const assets = readAssets(dir);
  if (!assets)
    options.log.warn(
      { dir },
      'web build not found: pages are served without their scripts (run npm run build:web)',
    );
  else await serveAssets(app, assets);
  const hide = { schema: { hide: true } };
  for (const [url, handler] of STOREFRONT)
    app.get(url, hide, (req, reply) => renderPage(app, req, reply, handler, assets?.storefront ?? null));
  app.get('/robots.txt', hide, (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send([...ROBOTS, `Sitemap: ${req.protocol}://${req.host}/sitemap.xml`, ''].join('\n')),
  );
  app.get('/sitemap.xml', hide, (req, reply) => sitemap(app, req, reply));
  // the service worker shows web push messages; at the root, so it may serve the whole site
  const serviceWorker = fs.readFileSync(path.join(import.meta.dirname, 'storefront', 'sw.js'), 'utf8');
  app.get('/sw.js', hide, (_req, reply) =>
    reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(serviceWorker),
  );
  app.get<{ Params: { name: string } }>('/placeholders/:name', hide, (req, reply) => {
    const name = req.params.name.replace(/\.svg$/, '');
    if (!req.params.name.endsWith('.svg') || !PLACEHOLDER_NAME.test(name)) return reply.callNotFound();
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('image/svg+xml')
      .send(placeholderSvg(name));
  });
  // Any other address a browser asks for is the storefront's 404 page; the API's stay problem+json.
  app.get('/*', hide, (req, reply) => {
    const wantsPage = !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.callNotFound();
    return renderPage(
      app,
      req,
      reply,
      async ({ store }) => pages.notFound(store),
      assets?.storefront ?? null,
    );
  });
  for (const base of CONSOLES)
    for (const url of [base, `${base}/*`])
      app.get(url, hide, (_req, reply) =>
        assets
          ? reply
              .header('cache-control', 'no-cache')
              .type('text/html; charset=utf-8')
              .send(assets.consoleHtml)
          : reply
              .code(503)
              .type('text/plain; charset=utf-8')
              .send('The console is not built: run npm run build:web'),
      );
}

/** Hashed files: a year in every cache, never revalidated (a new build has new names). */
async function serveAssets(app: FastifyInstance, assets: WebAssets): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(assets.dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'public, max-age=31536000, immutable'),
  });
}
