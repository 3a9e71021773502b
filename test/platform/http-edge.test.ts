import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { createUser, type TestUser } from '../kit/index.ts';

let server: TestServer;
let admin: TestUser;
let port: number;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createUser(server, { roles: ['ADMIN'] });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => server?.destroy());

type Answer = { statusCode: number; headers: Record<string, unknown>; json(): unknown };

function expectProblem(res: Answer, status: number, type?: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, any>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (type) expect(body.type).toBe(`/problems/${type}`);
  return body;
}

/** Writes raw bytes to the listening server and resolves with what it answers before `waitMs`. */
function rawRequest(head: string, body = '', waitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      // a complete problem document ends the wait early
      if (/\r\n\r\n[\s\S]*\}$/.test(answer)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (answer) resolve(answer);
      else reject(err);
    });
    socket.write(head + body);
  });
}

function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
}

const address = {
  name: 'Edge Case',
  line1: '1 MG Road',
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
};

describe('request bodies', () => {
  it('refuses a text/plain body on a JSON route with 415', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/me/addresses',
      headers: { ...admin.headers, 'content-type': 'text/plain' },
      payload: JSON.stringify(address),
    });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('refuses a form body with 415', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.test&password=x',
    });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('refuses a body without a content type with 415', async () => {
    const body = JSON.stringify(address);
    const raw = await rawRequest(
      `POST /api/v1/me/addresses HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${admin.headers.authorization}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(statusOf(raw)).toBe(415);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
  });

  it('answers 415 to a non-JSON body without waiting to read it', async () => {
    // 900 KiB announced (under the 1 MiB limit), 1 KiB sent, then silence: the answer must come anyway
    const raw = await rawRequest(
      'POST /api/v1/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 921600\r\n\r\n',
      'x'.repeat(1024),
      4000,
    );
    expect(statusOf(raw)).toBe(415);
  });

  it('refuses a JSON body over the default 1 MiB limit with 413', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/me/addresses',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...address, line2: 'x'.repeat(1024 * 1024) }),
    });
    expectProblem(res, 413, 'body-too-large');
  });
});

describe("the router's own errors", () => {
  it('answers a path id of 150 characters with 404, as any unknown id', async () => {
    expectProblem(
      await server.app.inject({ method: 'GET', url: `/api/v1/products/${'a'.repeat(150)}` }),
      404,
    );
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/v1/admin/products/${'a'.repeat(150)}`,
      headers: admin.headers,
    });
    expectProblem(res, 404);
  });

  it('answers a path id far over any id length with 404', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/orders/${'a'.repeat(5000)}` });
    expectProblem(res, 404);
  });

  it('answers a malformed percent-encoding with a 400 problem', async () => {
    expectProblem(
      await server.app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' }),
      400,
      'bad-url',
    );
  });

  it('answers a request the HTTP parser refuses with a 400 problem', async () => {
    const raw = await rawRequest('GET /api/v1/store HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n');
    expect(statusOf(raw)).toBe(400);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(raw).toMatch(/"status":400/);
  });
});

describe('text in requests', () => {
  it('refuses a NUL character in a body field with 400 and a pointer', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"nul\\u0000@example.test","password":"a long enough password 42","name":"N"}',
    });
    const body = expectProblem(res, 400, 'validation-failed');
    expect(body.errors).toEqual([{ pointer: '/email', in: 'body', detail: expect.stringMatching(/NUL/) }]);
  });

  it('refuses a NUL character in a query value and in a path id with 400', async () => {
    const query = expectProblem(
      await server.app.inject({ method: 'GET', url: '/api/v1/products?q=a%00b' }),
      400,
    );
    expect(query.errors[0]).toMatchObject({ pointer: '/q', in: 'query' });
    const path = expectProblem(
      await server.app.inject({ method: 'GET', url: '/api/v1/categories/a%00b' }),
      400,
    );
    expect(path.errors[0]).toMatchObject({ pointer: '/slug', in: 'params' });
  });

  it('refuses a lone surrogate in a string or a key with 400', async () => {
    const value = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name":"a\\ud800b"}',
    });
    expect(expectProblem(value, 400).errors[0]).toMatchObject({ pointer: '/name', in: 'body' });
    const key = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/products',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name":"P","attributes":{"\\udc00":"x"},"variants":[]}',
    });
    expect(expectProblem(key, 400).errors[0]).toMatchObject({
      in: 'body',
      detail: expect.stringMatching(/surrogate/),
    });
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers });
    expect(me.json().name).not.toMatch(/\ufffd/);
  });

  it('refuses a "__proto__" key and says so', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.test","password":"x","__proto__":{"admin":true}}',
    });
    const body = expectProblem(res, 400, 'validation-failed');
    expect(body.detail).not.toMatch(/not valid JSON/);
    expect(body.errors).toEqual([
      { pointer: '/__proto__', in: 'body', detail: expect.stringMatching(/__proto__/) },
    ]);
    const nested = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.test","password":"x","extra":{"constructor":{"prototype":{"admin":true}}}}',
    });
    expect(expectProblem(nested, 400).errors[0]).toMatchObject({ pointer: '/extra/constructor', in: 'body' });
  });
});

describe('streamed bodies', () => {
  it('passes a body a route reads as a stream (CSV over a real connection) without walking it as JSON', async () => {
    const csv = 'Handle,Title,Variant SKU,Variant Price\nedge-kettle,Edge kettle,EDGE-1,14.50\n';
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/admin/products/import`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      body: csv,
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rows: 1, created: 1, errors: [] });
  });
});

describe('non-canonical API paths', () => {
  it('resolves the store for a percent-encoded prefix as for the canonical one', async () => {
    const canonical = await server.app.inject({ method: 'GET', url: '/api/v1/store' });
    const encoded = await server.app.inject({ method: 'GET', url: '/api/v%31/store' });
    expect(encoded.statusCode).toBe(200);
    expect(encoded.json()).toEqual(canonical.json());
  });

  it('honours a token on a percent-encoded prefix, and refuses a missing one', async () => {
    const me = await server.app.inject({ method: 'GET', url: '/api/%761/me', headers: admin.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: admin.id, roles: ['ADMIN'] });
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/%761/me' }), 401);
    const list = await server.app.inject({
      method: 'GET',
      url: '/api/v%31/admin/users',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
  });

  it('applies X-Store-Id on a percent-encoded prefix', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v%31/products',
      headers: { 'x-store-id': newId() },
    });
    expectProblem(res, 404, 'store-not-found');
  });
});
