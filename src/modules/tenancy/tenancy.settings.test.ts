import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createSeller,
  createStore,
  ok,
  type TestUser,
} from '../../../test/kit/index.ts';
import { storeSettings } from './index.ts';

let server: TestServer;
let admin: TestUser;
let seller: TestUser;
let customer: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, seller, customer] = await Promise.all([
    createAdmin(server),
    createSeller(server),
    createCustomer(server),
  ]);
});
afterAll(async () => server?.destroy());

const url = '/admin/store/settings';
/** The settings a store starts with, but for the ones given. */
const settings = (changed: Record<string, unknown> = {}) => ({
  timeZone: 'UTC',
  contact: { email: null, phone: null, address: null },
  policies: { terms: null, privacy: null, returns: null, shipping: null },
  sellerMaxRewardBp: 0,
  deliveryCodes: false,
  returnWindowDays: 14,
  logoUrl: null,
  accentColor: null,
  phoneSignUp: true,
  ...changed,
});

/** The settings as the API answers them: with the store's name, language and currency. */
const view = (changed: Record<string, unknown> = {}, name = 'Bazaar') => ({
  name,
  language: 'en',
  currency: 'INR',
  ...settings(changed),
});

describe('store settings', () => {
  it('starts with no reward rate for sellers and lets only an admin change it', async () => {
    const first = await as(admin).get(url);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual(view());
    expect((await as(seller).get(url)).statusCode).toBe(403);
    expect((await as(seller).patch(url, { sellerMaxRewardBp: 10_000 })).statusCode).toBe(403);
    expect((await as(customer).patch(url, { sellerMaxRewardBp: 10_000 })).statusCode).toBe(403);
    expect((await anonymous(server).get(url)).statusCode).toBe(401);

    const changed = await as(admin).patch(url, { sellerMaxRewardBp: 250 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual(view({ sellerMaxRewardBp: 250 }));
    expect((await as(admin).get(url)).json()).toEqual(view({ sellerMaxRewardBp: 250 }));
    const storeId = server.modules.tenancy.defaultStore().id;
    expect(await storeSettings({ db: server.database.db, storeId })).toEqual(
      settings({ sellerMaxRewardBp: 250 }),
    );
    // nothing to change answers the settings as they are
    const codes = await as(admin).patch(url, { deliveryCodes: true, returnWindowDays: 30 });
    expect(codes.json()).toEqual(view({ sellerMaxRewardBp: 250, deliveryCodes: true, returnWindowDays: 30 }));
    await ok(as(admin).patch(url, { deliveryCodes: false, returnWindowDays: 14 }));
    const unchanged = await as(admin).patch(url, {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual(view({ sellerMaxRewardBp: 250 }));
  });

  it('refuses bad settings with 400 and a pointer, changing nothing', async () => {
    for (const body of [
      { sellerMaxRewardBp: -1 },
      { sellerMaxRewardBp: 10_001 },
      { sellerMaxRewardBp: 1.5 },
      { sellerMaxRewardBp: '5' },
      { sellerMaxRewardBp: null },
      { deliveryCodes: 'yes' },
      { returnWindowDays: 366 },
      { returnWindowDays: -1 },
      { accentColor: 'red' },
      { accentColor: '#12345' },
      { logoUrl: 'javascript:alert(1)' },
      { logoUrl: 'http://cdn.example.com/logo.png' },
      { other: 1 },
    ]) {
      const res = await as(admin).patch(url, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect((await as(admin).get(url)).json()).toEqual(view({ sellerMaxRewardBp: 250 }));
  });

  it('shows the store’s logo and accent colour to everyone in GET /store, and lets an admin clear them', async () => {
    const before = await anonymous(server).get('/store');
    expect(before.json().branding).toEqual({ logoUrl: null, accentColor: null });
    const branding = { logoUrl: '/media/logo.png', accentColor: '#7A1F5C' };
    expect((await as(admin).patch(url, branding)).json()).toMatchObject(branding);
    expect((await anonymous(server).get('/store')).json().branding).toEqual(branding);
    const https = { logoUrl: 'https://shop.example.com/logo.svg' };
    expect((await as(admin).patch(url, https)).statusCode).toBe(200);
    await ok(as(admin).patch(url, { logoUrl: null, accentColor: null }));
    expect((await anonymous(server).get('/store')).json().branding).toEqual({
      logoUrl: null,
      accentColor: null,
    });
  });

  it('keeps each store’s settings and the rest of its config apart', async () => {
    const store = await createStore(server, { name: 'Other', config: { theme: 'dark' } });
    const other = store.id;
    const otherAdmin = await createAdmin(store);
    expect((await as(otherAdmin).get(url)).json()).toEqual(view({}, 'Other'));
    expect((await as(otherAdmin).patch(url, { sellerMaxRewardBp: 900 })).statusCode).toBe(200);
    expect(await storeSettings({ db: server.database.db, storeId: other })).toEqual(
      settings({ sellerMaxRewardBp: 900 }),
    );
    expect((await as(admin).get(url)).json()).toEqual(view({ sellerMaxRewardBp: 250 }));
    const { rows } = await sql<{ config: Record<string, unknown> }>`
      SELECT config FROM stores WHERE id = ${other}`.execute(server.database.db);
    expect(rows[0]!.config).toMatchObject({ theme: 'dark' });
    // an unreadable stored value falls back to the safe default
    await sql`UPDATE stores SET config = '{"settings": {"sellerMaxRewardBp": "lots"}}' WHERE id = ${other}`.execute(
      server.database.db,
    );
    expect(await storeSettings({ db: server.database.db, storeId: other })).toEqual(settings());
  });
});
