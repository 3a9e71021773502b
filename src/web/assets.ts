import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

/** The built browser files of an entry: its script and style sheets, by their hashed names. */
export interface EntryAssets {
  script: string;
  styles: string[];
}

export interface WebAssets {
  dir: string;
  storefront: EntryAssets;
  /** The consoles' page, as built (its script and styles already linked). */
  consoleHtml: string;
}

/**
 * Reads what `npm run build:web` wrote to `dir` (dist/web), or null when it has not been built.
 * Names are content hashes, so the server may let browsers keep them for a year.
 */
export function readAssets(dir: string): WebAssets | null {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entry = (name: string): EntryAssets => {
    const chunk = Object.entries(manifest).find(([key, c]) => c.isEntry && key.endsWith(name))?.[1];
    if (!chunk) throw new Error(`The web build in ${dir} has no entry ${name}: run npm run build:web`);
    return { script: `/${chunk.file}`, styles: (chunk.css ?? []).map((f) => `/${f}`) };
  };
  return {
    dir,
    storefront: entry('storefront/client.tsx'),
    consoleHtml: fs.readFileSync(path.join(dir, 'console', 'index.html'), 'utf8'),
  };
}
