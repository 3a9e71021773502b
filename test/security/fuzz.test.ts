import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { makeImage, type TestUser } from '../kit/index.ts';
import {
  bodyVariants,
  type Case,
  ODD_IDS,
  type Operation,
  operationsOf,
  queryVariants,
  type Random,
  random,
  sampleOf,
} from './fuzz.generator.ts';
import { buildWorld, type FuzzWorld, hintsFor, realParams } from './fuzz.world.ts';

/**
 * Every operation of the OpenAPI document gets malformed bodies, wrong types, huge and odd strings,
 * unknown and missing fields and odd path ids, anonymously and as an admin (and a seller where
 * sellers work), with real ids and random ones. No answer may be a 5xx, and every 4xx must be
 * problem+json. The cases come from a fixed seed: a failure names the operation, the input and the
 * answer, and runs the same way again.
 */
const SEED = 0x9_2026;
/** Cases per operation and caller; bounded so the suite stays under a minute on the embedded database. */
const BUDGET = {
  admin: 18,
  seller: 8,
  customer: 8,
  agent: 8,
  owner: 12,
  anonymousPublic: 18,
  anonymousBearer: 4,
} as const;

let server: TestServer;
let world: FuzzWorld;
let operations: Operation[];

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server);
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = operationsOf(doc);
});
afterAll(async () => server?.destroy());

type Caller = 'anonymous' | 'admin' | 'seller' | 'customer' | 'agent' | 'owner';

function headersOf(caller: Caller): Record<string, string> {
  if (caller === 'anonymous') return {};
  if (caller === 'owner') return world.owner.headers;
  return (world[caller] as TestUser).headers;
}

/** Percent-encodes text, lone surrogates included (as the bytes a careless client would send). */
function encode(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    if (ch.length === 1 && /[\ud800-\udfff]/.test(ch)) {
      const c = ch.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(ch);
  });
}

/** Path ids go in as given: real ids need no encoding, odd ones are written as they go on the wire. */
function urlOf(op: Operation, c: Case): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => c.params[name] ?? newId());
  const query = c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** What is wrong with an answer, or null. */
function fault(res: Answer): string | null {
  if (res.statusCode >= 500) return 'a server error';
  if (res.statusCode < 400) return null;
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) return 'not problem+json';
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'a problem that is not JSON';
  }
  if (typeof body.type !== 'string' || typeof body.title !== 'string')
    return 'a problem without type or title';
  if (body.status !== res.statusCode) return 'a problem whose status differs from the answer';
  return null;
}

const excerpt = (text: string, n = 160) =>
  text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;

/** With FUZZ_REPORT set: the answer each caller got to each operation's plausible request. */
const reached: string[] = [];

async function send(op: Operation, caller: Caller, c: Case, failures: string[]) {
  const url = urlOf(op, c);
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  const payload = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  const res = await server.app.inject({
    method: op.method,
    url,
    headers: {
      ...headersOf(caller),
      ...(withBody && payload !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
    },
    ...(withBody && payload !== undefined ? { payload } : {}),
  });
  if (c.label === 'plausible')
    reached.push(`${res.statusCode} ${op.method} ${op.path} as ${caller}: ${excerpt(res.body, 100)}`);
  const problem = fault(res);
  if (problem) {
    failures.push(
      `${op.method} ${op.path} as ${caller} [${c.label}]: ${op.method} ${excerpt(url)} body ${excerpt(payload ?? '(none)')} → ${res.statusCode} ${String(res.headers['content-type'])}: ${problem}: ${excerpt(res.body)}`,
    );
  }
}

function plausible(op: Operation, caller: Caller): Case {
  const hints = hintsFor(world.ids);
  const query: Array<[string, string]> = op.query
    .filter((q) => q.required)
    .map((q) => [q.name, String(sampleOf(q.schema, hints, q.name))]);
  return {
    label: 'plausible',
    params: realParams(op.path, world.ids, caller === 'anonymous'),
    query,
    ...(op.body ? { body: sampleOf(op.body, hints) } : {}),
  };
}

/** The cases one caller sends to one operation: a fixed core, then a seeded sample of the rest. */
function casesFor(op: Operation, caller: Caller, budget: number, rnd: Random): Case[] {
  const base = plausible(op, caller);
  const withBase = (c: Case): Case => ({
    ...base,
    ...c,
    params: Object.keys(c.params).length ? c.params : base.params,
    query: c.query.length ? c.query : base.query,
    ...(c.body === undefined && c.rawBody === undefined && base.body !== undefined
      ? { body: base.body }
      : {}),
  });
  const pathCases: Case[] = op.params.length
    ? [
        { label: 'random ids', params: Object.fromEntries(op.params.map((p) => [p, newId()])), query: [] },
        ...ODD_IDS.map((id) => ({
          label: `path id ${excerpt(id, 20)}`,
          params: Object.fromEntries(op.params.map((p) => [p, id])),
          query: [],
        })),
      ]
    : [];
  const bodyCases = op.body ? bodyVariants(op.body, base.body, rnd) : [];
  const queryCases = op.query.length ? queryVariants(op, base.query, rnd) : [];
  const core = [base, ...pathCases.slice(0, 1), ...bodyCases.slice(1, 6), ...queryCases.slice(0, 1)];
  const rest = rnd.sample([...pathCases.slice(1), ...bodyCases.slice(6), ...queryCases.slice(1)], budget);
  return [...core, ...rest].slice(0, Math.max(budget, core.length)).map(withBase);
}

/**
 * Who calls an operation: anonymous and an admin always; a seller where sellers work; the
 * customer who owns the carts, lists and addresses the real ids point at; the agent the shipment
 * is assigned to, on its own calls; the business owner on the platform's calls (its own store).
 */
function callersOf(op: Operation): Array<[Caller, number]> {
  const p = op.path;
  const sellerWorks =
    /^\/api\/v1\/(admin\/(products|variants|offers|inventory|shipments|carriers|orders\/\{id\}\/shipments)|seller\/|me\/seller)/.test(
      p,
    );
  const customerOwns = /^\/api\/v1\/(carts\/|me\/(wishlists|addresses|sessions|profile))/.test(p);
  const callers: Array<[Caller, number]> = [
    ['anonymous', op.bearer ? BUDGET.anonymousBearer : BUDGET.anonymousPublic],
    ['admin', BUDGET.admin],
  ];
  if (sellerWorks) callers.push(['seller', BUDGET.seller]);
  if (customerOwns) callers.push(['customer', BUDGET.customer]);
  if (/^\/api\/v1\/agent\//.test(p)) callers.push(['agent', BUDGET.agent]);
  if (/^\/api\/v1\/platform\//.test(p)) callers.push(['owner', BUDGET.owner]);
  return callers;
}

/** Reads first, then writes, then deletes, then the calls that end the callers' own sessions. */
function phase(op: Operation): number {
  if (/\/auth\/logout-all$/.test(op.path)) return 4;
  if (/\/me\/sessions\/\{id\}$/.test(op.path)) return 3;
  if (op.method === 'GET') return 0;
  if (op.method === 'DELETE') return 2;
  return 1;
}

describe('fuzzing every operation', () => {
  it('finds every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(
      operations
        .filter((o) => o.params.length > 0)
        .every((o) => Object.keys(realParams(o.path, world.ids)).length > 0),
    ).toBe(true);
  });

  it('answers every PATCH with nothing to change with 200 or 400, never a server error', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.method === 'PATCH')) {
      const caller: Caller = /\/me\/seller|\/seller\//.test(op.path)
        ? 'seller'
        : /\/me\b|\/carts\/|\/reviews\/\{id\}$/.test(op.path)
          ? 'customer'
          : 'admin';
      const c: Case = { label: 'empty change', params: realParams(op.path, world.ids), query: [], body: {} };
      const res = await server.app.inject({
        method: 'PATCH',
        url: urlOf(op, c),
        headers: { ...headersOf(caller), 'content-type': 'application/json' },
        payload: '{}',
      });
      if (![200, 400].includes(res.statusCode) || fault(res)) {
        failures.push(`PATCH ${op.path} as ${caller} with {} → ${res.statusCode}: ${excerpt(res.body)}`);
      }
    }
    expect(failures.length, failures.join('\n')).toBe(0);
  });

  // About 5,000 requests over some 280 operations: 70–90 s on the embedded database on a quiet
  // machine; the margin is for a busy one (the suite runs two files at once).
  it('answers malformed input without a server error, and every error as problem+json', {
    timeout: 300_000,
  }, async () => {
    const rnd = random(SEED);
    const failures: string[] = [];
    const ordered = [...operations].sort((a, b) => phase(a) - phase(b));
    let sent = 0;
    const started = Date.now();
    for (const op of ordered) {
      for (const [caller, budget] of callersOf(op)) {
        for (const c of casesFor(op, caller, budget, rnd)) {
          await send(op, caller, c, failures);
          sent++;
        }
      }
    }
    if (process.env.FUZZ_REPORT) console.log(`${sent} requests in ${Date.now() - started} ms`);
    if (process.env.FUZZ_REPORT) {
      (await import('node:fs')).writeFileSync(
        process.env.FUZZ_REPORT,
        [...failures, '', ...reached].join('\n'),
      );
    }
    expect(failures.length, `${failures.length} faults:\n${failures.slice(0, 40).join('\n')}`).toBe(0);
  });

  const productImages = async () =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/admin/products/${world.ids.productId}`,
        headers: headersOf('admin'),
      })
    ).json().images;

  it('answers broken and hostile image uploads with a 4xx problem, and keeps none of them', async () => {
    const png = await makeImage('png', 40, 30);
    // the PNG's header claiming 100,000 × 100,000 pixels (its checksum left as it was)
    const huge = Buffer.from(png);
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    const samples: Array<[string, Buffer]> = [
      ['empty', Buffer.alloc(0)],
      ['random bytes', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))],
      ['a PNG claiming 10^10 pixels', huge],
      ['a PNG signature alone', png.subarray(0, 8)],
      ...(await Promise.all(
        (['jpeg', 'png', 'webp', 'avif', 'gif'] as const).map(async (format): Promise<[string, Buffer]> => {
          const bytes = await makeImage(format, 300, 200, { noise: true });
          return [`a truncated ${format}`, bytes.subarray(0, Math.floor(bytes.length / 2))];
        }),
      )),
      ['HTML', Buffer.from('<html><script>alert(1)</script></html>')],
    ];
    const failures: string[] = [];
    const before = await productImages();
    for (const [label, bytes] of samples) {
      for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']) {
        const res = await server.app.inject({
          method: 'POST',
          url: `/api/v1/admin/products/${world.ids.productId}/images`,
          headers: { ...headersOf('admin'), 'content-type': type },
          payload: bytes,
        });
        const problem = res.statusCode < 400 ? 'accepted' : fault(res);
        if (problem)
          failures.push(`${label} as ${type} → ${res.statusCode}: ${problem}: ${excerpt(res.body)}`);
      }
    }
    const after = await productImages();
    expect(failures.length, failures.join('\n')).toBe(0);
    expect(after).toEqual(before);
  });

  it('answers odd URLs outside the routes as problem+json', async () => {
    const failures: string[] = [];
    const urls = [
      '/api/v1/%',
      '/api/v1/products/%E0%A4%A',
      '/api/v%31/store',
      '/api/%761/me',
      '/api/v1/products/%00',
      `/api/v1/orders/${'9'.repeat(4_000)}`,
      '/api/v1/products?%=1',
      '/api/v1/./store',
      '/api/v1/../v1/store',
      '/api/v1//products',
      '/api/v1/store;jsessionid=1',
      '/api/v2/store',
    ];
    for (const url of urls) {
      for (const caller of ['anonymous', 'admin'] as const) {
        const res = await server.app.inject({ method: 'GET', url, headers: headersOf(caller) });
        const problem = fault(res);
        if (problem)
          failures.push(
            `GET ${excerpt(url)} as ${caller} → ${res.statusCode}: ${problem}: ${excerpt(res.body)}`,
          );
      }
    }
    expect(failures.length, failures.join('\n')).toBe(0);
  });
});
