/**
 * Writes src/client/openapi.d.ts, the types of the TypeScript client, from the server's own
 * OpenAPI document (the one served at /api/openapi.json):
 *   npm run client          regenerate it (commit the result)
 *   npm run client:check    fail, saying so, when the committed file is not what the routes give
 * The server is built on an empty in-memory database and asked for the document through `inject`:
 * nothing listens, nothing is migrated. openapi-typescript turns it into types, biome formats them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/platform/config.ts';
import { createServer } from '../src/server.ts';
import { openApiDocument } from './docs.ts';

const ROOT = path.join(import.meta.dirname, '..');
export const CLIENT_TYPES = path.join(ROOT, 'src', 'client', 'openapi.d.ts');

const HEADER = [
  '/**',
  ' * The Bazaar API as TypeScript types, generated from its OpenAPI document by scripts/client.ts:',
  ' * run `npm run client`, do not edit. Use it through `createBazaarClient` (./index.ts).',
  ' */',
  '',
].join('\n');

/** The client types for a document, formatted as the repository formats TypeScript. */
export async function clientTypes(document: unknown): Promise<string> {
  const text = HEADER + astToString(await openapiTS(document as OpenAPI3));
  return formatted(text);
}

/**
 * Biome's formatting of the text, read from stdin. The committed file itself is outside biome's
 * checks (biome.json: its project scan gives up on that many types), so the text is formatted
 * under a stand-in name that takes the same rules.
 */
function formatted(text: string): string {
  const biome = path.join(ROOT, 'node_modules', '.bin', 'biome');
  const run = spawnSync(biome, ['format', '--stdin-file-path=client-types.d.ts'], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`biome could not format the client types: ${run.stderr}`);
  return run.stdout;
}

/** The server's document, built without a listening port or a migrated database. */
async function serverDocument(): Promise<unknown> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-client-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const server = await createServer({ config, pglite: new PGlite() });
  try {
    return await openApiDocument(server);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(check: boolean): Promise<number> {
  const fresh = await clientTypes(await serverDocument());
  const file = path.relative(ROOT, CLIENT_TYPES);
  if (!check) {
    fs.writeFileSync(CLIENT_TYPES, fresh);
    console.log(`${file}: ${fresh.split('\n').length} lines`);
    return 0;
  }
  const committed = fs.existsSync(CLIENT_TYPES) ? fs.readFileSync(CLIENT_TYPES, 'utf8') : '';
  if (committed === fresh) {
    console.log(`${file} matches the API`);
    return 0;
  }
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-client-')), 'openapi.d.ts');
  fs.writeFileSync(copy, fresh);
  console.error(
    `${file} is stale: the routes no longer give these types. Run \`npm run client\` and commit the result.\n` +
      `(what they give now: ${copy}; compare with \`diff ${file} ${copy}\`)`,
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  process.exitCode = await main(process.argv.includes('--check'));
