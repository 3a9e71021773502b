import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestServer, type TestServer } from '../harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({
    config: { BODY_LIMIT_BYTES: 4096, CORS_ORIGINS: 'https://shop.example' },
  });
  const app = server.app;
  app.post(
    '/api/v1/echo',
    {
      schema: {
        body: z.object({
          name: z.string().max(50),
          qty: z.number().int().min(1),
          tags: z.array(z.string()).optional(),
        }),
      },
    },
    async (req) => ({ ...req.body, storeId: req.ctx.storeId }),
  );
  app.get('/api/v1/boom', async () => {
    throw new Error('SELECT secret FROM users; stack at /srv/app.ts');
  });
});
afterAll(async () => server?.destroy());

function expectProblem(res: { headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, any>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
}

describe('HTTP errors', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expectProblem(res, 404);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(res.statusCode).toBe(400);
    expectProblem(res, 400);
  });

  it('rejects a body in the wrong media type with 415', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expectProblem(res, 415);
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x', qty: 1, tags: Array.from({ length: 1000 }, () => 'abcdefgh') },
    });
    expect(res.statusCode).toBe(413);
    expectProblem(res, 413);
  });

  it('lists every invalid field as a JSON pointer', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x'.repeat(51), qty: 0 },
    });
    expect(res.statusCode).toBe(400);
    const body = expectProblem(res, 400);
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/name', '/qty']);
    expect(body.errors[0].in).toBe('body');
  });

  it('hides internals of an unexpected failure behind a generic 500', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    const body = expectProblem(res, 500);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|stack|\.ts/);
  });
});

describe('HTTP basics', () => {
  it('echoes a valid X-Request-Id and generates one otherwise', async () => {
    const given = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\n' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and honours configured CORS origins', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://shop.example' },
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self';.*object-src 'none'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example');
    const other = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document and an offline reference', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/store']).toBeDefined();
    const ui = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)/);
  });

  it('reports health, readiness and metrics', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const metrics = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    // one series per method, route pattern and status, counting every answer
    const healthz =
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} (\d+)/;
    const before = Number(healthz.exec(metrics.body)?.[1]);
    await server.app.inject({ method: 'GET', url: '/healthz' });
    const after = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(Number(healthz.exec(after.body)?.[1])).toBe(before + 1);
    expect(metrics.body).toContain('db_pool_connections_total');
  });
});

describe('readiness before start-up work', () => {
  it('answers 503 on /readyz until migrations are applied', async () => {
    const fresh = await createTestServer({ prepare: false });
    try {
      expect((await fresh.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
      expect((await fresh.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await fresh.prepare();
      expect((await fresh.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await fresh.destroy();
    }
  });
});

describe('client address behind proxies', () => {
  // One migrated schema for the four servers below (each only differs in TRUST_PROXY).
  let base: TestServer;
  beforeAll(async () => {
    base = await createTestServer();
  });
  afterAll(async () => base?.destroy());

  async function serverTrusting(trustProxy: string | undefined) {
    const env = trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy };
    const s = await createTestServer({ schema: base.schema, env });
    s.app.get('/whoami', async (req) => ({ ip: req.ip }));
    return Object.assign(s, {
      // the schema is the base server's
      async destroy() {
        await s.close();
        fs.rmSync(s.config.dataDir, { recursive: true, force: true });
      },
    });
  }
  const ipSeenBy = async (s: TestServer, remoteAddress: string, forwardedFor?: string) => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/whoami',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    return (res.json() as { ip: string }).ip;
  };

  it('takes the address the one trusted proxy saw, not a spoofed leftmost X-Forwarded-For, with TRUST_PROXY=1', async () => {
    const s = await serverTrusting('1');
    try {
      expect(await ipSeenBy(s, '10.0.0.7', '1.2.3.4, 203.0.113.5')).toBe('203.0.113.5');
      expect(await ipSeenBy(s, '10.0.0.7', '203.0.113.5')).toBe('203.0.113.5');
    } finally {
      await s.destroy();
    }
  });

  it('trusts only the listed proxies with a CIDR list, and a direct client cannot forward for itself', async () => {
    const s = await serverTrusting('10.0.0.0/8, 127.0.0.1');
    try {
      expect(await ipSeenBy(s, '10.1.2.3', '1.2.3.4, 192.0.2.10, 10.0.0.9')).toBe('192.0.2.10');
      expect(await ipSeenBy(s, '198.51.100.23', '1.2.3.4')).toBe('198.51.100.23');
    } finally {
      await s.destroy();
    }
  });

  it('with TRUST_PROXY=true trusts a proxy on this host only', async () => {
    const s = await serverTrusting('true');
    try {
      expect(await ipSeenBy(s, '127.0.0.1', '1.2.3.4, 203.0.113.5')).toBe('203.0.113.5');
      expect(await ipSeenBy(s, '198.51.100.23', '1.2.3.4')).toBe('198.51.100.23');
    } finally {
      await s.destroy();
    }
  });

  it('ignores X-Forwarded-For by default', async () => {
    const s = await serverTrusting(undefined);
    try {
      expect(await ipSeenBy(s, '198.51.100.23', '1.2.3.4')).toBe('198.51.100.23');
    } finally {
      await s.destroy();
    }
  });
});
