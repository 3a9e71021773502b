import zlib from 'node:zlib';
import { type BenchSuite, json, type LoadResult, load, type MetricRow, startServer } from '../lib.ts';

/**
 * Storefront pages rendered on the server at 32 connections on the 1,000-product demo catalog
 * (home, a category, a product), and what a page costs to load: a product page with its script,
 * the console's first load with its script and styles (gzipped).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** The gzipped kilobytes of a page and the files it links that `pattern` picks. */
async function linkedWeight(url: string, page: string, pattern: RegExp): Promise<number> {
  const html = await (await fetch(`${url}${page}`)).text();
  let bytes = zlib.gzipSync(html).length;
  for (const [, src] of html.matchAll(pattern))
    bytes += zlib.gzipSync(Buffer.from(await (await fetch(`${url}${src}`)).arrayBuffer())).length;
  return Math.round(bytes / 102.4) / 10;
}

async function weights(url: string, product: string): Promise<MetricRow[]> {
  const scripts = /<script type="module"[^>]* src="([^"]+)"/g;
  const assets = /(?:src|href)="(\/assets\/[^"]+)"/g;
  return [
    {
      name: 'storefront product page and its script (gzipped)',
      value: await linkedWeight(url, product, scripts),
      unit: 'KB',
    },
    {
      name: 'console first load: page, script and styles (gzipped)',
      value: await linkedWeight(url, '/admin', assets),
      unit: 'KB',
    },
  ];
}

const suite: BenchSuite = {
  name: 'web',
  description: `storefront pages rendered on the server (${CONNECTIONS} connections, 1,000-product demo), and page weights`,
  async run(options) {
    const rows: Array<LoadResult | MetricRow> = [];
    for (const db of options.databases) {
      const server = await startServer(db, options, { SEED_DEMO: 'true', WORKER_ENABLED: 'false' });
      try {
        const list = await json<{ items: Array<{ slug: string }> }>(
          server,
          'GET',
          '/api/v1/products?limit=100',
        );
        const categories = await json<{ items: Array<{ slug: string }> }>(
          server,
          'GET',
          '/api/v1/categories',
        );
        const pages = {
          home: '/',
          category: `/categories/${categories.items[0]!.slug}`,
          product: `/products/${list.items[0]!.slug}`,
        };
        for (const [name, path] of Object.entries(pages)) {
          await load(
            `warm-up ${name}`,
            server,
            { ...options, durationSeconds: 2 },
            { path, connections: CONNECTIONS },
          );
          rows.push(await load(`GET ${path} (${name})`, server, options, { path, connections: CONNECTIONS }));
        }
        // Many different pages at once: each request its own render (no two arrive together).
        const spread = [
          ...list.items.map((p) => `/products/${p.slug}`),
          ...categories.items.flatMap((c) =>
            ['relevance', 'newest', 'price_asc', 'price_desc'].map(
              (sort) => `/categories/${c.slug}?sort=${sort}`,
            ),
          ),
        ];
        rows.push(
          await load(`GET ${spread.length} different products and category pages (spread)`, server, options, {
            path: spread[0]!,
            paths: spread,
            connections: CONNECTIONS,
          }),
        );
        if (db === options.databases[0]) rows.push(...(await weights(server.url, pages.product)));
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
