import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { createOffer } from '../kit/index.ts';
import { capturingLogger } from '../logs.ts';

/** The settings production mode needs (the data directory of test servers is private already). */
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(40),
  DATA_ENCRYPTION_KEY: 'd'.repeat(40),
  PUBLIC_URL: 'https://shop.example.com',
};

const address = {
  name: 'Ada Buyer',
  line1: '1 Road',
  city: 'Pune',
  state: 'MH',
  postalCode: '411001',
  country: 'IN',
};

async function checkoutWith(server: TestServer, provider: string) {
  const offer = await createOffer(server, { stock: 5 });
  const cart = (await server.app.inject({ method: 'POST', url: '/api/v1/carts' })).json();
  await server.app.inject({
    method: 'POST',
    url: `/api/v1/carts/${cart.id}/items`,
    payload: { offerId: offer.offerId, quantity: 1 },
  });
  return server.app.inject({
    method: 'POST',
    url: `/api/v1/carts/${cart.id}/checkout`,
    payload: {
      email: 'buyer@example.test',
      shippingAddress: address,
      payment: { provider, token: 'tok_success' },
    },
  });
}

describe('development mode', () => {
  let server: TestServer;
  const logs = capturingLogger();

  beforeAll(async () => {
    server = await createTestServer({ log: logs.log });
  });
  afterAll(async () => server?.destroy());

  it('says so in its first log line and on /healthz', async () => {
    expect(logs.lines()[0]).toMatchObject({ msg: 'Bazaar 0.1.0 starting in development mode' });
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', mode: 'development' });
  });

  it('offers the test payment provider and open metrics', async () => {
    expect((await checkoutWith(server, 'test')).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});

describe('production mode', () => {
  let server: TestServer;
  const logs = capturingLogger();

  beforeAll(async () => {
    server = await createTestServer({ env: production, log: logs.log });
  });
  afterAll(async () => server?.destroy());

  it('says so in its first log line and on /healthz', async () => {
    expect(logs.lines()[0]).toMatchObject({ msg: 'Bazaar 0.1.0 starting in production mode' });
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', mode: 'production' });
  });

  it('refuses checkout with the test provider as it refuses any unknown provider', async () => {
    const res = await checkoutWith(server, 'test');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await checkoutWith(server, 'cod')).statusCode).toBe(201);
  });

  it('does not serve /metrics on the public port without a token or a port of its own', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('refuses to seed demo data or demo accounts', async () => {
    await expect(server.seed({ demo: true, products: 5 })).rejects.toThrow(/production mode/);
    const sellers = await server.database.db
      .selectFrom('users')
      .select('email')
      .where('email', 'like', '%@demo.bazaar.test')
      .execute();
    expect(sellers).toEqual([]);
  });
});

describe('production mode with the test provider turned on for a local address', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({
      env: { ...production, PAYMENTS_TEST_PROVIDER: 'true', PUBLIC_URL: 'http://localhost:3000' },
    });
  });
  afterAll(async () => server?.destroy());

  it('offers the test provider (staging and benchmarks)', async () => {
    expect((await checkoutWith(server, 'test')).statusCode).toBe(201);
  });
});

describe('metrics behind a token', () => {
  let server: TestServer;
  const token = 'metrics-token-0123456789abcdef';

  beforeAll(async () => {
    server = await createTestServer({ env: { ...production, METRICS_TOKEN: token } });
  });
  afterAll(async () => server?.destroy());

  it('answers 401 without the Bearer token or with a wrong one, and the metrics with it', async () => {
    const get = (authorization?: string) =>
      server.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get(`Bearer ${token}x`)).statusCode).toBe(401);
    const ok = await get(`Bearer ${token}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_request_duration_seconds');
  });
});

describe('metrics on a port of their own', () => {
  let server: TestServer;
  const token = 'metrics-token-fedcba9876543210';

  beforeAll(async () => {
    server = await createTestServer({ env: { METRICS_PORT: '0', METRICS_TOKEN: token } });
  });
  afterAll(async () => server?.destroy());

  it('serves /metrics on 127.0.0.1 on that port only, still behind the token', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const url = await server.listenMetrics();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('jobs_processed_total');
    expect((await fetch(`${url}/api/v1/products`)).status).toBe(404);
  });
});
