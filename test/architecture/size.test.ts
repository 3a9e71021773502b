import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longFiles, longFunctions, longFunctionsIn, MAX_FILE_LINES, MAX_FUNCTION_LINES } from './size.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('sizes', () => {
  it(`keeps every production file within ${MAX_FILE_LINES} lines`, () => {
    expect(longFiles(ROOT)).toEqual([]);
  });

  it(`keeps every production function within ${MAX_FUNCTION_LINES} lines, route tables aside`, () => {
    expect(longFunctions(ROOT)).toEqual([]);
  });

  it('counts a long procedure and lets a route table through', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      `export function place() {\n${body(70)}\n}`,
      `export function shortOne() {\n${body(10)}\n}`,
      `export function cartRoutes() {\n  return async (app: unknown) => {\n${body(80)}\n  };\n}`,
    ].join('\n');
    expect(longFunctionsIn('x.ts', text).map((f) => f.name)).toEqual(['place']);
  });
});
