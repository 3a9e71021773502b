// npm run bench [-- suite…] [--db pglite,postgres] [--duration 10] [--products N] [--cache on|off] [--connections N]
import fs from 'node:fs';
import path from 'node:path';
import {
  type BenchOptions,
  type BenchSuite,
  type DbKind,
  type LoadResult,
  type MetricRow,
  machine,
} from './lib.ts';

const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = args[i + 1] ?? fallback;
  args.splice(i, 2);
  return value;
}

const options: BenchOptions = {
  databases: option('db', 'pglite,postgres').split(',') as DbKind[],
  durationSeconds: Number(option('duration', '10')),
  postgresUrl: option(
    'postgres-url',
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  ),
};
const products = option('products', '');
const cache = option('cache', '');
const connections = option('connections', '');
if (products) options.products = Number(products);
if (cache === 'on' || cache === 'off') options.cache = cache;
else if (cache) throw new Error('--cache takes on or off');
if (connections) options.connections = Number(connections);
const wanted = args.filter((a) => !a.startsWith('--'));

const dir = path.join(import.meta.dirname, 'suites');
const suites: BenchSuite[] = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const mod = (await import(path.join(dir, file))) as { default: BenchSuite };
  if (wanted.length === 0 || wanted.includes(mod.default.name)) suites.push(mod.default);
}

console.log(
  `# Bazaar benchmarks\n\nmachine: ${machine()}\ndatabases: ${options.databases.join(', ')}, ${options.durationSeconds}s per load\n`,
);
for (const suite of suites) {
  console.log(`## ${suite.name}: ${suite.description}\n`);
  const rows = await suite.run(options);
  console.log('| measure | db | conc. | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|');
  for (const row of rows) {
    if ('requestsPerSecond' in row) {
      const r = row as LoadResult;
      console.log(
        `| ${r.name} | ${r.db} | ${r.connections} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors + r.non2xx} |`,
      );
    } else {
      const m = row as MetricRow;
      console.log(`| ${m.name} | ${m.db ?? '-'} | - | ${m.value} ${m.unit} | | | |`);
    }
  }
  console.log('');
}
