/**
 * Writes docs/routes.md, the list of every API operation, from the server's own OpenAPI document
 * (the one served at /api/openapi.json), so the route list is never kept by hand:
 *   npm run docs
 * The server is built on an empty in-memory database and asked for the document through
 * `inject`: nothing listens, nothing is migrated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/platform/config.ts';
import type { Server } from '../src/server.ts';
import { createServer } from '../src/server.ts';

export const ROUTES_DOC = path.join(import.meta.dirname, '..', 'docs', 'routes.md');
export const API_PREFIX = '/api/v1';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

interface Row {
  section: string;
  method: string;
  path: string;
  summary: string;
  token: boolean;
}

/** The document as `GET /api/openapi.json` answers it. */
export async function openApiDocument(server: Pick<Server, 'app'>): Promise<OpenApiDocument> {
  const res = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
  return res.json() as OpenApiDocument;
}

/**
 * The section an operation is listed in: its first tag. Admin calls are tagged `admin` first and
 * their area second; they are filed as `admin: <area>`, the way the admin-only tags are named.
 */
function sectionOf(tags: string[]): string {
  const [first = 'untagged', second] = tags;
  return first === 'admin' && second ? `admin: ${second}` : first;
}

function rowsOf(doc: OpenApiDocument): Row[] {
  return Object.entries(doc.paths).flatMap(([fullPath, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      section: sectionOf(op.tags ?? []),
      method: method.toUpperCase(),
      path: fullPath.startsWith(`${API_PREFIX}/`) ? fullPath.slice(API_PREFIX.length) : fullPath,
      summary: (op.summary ?? '').replaceAll('|', '\\|'),
      token: (op.security ?? []).length > 0,
    })),
  );
}

/** Sections by name, operations by path then method: the order does not follow registration. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text of docs/routes.md for a document. */
export function routesMarkdown(doc: OpenApiDocument): string {
  const rows = rowsOf(doc).sort((a, b) => byName(a.path, b.path) || byName(a.method, b.method));
  const sections = [...new Set(rows.map((r) => r.section))].sort(byName);
  const out = [
    '# Routes',
    '',
    '<!-- Generated from the OpenAPI document by scripts/docs.ts: run `npm run docs`, do not edit. -->',
    '',
    `${rows.length} operations, grouped by their OpenAPI tag (an admin call is filed as`,
    '`admin: <area>`). Paths are under `/api/v1`. "token" marks the operations that need',
    '`Authorization: Bearer <accessToken>`; who may call each one (roles, owners, guests) is in',
    '[security](security.md#what-each-role-may-do). Request and response shapes: `/api/docs` on a',
    'running server, or `GET /api/openapi.json`.',
    '',
    ...sections.map((s) => `- [${s}](#${anchorOf(s)})`),
  ];
  for (const section of sections) {
    out.push('', `## ${section}`, '', '| method | path | summary | token |', '| --- | --- | --- | --- |');
    for (const r of rows.filter((row) => row.section === section))
      out.push(`| ${r.method} | \`${r.path}\` | ${r.summary} | ${r.token ? 'yes' : ''} |`);
  }
  return `${out.join('\n')}\n`;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replaceAll(' ', '-');
}

/** The number of operations listed in a routes.md text. */
export function operationCount(markdown: string): number {
  return markdown.split('\n').filter((line) => /^\| (GET|POST|PUT|PATCH|DELETE) \|/.test(line)).length;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-docs-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const server = await createServer({ config, pglite: new PGlite() });
  try {
    const text = routesMarkdown(await openApiDocument(server));
    fs.writeFileSync(ROUTES_DOC, text);
    console.log(`docs/routes.md: ${operationCount(text)} operations`);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
