import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenRule, findViolations } from './boundaries.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('module doors', () => {
  it('finds no import past a module door, from a module into flows, or from the platform into a module', () => {
    expect(findViolations(ROOT)).toEqual([]);
  });

  describe('on a tree that breaks each rule', () => {
    const root = mkdtempSync(join(tmpdir(), 'bazaar-doors-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/modules/a/index.ts', "export * from './a.service.ts';\n");
    write('src/modules/a/a.service.ts', "import { x } from '../../platform/x.ts';\nexport const a = x;\n");
    write('src/modules/b/index.ts', "export { a } from '../a/index.ts';\n");
    write('src/modules/b/b.service.ts', "import { a } from '../a/a.service.ts';\nexport const b = a;\n");
    write('src/modules/b/b.flow.ts', "import { place } from '../../flows/checkout.ts';\nexport { place };\n");
    write('src/platform/x.ts', "import type { B } from '../modules/b/index.ts';\nexport const x = 1;\n");
    write('src/flows/checkout.ts', "export { a } from '../modules/a/index.ts';\nexport const place = 1;\n");
    write(
      'test/a.test.ts',
      "import {\n  a,\n} from '../src/modules/a/a.service.ts';\nconst lazy = await import('../src/modules/b/b.service.ts');\n",
    );

    it('fails on each deliberate violation and passes the doors', () => {
      const found = findViolations(root).map((v) => `${v.file} -> ${v.target}`);
      expect(found.sort()).toEqual(
        [
          'src/modules/b/b.flow.ts -> src/flows/checkout.ts',
          'src/modules/b/b.service.ts -> src/modules/a/a.service.ts',
          'src/platform/x.ts -> src/modules/b/index.ts',
          'test/a.test.ts -> src/modules/a/a.service.ts',
          'test/a.test.ts -> src/modules/b/b.service.ts',
        ].sort(),
      );
    });
  });

  it('lets a module use its own files and tests reach a module through its door', () => {
    expect(brokenRule('src/modules/a/a.test.ts', 'src/modules/a/a.repository.ts')).toBeUndefined();
    expect(brokenRule('test/flows/x.test.ts', 'src/modules/a/index.ts')).toBeUndefined();
    expect(brokenRule('src/flows/checkout.ts', 'src/modules/a/index.ts')).toBeUndefined();
    expect(brokenRule('src/server.ts', 'src/platform/http/app.ts')).toBeUndefined();
  });
});
