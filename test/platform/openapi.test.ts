import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_TYPES, clientTypes } from '../../scripts/client.ts';
import { PROBLEM_COMPONENT, problemAnswers } from '../../src/platform/http/openapi.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { ACCESS_POLICY } from '../security/access-policy.ts';

interface Operation {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let server: TestServer;
let doc: Document;

beforeAll(async () => {
  // The document comes from the registered routes alone: no migration needed.
  server = await createTestServer({ prepare: false });
  doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
});
afterAll(async () => server?.destroy());

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      op,
    ]),
  );
}

function refsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else refsIn(child, into);
  return into;
}

/** The calls with a limit: per address (@fastify/rate-limit), per account or per cart (their service). */
const LIMITED = [
  'POST /auth/register',
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /auth/logout',
  'POST /auth/verify-email',
  'POST /auth/password-reset',
  'POST /auth/password-reset/confirm',
  'POST /auth/otp',
  'POST /auth/otp/verify',
  'POST /me/password',
  'POST /me/email-verification',
  'GET /products',
  'GET /products/suggest',
  'POST /carts/{id}/checkout',
  'POST /leads',
  'POST /platform/signup',
  'POST /platform/invitations/sign-up',
  'POST /platform/auth/login',
  'POST /platform/auth/refresh',
  'POST /platform/auth/logout',
  'POST /platform/auth/password-reset',
  'POST /platform/auth/password-reset/confirm',
];

/** The statuses the rules ask of an operation, from what the document says of it. */
function required(name: string, op: Operation): string[] {
  const [method = '', path = ''] = name.split(' ');
  // a store's calls meet the store first (unknown or not open: 404; suspended: 503); platform calls do not
  const inStore = !path.startsWith('/api/v1/platform/');
  const statuses = inStore ? ['404', '503'] : path.includes('{') ? ['404'] : [];
  const where = new Set((op.parameters ?? []).map((p) => p.in));
  if (op.requestBody || where.has('query') || where.has('header')) statuses.push('400');
  const security = op.security ?? [];
  if (security.length > 0 && !security.some((r) => Object.keys(r as object).length === 0))
    statuses.push('401', '403');
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) statuses.push('409');
  if (op.requestBody) statuses.push('413', '415');
  if (LIMITED.includes(`${method} ${path.replace('/api/v1', '')}`)) statuses.push('429');
  return statuses.sort();
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by its official JSON schema', async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('references only components it has: the category tree is one, by name', () => {
    const dangling = refsIn(doc).filter(
      (ref) => !(ref.startsWith('#/components/schemas/') && ref.slice(21) in doc.components.schemas),
    );
    expect(dangling).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CategoryNode', 'Problem', 'FieldError', 'Money']),
    );
    expect(JSON.stringify(doc.paths['/api/v1/categories'])).toContain('#/components/schemas/CategoryNode');
  });

  it('keeps only the components it references, in name order', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual([...names].sort());
    const used = new Set(refsIn(doc).map((ref) => ref.slice(21)));
    expect(names.filter((name) => !used.has(name))).toEqual([]);
  });

  it('declares on every operation the problem answers its route can give, each a Problem', () => {
    const missing: string[] = [];
    for (const [name, op] of operations()) {
      for (const status of required(name, op)) if (!op.responses[status]) missing.push(`${name} ${status}`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(Object.keys(response.content ?? {}), `${name} ${status}`).toEqual([
          'application/problem+json',
        ]);
        expect(response.content?.['application/problem+json']?.schema).toEqual({ $ref: PROBLEM_COMPONENT });
      }
    }
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThanOrEqual(131);
  });

  it('does not claim answers a route cannot give', () => {
    const me = doc.paths['/api/v1/me']?.get?.responses ?? {};
    expect(Object.keys(me).sort()).toEqual(['200', '401', '403', '404', '503']);
    const store = doc.paths['/api/v1/store']?.get?.responses ?? {};
    expect(Object.keys(store).sort()).toEqual(['200', '404', '503']);
    expect(problemAnswers({ ...facts, url: '/health' })).toEqual({});
    const limited = operations()
      .filter(([, op]) => op.responses['429'])
      .map(([name]) => name.replace('/api/v1', ''));
    expect(limited.sort()).toEqual([...LIMITED].sort());
  });

  it('declares 401 exactly where the access policy needs a signed-in caller', () => {
    const wrong = operations().flatMap(([name, op]) => {
      const access = ACCESS_POLICY[name.replace('/api/v1', '')];
      const needsSignIn = Boolean(access && !access.allow.includes('public') && !access.guests);
      return needsSignIn === Boolean(op.responses['401'])
        ? []
        : [`${name}: 401 ${needsSignIn ? 'missing' : 'claimed'}`];
    });
    expect(wrong).toEqual([]);
  });

  // openapi-typescript reads the document (it throws on one it cannot type) into the client types
  it('gives the committed client types through openapi-typescript (run `npm run client` when this fails)', async () => {
    const written = fs.existsSync(CLIENT_TYPES) ? fs.readFileSync(CLIENT_TYPES, 'utf8') : '';
    const fresh = await clientTypes(structuredClone(doc));
    expect(written === fresh, 'src/client/openapi.d.ts is stale: run `npm run client` and commit it').toBe(
      true,
    );
  });
});

const facts = {
  methods: ['GET'],
  url: '/api/v1/x',
  body: false,
  fields: false,
  params: false,
  signedIn: false,
  rateLimited: false,
};
