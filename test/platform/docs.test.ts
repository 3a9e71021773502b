import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anchorOf,
  type OpenApiDocument,
  openApiDocument,
  operationCount,
  ROUTES_DOC,
  routesMarkdown,
} from '../../scripts/docs.ts';
import { createTestServer, type TestServer } from '../harness.ts';

let server: TestServer;
let doc: OpenApiDocument;

beforeAll(async () => {
  // The document comes from the registered routes alone: no migration needed.
  server = await createTestServer({ prepare: false });
  doc = await openApiDocument(server);
});
afterAll(async () => server?.destroy());

describe('docs/routes.md', () => {
  it('is the route list the OpenAPI document gives (run `npm run docs` when this fails)', () => {
    const written = fs.existsSync(ROUTES_DOC) ? fs.readFileSync(ROUTES_DOC, 'utf8') : '';
    expect(written, 'docs/routes.md is stale: run `npm run docs` and commit the result').toBe(
      routesMarkdown(doc),
    );
  });

  it('lists every operation of the document once', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operationCount(routesMarkdown(doc))).toBe(operations.length);
    expect(operations.length).toBeGreaterThanOrEqual(131);
  });

  it('files admin calls by area, in name order, whatever order the routes were registered in', () => {
    const sample: OpenApiDocument = {
      paths: {
        '/api/v1/b': { get: { summary: 'B', tags: ['admin', 'orders'], security: [{ bearer: [] }] } },
        '/api/v1/a': { post: { summary: 'A | b', tags: ['cart', 'orders'] }, get: { tags: ['cart'] } },
      },
    };
    const text = routesMarkdown(sample);
    expect(text.indexOf('## admin: orders')).toBeLessThan(text.indexOf('## cart'));
    expect(text).toContain('| GET | `/b` | B | yes |');
    expect(text.indexOf('| GET | `/a` |')).toBeLessThan(text.indexOf('| POST | `/a` | A \\| b |  |'));
    expect(anchorOf('admin: user groups')).toBe('admin-user-groups');
  });
});
