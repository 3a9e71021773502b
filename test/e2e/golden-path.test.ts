import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, onPostgres } from '../harness.ts';

// `bazaar start` exactly as a newcomer runs it (demo data on), then the example, on the typed client, against it.
const root = path.join(import.meta.dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-e2e-'));
const schema = `e2e_${Date.now().toString(36)}`;
const port = 4900 + Math.floor(Math.random() * 90);
/** The store's administrator, made at start; the golden path's fulfilment leg signs in with it. */
const admin = {
  BAZAAR_ADMIN_EMAIL: 'golden-admin@example.com',
  BAZAAR_ADMIN_PASSWORD: 'golden-path-admin-42',
};
let server: ChildProcess;
let output = '';
let stdout = '';

beforeAll(async () => {
  if (onPostgres) await adminQuery(`CREATE SCHEMA ${schema}`);
  server = spawn(process.execPath, [path.join(root, 'bin', 'bazaar.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      ...admin,
      ...(onPostgres ? { DATABASE_SCHEMA: schema } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => {
    output += d;
    stdout += d;
  });
  server.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`server not ready: ${output}`);
}, 240_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (onPostgres) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

describe('development mode, as `npm start` runs', () => {
  it('says so in the first log line and on /healthz', async () => {
    const first = JSON.parse(stdout.split('\n')[0]!) as { msg: string };
    expect(first.msg).toMatch(/^Bazaar \d+\.\d+\.\d+ starting in development mode$/);
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toEqual({ status: 'ok', mode: 'development' });
  });

  it('prints each demo account once with a random password that signs in, beside its console', async () => {
    const printed = [...stdout.matchAll(/^ {2}(\S+@demo\.bazaar\.test) +(\S+) +(\S+)$/gm)];
    const base = `http://127.0.0.1:${port}`;
    expect(printed.map((m) => [m[1], m[3]])).toEqual([
      ['admin@demo.bazaar.test', `${base}/admin`],
      ['agent@demo.bazaar.test', `${base}/agent`],
      ...[1, 2, 3, 4, 5].map((n) => [`seller${n}@demo.bazaar.test`, `${base}/seller`]),
    ]);
    expect(new Set(printed.map((m) => m[2])).size).toBe(7);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: printed[0]![1], password: printed[0]![2] }),
    });
    expect(login.status).toBe(200);
    // the log lines never carry the passwords
    const logLines = stdout.split('\n').filter((line) => line.startsWith('{'));
    for (const m of printed) expect(logLines.join('\n')).not.toContain(m[2]);
  });
});

describe('the golden path', () => {
  it('registers, browses, searches, buys, lists and cancels, then ships a cash-on-delivery order to an agent who delivers it and hands the cash in, against `bazaar start` with demo data', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'examples', 'golden-path.ts'), `http://127.0.0.1:${port}`],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ...admin },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('✓ delivered');
    expect(run.stdout).toContain('✓ reconciled');
    expect(run.stdout).toContain('golden path complete');
    expect(run.status).toBe(0);
  });

  it('serves the OpenAPI document and the offline reference', async () => {
    const doc = (await (await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/carts/{id}/checkout', '/api/v1/products']),
    );
    expect((await fetch(`http://127.0.0.1:${port}/api/docs/`)).status).toBe(200);
  });
});
