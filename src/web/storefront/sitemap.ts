import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiFor } from '../api.ts';
import type { CategoryNode } from './types.ts';

/** The most products a sitemap lists (one file; the protocol allows 50,000 addresses). */
const MAX_PRODUCTS = 5_000;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

function flatten(nodes: CategoryNode[]): string[] {
  return nodes.flatMap((n) => [n.slug, ...flatten(n.children ?? [])]);
}

/** sitemap.xml: the home page, every category, the store's published terms and the active products, read through the API. */
export async function sitemap(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const api = apiFor(app, req);
  const origin = `${req.protocol}://${req.host}`;
  const categories = await api.get('/api/v1/categories');
  if (!categories.ok) return reply.code(categories.status).send();
  const terms = await api.get('/api/v1/terms');
  const urls = [
    '/',
    ...flatten(categories.body.items).map((slug) => `/categories/${encodeURIComponent(slug)}`),
    ...(terms.ok ? terms.body.items.map((t) => `/terms/${t.kind}`) : []),
  ];
  let cursor: string | undefined;
  for (let listed = 0; listed < MAX_PRODUCTS; ) {
    const page = await api.get('/api/v1/products', { query: { limit: '100', sort: 'newest', cursor } });
    if (!page.ok) break;
    urls.push(...page.body.items.map((p) => `/products/${encodeURIComponent(p.slug)}`));
    listed += page.body.items.length;
    if (!page.body.nextCursor) break;
    cursor = page.body.nextCursor;
  }
  const body = urls.map((u) => `<url><loc>${escapeXml(origin + u)}</loc></url>`).join('');
  return reply
    .type('application/xml; charset=utf-8')
    .send(
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`,
    );
}
