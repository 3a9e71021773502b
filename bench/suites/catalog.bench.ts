// Catalog reads on a seeded demo catalog (`--products`, or BENCH_CATALOG_PRODUCTS, default 100,000):
// product detail (rotating over many products), category pages, filtered pages with facets, broad
// and narrow searches and autocomplete, at concurrency 32 (`--connections`). `--cache off` turns
// the read cache off (CATALOG_CACHE_TTL_MS=0) and defaults to concurrency 4: it measures the queries.
// The seeding time (server start with SEED_DEMO, migrations and stock included) is reported too.
import autocannon from 'autocannon';
import {
  type BenchOptions,
  type BenchSuite,
  json,
  type LoadResult,
  type MetricRow,
  type RunningServer,
  startServer,
} from '../lib.ts';

const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 100_000);
const CONNECTIONS = 32;
const UNCACHED_CONNECTIONS = 4;
/** Each load runs this many times on the same seeded server; the median (by req/s) is reported. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

interface Run {
  server: RunningServer;
  options: BenchOptions;
  connections: number;
}

async function loadPaths(name: string, { server, options, connections }: Run, paths: string[]) {
  const runs: LoadResult[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await loadOnce(name, server, options, paths, connections));
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
  connections: number,
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: server.url,
    connections,
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
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const CATEGORIES = ['electronics', 'smartphones', 'fashion', 'headphones', 'laptops', 'cookware'];
const FILTERED = [
  '/api/v1/products?category=smartphones&f.ram=8%20GB,12%20GB&minPrice=1000000&inStock=true&sort=price_asc',
  '/api/v1/products?category=headphones&f.wireless=true&brand=Sony,JBL',
  '/api/v1/products?category=fashion&maxPrice=150000&sort=rating',
];
/** Every demo description says what the product "brings": a word in every product. */
const BROAD = ['brings', 'brings quality', 'bring'];
const NARROW = ['samsung galaxy', 'wireless headphones', 'cotton t-shirt', 'laptop', 'yoga mat', 'iphnoe'];

async function productPaths(server: RunningServer): Promise<string[]> {
  const pages = await Promise.all(
    ['rating', 'price_asc', 'newest'].map((sort) =>
      json<{ items: Array<{ slug: string }> }>(server, 'GET', `/api/v1/products?limit=100&sort=${sort}`),
    ),
  );
  return pages.flatMap((p) => p.items).map((i) => `/api/v1/products/${i.slug}`);
}

async function loads(run: Run): Promise<LoadResult[]> {
  const list = (params: string[]) => params.map((p) => `/api/v1/products?${p}`);
  return [
    await loadPaths('product detail (300 products)', run, await productPaths(run.server)),
    await loadPaths(
      'category page, first page with facets',
      run,
      list(CATEGORIES.map((c) => `category=${c}`)),
    ),
    await loadPaths(
      'category page, no facets',
      run,
      list(CATEGORIES.map((c) => `category=${c}&facets=false`)),
    ),
    await loadPaths('category page, price order, page 2', run, await secondPages(run.server)),
    await loadPaths('filtered page with facets', run, FILTERED),
    await loadPaths(
      'broad search with facets (every product)',
      run,
      list(BROAD.map((q) => `q=${encodeURIComponent(q)}`)),
    ),
    await loadPaths('search with facets', run, list(NARROW.map((q) => `q=${encodeURIComponent(q)}`))),
    await loadPaths(
      'autocomplete',
      run,
      ['iph', 'sam', 'wire', 'yog', 'lap', 'cot'].map((q) => `/api/v1/products/suggest?q=${q}`),
    ),
  ];
}

/** The second page of each category in price order: a keyset continuation. */
async function secondPages(server: RunningServer): Promise<string[]> {
  const paths: string[] = [];
  for (const c of CATEGORIES) {
    const first = await json<{ nextCursor: string | null }>(
      server,
      'GET',
      `/api/v1/products?category=${c}&sort=price_asc&facets=false`,
    );
    if (first.nextCursor)
      paths.push(
        `/api/v1/products?category=${c}&sort=price_asc&cursor=${encodeURIComponent(first.nextCursor)}`,
      );
  }
  return paths;
}

const suite: BenchSuite = {
  name: 'catalog',
  description: `catalog reads on a seeded demo catalog (--products, default ${PRODUCTS.toLocaleString('en')}), median of ${REPEAT}; --cache off: read cache off, concurrency ${UNCACHED_CONNECTIONS} unless --connections`,
  async run(options) {
    const products = options.products ?? PRODUCTS;
    const cacheOff = options.cache === 'off';
    const connections = options.connections ?? (cacheOff ? UNCACHED_CONNECTIONS : CONNECTIONS);
    console.log(
      `${products.toLocaleString('en')} products, concurrency ${connections}, read cache ${cacheOff ? 'off' : `TTL ${process.env.CATALOG_CACHE_TTL_MS ?? '5000'} ms`}\n`,
    );
    const rows: Array<LoadResult | MetricRow> = [];
    for (const db of options.databases) {
      const started = performance.now();
      const server = await startServer(
        db,
        options,
        {
          SEED_DEMO: 'true',
          SEED_DEMO_PRODUCTS: String(products),
          WORKER_ENABLED: 'false',
          ...(cacheOff ? { CATALOG_CACHE_TTL_MS: '0' } : {}),
        },
        7200,
      );
      const seconds = Math.round((performance.now() - started) / 1000);
      console.error(`${db}: seeded ${products} products and ready in ${seconds} s`);
      rows.push({
        name: `seed ${products.toLocaleString('en')} products and start`,
        db,
        value: seconds,
        unit: 's',
      });
      try {
        rows.push(...(await loads({ server, options, connections })));
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
