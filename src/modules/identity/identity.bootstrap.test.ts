import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const attackerPassword = 'attacker-chose-this-9';
const operatorPassword = 'Operator-pass-1!x';

async function register(email: string) {
  const res = await anonymous(server).post('/auth/register', {
    email,
    password: attackerPassword,
    name: 'Early Bird',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { user: { id: string } };
}

const rolesOf = async (email: string) => {
  const login = await anonymous(server).post('/auth/login', { email, password: attackerPassword });
  return (login.json() as { user: { roles: string[] } }).user.roles;
};

describe('bootstrapping an administrator', () => {
  it('does not make an existing account ADMIN when the given password is not its own', async () => {
    const email = `boss-${Date.now()}@shop.test`;
    await register(email);
    const store = server.modules.tenancy.defaultStore().id;
    await expect(
      server.modules.identity.service.ensureAdmin(
        systemCtx(server.database.db, store, server.app.log),
        email,
        operatorPassword,
      ),
    ).rejects.toThrow(/exists.*password/i);
    expect(await rolesOf(email)).toEqual(['CUSTOMER']);
  });

  it('makes an existing account ADMIN when the given password verifies against it', async () => {
    const email = `owner-${Date.now()}@shop.test`;
    await register(email);
    const store = server.modules.tenancy.defaultStore().id;
    const admin = await server.modules.identity.service.ensureAdmin(
      systemCtx(server.database.db, store, server.app.log),
      email,
      attackerPassword,
    );
    expect(admin.roles).toEqual(expect.arrayContaining(['CUSTOMER', 'ADMIN']));
    expect(await rolesOf(email)).toEqual(expect.arrayContaining(['ADMIN']));
  });

  it('logs an error and grants nothing at start when BAZAAR_ADMIN_EMAIL names an account of someone else', async () => {
    const email = `early-${Date.now()}@shop.test`;
    await register(email);
    const lines: string[] = [];
    const again = await createTestServer({
      schema: server.schema,
      prepare: false,
      env: { BAZAAR_ADMIN_EMAIL: email, BAZAAR_ADMIN_PASSWORD: operatorPassword, LOG_LEVEL: 'error' },
    });
    try {
      again.log.error = ((obj: unknown, msg?: string) => {
        lines.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
      }) as typeof again.log.error;
      await again.prepare();
    } finally {
      await again.close();
    }
    expect(lines.join('\n')).toMatch(/not made an administrator/i);
    expect(await rolesOf(email)).toEqual(['CUSTOMER']);
  });
});
