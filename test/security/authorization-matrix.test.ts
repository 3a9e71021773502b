import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  ACCESS_POLICY,
  type Access,
  isAllowed,
  isOwner,
  isSignedIn,
  PRINCIPALS,
  type Principal,
} from './access-policy.ts';
import { CALLS, type Call, PHASES, phaseOf, type Request, STRIPE_WEBHOOK_SECRET } from './calls.ts';
import { buildWorld, type World } from './fixtures.ts';

/**
 * Every operation of the OpenAPI document × every principal, against the one access table
 * (access-policy.ts): a denied caller never gets 2xx (401 without a session, 403 or 404 with
 * one), an allowed caller never gets 401 or 403, nor 404 for what it owns.
 */

const PREFIX = '/api/v1';

let server: TestServer;
/** The operations of the OpenAPI document, as `METHOD /path` without the prefix. */
let operations: string[];
/** Those with an entry and a call: the ones the walk sends. */
let walked: string[];
let world: World;

beforeAll(async () => {
  server = await createTestServer({
    env: {
      PAYMENTS_TEST_PROVIDER: 'true',
      // Stripe is configured only so that a signed webhook can be sent; no call reaches it.
      STRIPE_SECRET_KEY: 'sk_test_matrix',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: 'http://127.0.0.1:9',
    },
  });
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(`${PREFIX}/`))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.slice(PREFIX.length)}`),
    );
  walked = operations.filter((op) => ACCESS_POLICY[op] && CALLS[op]);
  world = await buildWorld(server, (w) => makeFresh(w, walked));
});
afterAll(async () => server?.destroy());

interface Finding {
  op: string;
  who: string;
  expected: string;
  status: number;
  problem: string;
}

/** What the answer should have been, or null when it is right. */
function verdict(access: Access, call: Call, who: Principal, status: number): string | null {
  const ok = status >= 200 && status < 300;
  if (isAllowed(access, who)) {
    if (status === 404 && isOwner(access, who)) return 'allow (owner: never 404)';
    if (ok || (call.accept?.status.includes(status) && status !== 401 && status !== 403)) return null;
    return `allow (2xx${call.accept ? ` or ${call.accept.status.join('/')}` : ''})`;
  }
  let denials = [403, 404];
  if (who === 'anonymous') denials = access.guests ? [401, 404] : [401];
  // a token of another store, or of a platform account whose tenant owns another store
  if (who === 'foreignAdmin' || who === 'businessOwner') denials = [401, 403, 404];
  // another agent holds the role but not the delivery: it learns nothing of it
  if (who === 'otherAgent' && access.owner?.includes('agent')) denials = [404];
  // the platform realm: a store's token is no platform account's (401); an account without the role 403
  if (access.platform) denials = isSignedIn(who, access) ? [403] : [401];
  return denials.includes(status) ? null : `deny (${denials.join('/')})`;
}

function url(op: string, req: Request): string {
  const path = op.slice(op.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${op}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = req.query ? `?${new URLSearchParams(req.query)}` : '';
  return `${PREFIX}${path}${query}`;
}

function send(op: string, caller: Record<string, string>, req: Request): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...caller, ...req.headers };
  let payload: string | object | undefined;
  if (req.raw) {
    headers['content-type'] = req.raw.contentType;
    payload = req.raw.payload;
  } else if (req.body !== undefined) payload = req.body as object;
  return server.app.inject({
    method: op.slice(0, op.indexOf(' ')) as 'GET',
    url: url(op, req),
    headers,
    ...(payload !== undefined ? { payload } : {}),
  });
}

function problemOf(res: LightMyRequestResponse): string {
  if (res.statusCode >= 200 && res.statusCode < 300) return '';
  try {
    const body = res.json() as { type?: string; detail?: string };
    return [body.type, body.detail].filter(Boolean).join(': ').slice(0, 120);
  } catch {
    return res.body.slice(0, 120);
  }
}

/**
 * Operations that name a resource of the store in their path: a webhook's provider is a name, and
 * so is a carrier's code (the call adds the carrier when its store has none by that code), and a
 * notification template's type and channel, and a lookup's type and code (every store has each,
 * its own or the default). The
 * platform's calls name none of a store's: they run in the platform realm, whatever the store.
 */
const NAMES_NOT_RESOURCES = [
  'POST /payments/webhooks/',
  'PUT /admin/carriers/',
  'GET /admin/notification-templates/',
  'PUT /admin/notification-templates/',
  'POST /admin/notification-templates/',
  'GET /lookups/',
  'GET /admin/lookups/',
  'PUT /admin/lookups/',
  'GET /terms/',
  'POST /admin/terms/{kind}/',
];
const namesResource = (op: string) =>
  op.includes('{') && !ACCESS_POLICY[op]?.platform && !NAMES_NOT_RESOURCES.some((n) => op.startsWith(n));

/**
 * The key of the resources made for a call that uses them up: each allowed principal has its own,
 * so none finds them used by another; the callers that must be refused share one.
 */
function freshKey(op: string, who: Principal | null): string {
  return who && isAllowed(ACCESS_POLICY[op]!, who) ? `${op} ${who}` : `${op} (refused)`;
}

async function makeFresh(w: World, ops: string[]): Promise<void> {
  for (const op of ops) {
    const fresh = CALLS[op]?.fresh;
    if (!fresh) continue;
    w.fresh.set(freshKey(op, null), await fresh(w, 'anonymous'));
    for (const who of PRINCIPALS.filter((p) => isAllowed(ACCESS_POLICY[op]!, p))) {
      w.fresh.set(freshKey(op, who), await fresh(w, who));
    }
  }
}

/** Phase by phase, and in the order of the calls table within a phase. */
function inRunOrder(ops: string[]): string[] {
  const tableOrder = Object.keys(CALLS);
  return [...ops].sort(
    (a, b) =>
      PHASES.indexOf(phaseOf(a)) - PHASES.indexOf(phaseOf(b)) ||
      tableOrder.indexOf(a) - tableOrder.indexOf(b),
  );
}

/** Within an operation the denied principals go first, so a shared fixture is still there for the allowed ones. */
async function walk(w: World, ops: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const op of inRunOrder(ops)) {
    const access = ACCESS_POLICY[op]!;
    const call = CALLS[op]!;
    const principals = [...PRINCIPALS].sort(
      (a, b) => Number(isAllowed(access, a)) - Number(isAllowed(access, b)),
    );
    for (const who of principals) {
      const req = (await call.request?.(w, who, w.fresh.get(freshKey(op, who)))) ?? {};
      const res = await send(op, w.callers[who].headers, req);
      call.after?.(w, who, res);
      const expected = verdict(access, call, who, res.statusCode);
      if (expected) findings.push({ op, who, expected, status: res.statusCode, problem: problemOf(res) });
    }
  }
  return findings;
}

/** The admin's requests, sent by another store's admin to its own store: this store's ids are 404 there. */
async function walkAbroad(w: World, ops: string[]): Promise<Finding[]> {
  const headers = { ...w.callers.foreignAdmin.headers, 'x-store-id': w.foreignStoreId };
  const findings: Finding[] = [];
  for (const op of inRunOrder(ops.filter(namesResource))) {
    const req = (await CALLS[op]!.request?.(w, 'admin', w.fresh.get(freshKey(op, null)))) ?? {};
    const res = await send(op, headers, req);
    if (res.statusCode !== 403 && res.statusCode !== 404) {
      findings.push({
        op,
        who: 'foreignAdmin at home',
        expected: 'deny (403/404)',
        status: res.statusCode,
        problem: problemOf(res),
      });
    }
  }
  return findings;
}

function table(findings: Finding[]): string {
  const header = ['operation', 'principal', 'expected', 'got', 'answer'];
  const rows = findings.map((f) => [f.op, f.who, f.expected, String(f.status), f.problem]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

describe('the authorization matrix', () => {
  it('has an access entry for every operation of the API', () => {
    const missing = operations.filter((op) => !ACCESS_POLICY[op] || !CALLS[op]);
    expect(
      missing,
      `operations without an entry in test/security/access-policy.ts (and a call in calls.ts): ${missing.join(', ')}`,
    ).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  it('has no entry for an operation the API does not have', () => {
    const stale = Object.keys(ACCESS_POLICY).filter((op) => !operations.includes(op));
    expect(stale, `entries for operations that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  // Before the walk: it sends the admin's requests, which the walk then uses up.
  it("keeps another store's admin, signed in to its own store, away from this store's resources", async () => {
    const findings = await walkAbroad(world, walked);
    if (findings.length > 0)
      expect.fail(`${findings.length} cross-store answers were not 403/404:\n${table(findings)}`);
    expect(walked.filter(namesResource).length).toBeGreaterThan(50);
  });

  // Some 2,800 requests: about 40 s on the embedded database; the margin is for a busy machine.
  it('gives every principal exactly what the access policy allows', { timeout: 180_000 }, async () => {
    const findings = await walk(world, walked);
    if (findings.length > 0) {
      expect.fail(
        `${findings.length} answers disagree with test/security/access-policy.ts:\n${table(findings)}`,
      );
    }
    expect(walked.length * PRINCIPALS.length).toBeGreaterThan(800);
  });
});
