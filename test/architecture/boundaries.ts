/**
 * The doors between areas of the code, checked from the import statements alone:
 * - a module is entered only through its `index.ts` (its own files and tests may use any of its files);
 * - modules never import `src/flows/` or the composition root;
 * - `src/platform/` imports no module, no flow and not the composition root.
 * Tests, benchmarks and examples obey the first rule too: they reach a module through its door.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  target: string;
  rule: string;
}

const AREAS = ['src', 'test', 'bench', 'examples'];
const SOURCE = /\.(ts|mts|js|mjs)$/;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every relative import in the code under `root`, and the rule each one breaks, if any. */
export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(root)) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const from = posix(relative(root, file));
      const target = posix(relative(root, resolve(dirname(file), specifier)));
      const rule = brokenRule(from, target);
      if (rule) violations.push({ file: from, target, rule });
    }
  }
  return violations;
}

/** The rule an import from `from` to `target` (both relative to the root, `/`-separated) breaks. */
export function brokenRule(from: string, target: string): string | undefined {
  const targetModule = moduleOf(target);
  const fromModule = moduleOf(from);
  if (targetModule && targetModule !== fromModule && target !== `src/modules/${targetModule}/index.ts`) {
    return `enters module ${targetModule} past its index.ts`;
  }
  if (fromModule && (target.startsWith('src/flows/') || target === 'src/server.ts')) {
    return 'a module imports a flow or the composition root';
  }
  if (
    from.startsWith('src/platform/') &&
    (targetModule || target.startsWith('src/flows/') || target === 'src/server.ts')
  ) {
    return 'the platform imports a module, a flow or the composition root';
  }
  return undefined;
}

function moduleOf(path: string): string | undefined {
  const match = /^src\/modules\/([^/]+)\//.exec(path);
  return match?.[1];
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s): s is string => !!s);
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const area of AREAS) {
    try {
      walk(join(root, area));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}
