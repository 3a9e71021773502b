import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/modules/identity/index.ts';
import { systemCtx } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  createCustomer,
  createOffer,
  createOrder,
  createProduct,
  createUser,
  shippingAddress,
  type TestUser,
} from '../kit/index.ts';

let server: TestServer;
/** Calls without a session, to the default store. */
let guest: Client;
let superAdmin: TestUser;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  guest = anonymous(server);
  superAdmin = await createUser(server, { roles: ['SUPER_ADMIN'] });
  admin = await createUser(server, { roles: ['ADMIN'] });
});
afterAll(async () => server?.destroy());

/** An ADMIN whose permissions a SUPER_ADMIN set to exactly `permissions`. */
async function adminWith(permissions: Permission[]): Promise<TestUser> {
  const user = await createUser(server, { roles: ['ADMIN'] });
  const res = await as(superAdmin).put(`/admin/users/${user.id}/admin-profile`, { permissions });
  expect(res.statusCode).toBe(200);
  return user;
}

/** A paid guest order of one unit; its order id and captured payment id. */
async function paidOrder() {
  const p = await createProduct(server, admin.headers, { price: 5_000, stock: 5, status: 'ACTIVE' });
  const cart = (await guest.post('/carts')).json();
  await guest.post(`/carts/${cart.id}/items`, { offerId: p.variants[0]!.offers[0]!.id, quantity: 1 });
  const res = await guest.post(`/carts/${cart.id}/checkout`, {
    email: `buyer-${newId()}@example.test`,
    shippingAddress,
    payment: { provider: 'test', token: 'tok_success' },
  });
  expect(res.statusCode).toBe(201);
  return { orderId: res.json().order.id as string, paymentId: res.json().payment.id as string };
}

/** A published review of a new product by a buyer who received it. */
async function publishedReview(): Promise<string> {
  const offer = await createOffer(server, { stock: 5 });
  const buyer = await createCustomer(server);
  await createOrder(server, { status: 'DELIVERED', buyer, offerId: offer.offerId });
  const res = await as(buyer).post(`/products/${offer.slug}/reviews`, { rating: 5 });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

interface NamedCall {
  name: string;
  /** Makes what the call needs and sends it as `user`. */
  send: (user: TestUser) => Promise<{ statusCode: number; body: string }>;
  ok: number;
}

/** Every call each permission names, with a fresh target per call so each one can succeed. */
const NAMED: Record<Permission, NamedCall[]> = {
  'orders:refund': [
    {
      name: 'refund a payment',
      ok: 201,
      send: async (u) => {
        const { paymentId } = await paidOrder();
        return as(u).post(`/admin/payments/${paymentId}/refunds`, { amount: 1_000, reason: 'damaged' });
      },
    },
    {
      name: 'move an order to REFUNDED',
      ok: 200,
      send: async (u) => {
        const { orderId } = await paidOrder();
        return as(u).post(`/admin/orders/${orderId}/status`, { status: 'REFUNDED' });
      },
    },
  ],
  'rewards:adjust': [
    {
      name: 'adjust reward points',
      ok: 200,
      send: async (u) => {
        const target = await createUser(server);
        return as(u).post(`/admin/users/${target.id}/rewards`, { points: 500, note: 'goodwill' });
      },
    },
  ],
  'users:roles': [
    {
      name: 'change roles',
      ok: 200,
      send: async (u) => {
        const target = await createUser(server);
        return as(u).put(`/admin/users/${target.id}/roles`, { roles: ['CUSTOMER', 'SELLER'] });
      },
    },
    {
      name: 'deactivate',
      ok: 200,
      send: async (u) => {
        const target = await createUser(server);
        return as(u).post(`/admin/users/${target.id}/deactivate`, {});
      },
    },
    {
      name: 'reactivate',
      ok: 200,
      send: async (u) => {
        const target = await createUser(server);
        await as(superAdmin).post(`/admin/users/${target.id}/deactivate`, {});
        return as(u).post(`/admin/users/${target.id}/reactivate`);
      },
    },
  ],
  'settings:manage': [
    {
      name: 'set the review settings',
      ok: 200,
      send: (u) =>
        as(u).put('/admin/review-settings', {
          moderation: false,
          allowUnverified: false,
          heldWords: [],
          holdLinks: true,
          rewardPoints: 0,
        }),
    },
    {
      name: 'add a tax rule',
      ok: 201,
      send: (u) => as(u).post('/admin/tax-rules', { name: 'GST', country: 'IN', rateBp: 1800 }),
    },
    {
      name: 'deactivate a tax rule',
      ok: 200,
      send: async (u) => {
        const rule = await as(superAdmin).post('/admin/tax-rules', {
          name: 'VAT',
          country: 'DE',
          rateBp: 1900,
        });
        return as(u).del(`/admin/tax-rules/${rule.json().id}`);
      },
    },
    {
      name: 'add a shipping method',
      ok: 201,
      send: (u) =>
        as(u).post('/admin/shipping-methods', {
          code: `m-${newId().slice(-8)}`,
          name: 'Courier',
          flatAmount: 0,
        }),
    },
    {
      name: 'change the store settings',
      ok: 200,
      send: (u) => as(u).patch('/admin/store/settings', { sellerMaxRewardBp: 100 }),
    },
  ],
  'sellers:approve': [
    {
      name: 'approve a seller',
      ok: 200,
      send: async (u) => {
        const applicant = await createUser(server);
        await as(applicant).post('/me/seller-application', { businessName: 'Shop' });
        return as(u).post(`/admin/sellers/${applicant.id}/approve`, {});
      },
    },
    {
      name: 'reject a seller',
      ok: 200,
      send: async (u) => {
        const applicant = await createUser(server);
        await as(applicant).post('/me/seller-application', { businessName: 'Shop' });
        return as(u).post(`/admin/sellers/${applicant.id}/reject`, { reason: 'incomplete' });
      },
    },
  ],
  'reviews:moderate': [
    { name: 'read the moderation queue', ok: 200, send: (u) => as(u).get('/admin/reviews') },
    {
      name: 'hide a review',
      ok: 200,
      send: async (u) => {
        const id = await publishedReview();
        return as(u).post(`/admin/reviews/${id}/hide`, { reason: 'off topic' });
      },
    },
  ],
  'quotes:manage': [
    {
      name: 'quote a lead',
      ok: 200,
      send: async (u) => {
        const lead = await anonymous(server)
          .post('/leads', {
            items: [{ description: 'Crates', quantity: 200 }],
            contact: { name: 'Buyer', email: 'buyer@example.test' },
          })
          .then((r) => r.json());
        const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
        return as(u).post(`/admin/leads/${lead.id}/quote`, {
          items: [{ itemId: lead.items[0].id, unitPrice: 1_000 }],
          validUntil,
        });
      },
    },
  ],
  'audit:read': [
    { name: 'read the audit trail', ok: 200, send: (u) => as(u).get('/admin/audit') },
    { name: 'export the audit trail', ok: 200, send: (u) => as(u).get('/admin/audit?format=csv') },
  ],
  'campaigns:manage': [
    { name: 'list campaigns', ok: 200, send: (u) => as(u).get('/admin/campaigns') },
    {
      name: 'create a campaign',
      ok: 201,
      send: (u) =>
        as(u).post('/admin/campaigns', {
          name: 'News',
          type: 'ANNOUNCEMENT',
          channels: ['EMAIL'],
          subject: 'News',
          body: 'Hello',
          target: { kind: 'EVERYONE' },
        }),
    },
  ],
  'coupons:manage': [
    {
      name: 'create a coupon',
      ok: 201,
      send: (u) =>
        as(u).post('/admin/coupons', { code: `C${newId().slice(-8)}`, type: 'AMOUNT', value: 100 }),
    },
    {
      name: 'change a coupon',
      ok: 200,
      send: async (u) => {
        const coupon = await as(superAdmin).post('/admin/coupons', {
          code: `D${newId().slice(-8)}`,
          type: 'AMOUNT',
          value: 100,
        });
        return as(u).patch(`/admin/coupons/${coupon.json().id}`, { active: false });
      },
    },
  ],
};

describe('admin permissions', () => {
  for (const permission of PERMISSIONS) {
    it(`refuses every call ${permission} names to an ADMIN without it (403) and allows it with it`, async () => {
      const others = PERMISSIONS.filter((p) => p !== permission);
      const without = await adminWith(others);
      const withIt = await adminWith([permission]);
      for (const named of NAMED[permission]) {
        const refused = await named.send(without);
        expect([named.name, refused.statusCode]).toEqual([named.name, 403]);
        expect(refused.body).toContain(permission);
        const allowed = await named.send(withIt);
        expect([named.name, allowed.statusCode, allowed.body]).toEqual([named.name, named.ok, allowed.body]);
      }
    });
  }

  it('names at least the refund, points, roles, settings and seller permissions, each with calls', () => {
    expect(PERMISSIONS).toEqual(
      expect.arrayContaining([
        'orders:refund',
        'rewards:adjust',
        'users:roles',
        'settings:manage',
        'sellers:approve',
      ]),
    );
    for (const p of PERMISSIONS) expect(NAMED[p].length).toBeGreaterThan(0);
  });

  it('gives every permission to an ADMIN made by create-admin or with the ADMIN role, and SUPER_ADMIN holds them all', async () => {
    const store = server.modules.tenancy.defaultStore().id;
    const made = await server.modules.identity.service.ensureAdmin(
      systemCtx(server.database.db, store, server.app.log),
      `boss-${newId()}@shop.test`,
      'Operator-pass-1!x',
    );
    for (const user of [made, admin]) {
      const res = await as(superAdmin).get(`/admin/users/${user.id}/admin-profile`);
      expect([...res.json().permissions].sort()).toEqual([...PERMISSIONS].sort());
    }
    const coupon = await as(superAdmin).post('/admin/coupons', {
      code: `S${newId().slice(-8)}`,
      type: 'AMOUNT',
      value: 1,
    });
    expect(coupon.statusCode).toBe(201);
  });

  it('gives an ADMIN granted by another admin at most the granter’s permissions', async () => {
    const granter = await adminWith(['users:roles', 'rewards:adjust']);
    const target = await createUser(server);
    const grant = await as(granter).put(`/admin/users/${target.id}/roles`, { roles: ['CUSTOMER', 'ADMIN'] });
    expect(grant.statusCode).toBe(200);
    const profile = await as(superAdmin).get(`/admin/users/${target.id}/admin-profile`);
    expect([...profile.json().permissions].sort()).toEqual(['rewards:adjust', 'users:roles']);
  });

  it('refuses unknown permission names with 400', async () => {
    const res = await as(superAdmin).put(`/admin/users/${admin.id}/admin-profile`, {
      permissions: ['orders:refund', 'everything'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toMatch(/^\/permissions/);
  });

  it('lets existing ADMINs with no permissions keep working after the upgrade (all of them are given)', async () => {
    const legacy = await createUser(server, { roles: ['ADMIN'] });
    await server.database.db
      .updateTable('admin_profiles')
      .set({ permissions: [] })
      .where('user_id', '=', legacy.id)
      .execute();
    const customer = await createUser(server);
    await sql`UPDATE users SET roles = '{CUSTOMER}' WHERE id = ${customer.id}`.execute(server.database.db);
    // the upgrade runs every identity migration about permissions since, in order
    for (const file of [
      '004_admin_permissions.sql',
      '010_reviews_permission.sql',
      '011_quotes_permission.sql',
      '012_audit_permission.sql',
      '013_campaigns_permission.sql',
    ]) {
      const migration = fs.readFileSync(
        path.join(import.meta.dirname, '..', '..', 'src', 'modules', 'identity', 'migrations', file),
        'utf8',
      );
      await sql.raw(migration).execute(server.database.db);
    }
    const res = await as(superAdmin).get(`/admin/users/${legacy.id}/admin-profile`);
    expect([...res.json().permissions].sort()).toEqual([...PERMISSIONS].sort());
    const none = await server.database.db
      .selectFrom('admin_profiles')
      .select('user_id')
      .where('user_id', '=', customer.id)
      .execute();
    expect(none).toEqual([]);
  });
});
