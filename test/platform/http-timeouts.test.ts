import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/platform/config.ts';
import { createHttpApp, type ZodApp } from '../../src/platform/http/app.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createMetrics } from '../../src/platform/observability/metrics.ts';

// The HTTP app alone (no database): its timeouts are what a real socket meets.
let app: ZodApp;
let port: number;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HTTP_REQUEST_TIMEOUT_MS: '800',
    HTTP_HEADERS_TIMEOUT_MS: '500',
  });
  app = await createHttpApp({ config, log: createLogger(config), metrics: createMetrics(), version: 'test' });
  app.post('/slow', { schema: { body: z.object({ name: z.string() }) } }, async (req) => req.body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(async () => app?.close());

/** Sends `parts` over one socket and records what comes back and when the server closed it. */
function trickle(parts: string[]): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    const done = () => resolve({ answer, closedAfterMs: Date.now() - started });
    socket.on('close', done);
    socket.on('error', () => {});
    for (const part of parts) socket.write(part);
    // the client never sends the rest; give up ourselves after 10 s
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

describe('request timeouts', () => {
  it('ends a request whose body never finishes with a 408 problem', async () => {
    const { answer, closedAfterMs } = await trickle([
      'POST /slow HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      '{"name":"',
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/"status":408/);
    expect(closedAfterMs).toBeLessThan(5000);
  });

  it('ends a request whose headers never finish', async () => {
    const { answer, closedAfterMs } = await trickle(['GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ']);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(5000);
  });

  it('still answers a request that arrives in time', async () => {
    const body = '{"name":"quick"}';
    const { answer } = await trickle([
      `POST /slow HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"quick"');
  });
});
