// Catalog reads on a seeded demo catalog (BENCH_CATALOG_PRODUCTS, default 100,000 products):
// product detail (rotating over many products), a category page, a filtered page with facets,
// search and autocomplete, each at concurrency 32.
import autocannon from 'autocannon';
import {
  type BenchOptions,
  type BenchSuite,
  json,
  type LoadResult,
  type RunningServer,
  startServer,
} from '../lib.ts';

const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 100_000);
const CONNECTIONS = 32;
/** Each load runs this many times on the same seeded server; the median (by req/s) is reported. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function loadPaths(name: string, server: RunningServer, options: BenchOptions, paths: string[]) {
  const runs: LoadResult[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await loadOnce(name, server, options, paths));
  runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = runs[Math.floor(runs.length / 2)]!;
  console.error(
    `${server.db} ${name}: ${runs.map((r) => `${r.requestsPerSecond} req/s p99 ${r.p99Ms} ms`).join(' | ')}`,
  );
  return median;
}

/** Like lib's load(), but cycling through several paths so caches and buffers see a spread of rows. */
async function loadOnce(
  name: string,
  server: RunningServer,
  options: BenchOptions,
  paths: string[],
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: options.durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }),
      },
    ],
  });
  return {
    name,
    db: server.db,
    connections: CONNECTIONS,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const suite: BenchSuite = {
  name: 'catalog',
  description: `catalog reads on a ${PRODUCTS.toLocaleString('en')}-product demo catalog, concurrency ${CONNECTIONS}, median of ${REPEAT} (read cache TTL ${process.env.CATALOG_CACHE_TTL_MS ?? '5000'} ms)`,
  async run(options) {
    const rows: LoadResult[] = [];
    for (const db of options.databases) {
      const started = performance.now();
      const server = await startServer(
        db,
        options,
        { SEED_DEMO: 'true', SEED_DEMO_PRODUCTS: String(PRODUCTS), WORKER_ENABLED: 'false' },
        7200,
      );
      console.error(
        `${db}: seeded ${PRODUCTS} products and ready in ${Math.round((performance.now() - started) / 1000)} s`,
      );
      try {
        const sample = await json<{ items: Array<{ slug: string }> }>(
          server,
          'GET',
          '/api/v1/products?limit=100&sort=rating',
        );
        const more = await json<{ items: Array<{ slug: string }> }>(
          server,
          'GET',
          '/api/v1/products?limit=100&sort=price_asc',
        );
        const slugs = [...sample.items, ...more.items].map((i) => `/api/v1/products/${i.slug}`);
        const categories = ['electronics', 'smartphones', 'fashion', 'headphones', 'laptops', 'cookware'];
        const searches = [
          'samsung galaxy',
          'wireless headphones',
          'cotton t-shirt',
          'laptop',
          'yoga mat',
          'iphnoe',
        ];

        rows.push(await loadPaths('product detail (200 products)', server, options, slugs));
        rows.push(
          await loadPaths(
            'category page, first page with facets',
            server,
            options,
            categories.map((c) => `/api/v1/products?category=${c}`),
          ),
        );
        rows.push(
          await loadPaths(
            'category page, no facets',
            server,
            options,
            categories.map((c) => `/api/v1/products?category=${c}&facets=false`),
          ),
        );
        rows.push(
          await loadPaths('filtered page with facets', server, options, [
            '/api/v1/products?category=smartphones&f.ram=8%20GB,12%20GB&minPrice=1000000&inStock=true&sort=price_asc',
            '/api/v1/products?category=headphones&f.wireless=true&brand=Sony,JBL',
            '/api/v1/products?category=fashion&maxPrice=150000&sort=rating',
          ]),
        );
        rows.push(
          await loadPaths(
            'search with facets',
            server,
            options,
            searches.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}`),
          ),
        );
        rows.push(
          await loadPaths(
            'autocomplete',
            server,
            options,
            ['iph', 'sam', 'wire', 'yog', 'lap', 'cot'].map((q) => `/api/v1/products/suggest?q=${q}`),
          ),
        );
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
