import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  api,
  as,
  type Client,
  createCustomer,
  createSeller,
  createStorePair,
  ok,
  shippingAddress,
  storeStaff,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';
import { lastMailTo, sentMails, tokenIn } from '../mail.ts';

// An account of store A exists in store A only: store B does not list it, sign it in, refresh,
// reset or verify it, and store B's staff and customers meet its users, sellers, groups, sessions
// and addresses only as "not found".
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let customerA: TestUser;
let customerB: TestUser;
let sellerA: TestUser;
let applicantA: TestUser;
let groupA: { id: string };
let addressA: { id: string };

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  [customerA, customerB, sellerA, applicantA] = await Promise.all([
    createCustomer(storeA, { name: 'Alma A' }),
    createCustomer(storeB),
    createSeller(storeA, { businessName: 'A Traders' }),
    createCustomer(storeA),
  ]);
  await ok(as(applicantA).post('/me/seller-application', { businessName: 'A Applicant' }));
  groupA = await ok(adminA.post('/admin/user-groups', { name: 'A wholesale' }));
  await ok(adminA.put(`/admin/users/${customerA.id}/group`, { groupId: groupA.id }));
  addressA = await ok(as(customerA).post('/me/addresses', shippingAddress));
});
afterAll(async () => server?.destroy());

const inB = (user: TestUser) => ({ ...user.headers, 'x-store-id': storeB.id });
const ids = (items: Array<{ id?: string; userId?: string }>) => items.map((i) => i.id ?? i.userId);

/** Store A's customer as store A's admin sees it, and whether its password still signs it in. */
async function customerInStoreA(password = customerA.password) {
  const user = await ok(adminA.get(`/admin/users/${customerA.id}`));
  const login = await anonymous(storeA).post('/auth/login', { email: customerA.email, password });
  return {
    roles: user.roles,
    status: user.status,
    groupId: user.groupId,
    name: user.name,
    signsIn: login.statusCode,
  };
}

const unchanged = () => ({
  roles: ['CUSTOMER'],
  status: 'ACTIVE',
  groupId: groupA.id,
  name: 'Alma A',
  signsIn: 200,
});

describe('accounts across stores', () => {
  it("does not sign store A's account in at store B, nor lock it there by failing", async () => {
    const credentials = { email: customerA.email, password: customerA.password };
    const unknown = await anonymous(storeB).post('/auth/login', {
      ...credentials,
      email: 'nobody@example.test',
    });
    for (let i = 0; i < 7; i++) {
      const answer = await anonymous(storeB).post('/auth/login', credentials);
      if (i === 0) {
        expect(answer.statusCode).toBe(401);
        expect({ ...answer.json(), instance: null }).toEqual({ ...unknown.json(), instance: null });
      }
    }
    expect(await customerInStoreA()).toEqual(unchanged());
  });

  it("does not take store A's tokens in store B, and a refused refresh or logout there spends nothing", async () => {
    for (const path of ['/me', '/me/sessions', '/me/addresses', '/me/profile']) {
      expect({ path, status: (await api(server).get(path, inB(customerA))).statusCode }).toEqual({
        path,
        status: 401,
      });
    }
    expect((await api(server).post('/auth/logout-all', {}, inB(customerA))).statusCode).toBe(401);
    const login = await ok(
      anonymous(storeA).post('/auth/login', { email: customerA.email, password: customerA.password }),
    );
    const refresh = await anonymous(storeB).post('/auth/refresh', { refreshToken: login.refreshToken });
    expect(refresh.statusCode).toBe(401);
    const out = await anonymous(storeB).post('/auth/logout', { refreshToken: login.refreshToken });
    expect(out.statusCode).toBe(204); // logout answers alike for any token, and ends nothing here
    // the session is as it was in store A: its refresh token is good, once
    expect(
      (await anonymous(storeA).post('/auth/refresh', { refreshToken: login.refreshToken })).statusCode,
    ).toBe(200);
    expect((await as(customerA).get('/me')).statusCode).toBe(200);
  });

  it("registers store A's email in store B as a separate account, leaving store A's alone", async () => {
    const password = 'a different 12345 password';
    const registered = await anonymous(storeB).post('/auth/register', {
      email: customerA.email,
      password,
      name: 'Bea B',
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().user.id).not.toBe(customerA.id);
    expect(
      (await anonymous(storeA).post('/auth/login', { email: customerA.email, password })).statusCode,
    ).toBe(401);
    expect(await customerInStoreA()).toEqual(unchanged());
  });

  it("mails no reset for store A's account when asked in store B, and store A's codes do not work in B", async () => {
    const outsider = await createCustomer(storeA);
    const before = (await sentMails(server)).filter((m) => m.to.includes(outsider.email)).length;
    expect((await anonymous(storeB).post('/auth/password-reset', { email: outsider.email })).statusCode).toBe(
      202,
    );
    expect((await sentMails(server)).filter((m) => m.to.includes(outsider.email))).toHaveLength(before);

    await ok(anonymous(storeA).post('/auth/password-reset', { email: outsider.email }));
    const token = tokenIn(await lastMailTo(server, outsider.email, /reset/i));
    const password = 'a brand new 9876 password';
    const confirmed = await anonymous(storeB).post('/auth/password-reset/confirm', { token, password });
    expect(confirmed.statusCode).toBe(400);
    const signIn = (pw: string) =>
      anonymous(storeA).post('/auth/login', { email: outsider.email, password: pw });
    expect((await signIn(outsider.password)).statusCode).toBe(200);
    // the code is still good where it was issued
    expect(
      (await anonymous(storeA).post('/auth/password-reset/confirm', { token, password })).statusCode,
    ).toBe(204);
    expect((await signIn(password)).statusCode).toBe(200);
  });

  it("does not verify store A's email address with its code in store B", async () => {
    const email = `verify-${Date.now()}@example.test`;
    const reg = await ok(
      anonymous(storeA).post('/auth/register', { email, password: 'plum-orchard-7-lantern', name: 'V' }),
    );
    const token = tokenIn(await lastMailTo(server, email, /confirm your email/i));
    expect((await anonymous(storeB).post('/auth/verify-email', { token })).statusCode).toBe(400);
    const me = await api(server).get('/me', {
      authorization: `Bearer ${reg.accessToken}`,
      'x-store-id': storeA.id,
    });
    expect(me.json().emailVerified).toBe(false);
    expect((await anonymous(storeA).post('/auth/verify-email', { token })).statusCode).toBe(200);
  });
});

describe('user administration across stores', () => {
  it("leaves store A's users, sellers and groups out of store B's lists and lookups", async () => {
    const users = await ok(adminB.get('/admin/users?limit=100'));
    for (const user of [customerA, sellerA, applicantA]) expect(ids(users.items)).not.toContain(user.id);
    const byEmail = (admin: Client) =>
      admin.get(`/admin/users/lookup?email=${encodeURIComponent(sellerA.email)}`);
    expect((await byEmail(adminA)).statusCode).toBe(200);
    expect((await byEmail(adminB)).statusCode).toBe(404);
    await ok(as(applicantA).patch('/me', { phone: '+919800012345' }));
    const byPhone = (admin: Client) => admin.get('/admin/users/lookup?phone=%2B919800012345');
    expect((await ok(byPhone(adminA))).id).toBe(applicantA.id);
    expect((await byPhone(adminB)).statusCode).toBe(404);
    const sellers = await ok(adminB.get('/admin/sellers?limit=100'));
    expect(ids(sellers.items)).not.toContain(sellerA.id);
    expect(ids(sellers.items)).not.toContain(applicantA.id);
    const groups = await ok(adminB.get('/admin/user-groups'));
    expect(ids(groups.items)).not.toContain(groupA.id);
  });

  it("answers 404 in store B for store A's user, its admin profile, seller and group", async () => {
    const paths = [
      `/admin/users/${customerA.id}`,
      `/admin/users/${sellerA.id}/admin-profile`,
      `/admin/sellers/${sellerA.id}`,
      `/admin/user-groups/${groupA.id}`,
    ];
    for (const path of paths) {
      expect({ path, status: (await adminB.get(path)).statusCode }).toEqual({ path, status: 404 });
    }
    expect((await adminA.get(`/admin/sellers/${sellerA.id}`)).statusCode).toBe(200);
  });

  it("does not let store B's admin change store A's users: roles, status, group or permissions", async () => {
    const answers = await Promise.all([
      adminB.put(`/admin/users/${customerA.id}/roles`, { roles: ['CUSTOMER', 'ADMIN'] }),
      adminB.post(`/admin/users/${customerA.id}/deactivate`, { reason: 'not yours' }),
      adminB.post(`/admin/users/${customerA.id}/reactivate`, {}),
      adminB.put(`/admin/users/${customerA.id}/group`, { groupId: null }),
      // permissions are the super administrator's to give
      as(await storeStaff(server, storeB.id, 'SUPER_ADMIN')).put(
        `/admin/users/${customerA.id}/admin-profile`,
        {
          permissions: [],
        },
      ),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    // nor put one of store B's users into store A's group
    const joined = await adminB.put(`/admin/users/${customerB.id}/group`, { groupId: groupA.id });
    expect(joined.statusCode).toBe(404);
    expect((await ok(adminB.get(`/admin/users/${customerB.id}`))).groupId).toBeNull();
    expect(await customerInStoreA()).toEqual(unchanged());
  });

  it("does not let store B's admin approve or reject store A's seller applications, nor touch its groups", async () => {
    const answers = await Promise.all([
      adminB.post(`/admin/sellers/${applicantA.id}/approve`, {}),
      adminB.post(`/admin/sellers/${applicantA.id}/reject`, { reason: 'not yours' }),
      adminB.post(`/admin/sellers/${sellerA.id}/reject`, { reason: 'not yours' }),
      adminB.patch(`/admin/user-groups/${groupA.id}`, { name: 'Taken', adminDiscountBps: 9_000 }),
      adminB.del(`/admin/user-groups/${groupA.id}`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect((await ok(adminA.get(`/admin/sellers/${applicantA.id}`))).status).toBe('PENDING');
    expect((await ok(adminA.get(`/admin/sellers/${sellerA.id}`))).status).toBe('APPROVED');
    expect(await ok(adminA.get(`/admin/user-groups/${groupA.id}`))).toMatchObject({
      name: 'A wholesale',
      adminDiscountBps: 0,
    });
  });
});

describe('a customer of store B and store A customer records', () => {
  it("does not reach store A's customer's session or address", async () => {
    const sessions = await ok<{ items: Array<{ id: string }> }>(as(customerA).get('/me/sessions'));
    const sessionA = sessions.items[0]!.id;
    const client = as(customerB);
    const answers = await Promise.all([
      client.del(`/me/sessions/${sessionA}`),
      client.get(`/me/addresses/${addressA.id}`),
      client.patch(`/me/addresses/${addressA.id}`, { city: 'Elsewhere' }),
      client.del(`/me/addresses/${addressA.id}`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    expect(ids((await ok(client.get('/me/addresses'))).items)).not.toContain(addressA.id);
    expect((await as(customerA).get('/me')).statusCode).toBe(200);
    expect(await ok(as(customerA).get(`/me/addresses/${addressA.id}`))).toMatchObject({
      city: shippingAddress.city,
    });
  });
});
