import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { createUser, type TestUser } from '../kit/index.ts';
import { capturingLogger } from '../logs.ts';

const victim = 'victim.person@example.test';

describe('what the logs keep out', () => {
  let server: TestServer;
  let admin: TestUser;
  const logs = capturingLogger();

  beforeAll(async () => {
    server = await createTestServer({
      log: logs.log,
      env: {
        BAZAAR_ADMIN_EMAIL: 'owner.person@example.test',
        BAZAAR_ADMIN_PASSWORD: 'amber-falcon-71-river',
      },
      prepare: false,
    });
    await sql`CREATE TABLE log_probe (email text UNIQUE)`.execute(server.database.db);
    server.app.post('/api/v1/log-probe', async () => {
      await sql`INSERT INTO log_probe (email) VALUES (${victim})`.execute(server.database.db);
      await sql`INSERT INTO log_probe (email) VALUES (${victim})`.execute(server.database.db);
      return {};
    });
    server.app.get('/api/v1/log-probe/mail', async () => {
      throw new Error(`Can't send mail - all recipients were rejected: 550 <${victim}>: unknown user`);
    });
    await server.prepare();
    admin = await createUser(server, { roles: ['ADMIN'] });
  });
  afterAll(async () => server?.destroy());

  it('logs requests by route and path, without the query string', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/v1/admin/users/lookup?email=${encodeURIComponent(victim)}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(404);
    const line = logs.lines().find((l) => l.msg === 'request completed' && l.statusCode === 404);
    expect(line).toMatchObject({
      method: 'GET',
      route: '/api/v1/admin/users/lookup',
      path: '/api/v1/admin/users/lookup',
    });
    expect(logs.text()).not.toContain('victim.person');
  });

  it('keeps the values of a failed statement out of a 500 log line', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/log-probe' });
    expect(res.statusCode).toBe(500);
    const failed = logs.lines().find((l) => l.msg === 'request failed');
    expect(failed).toBeDefined();
    expect(JSON.stringify(failed)).toContain('duplicate key');
    expect(logs.text()).not.toContain('victim.person');
    expect(logs.text()).not.toMatch(/Key \(email\)=/);
  });

  it('masks addresses inside error messages', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/log-probe/mail' });
    expect(res.statusCode).toBe(500);
    expect(logs.text()).toContain('550 <[email]>');
    expect(logs.text()).not.toContain('victim.person');
  });

  it('does not log the administrator email at start', () => {
    expect(logs.text()).toContain('administrator account in place');
    expect(logs.text()).not.toContain('owner.person');
  });

  it('censors personal fields wherever a logged object carries them', () => {
    server.log.info({ email: victim, order: { phone: '+919999999999', to: victim } }, 'probe');
    const probe = logs.lines().find((l) => l.msg === 'probe');
    expect(probe).toMatchObject({ email: '[redacted]', order: { phone: '[redacted]', to: '[redacted]' } });
  });
});
