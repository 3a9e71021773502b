import zlib from 'node:zlib';
import { type BenchSuite, json, type LoadResult, load, type MetricRow, startServer } from '../lib.ts';

/**
 * Storefront pages rendered on the server at 32 connections on the 1,000-product demo catalog
 * (home, a category, a product), and the script a storefront page ships (gzipped).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function scriptWeight(url: string): Promise<MetricRow> {
  const home = await (await fetch(`${url}/`)).text();
  const scripts = [...home.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const src of scripts)
    bytes += zlib.gzipSync(Buffer.from(await (await fetch(`${url}${src}`)).arrayBuffer())).length;
  return {
    name: 'script shipped per storefront page (gzipped)',
    value: Math.round(bytes / 102.4) / 10,
    unit: 'KB',
  };
}

const suite: BenchSuite = {
  name: 'web',
  description: `storefront pages rendered on the server (${CONNECTIONS} connections, 1,000-product demo), and their script`,
  async run(options) {
    const rows: Array<LoadResult | MetricRow> = [];
    for (const db of options.databases) {
      const server = await startServer(db, options, { SEED_DEMO: 'true', WORKER_ENABLED: 'false' });
      try {
        const list = await json<{ items: Array<{ slug: string }> }>(
          server,
          'GET',
          '/api/v1/products?limit=1',
        );
        const category = (await json<{ items: Array<{ slug: string }> }>(server, 'GET', '/api/v1/categories'))
          .items[0]!;
        const pages = {
          home: '/',
          category: `/categories/${category.slug}`,
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
        if (db === options.databases[0]) rows.push(await scriptWeight(server.url));
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
