// `npm ci` / `npm install` run this: it builds the web apps into dist/web. An install without the
// development dependencies (npm ci --omit=dev) has no Vite: it keeps a dist/web built before, or
// says how the server will do without one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let vite;
try {
  const manifest = require.resolve('vite/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  vite = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.vite);
} catch {
  const built = existsSync(new URL('../dist/web/.vite/manifest.json', import.meta.url));
  console.warn(
    built
      ? 'prepare: Vite is not installed; the web apps built before in dist/web are kept.'
      : 'prepare: Vite is not installed (npm ci --omit=dev?); the web apps are not built. Run `npm ci` and `npm run build:web` to build them.',
  );
  process.exit(0);
}
const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
