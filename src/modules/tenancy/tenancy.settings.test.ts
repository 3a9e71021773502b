import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createStore, storeSettings } from './index.ts';

let server: TestServer;
let admin: TestUser;
let seller: TestUser;
let customer: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, seller, customer] = await Promise.all([
    createUser(server, { roles: ['ADMIN'] }),
    createUser(server, { roles: ['SELLER'] }),
    createUser(server),
  ]);
});
afterAll(async () => server?.destroy());

const settings = (method: 'GET' | 'PATCH', user: TestUser | null, payload?: unknown, headers = {}) =>
  server.app.inject({
    method,
    url: '/api/v1/admin/store/settings',
    headers: { ...(user ? user.headers : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('store settings', () => {
  it('starts with no reward rate for sellers and lets only an admin change it', async () => {
    const first = await settings('GET', admin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ sellerMaxRewardBp: 0 });
    expect((await settings('GET', seller)).statusCode).toBe(403);
    expect((await settings('PATCH', seller, { sellerMaxRewardBp: 10_000 })).statusCode).toBe(403);
    expect((await settings('PATCH', customer, { sellerMaxRewardBp: 10_000 })).statusCode).toBe(403);
    expect((await settings('GET', null)).statusCode).toBe(401);

    const changed = await settings('PATCH', admin, { sellerMaxRewardBp: 250 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ sellerMaxRewardBp: 250 });
    expect((await settings('GET', admin)).json()).toEqual({ sellerMaxRewardBp: 250 });
    const storeId = server.modules.tenancy.defaultStore().id;
    expect(await storeSettings({ db: server.database.db, storeId })).toEqual({ sellerMaxRewardBp: 250 });
    // nothing to change answers the settings as they are
    const unchanged = await settings('PATCH', admin, {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual({ sellerMaxRewardBp: 250 });
  });

  it('refuses bad settings with 400 and a pointer, changing nothing', async () => {
    for (const body of [
      { sellerMaxRewardBp: -1 },
      { sellerMaxRewardBp: 10_001 },
      { sellerMaxRewardBp: 1.5 },
      { sellerMaxRewardBp: '5' },
      { sellerMaxRewardBp: null },
      { other: 1 },
    ]) {
      const res = await settings('PATCH', admin, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect((await settings('GET', admin)).json()).toEqual({ sellerMaxRewardBp: 250 });
  });

  it('keeps each store’s settings and the rest of its config apart', async () => {
    const tenantId = server.modules.tenancy.defaultStore().tenantId;
    const { id: other } = await createStore(server.database.db, {
      name: 'Other',
      status: 'PUBLISHED',
      tenantId,
      config: { theme: 'dark' },
    });
    const otherAdmin = await createUser(server, { roles: ['ADMIN'], storeId: other });
    const inOther = { 'x-store-id': other };
    expect((await settings('GET', otherAdmin, undefined, inOther)).json()).toEqual({ sellerMaxRewardBp: 0 });
    expect((await settings('PATCH', otherAdmin, { sellerMaxRewardBp: 900 }, inOther)).statusCode).toBe(200);
    expect(await storeSettings({ db: server.database.db, storeId: other })).toEqual({
      sellerMaxRewardBp: 900,
    });
    expect((await settings('GET', admin)).json()).toEqual({ sellerMaxRewardBp: 250 });
    const { rows } = await sql<{ config: Record<string, unknown> }>`
      SELECT config FROM stores WHERE id = ${other}`.execute(server.database.db);
    expect(rows[0]!.config).toMatchObject({ theme: 'dark' });
    // an unreadable stored value falls back to the safe default
    await sql`UPDATE stores SET config = '{"settings": {"sellerMaxRewardBp": "lots"}}' WHERE id = ${other}`.execute(
      server.database.db,
    );
    expect(await storeSettings({ db: server.database.db, storeId: other })).toEqual({ sellerMaxRewardBp: 0 });
  });
});
