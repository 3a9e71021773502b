import { trace } from '@opentelemetry/api';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../kit/index.ts';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const ERROR = 2;

const email = 'traced.person@example.test';
const password = 'saffron-otter-42-meadow';

/** Exports what the server holds, then the spans received with `traceId`. */
async function spansOf(server: TestServer, receiver: OtlpReceiver, traceId?: string) {
  await server.platform.tracing?.flush();
  return receiver.spans().filter((s) => traceId === undefined || s.traceId === traceId);
}

function serverSpan(spans: ReceivedSpan[], name: string): ReceivedSpan {
  const span = spans.find((s) => s.kind === SERVER && s.name === name);
  if (!span) throw new Error(`no server span ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return span;
}

describe('traces exported over OTLP/HTTP', () => {
  let receiver: OtlpReceiver;
  let server: TestServer;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    server = await createTestServer({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-key=k%20ey-1',
        OTEL_SERVICE_NAME: 'bazaar-test',
      },
      prepare: false,
    });
    await sql`CREATE TABLE trace_probe (email text UNIQUE)`.execute(server.database.db);
    server.app.post('/api/v1/trace-probe', async () => {
      await sql`INSERT INTO trace_probe (email) VALUES (${email})`.execute(server.database.db);
      await sql`INSERT INTO trace_probe (email) VALUES (${email})`.execute(server.database.db);
      return {};
    });
    await server.prepare();
  });
  afterAll(async () => {
    await server?.destroy();
    await receiver?.close();
  });
  beforeEach(async () => {
    await server.platform.tracing?.flush();
    receiver.clear();
  });

  it('sends a request that writes as a server span with its SQL statements as children in one trace', async () => {
    const res = await anonymous(server).post('/auth/register', { email, password, name: 'Traced Person' });
    expect(res.statusCode).toBe(201);
    const all = await spansOf(server, receiver);
    const request = serverSpan(all, 'POST /api/v1/auth/register');
    expect(request.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/api/v1/auth/register',
      'http.response.status_code': 201,
      'bazaar.store.id': server.modules.tenancy.defaultStore().id,
    });
    expect(request.parentSpanId).toBe('');
    expect(request.resource['service.name']).toBe('bazaar-test');
    const inTrace = all.filter((s) => s.traceId === request.traceId);
    const statements = inTrace.filter((s) => s.kind === CLIENT);
    expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
    for (const s of statements) {
      expect(s.attributes['db.system']).toBe('postgresql');
      expect(typeof s.attributes['db.query.text']).toBe('string');
    }
    const direct = statements.filter((s) => s.parentSpanId === request.spanId);
    expect(direct.length).toBeGreaterThan(0);
    expect(statements.some((s) => /insert into "?users"?/i.test(String(s.attributes['db.query.text'])))).toBe(
      true,
    );
    // the event the registration publishes is a producer span of the same trace, with its statement
    const publish = inTrace.find((s) => s.kind === PRODUCER && s.name === 'publish identity.user.registered');
    expect(publish?.parentSpanId).toBe(request.spanId);
    expect(statements.some((s) => s.parentSpanId === publish?.spanId)).toBe(true);
    expect(receiver.headers()[0]?.['x-collector-key']).toBe('k ey-1');
  });

  it('never sends the values bound to a statement, nor those of a failed one', async () => {
    await anonymous(server).post('/auth/password-reset', { email });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/trace-probe' });
    expect(res.statusCode).toBe(500);
    await server.worker.drain();
    const spans = await spansOf(server, receiver);
    const failed = serverSpan(spans, 'POST /api/v1/trace-probe');
    expect(failed.status.code).toBe(ERROR);
    const statement = spans.find(
      (s) => s.kind === CLIENT && s.traceId === failed.traceId && s.status.code === ERROR,
    );
    expect(statement?.attributes['db.query.text']).toMatch(
      /INSERT INTO trace_probe \(email\) VALUES \(\$1\)/,
    );
    expect(statement?.events.some((e) => e.name === 'exception')).toBe(true);
    const sent = receiver.bodies().join('\n');
    expect(sent).toContain('duplicate key');
    expect(sent).not.toContain('traced.person');
    expect(sent).not.toContain(password);
    expect(sent).not.toMatch(/Key \(email\)=/);
  });

  it('continues in a job the trace of the request that added it', async () => {
    const res = await anonymous(server).post('/auth/password-reset', { email: 'someone@example.test' });
    expect(res.statusCode).toBeLessThan(300);
    const request = serverSpan(await spansOf(server, receiver), 'POST /api/v1/auth/password-reset');
    await server.worker.drain();
    const spans = await spansOf(server, receiver, request.traceId);
    const job = spans.find((s) => s.kind === CONSUMER && s.name === 'job identity.password-reset');
    expect(job).toBeDefined();
    expect(job?.parentSpanId).toBe(request.spanId);
    expect(job?.attributes).toMatchObject({
      'messaging.destination.name': 'identity.password-reset',
      'bazaar.job.attempt': 1,
      'bazaar.job.outcome': 'succeeded',
    });
    // the job's own statements are its children
    expect(spans.some((s) => s.kind === CLIENT && s.parentSpanId === job?.spanId)).toBe(true);
  });

  it("continues a caller's trace from its traceparent header", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v1/store',
      headers: { traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.traceparent).toBeUndefined();
    const request = serverSpan(await spansOf(server, receiver, traceId), 'GET /api/v1/store');
    expect(request.parentSpanId).toBe(parentId);
  });

  it('starts a trace of its own for a malformed traceparent', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v1/store',
      headers: { traceparent: '00-not-a-trace-01' },
    });
    expect(res.statusCode).toBe(200);
    const request = serverSpan(await spansOf(server, receiver), 'GET /api/v1/store');
    expect(request.parentSpanId).toBe('');
    expect(request.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('traces not configured', () => {
  let receiver: OtlpReceiver;
  let server: TestServer;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    server = await createTestServer();
  });
  afterAll(async () => {
    await server?.destroy();
    await receiver?.close();
  });

  it('registers no tracer and sends nothing', async () => {
    expect(server.platform.tracing).toBeNull();
    await anonymous(server).post('/auth/register', {
      email: 'untraced.person@example.test',
      password,
      name: 'Untraced',
    });
    await anonymous(server).post('/auth/password-reset', { email: 'untraced.person@example.test' });
    await server.worker.drain();
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    // nothing registered process-wide either: the API's tracer records nothing
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM jobs WHERE trace_parent IS NOT NULL`.execute(server.database.db);
    expect(rows[0]?.n).toBe(0);
    expect(receiver.bodies()).toEqual([]);
  });
});
